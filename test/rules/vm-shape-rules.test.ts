import * as fc from 'fast-check';
import { RealtimeVirtualMachineProps } from '../../src/constructs/vm/realtime-virtual-machine-props';
import { resolveVm } from '../../src/model/vm/resolve';
import { shapePropFindings, shapePropKey, vmPropFindings } from '../../src/rules/vm-rules';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { CpuFeature } from '../../src/values/vm/cpu-feature';
import { DataDisk } from '../../src/values/vm/disk';
import { minimalProps } from '../fixtures/vm';
import { anyVmProps, expectKeyDecidesOutcome } from '../fixtures/vm-props-arbitrary';

// VMs with the same shapePropKey share their shapePropFindings (the app computes them once per key): the key must hold
// everything those rules read and print.


function shapeText(p: RealtimeVirtualMachineProps): string {
  return JSON.stringify(shapePropFindings(resolveVm('vm', p)));
}

describe('shapePropKey', () => {
  test('VMs with the same key get the same shape findings', () => {
    expectKeyDecidesOutcome(shapePropKey, shapeText, { numRuns: 800, bothWays: false });
  });

  test('names, disks and scheduling are not part of it', () => {
    const a = shapePropKey(resolveVm('a', minimalProps()));
    expect(a).toBeDefined();
    expect(shapePropKey(resolveVm('b', minimalProps({ disks: [DataDisk.persistentVolumeClaim('d')], nodeSelector: { a: 'b' } })))).toBe(a);
  });

  test('no key when a message would show more than the key holds, or a prop is not a plain value', () => {
    const none: Array<Partial<RealtimeVirtualMachineProps>> = [
      { topology: { sockets: 1, cores: 2, threads: 1 } }, // next to vcpus: the message shows both objects
      { vcpus: null as unknown as number },
      { realtimeMask: '1-3' as unknown as RealtimeMask },
      { cpuFeatures: ['tsc-deadline' as unknown as CpuFeature] },
      { memory: undefined },
    ];
    for (const p of none) expect(shapePropKey(resolveVm('vm', minimalProps(p)))).toBeUndefined();
  });
});

describe('vmPropFindings', () => {
  test('with the shape findings given, the same as computing them', () => {
    fc.assert(fc.property(anyVmProps, (p) => {
      const vm = resolveVm('vm', p);
      expect(vmPropFindings(vm, shapePropFindings(vm))).toEqual(vmPropFindings(vm));
    }), { numRuns: 100 });
  });
});
