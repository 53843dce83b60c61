import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { NodeFiles } from '../../src/constructs/node-files';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { ReviewPages } from '../../src/constructs/review-pages';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { capacityCountsOf, capacityOf, isPodCpuCountAligned } from '../../src/model/placement/capacity';
import { poolCapacityFor } from '../../src/model/placement/pool-capacity';
import { memoryQuantity, pinnedCpuCount, podCpuCount, VmShape } from '../../src/model/vm/vm-shape';
import { ALL_CODES } from '../../src/rules/codes';
import { admissionFindings } from '../../src/rules/vm-admission';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { CpuSet } from '../../src/values/cpu-set';
import { formatFinding } from '../../src/values/finding';
import { HostTopology } from '../../src/values/host/host-topology';
import { HugePageSize } from '../../src/values/hugepage-size';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { ValidationError } from '../../src/values/validation-error';
import { BootDisk } from '../../src/values/vm/disk';
import { modelOf, smtPoolProps, vmProps } from '../fixtures/placement';

// One test per failure class the fuzz task (fuzz/, `npx projen fuzz`) found, named after the entry point and the seed
// of the first case (`node .fuzz/fuzz/repro.js <entry> <seed>` replays it), plus the hangs issue 13 reported. Each
// asserts the library's own error (a ValidationError with registered codes) or clean output where a TypeError, NaN,
// "[object Object]", a hang or a split message came before.

/** The ValidationError `fn` throws (fails the test on any other outcome). */
function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    for (const f of (e as ValidationError).findings) expect(ALL_CODES).toHaveProperty([f.code]);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

/** A real VM shape (what RealtimeVirtualMachine.shape holds). */
function shapeOf(overrides: Record<string, unknown> = {}): VmShape {
  const chart = Testing.chart();
  const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps());
  return { ...vm.shape, ...overrides } as VmShape;
}

