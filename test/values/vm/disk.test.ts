import { BootDisk, DataDisk } from '../../../src/values/vm/disk';

describe('BootDisk / DataDisk', () => {
  test.each([
    [BootDisk.containerDisk('img:1'), 'containerdisk', 'containerDisk', { image: 'img:1' }],
    [BootDisk.persistentVolumeClaim('root'), 'rootdisk', 'persistentVolumeClaim', { claimName: 'root' }],
    [BootDisk.dataVolume('dv'), 'rootdisk', 'dataVolume', { name: 'dv' }],
    [BootDisk.dataVolume('dv', { name: 'boot' }), 'boot', 'dataVolume', { name: 'dv' }],
  ])('boot disk %#: name %s, volume %s', (disk, name, type, body) => {
    expect(disk.name).toBe(name);
    expect(disk.volumeType).toBe(type);
    expect(disk._volumeBody()).toEqual(body);
  });

  test('extra disks are named after their claim or DataVolume; container disks by position unless named', () => {
    expect(DataDisk.persistentVolumeClaim('data').name).toBe('data');
    expect(DataDisk.dataVolume('dv').name).toBe('dv');
    expect(DataDisk.containerDisk('img').name).toBeUndefined();
    expect(DataDisk.containerDisk('img', { name: 'tools' }).name).toBe('tools');
    expect(DataDisk.containerDisk('img').reference).toBe('img');
  });
});
