import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { seed002Partition, smtHost, vmShape } from './helpers';
import { PlanReport, planReportOf } from '../../src/plan/plan-report';
import { checkPlanReport } from '../../src/plan/plan-report-schema';
import { describeVmShape, renderPlanText } from '../../src/plan/report-text';
import { renderReviewPage, writeReviewPages } from '../../src/plan/review-page';
import { renderPlanSvg, renderSvgMap } from '../../src/plan/svg-map';
import { renderTextMap } from '../../src/plan/text-map';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HugePageSize } from '../../src/values/hugepage-size';
import { ValidationError } from '../../src/values/validation-error';

/** A report with every section: SMT host, VM threads on the map, capacity, huge pages. */
function fullReport(): PlanReport {
  const partition = CpuPartition.plan(smtHost(), { reservedCpuCount: 4, splitAcrossNumaNodes: true });
  return planReportOf(partition, {
    vmShape: vmShape({ vcpus: 2, memoryGi: 4, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true }),
    capacity: { emulatorThreadEvenParity: true, hugePages: [{ numaNode: 0, size: HugePageSize.ONE_GI, count: 8 }] },
  });
}

/** Every renderer of a report: each must refuse what checkPlanReport refuses, and print nothing. */
const RENDERERS: Array<[string, (r: PlanReport) => unknown]> = [
  ['renderPlanText', (r) => renderPlanText(r)],
  ['renderPlanSvg', (r) => renderPlanSvg(r)],
  ['renderReviewPage', (r) => renderReviewPage({ poolName: 'worker-rt', report: r })],
  ['renderTextMap', (r) => renderTextMap(r?.map)],
  ['renderSvgMap', (r) => renderSvgMap(r?.map)],
];

/** A deep copy with `value` at `at` (a path of keys). */
function withValue(report: PlanReport, at: (string | number)[], value: unknown): PlanReport {
  const copy = JSON.parse(JSON.stringify(report));
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key];
  node[at[at.length - 1]] = value;
  // JSON loses the non-JSON values the test wants to plant: set them again on the copy.
  return copy;
}

