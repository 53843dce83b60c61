import { App, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { AppCheck } from '../../../src/constructs/app/app-check';
import { QUIET_ENV, setWarningSink, STRICT_ENV } from '../../../src/constructs/app/warning-output';
import { Warnings } from '../../../src/constructs/app/warnings';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeNodePool } from '../../../src/constructs/pool/realtime-node-pool';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import * as placementRules from '../../../src/rules/placement-rules';
import * as vmRules from '../../../src/rules/vm-rules';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { Severity } from '../../../src/values/finding';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { chartWithPool, noSmtPoolProps, smtPoolProps, synthError, vmProps } from '../../fixtures/placement';
import { minimalProps } from '../../fixtures/vm';

// One check over the app: each rule runs once per distinct input, and what it found reaches each construct. These
// tests pin both halves: the counts (a result is reused) and the outcome (a reused result is the one a direct
// computation gives, and stops being reused as soon as an input changes).

describe('AppCheck: results kept between validations', () => {
  afterEach(() => jest.restoreAllMocks());

  test('the VM\'s own rules run once per VM and the shape rules once per shape, however often cdk8s validates', () => {
    const own = jest.spyOn(vmRules, 'vmFindings');
    const shape = jest.spyOn(vmRules, 'vmShapeFindings');
    const app = new App();
    for (const name of ['a', 'b']) {
      const chart = new Chart(app, name);
      for (let i = 0; i < 3; i++) new RealtimeVirtualMachine(chart, `vm-${i}`, minimalProps());
    }
    app.synthYaml(); // validates the app, and again for each chart
    app.synthYaml();
    expect(own).toHaveBeenCalledTimes(6);
    expect(shape).toHaveBeenCalledTimes(1);
  });

  test('a VM with a prop error is reported in every validation, and nothing built on its props runs', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps({ memory: Size.mebibytes(1536) }));
    for (let i = 0; i < 2; i++) {
      expect(() => Testing.synth(chart)).toThrow(/VM_MEMORY_NOT_PAGE_MULTIPLE/);
      expect(() => Testing.synth(chart)).not.toThrow(/VM_KV_/);
    }
  });

  test('a JSON patch added after a synthesis is checked by the admission mirror in the next one', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
    Testing.synth(chart);
    vm.addJsonPatch(JsonPatch.replace('/spec/template/spec/domain/cpu/dedicatedCpuPlacement', false));
    expect(() => Testing.synth(chart)).toThrow(/VM_KV_REALTIME_WITHOUT_DEDICATED/);
  });

  test('every VM of a shape is reported, each on its own path', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    for (const id of ['a', 'b']) new RealtimeVirtualMachine(chart, id, minimalProps({ vcpus: 0 }));
    const message = (() => {
      try {
        app.synthYaml();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/\[c\/a\] \[VM_VCPUS_INVALID\]/);
    expect(message).toMatch(/\[c\/b\] \[VM_VCPUS_INVALID\]/);
  });

  test('packs a pool once for the same VMs and facts; again when a VM is placed or the facts change', () => {
    const spy = jest.spyOn(placementRules, 'poolCapacityFindings');
    const { chart, pool } = chartWithPool(smtPoolProps({ nodeCount: 1 }));
    for (let i = 0; i < 11; i++) new RealtimeVirtualMachine(chart, `vm-${i}`, vmProps({ vcpus: 4, nodePool: pool }));
    // 4 vCPUs + an emulator CPU: refused for SMT alignment without even parity, so each reports its own error
    expect(synthError(chart)).not.toContain('[PLACEMENT_POOL_CAPACITY_EXCEEDED]');
    synthError(chart);
    expect(spy).toHaveBeenCalledTimes(1);
    // even parity on: 11 x 6 CPUs = 66 > 60 isolated whole-core CPUs of one node
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    expect(synthError(chart)).toContain('[PLACEMENT_POOL_CAPACITY_EXCEEDED]');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  test('the gates follow a VM added after a synthesis', () => {
    const chart = Testing.chart();
    const config = new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_3 });
    Testing.synth(chart);
    expect(config.enabledFeatureGates()).toEqual([]);
    new RealtimeVirtualMachine(chart, 'vm', minimalProps());
    Testing.synth(chart);
    expect(config.enabledFeatureGates()).toEqual(['CPUManager', 'NUMA']);
  });
});

