import { CLOUD_INIT_DISK, VmModel } from '../model/vm/vm-model';
import { error, Finding } from '../values/finding';
import { isDns1123Label } from '../values/kubernetes-names';

/** Every disk has a source and a unique DNS-1123 label name. */
export function diskFindings(vm: VmModel): Finding[] {
  const out: Finding[] = [];
  const names = new Map<string, string>();
  if (vm.hasCloudInitDisk) names.set(CLOUD_INIT_DISK, vm.cloudInit !== undefined ? 'cloudInit' : 'the guest tuning\'s cloud-init disk');
  for (const d of vm.disks) {
    if (d.reference.trim() === '') {
      out.push(error('VM_DISK_INVALID', `${d.field} (${d.volumeType})`, d.reference, 'a non-empty image, claim or DataVolume name',
        'name where the disk comes from'));
    }
    if (!isDns1123Label(d.name)) {
      out.push(error('VM_DISK_INVALID', `${d.field}.name`, d.name, 'a DNS-1123 label (disk and volume names are matched by name)',
        'pass { name: "datadisk" } in the disk options'));
    } else if (names.has(d.name)) {
      out.push(error('VM_DISK_NAME_DUPLICATE', `${d.field}.name`, d.name, `a name not used by ${names.get(d.name)}`,
        'give each disk its own name in the disk options'));
    } else {
      names.set(d.name, d.field);
    }
  }
  return out;
}
