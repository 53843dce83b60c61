import * as fc from 'fast-check';
import { checkShape, countRule, isUsableShape, vmShapeProblems } from '../../../src/model/placement/shape-check';
import { formatFinding } from '../../../src/values/finding';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { ValidationError } from '../../../src/values/validation-error';
import { vmShape } from '../../plan/helpers';

const lines = (shape: unknown) => vmShapeProblems(shape).map(formatFinding);

describe('the typed boundary of the capacity functions (issue 13: a 0-vCPU shape made capacity loop forever)', () => {
  test('a real shape is usable, extra fields (a VM\'s resolved settings) ignored', () => {
    const shape = vmShape({ vcpus: 4, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true });
    expect(lines(shape)).toEqual([]);
    expect(isUsableShape({ ...shape, usesTopology: false, cpuModel: 'host-passthrough' })).toBe(true);
  });

  test('refuses 0, NaN, negative and fractional counts, and flags that are not booleans', () => {
    const shape = vmShape({ vcpus: 4 });
    expect(lines({ ...shape, vcpus: 0, memoryBytes: NaN, cores: 1.5, supplementalPoolThreadCount: -1, isolateEmulatorThread: 'no' })).toEqual([
      '[PROP_TYPE_INVALID] shape.vcpus: got 0, expected a whole number from 1 to 4096 (a VM has at least one vCPU); '
        + 'fix: pass the shape of a VM that synthesizes (RealtimeVirtualMachine.shape), or fix the count',
      '[PROP_TYPE_INVALID] shape.cores: got 1.5, expected a whole number ≥ 1 (cores per socket); '
        + 'fix: pass the shape of a VM that synthesizes (RealtimeVirtualMachine.shape), or fix the count',
      '[PROP_TYPE_INVALID] shape.memoryBytes: got NaN, expected a whole number ≥ 1 (guest memory in bytes); '
        + 'fix: pass the shape of a VM that synthesizes (RealtimeVirtualMachine.shape), or fix the count',
      '[PROP_TYPE_INVALID] shape.isolateEmulatorThread: got "no", expected true or false; fix: write true or false, without quotes',
      '[PROP_TYPE_INVALID] shape.supplementalPoolThreadCount: got -1, expected a whole number ≥ 0 (extra IOThread CPUs); '
        + 'fix: pass the shape of a VM that synthesizes (RealtimeVirtualMachine.shape), or fix the count',
    ]);
    expect(lines({ ...shape, vcpus: 4097 })[0]).toContain('got 4097, expected a whole number from 1 to 4096');
    expect(lines({ ...shape, hugePageSize: '1Gi' })[0]).toContain('[PROP_TYPE_INVALID] shape.hugePageSize: got "1Gi"');
  });

  test('refuses a missing shape or field', () => {
    expect(lines(undefined)[0]).toMatch(/^\[PROP_TYPE_INVALID\] shape: got \(not set\), expected an object with the VmShape fields/);
    const { vcpus: _, ...noVcpus } = vmShape({ vcpus: 2 });
    expect(lines(noVcpus)[0]).toMatch(/^\[PROP_REQUIRED\] shape.vcpus: got \(not set\)/);
  });

  test('checkShape throws the problems as one ValidationError, under the given name', () => {
    expect(() => checkShape({ ...vmShape({ vcpus: 2 }), vcpus: -2 }, 'capacityOf(shape)')).toThrow(ValidationError);
    expect(() => checkShape({ ...vmShape({ vcpus: 2 }), vcpus: -2 }, 'capacityOf(shape)')).toThrow(/capacityOf\(shape\)\.vcpus: got -2/);
    expect(() => checkShape(vmShape({ vcpus: 2 }), 'x')).not.toThrow();
  });

  test('countRule names what the number counts', () => {
    const out: never[] = [];
    countRule(0, 10, 'pages').check(11, 'n', out);
    expect((out as { expected: string }[])[0].expected).toBe('a whole number from 0 to 10 (pages)');
  });

  test('property: any value gives findings or a usable shape, never a throw', () => {
    fc.assert(fc.property(fc.anything(), fc.record({ vcpus: fc.anything(), memoryBytes: fc.anything() }), (x, overrides) => {
      vmShapeProblems(x);
      const problems = vmShapeProblems({ ...vmShape({ vcpus: 2 }), ...overrides });
      const { vcpus, memoryBytes } = overrides;
      const fine = Number.isSafeInteger(vcpus) && (vcpus as number) >= 1 && (vcpus as number) <= 4096
        && Number.isSafeInteger(memoryBytes) && (memoryBytes as number) >= 1;
      expect(problems.length === 0).toBe(fine);
    }), { numRuns: 300 });
  });
});
