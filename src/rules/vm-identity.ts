import { VM_LABEL, VmModel } from '../model/vm/vm-model';
import { error, Finding } from '../values/finding';
import { isDns1123Label } from '../values/kubernetes-names';

/** The VM name and namespace are DNS-1123 labels; the `kubevirt.io/vm` label is ours to set. */
export function identityFindings(vm: VmModel): Finding[] {
  const out: Finding[] = [];
  if (!isDns1123Label(vm.name)) {
    const field = vm.nameFromId ? 'metadata.name (defaulted from the construct id)' : 'metadata.name';
    out.push(error('VM_NAME_INVALID', field, vm.name,
      'a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit',
      'set metadata.name to a name like "fedora-realtime" (VirtualMachine names become pod names and DNS labels)'));
  }
  if (vm.namespace !== undefined && !isDns1123Label(vm.namespace)) {
    out.push(error('VM_NAMESPACE_INVALID', 'metadata.namespace', vm.namespace, 'a DNS-1123 label',
      'use an existing namespace name such as "poc"'));
  }
  if (vm.vmLabel !== undefined && vm.vmLabel !== vm.name) {
    out.push(error('VM_LABEL_CONFLICT', `metadata.labels["${VM_LABEL}"]`, vm.vmLabel, `the VM name ${JSON.stringify(vm.name)}`,
      'remove the label: the construct sets kubevirt.io/vm to the VM name on the VM and its template'));
  }
  return out;
}