describe('AppCheck: placement', () => {
  const vm = fc.record({
    name: fc.constantFrom('a', 'b', 'c', 'd'),
    vcpus: fc.constantFrom(2, 3, 4, 31), // few shapes, so VMs share them
    topology: fc.boolean(),
    memoryGi: fc.constantFrom(4, 40),
    twoMi: fc.boolean(),
    isolateEmulatorThread: fc.boolean(),
    pool: fc.integer({ min: 0, max: 2 }),
    selector: fc.constantFrom<Record<string, string> | undefined>(undefined, { 'node-role.kubernetes.io/worker-rt': 'other' }, { disk: 'ssd' }),
    ioThreads: fc.boolean(),
  });

  test('every VM gets what placementFindings gives it, however the VMs share shapes and pools', () => {
    fc.assert(fc.property(fc.uniqueArray(vm, { minLength: 1, maxLength: 8, selector: (v) => v.name }), fc.boolean(), (vms, configured) => {
      // GIVEN an app with three pools, optionally a configuration, and VMs of a few shapes on them
      const chart = Testing.chart();
      const pools = [
        new RealtimeNodePool(chart, 'Smt', smtPoolProps()),
        new RealtimeNodePool(chart, 'NoSmt', noSmtPoolProps({ role: 'worker-nosmt' })),
        new RealtimeNodePool(chart, 'Loose', smtPoolProps({ role: 'worker-loose', topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT, nodeCount: 2 })),
      ];
      if (configured) new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
      const built = vms.map((v) => ({
        v,
        vm: new RealtimeVirtualMachine(chart, v.name, vmProps({
          ...(v.topology ? { vcpus: undefined, topology: { sockets: 1, cores: v.vcpus, threads: 1 } } : { vcpus: v.vcpus }),
          memory: Size.gibibytes(v.memoryGi),
          hugePageSize: v.twoMi ? HugePageSize.TWO_MI : HugePageSize.ONE_GI,
          isolateEmulatorThread: v.isolateEmulatorThread,
          realtimeMask: RealtimeMask.all(),
          nodeSelector: v.selector,
          nodePool: pools[v.pool],
          ...(v.ioThreads ? { ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 1 } : {}),
        })),
      }));
      const check = AppCheck.of(chart);
      const facts = check.clusterFacts();
      for (const { v, vm: construct } of built) {
        // THEN the placement part of its findings is what the rules give it directly
        const direct = placementRules.placementFindings({
          shape: construct.shape,
          pool: pools[v.pool].model,
          cluster: facts,
          cpuField: v.topology ? 'topology' : 'vcpus',
          nodeSelector: v.selector,
        });
        const all = check.findingsOf(construct);
        const found = all.filter((f) => f.code.startsWith('PLACEMENT_'));
        // (a VM whose own props are wrong is not placed: only its own errors are reported)
        expect(found).toEqual(all.some((f) => f.severity === Severity.ERROR && !f.code.startsWith('PLACEMENT_')) ? [] : direct);
      }
    }), { numRuns: 60 });
  });
});