function error(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('the report renderers refuse reports with counts that are not whole numbers in range', () => {
  test('a real report, and the same report read back from JSON, render', () => {
    const report = fullReport();
    for (const [, render] of RENDERERS) {
      expect(() => render(report)).not.toThrow();
      expect(() => render(JSON.parse(JSON.stringify(report)))).not.toThrow();
    }
  });

  test.each([
    [['capacity', 'total'], -2, 'report.capacity.total: got -2, expected a whole number from 0 to 8192'],
    [['capacity', 'hugePagesPerVm'], NaN, 'report.capacity.hugePagesPerVm: got NaN, expected a whole number ≥ 0'],
    [['vmShape', 'memoryMebibytes'], Infinity, 'report.vmShape.memoryMebibytes: got Infinity, expected a whole number ≥ 1'],
    [['vmShape', 'vcpus'], 0, 'report.vmShape.vcpus: got 0, expected a whole number from 1 to 4096'],
    [['capacity', 'perNumaNode', 0, 'vms'], 1.5, 'report.capacity.perNumaNode[0].vms: got 1.5'],
    [['host', 'cpuCount'], '16', 'report.host.cpuCount: got "16", expected a whole number from 1 to 8192'],
    [['map', 'vmCount'], 1e9, 'report.map.vmCount: got 1000000000, expected a whole number from 0 to 8192'],
    [['map', 'numaNodes', 0, 'cores', 0, 'threads', 0, 'role'], 'busy', 'report.map.numaNodes[0].cores[0].threads[0].role: got "busy", expected a CpuRole'],
    [['capacity', 'limitedBy', 0], 'memory', 'report.capacity.limitedBy[0]: got "memory", expected a CapacityLimit'],
    [['warnings'], 'x', 'report.warnings: got "x", expected a list (array)'],
  ])('%j = %p', (at, value, message) => {
    const bad = withValue(fullReport(), at as (string | number)[], value);
    expect(error(() => checkPlanReport(bad, 'test')).message).toContain(`[PROP_TYPE_INVALID] ${message}`);
    for (const [name, render] of RENDERERS) {
      if ((name === 'renderTextMap' || name === 'renderSvgMap') && at[0] !== 'map') continue;
      expect(() => render(bad)).toThrow(ValidationError);
    }
  });

  test('null, undefined or a string instead of a report: a ValidationError naming the caller, never a TypeError', () => {
    for (const bad of [null, undefined, 'report', 42, []]) {
      for (const [name, render] of RENDERERS) {
        expect(error(() => render(bad as any)).message).toMatch(new RegExp(`^\\[${name}\\] \\[PROP_(REQUIRED|TYPE_INVALID)\\] `));
      }
    }
    expect(error(() => renderPlanText(null as any)).message).toBe('[renderPlanText] [PROP_REQUIRED] report: got (not set), expected a PlanReport '
      + '(from planReportOf); fix: set report: the library never picks it for you');
  });

  test('describeVmShape refuses NaN or negative sizes instead of printing "NaNMi"', () => {
    expect(() => describeVmShape({ vcpus: 2, memoryMebibytes: NaN, isolateEmulatorThread: false, emulatorThreadEvenParity: false }))
      .toThrow('[describeVmShape] [PROP_TYPE_INVALID] shape.memoryMebibytes: got NaN');
    expect(() => describeVmShape({ vcpus: -2, memoryMebibytes: 512, isolateEmulatorThread: false, emulatorThreadEvenParity: false }))
      .toThrow('shape.vcpus: got -2');
  });

  test('review pages: bad props and a missing directory are refused before anything is written', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'review-bad-'));
    try {
      expect(() => renderReviewPage(null as any)).toThrow('[renderReviewPage] [PROP_REQUIRED] props');
      expect(() => renderReviewPage({ poolName: 'worker-rt', report: fullReport(), rebootTriggers: 'x' as any }))
        .toThrow('props.rebootTriggers: got "x", expected a list (array)');
      expect(() => writeReviewPages(undefined as any, [])).toThrow('[writeReviewPages] [PROP_REQUIRED] dir');
      expect(() => writeReviewPages(root, undefined as any)).toThrow('[writeReviewPages] [PROP_REQUIRED] pages');
      const bad = withValue(fullReport(), ['capacity', 'total'], -2);
      expect(() => writeReviewPages(path.join(root, 'out'), [{ poolName: 'ok', report: fullReport() }, { poolName: 'bad', report: bad }]))
        .toThrow('pages[1].report.capacity.total: got -2');
      expect(fs.readdirSync(root)).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('property: a report with any count replaced by a bad number is refused by every renderer, which never prints it', () => {
    const report = fullReport();
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, at: (string | number)[]) => {
      if (typeof node === 'number') paths.push(at);
      else if (Array.isArray(node)) node.slice(0, 3).forEach((v, i) => walk(v, [...at, i]));
      else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
    };
    walk(report, []);
    expect(paths.length).toBeGreaterThan(30);
    fc.assert(fc.property(fc.constantFrom(...paths), fc.constantFrom(-1, -2, NaN, Infinity, -Infinity, 0.5, 2 ** 60), (at, value) => {
      const bad = withValue(report, at, value);
      for (const [name, render] of RENDERERS) {
        if ((name === 'renderTextMap' || name === 'renderSvgMap') && at[0] !== 'map') continue;
        let out: unknown;
        try {
          out = render(bad);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          continue;
        }
        // Only a value still in range may render (e.g. -1 is never; 0.5 never); nothing prints NaN/Infinity/negatives.
        expect(String(out)).not.toMatch(/NaN|Infinity|-\d+ VMs?|-\d+ x /);
      }
    }), { numRuns: 300 });
  });
});

