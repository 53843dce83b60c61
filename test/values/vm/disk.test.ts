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

  test.each([
    [() => BootDisk.containerDisk(undefined as unknown as string), '[PROP_REQUIRED] BootDisk.containerDisk(image)'],
    [() => BootDisk.persistentVolumeClaim(7 as unknown as string), '[PROP_TYPE_INVALID] BootDisk.persistentVolumeClaim(claimName): got 7'],
    [() => BootDisk.dataVolume('dv', null as unknown as {}), '[PROP_TYPE_INVALID] BootDisk.dataVolume options: got null, expected an object'],
    [() => DataDisk.containerDisk('img', { name: 5 as unknown as string }), '[PROP_TYPE_INVALID] name: got 5, expected a string'],
    [() => DataDisk.persistentVolumeClaim('c', { nmae: 'x' } as unknown as {}), '[PROP_UNKNOWN] nmae: got "x", expected one of the DataDisk.persistentVolumeClaim options (name); fix: did you mean "name"?'],
    [() => DataDisk.dataVolume([] as unknown as string), '[PROP_TYPE_INVALID] DataDisk.dataVolume(dataVolumeName): got a list of 0 items'],
  ])('refuses arguments of the wrong type at the typed boundary (issue 13) %#', (make, line) => {
    expect(make).toThrow(line);
  });
});