describe('AppCheck: warnings reach the pipeline', () => {
  let printed: string[];
  let previous: ReturnType<typeof setWarningSink>;
  beforeEach(() => {
    printed = [];
    previous = setWarningSink({ write: (t: string) => printed.push(t) });
    delete process.env[QUIET_ENV];
  });
  afterEach(() => {
    setWarningSink(previous);
    process.env[QUIET_ENV] = '1';
    delete process.env[STRICT_ENV];
  });

  /** A chart with a 4-vCPU VM on an SMT pool (PLACEMENT_GUEST_THREADS_MISMATCH), as in the README. */
  function warnedChart(): Chart {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    new RealtimeVirtualMachine(chart, 'plc-1', vmProps({ vcpus: 4, nodePool: pool }));
    return chart;
  }

  test('each warning is printed once, in the form of cdk8s\'s error lines, however often the app is synthesized', () => {
    const chart = warnedChart();
    Testing.synth(chart);
    Testing.synth(chart);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^cdk8s-kubevirt-realtime warnings \(set KUBEVIRT_REALTIME_STRICT=1 to make them fail the synthesis\):\n/);
    expect(printed[0]).toContain('\n  [test/plc-1] [PLACEMENT_GUEST_THREADS_MISMATCH] vcpus: got 4, expected 2 threads per core');
    expect(printed[0]).toMatch(/; fix: use topology \{ sockets: 1, cores: 2, threads: 2 \}/);
    expect(Warnings.of(chart).list()).toEqual([printed[0].split('\n')[1].trim()]);
  });

  test('KUBEVIRT_REALTIME_QUIET stops the printing, not the recording', () => {
    process.env[QUIET_ENV] = '1';
    const chart = warnedChart();
    Testing.synth(chart);
    expect(printed).toEqual([]);
    expect(Warnings.of(chart).list()).toHaveLength(1);
  });

  test('strict mode (Warnings.strict, or KUBEVIRT_REALTIME_STRICT) makes warnings fail the synthesis', () => {
    const chart = warnedChart();
    Warnings.strict(chart);
    expect(synthError(chart)).toContain('[test/plc-1] [PLACEMENT_GUEST_THREADS_MISMATCH]');
    expect(synthError(chart)).toContain('(a warning: strict mode makes it fail the synthesis)');
    Warnings.strict(chart, false);
    expect(synthError(chart)).toBe('');

    process.env[STRICT_ENV] = 'true';
    const other = warnedChart();
    expect(synthError(other)).toContain('[PLACEMENT_GUEST_THREADS_MISMATCH]');
    expect(printed.some((p) => p.startsWith('cdk8s-kubevirt-realtime warnings (strict mode: they fail the synthesis):'))).toBe(true);
  });

  test('Warnings.acknowledge: the acknowledged warning is not printed and passes strict mode; the others still fail it', () => {
    const chart = warnedChart();
    const vm = chart.node.findChild('plc-1');
    Warnings.acknowledge(vm, 'PLACEMENT_GUEST_THREADS_MISMATCH', 'the guest is a single-threaded PLC runtime');
    Warnings.strict(chart);
    expect(synthError(chart)).toBe('');
    expect(printed).toEqual(['cdk8s-kubevirt-realtime warnings (strict mode: they fail the synthesis):\n'
      + '  1 acknowledged warning not shown (Warnings.of(app).acknowledged() lists them with their reasons)\n']);
    expect(Warnings.of(chart).list()).toEqual([]);
    expect(Warnings.of(chart).acknowledged().map((a) => [a.path, a.finding.code, a.reason]))
      .toEqual([['test/plc-1', 'PLACEMENT_GUEST_THREADS_MISMATCH', 'the guest is a single-threaded PLC runtime']]);

    // Another code on the same VM is not covered; an acknowledgement on a sibling does not reach it.
    const other = warnedChart();
    Warnings.acknowledge(other.node.findChild('Pool'), 'PLACEMENT_GUEST_THREADS_MISMATCH', 'on the pool, not the VM');
    Warnings.acknowledge(other.node.findChild('plc-1'), 'TALOS_RT_GROUP_SCHED_EPERM', 'not this warning');
    Warnings.strict(other);
    expect(synthError(other)).toContain('[PLACEMENT_GUEST_THREADS_MISMATCH]');
  });

  test('Warnings.acknowledge refuses unknown codes, error codes and empty reasons', () => {
    const chart = warnedChart();
    const code = 'WARNING_ACKNOWLEDGEMENT_INVALID';
    expect(() => Warnings.acknowledge(chart, 'PLACEMENT_GUEST_THREADS', 'typo')).toThrow(`[${code}] code: got "PLACEMENT_GUEST_THREADS"`);
    expect(() => Warnings.acknowledge(chart, 'PLACEMENT_CPUS_EXCEED_NUMA_NODE', 'x')).toThrow('errors cannot be acknowledged');
    expect(() => Warnings.acknowledge(chart, 'PLACEMENT_GUEST_THREADS_MISMATCH', ' ')).toThrow(`[${code}] reason: got " "`);
    expect(() => Warnings.acknowledge(chart, undefined as any, 'x')).toThrow(`[${code}] code: got (not set)`);
  });

  test('an app without warnings prints nothing', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 3, nodePool: pool, realtimeMask: RealtimeMask.parse('0-1') }));
    Testing.synth(chart);
    expect(printed).toEqual([]);
    expect(AppCheck.of(chart).findingsOf(chart.node.findChild('vm')).filter((f) => f.severity === Severity.WARNING)).toEqual([]);
  });
});
