import { CloudInit } from '../../src/values/vm/cloud-init';
import { BootDisk, DataDisk } from '../../src/values/vm/disk';
import { minimalProps, synthError } from '../fixtures/vm';

describe('VM disk rules', () => {
  test('fails without a boot disk (JavaScript callers)', () => {
    expect(synthError(minimalProps({ bootDisk: undefined as any }))).toContain('[PROP_REQUIRED] bootDisk: got (not set)');
  });

  test('fails on a disk without a source', () => {
    expect(synthError(minimalProps({ bootDisk: BootDisk.containerDisk('') }))).toContain('[VM_DISK_INVALID] bootDisk (containerDisk): got ""');
  });

  test('fails on a disk name that is not a DNS-1123 label', () => {
    expect(synthError(minimalProps({ disks: [DataDisk.persistentVolumeClaim('Data_Claim')] })))
      .toContain('[VM_DISK_INVALID] disks[0].name: got "Data_Claim"');
  });

  test('fails on duplicate disk names, including the cloud-init disk', () => {
    expect(synthError(minimalProps({ disks: [DataDisk.persistentVolumeClaim('a', { name: 'containerdisk' })] })))
      .toContain('[VM_DISK_NAME_DUPLICATE] disks[0].name: got "containerdisk", expected a name not used by bootDisk');
    expect(synthError(minimalProps({ cloudInit: CloudInit.fromSecret('s'), disks: [DataDisk.dataVolume('cloudinitdisk')] })))
      .toContain('[VM_DISK_NAME_DUPLICATE] disks[0].name: got "cloudinitdisk", expected a name not used by cloudInit');
  });
});