describe('planReportOf refuses bad arguments with a ValidationError', () => {
  test('planReportOf(null) and other non-partitions', () => {
    for (const bad of [null, undefined, {}, 'seed', 42]) {
      expect(() => planReportOf(bad as any)).toThrow(ValidationError);
    }
    expect(() => planReportOf(null as any)).toThrow('[planReportOf] [PROP_REQUIRED] partition: got (not set), expected a CpuPartition');
    expect(() => planReportOf({} as any)).toThrow('[planReportOf] [PROP_TYPE_INVALID] partition: got an object, expected a CpuPartition');
  });

  test.each([
    ['vcpus', 0], ['vcpus', -3], ['vcpus', NaN], ['vcpus', 2.5], ['vcpus', Infinity], ['vcpus', 5000],
    ['memoryBytes', 0], ['memoryBytes', NaN], ['memoryBytes', Infinity], ['memoryBytes', -1],
    ['supplementalPoolThreadCount', -1], ['sockets', 0], ['isolateEmulatorThread', 'yes'],
  ])('a VM shape with %s = %p', (field, value) => {
    const shape = { ...vmShape({ vcpus: 4, hugePageSize: HugePageSize.ONE_GI }), [field]: value };
    expect(error(() => planReportOf(seed002Partition(), { vmShape: shape as any })).message)
      .toMatch(new RegExp(`^\\[planReportOf\\] \\[PROP_TYPE_INVALID\\] options\\.vmShape\\.${field}: got `));
  });

  test.each([
    [{ hugePages: [{ numaNode: 0, size: HugePageSize.ONE_GI, count: -2 }] }, 'options.capacity.hugePages[0].count: got -2'],
    [{ hugePages: [{ numaNode: 0, size: HugePageSize.ONE_GI, count: NaN }] }, 'options.capacity.hugePages[0].count: got NaN'],
    [{ hugePages: [{ numaNode: -1, size: HugePageSize.ONE_GI, count: 2 }] }, 'options.capacity.hugePages[0].numaNode: got -1'],
    [{ hugePages: [{ numaNode: 0, size: '1Gi', count: 2 }] }, 'options.capacity.hugePages[0].size: got "1Gi"'],
    [{ emulatorThreadEvenParity: 'on' }, 'options.capacity.emulatorThreadEvenParity: got "on"'],
  ])('capacity options %j', (capacity, message) => {
    const shape = vmShape({ vcpus: 4, hugePageSize: HugePageSize.ONE_GI });
    expect(() => planReportOf(seed002Partition(), { vmShape: shape, capacity: capacity as any })).toThrow(message);
  });

  test('other options: null options, a settings object without lists, a warning that is not a Finding', () => {
    expect(() => planReportOf(seed002Partition(), null as any)).toThrow('options: got null');
    expect(() => planReportOf(seed002Partition(), { settings: { source: 'x' } as any })).toThrow('options.settings.kernelArguments: got (not set)');
    expect(() => planReportOf(seed002Partition(), { warnings: ['x'] as any })).toThrow('options.warnings[0]: got "x"');
    expect(() => planReportOf(seed002Partition(), { host: 'host' as any })).toThrow('options.host: got "host", expected a HostTopology');
  });

  test('a VM\'s resolved settings (a VmShape with more fields) are a VmShape; a pool\'s huge page list (with allocatedAtBoot) too', () => {
    const settings = { ...vmShape({ vcpus: 2, hugePageSize: HugePageSize.ONE_GI }), usesTopology: false, cpuModel: 'host-passthrough' };
    const report = planReportOf(seed002Partition(), {
      vmShape: settings,
      capacity: { hugePages: [{ numaNode: 0, size: HugePageSize.ONE_GI, count: 26, allocatedAtBoot: true } as any] },
    });
    expect(report.capacity!.perNumaNode.map((n) => n.hugePages)).toEqual([26, 0]);
  });
});