describe('hangs (issue 13)', () => {
  test('a 0-vCPU VM without huge pages: capacity refuses the shape instead of looping over floor(n / 0) VMs', () => {
    const pool = modelOf(smtPoolProps());
    const shape = shapeOf({ vcpus: 0, isolateEmulatorThread: false, hugePageSize: undefined });
    expect(validationError(() => capacityOf(pool.partition, shape)).message)
      .toBe('[PROP_TYPE_INVALID] capacityOf(shape).vcpus: got 0, expected a whole number from 1 to 4096 (a VM has at least one vCPU); '
        + 'fix: pass the shape of a VM that synthesizes (RealtimeVirtualMachine.shape), or fix the count');
    expect(validationError(() => capacityCountsOf(pool.partition, shape)).code).toBe('PROP_TYPE_INVALID');
    expect(validationError(() => isPodCpuCountAligned(pool.partition, shape)).code).toBe('PROP_TYPE_INVALID');
    expect(validationError(() => poolCapacityFor(pool, shape)).message).toContain('poolCapacityFor(shape).vcpus: got 0');
  });

  test.each([
    ['NaN vCPUs', { vcpus: NaN }, 'capacityOf(shape).vcpus: got NaN'],
    ['negative memory', { memoryBytes: -1 }, 'capacityOf(shape).memoryBytes: got -1'],
    ['fractional threads', { threads: 1.5 }, 'capacityOf(shape).threads: got 1.5'],
    ['a string count', { supplementalPoolThreadCount: '2' }, 'capacityOf(shape).supplementalPoolThreadCount: got "2"'],
    ['a missing flag', { isolateEmulatorThread: undefined }, '[PROP_REQUIRED] capacityOf(shape).isolateEmulatorThread'],
  ])('capacity refuses a shape with %s (seed capacity-289234602 and kin printed "NaN x 1Gi", "-2 VMs")', (_, overrides, line) => {
    expect(validationError(() => capacityOf(modelOf(smtPoolProps()).partition, shapeOf(overrides))).message).toContain(line);
  });

  test('huge page counts that add up past 2^53 (or to Infinity) stay numbers (seed capacity: "Infinity x 1Gi huge pages")', () => {
    const pool = modelOf(smtPoolProps());
    const pages = [0, 0, 1, 1].map((numaNode) => ({ numaNode, size: HugePageSize.ONE_GI, count: Number.MAX_VALUE }));
    const capacity = capacityOf(pool.partition, shapeOf(), { hugePages: pages });
    for (const n of capacity.perNumaNode) {
      expect(n.hugePages).toBe(Number.MAX_SAFE_INTEGER);
      expect(Number.isFinite(n.vmsByHugePages)).toBe(true);
      expect(n.reason).not.toMatch(/Infinity|NaN/);
    }
    const infinite = [{ numaNode: 0, size: HugePageSize.ONE_GI, count: Infinity }];
    expect(validationError(() => capacityOf(pool.partition, shapeOf(), { hugePages: infinite })).code)
      .toBe('PROP_TYPE_INVALID');
  });

  test('capacity refuses negative huge page counts in its options (they gave negative VM counts)', () => {
    const pool = modelOf(smtPoolProps());
    const negative = [{ numaNode: 0, size: HugePageSize.ONE_GI, count: -8 }];
    expect(validationError(() => capacityOf(pool.partition, shapeOf(), { hugePages: negative })).message)
      .toContain('[PROP_TYPE_INVALID] hugePages[0].count: got -8, expected a whole number ≥ 0');
  });

  test('ReviewPages.write after a refused synth returns, listing the refused VM without a capacity', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ nodeCount: 1 }));
    new RealtimeVirtualMachine(chart, 'zero', vmProps({ vcpus: 0, isolateEmulatorThread: false, hugePages: false, nodePool: pool }));
    new RealtimeVirtualMachine(chart, 'fine', vmProps({ nodePool: pool }));
    expect(() => Testing.synth(chart)).toThrow(/VM_VCPUS_INVALID/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-regression-'));
    try {
      const started = Date.now();
      const written = ReviewPages.write(chart, dir);
      expect(Date.now() - started).toBeLessThan(10_000);
      const page = fs.readFileSync(written[0], 'utf8');
      expect(page).toContain('| `zero` | - | - | - | - | - (its props are refused: see its errors) |');
      expect(page).toContain('| `fine` | 3 |');
      expect(page).toContain('**Cannot run on this pool: `zero`**');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a pool declaring a million nodes is refused (the packing made a bin per node and NUMA node)', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ nodeCount: 1_000_000 }));
    new RealtimeVirtualMachine(chart, 'vm', vmProps({ nodePool: pool }));
    const started = Date.now();
    expect(() => Testing.synth(chart)).toThrow('[POOL_NODE_COUNT_INVALID] nodeCount: got 1000000, expected a whole number of nodes from 1 to 5000');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('ReviewPages.write arguments (issue 13: ReviewPages.write(chart, undefined) was a TypeError)', () => {
  test.each([
    [undefined, '[PROP_REQUIRED] ReviewPages.write(outdir)'],
    ['', '[PROP_TYPE_INVALID] ReviewPages.write(outdir): got "", expected a directory path'],
    ['dist/a\0b', '[PROP_TYPE_INVALID] ReviewPages.write(outdir): got "dist/a\\u0000b"'],
    [42, '[PROP_TYPE_INVALID] ReviewPages.write(outdir): got 42'],
  ])('refuses the directory %j (seed app-review-pages: a NUL byte was a TypeError from fs)', (outdir, line) => {
    expect(validationError(() => ReviewPages.write(Testing.chart(), outdir as string)).message).toContain(line);
  });

  test('refuses a scope that is not a construct', () => {
    expect(validationError(() => ReviewPages.write({} as never, 'x')).message)
      .toContain('[PROP_TYPE_INVALID] ReviewPages.write(scope): got an object, expected a construct of the app');
  });

  test('NodeFiles.write has the same boundary', () => {
    expect(validationError(() => NodeFiles.write(Testing.chart(), 'a\0b')).message).toContain('[PROP_TYPE_INVALID] NodeFiles.write(outdir)');
    expect(validationError(() => NodeFiles.write(undefined as never, 'x')).message).toContain('[PROP_REQUIRED] NodeFiles.write(scope)');
  });

  test('a directory that cannot be created is the library\'s error, naming the system reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-regression-'));
    try {
      fs.writeFileSync(path.join(dir, 'file'), '');
      const chart = Testing.chart();
      new RealtimeNodePool(chart, 'Pool', smtPoolProps());
      const e = validationError(() => ReviewPages.write(chart, path.join(dir, 'file', 'review')));
      expect(e.code).toBe('OUTPUT_DIRECTORY_UNWRITABLE');
      expect(e.findings[0].expected).toMatch(/^a directory the files can be written to \(ENOTDIR: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('wrong types on value methods (seeds cpu-set-*, realtime-mask-*, uniform-topology-*: TypeErrors)', () => {
  test.each(['union', 'intersection', 'difference', 'isSubsetOf', 'overlaps', 'sameAs'] as const)('CpuSet.%s refuses a non-set', (op) => {
    const set = CpuSet.parse('0-3');
    for (const other of [null, undefined, '0-3', {}, [0, 1]]) {
      expect(validationError(() => set[op](other as unknown as CpuSet)).message).toContain(`CpuSet.${op}(other)`);
    }
    expect(String(set[op](CpuSet.of([2, 9])))).not.toMatch(/object/);
  });

  test('RealtimeMask.outOfRangeTokens refuses a count that is not a number; other numbers name no vCPU', () => {
    const mask = RealtimeMask.parse('0-3');
    for (const bad of [{}, Symbol('x'), '4', null]) {
      expect(validationError(() => mask.outOfRangeTokens(bad as unknown as number)).message).toContain('RealtimeMask.outOfRangeTokens(vcpuCount)');
    }
    expect(mask.outOfRangeTokens(NaN)).toEqual([]);
    expect(mask.outOfRangeTokens(2)).toEqual(['0-3']);
  });

  test('HostTopology.hugePagesOfNumaNode refuses a size that is not a HugePageSize', () => {
    const host = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 2 });
    for (const bad of [undefined, null, '1Gi', {}]) {
      expect(validationError(() => host.hugePagesOfNumaNode(0, bad as unknown as HugePageSize)).message)
        .toContain('HostTopology.hugePagesOfNumaNode(size)');
    }
    expect(host.hugePagesOfNumaNode(0, HugePageSize.ONE_GI)).toBeUndefined();
  });
});

describe('pod CPU counts of hand-made shapes (seeds capacity-3146923235, -1593950844, -3062519540: NaN, Infinity, "[object Object]", -N)', () => {
  test.each([
    ['NaN vCPUs', { vcpus: NaN }, 'podCpuCount(shape).vcpus: got NaN'],
    ['Infinity vCPUs', { vcpus: Infinity }, 'podCpuCount(shape).vcpus: got Infinity'],
    ['-3 vCPUs', { vcpus: -3 }, 'podCpuCount(shape).vcpus: got -3'],
    ['an object for vCPUs', { vcpus: {} }, 'podCpuCount(shape).vcpus: got an object'],
    ['1e300 IOThreads', { supplementalPoolThreadCount: 1e300 }, 'podCpuCount(shape).supplementalPoolThreadCount: got 1e+300'],
    ['a string flag', { isolateEmulatorThread: 'yes' }, 'podCpuCount(shape).isolateEmulatorThread: got "yes"'],
  ])('podCpuCount refuses a shape with %s', (_, overrides, line) => {
    expect(validationError(() => podCpuCount(shapeOf(overrides), false)).message).toContain(line);
    expect(validationError(() => pinnedCpuCount(shapeOf(overrides))).code).toBe('PROP_TYPE_INVALID');
  });

  test('podCpuCount still counts a refused VM\'s 0 vCPUs (the VM reports its own error), and refuses a non-boolean parity', () => {
    expect(podCpuCount(shapeOf({ vcpus: 0 }), false)).toBe(1);
    expect(validationError(() => podCpuCount(shapeOf(), null as unknown as boolean)).message).toContain('podCpuCount(evenParityCompletion)');
    expect(validationError(() => podCpuCount(undefined as unknown as VmShape, false)).code).toBe('PROP_REQUIRED');
  });

  test('memoryQuantity never prints NaN', () => {
    expect(memoryQuantity(2 ** 30)).toBe('1Gi');
    expect(validationError(() => memoryQuantity(NaN)).message).toContain('memoryQuantity(bytes): got NaN');
    expect(validationError(() => memoryQuantity(-1)).code).toBe('PROP_TYPE_INVALID');
  });
});

describe('messages of patched VMs (seed virtual-machine-3070938863 and kin)', () => {
  /** The synth error of a VM patched with `ops`. */
  function patchedError(...ops: JsonPatch[]): string {
    const app = new App();
    const chart = new Chart(app, 'chart');
    const vm = new RealtimeVirtualMachine(chart, 'vm', { vcpus: 2, memory: Size.gibibytes(2), bootDisk: BootDisk.containerDisk('quay.io/x/rt:1') });
    vm.addJsonPatch(...ops);
    try {
      app.synthYaml();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the synthesis to fail');
  }

  test.each([
    ['/spec/runStrategy', 'VM_KV_RUN_STRATEGY_INVALID', 'Invalid RunStrategy ({"a":[1]})'],
    ['/spec/template/spec/domain/ioThreadsPolicy', 'VM_KV_IOTHREADS_POLICY_INVALID', 'Invalid IOThreadsPolicy ({"a":[1]})'],
    ['/spec/template/spec/domain/memory/hugepages/pageSize', 'VM_KV_HUGEPAGE_SIZE_INVALID', 'pageSize \'{"a":[1]}\''],
    ['/spec/template/spec/domain/cpu/features/0/policy', 'VM_KV_CPU_FEATURE_POLICY', 'uses policy {"a":[1]} that is not supported'],
  ])('an object patched into %s is quoted as JSON, never "[object Object]"', (pointer, code, quoted) => {
    const message = patchedError(JsonPatch.add(pointer, { a: [1] }));
    expect(message).toContain(`[${code}]`);
    expect(message).toContain(quoted);
    expect(message).not.toContain('[object Object]');
  });

  test('a value with line breaks keeps one line per finding, each with its code (they were split: lines without a code)', () => {
    const message = patchedError(JsonPatch.add('/spec/runStrategy', 'Always\n\tEvil\u2028line'));
    const lines = message.split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/\[[A-Z][A-Z0-9_]+\]/);
    expect(message).toContain('Invalid RunStrategy (Always\\n\tEvil\\u2028line)');
  });

  test.each([['threads', 1.5], ['sockets', 5e-324], ['cores', -2], ['threads', 2 ** 40]])(
    'a patched %s of %s is read as unset, like Go\'s decoder refuses it (seed virtual-machine: RangeError converting it to a BigInt)', (part, n) => {
      const message = patchedError(JsonPatch.replace(`/spec/template/spec/domain/cpu/${part}`, n), JsonPatch.add('/spec/runStrategy', 'Sometimes'));
      expect(message).toContain('[VM_KV_RUN_STRATEGY_INVALID]');
      expect(message).not.toMatch(/RangeError|BigInt/);
    });

  test('formatFinding escapes line breaks in every part', () => {
    expect(formatFinding({ code: 'X_Y', severity: 'error' as never, field: 'a\nb', value: '"v"', expected: 'e\r\n', fix: 'f\u2029' }))
      .toBe('[X_Y] a\\nb: got "v", expected e\\r\\n; fix: f\\u2029');
  });

  test('the admission mirror quotes objects on the plain JSON too', () => {
    const found = admissionFindings({ spec: { runStrategy: ['Always'], template: { spec: { domain: { cpu: { features: [{ name: { n: 1 }, policy: 7 }] } } } } } });
    for (const f of found) expect(formatFinding(f)).not.toContain('[object Object]');
    expect(found.map((f) => f.code)).toContain('VM_KV_CPU_FEATURE_POLICY');
  });
});

describe('numbers that no release or VM has (found while fuzzing)', () => {
  test('a version number too long to hold exactly is a syntax error, not "v1.Infinity.0"', () => {
    expect(validationError(() => KubeVirtVersion.of(`1.${'9'.repeat(400)}`)).code).toBe('KUBEVIRT_VERSION_SYNTAX');
    expect(validationError(() => KubeVirtVersion.of('1.99999999999999999999')).code).toBe('KUBEVIRT_VERSION_SYNTAX');
  });

  test('a topology whose product is not a safe integer is refused, not resolved to a VM of 0 vCPUs', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: undefined, topology: { sockets: 2 ** 31 - 1, cores: 2 ** 31 - 1, threads: 2 } }));
    expect(() => Testing.synth(chart)).toThrow('[VM_VCPUS_ABOVE_LIMIT] topology: got {"sockets":2147483647,"cores":2147483647,"threads":2}');
  });
});
