import { CpuModel } from '../../../src/values/vm/cpu-model';

describe('CpuModel', () => {
  test('the libvirt spellings', () => {
    expect(CpuModel.HOST_PASSTHROUGH.model).toBe('host-passthrough');
    expect(CpuModel.HOST_MODEL.toString()).toBe('host-model');
    expect(CpuModel.named('Skylake-Server').model).toBe('Skylake-Server');
    expect(CpuModel.HOST_PASSTHROUGH.isHostPassthrough).toBe(true);
    expect(CpuModel.HOST_MODEL.isHostPassthrough).toBe(false);
  });
});
