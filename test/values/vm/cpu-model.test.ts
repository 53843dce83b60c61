import { CpuModel } from '../../../src/values/vm/cpu-model';

describe('CpuModel', () => {
  test('the libvirt spellings', () => {
    expect(CpuModel.HOST_PASSTHROUGH.model).toBe('host-passthrough');
    expect(CpuModel.HOST_MODEL.toString()).toBe('host-model');
    expect(CpuModel.named('Skylake-Server').model).toBe('Skylake-Server');
    expect(CpuModel.HOST_PASSTHROUGH.isHostPassthrough).toBe(true);
    expect(CpuModel.HOST_MODEL.isHostPassthrough).toBe(false);
  });

  test('named() refuses a model that is not a string (issue 13); an empty name is VM_CPU_FEATURE_INVALID at synth', () => {
    expect(() => CpuModel.named(undefined as unknown as string)).toThrow('[PROP_REQUIRED] CpuModel.named(model)');
    expect(() => CpuModel.named({} as unknown as string)).toThrow('[PROP_TYPE_INVALID] CpuModel.named(model): got an object, expected a string');
    expect(CpuModel.named('').model).toBe('');
  });
});
