import { JsonPatch, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { Warnings } from '../../../src/constructs/app/warnings';
import { RealtimeNodePool } from '../../../src/constructs/pool/realtime-node-pool';
import { CORE_CODES } from '../../../src/rules/codes-core';
import { HOST_CODES } from '../../../src/rules/codes-host';
import { PERFORMANCE_PROFILE_CODES } from '../../../src/rules/codes-performance-profile';
import { POOL_CODES } from '../../../src/rules/codes-pool';
import { CpuSet } from '../../../src/values/cpu-set';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HostTopology } from '../../../src/values/host/host-topology';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { PoolBackend } from '../../../src/values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../../../src/values/pool/pool-props';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { ValidationError } from '../../../src/values/validation-error';
import { guideProps, guideTopology, ofKind, smtTopology, synthPool } from '../../fixtures/pool';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

const PP = PoolBackend.PERFORMANCE_PROFILE;
const REGISTERED = { ...CORE_CODES, ...HOST_CODES, ...POOL_CODES, ...PERFORMANCE_PROFILE_CODES };

/** The synth error of a chart ('' when it synthesizes). */
function synthError(chart: ReturnType<typeof Testing.chart>): string {
  try {
    Testing.synth(chart);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** The codes of the synth error of one pool. */
function errorCodes(props: RealtimeNodePoolProps): string[] {
  const chart = Testing.chart();
  new RealtimeNodePool(chart, 'Pool', props);
  return [...synthError(chart).matchAll(/\[([A-Z][A-Z0-9_]+)\] /g)].map((m) => m[1]);
}

/** The warning codes of one pool that synthesizes. */
function warningCodes(props: RealtimeNodePoolProps): string[] {
  const chart = Testing.chart();
  new RealtimeNodePool(chart, 'Pool', props);
  Testing.synth(chart);
  return Warnings.of(chart).findings().map((w) => w.finding.code);
}

describe('RealtimeNodePool with the PerformanceProfile backend', () => {
  test('emits exactly the MachineConfigPool and one PerformanceProfile: no MachineConfig, KubeletConfig or Tuned', () => {
    // GIVEN the guide's pool with the PerformanceProfile backend
    const { pool, objects } = synthPool(guideProps({ backend: PP, nodeCount: 2 }));

    // THEN
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['MachineConfigPool/worker-rt', 'PerformanceProfile/worker-rt']);
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(pool.backend).toBe(PP);
    expect(pool.performanceProfile?.name).toBe('worker-rt');
    expect(pool.performanceProfileName).toBe('worker-rt');
    expect([pool.machineConfig, pool.kubeletConfig, pool.tuned]).toEqual([undefined, undefined, undefined]);
    expect([pool.machineConfigName, pool.kubeletConfigName, pool.tunedName]).toEqual([undefined, undefined, undefined]);
    expect(pool.machineConfigPoolName).toBe('worker-rt');
    expect(objects).toMatchSnapshot();
  });

  test.each([undefined, PoolBackend.MACHINE_CONFIG])('the MachineConfig backend (%s) never emits a PerformanceProfile', (backend) => {
    const { pool, objects } = synthPool(guideProps({ backend }));
    expect(objects.map((o) => o.kind)).toEqual(['MachineConfigPool', 'MachineConfig', 'KubeletConfig', 'Tuned']);
    expect(pool.performanceProfile).toBeUndefined();
    expect(pool.performanceProfileName).toBeUndefined();
    expect(pool.backend).toBe(PoolBackend.MACHINE_CONFIG);
  });

  test('the MachineConfigPool is byte-identical for both backends', () => {
    const mc = ofKind(synthPool(guideProps({ maxUnavailable: 2 })).objects, 'MachineConfigPool');
    const pp = ofKind(synthPool(guideProps({ maxUnavailable: 2, backend: PP })).objects, 'MachineConfigPool');
    expect(pp).toEqual(mc);
  });

  test('the model means the same for both backends; only what NTO renders differently differs', () => {
    // GIVEN the SMT host under restricted, the same props for both backends
    const topology = smtTopology();
    const props = guideProps({
      topology,
      partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
      hugepages: [{ size: HugePageSize.ONE_GI, count: 80, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 80, numaNode: 1 }],
      topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED,
      nodeCount: 3,
    });
    const mc = new RealtimeNodePool(Testing.chart(), 'Pool', props).model;
    const pp = new RealtimeNodePool(Testing.chart(), 'Pool', { ...props, backend: PP }).model;

    // THEN the node-level facts VMs are checked against are equal
    for (const key of ['role', 'nodeSelector', 'topology', 'partition', 'hugepages', 'defaultHugePageSize', 'topologyManagerPolicy',
      'smtEnabled', 'realtimeKernel', 'realtimeCapable', 'nodeCount', 'maxUnavailable', 'paused', 'reservedMemoryNumaNode'] as const) {
      expect(pp[key]).toEqual(mc[key]);
    }
    expect(pp.reservedMemory.toMebibytes()).toBe(mc.reservedMemory.toMebibytes());
    expect([mc.backend, pp.backend]).toEqual([PoolBackend.MACHINE_CONFIG, PP]);
    expect(pp.realtimeCapable).toBe(true);
    // NTO sets full-pcpus-only for single-numa-node only; the MachineConfig backend whenever SMT is on.
    expect([mc.fullPcpusOnly, pp.fullPcpusOnly]).toEqual([true, false]);
    // Both isolate the same CPUs; NTO's list has its own vendor-neutral arguments and no irqaffinity.
    for (const arg of ['isolcpus=managed_irq,1-19,21-39,41-59,61-79', 'nohz_full=1-19,21-39,41-59,61-79', 'rcu_nocbs=1-19,21-39,41-59,61-79']) {
      expect(mc.kernelArguments).toContain(arg);
      expect(pp.kernelArguments).toContain(arg);
    }
    expect(pp.kernelArguments.some((a) => a.startsWith('irqaffinity='))).toBe(false);
  });

  test('NTO puts reservedMemory on NUMA node 0 and sets full-pcpus-only under single-numa-node', () => {
    // GIVEN reserved CPUs on NUMA node 1 only
    const topology = guideTopology();
    const partition = CpuPartition.explicit(topology, { reserved: CpuSet.parse('8-9') });
    const mc = new RealtimeNodePool(Testing.chart(), 'Pool', guideProps({ partition })).model;
    const pp = new RealtimeNodePool(Testing.chart(), 'Pool', guideProps({ partition, backend: PP })).model;
    expect([mc.reservedMemoryNumaNode, pp.reservedMemoryNumaNode]).toEqual([1, 0]);
    expect(pp.fullPcpusOnly).toBe(true);
  });

  test('the escape hatch reaches the YAML, and the patched profile is checked like NTO\'s webhook would check it', () => {
    // GIVEN a patch NTO accepts and one it refuses
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', guideProps({ backend: PP }));
    pool.performanceProfile!.addJsonPatch(JsonPatch.add('/metadata/annotations', { 'performance.openshift.io/enable-rps': 'false' }));
    expect(ofKind(Testing.synth(chart), 'PerformanceProfile').metadata.annotations).toEqual({ 'performance.openshift.io/enable-rps': 'false' });
    pool.performanceProfile!.addJsonPatch(JsonPatch.replace('/spec/workloadHints/realTime', false));

    // THEN
    expect(synthError(chart)).toContain('[PP_WORKLOAD_HINTS_CONFLICT] spec.workloadHints.realTime: got false, expected realTime true with '
      + 'the real-time kernel (NTO\'s webhook refuses: "realtime kernel is enabled, but realtime workload hint is explicitly disable")');
  });

  test('fails on both power hints, with NTO\'s message', () => {
    expect(errorCodes(guideProps({ backend: PP, highPowerConsumption: true, perPodPowerManagement: true }))).toEqual(['PP_WORKLOAD_HINTS_CONFLICT']);
  });

  test('fails on two page sizes without a default size (NTO requires one)', () => {
    expect(errorCodes(guideProps({
      backend: PP,
      hugepages: [{ size: HugePageSize.ONE_GI, count: 20, numaNode: 0 }, { size: HugePageSize.TWO_MI, count: 512, numaNode: 1 }],
    }))).toEqual(['PP_HUGEPAGES_DEFAULT_SIZE_REQUIRED']);
  });

  test('a problem the pool rules report from the props is not reported again by the webhook mirror', () => {
    const dup = [{ size: HugePageSize.ONE_GI, count: 20, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 6, numaNode: 0 }];
    expect(errorCodes(guideProps({ backend: PP, hugepages: dup }))).toEqual(['POOL_HUGEPAGE_DUPLICATE']);
  });

  test('fails when two pools of the app would have the same PerformanceProfile nodeSelector', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'PoolA', guideProps({ backend: PP }));
    new RealtimeNodePool(chart, 'PoolB', guideProps({ backend: PP }));
    const message = synthError(chart);
    expect(message).toContain('[test/PoolA] [PP_NODE_SELECTOR_NOT_UNIQUE] spec.nodeSelector: got {"node-role.kubernetes.io/worker-rt":""}');
    expect(message).toContain('the profile has the same node selector as the performance profile "worker-rt"');
    expect(message).toContain('[test/PoolB] [PP_NODE_SELECTOR_NOT_UNIQUE]');
  });

  test('fails on kubelet memory settings a PerformanceProfile cannot express; NTO\'s own values are accepted', () => {
    expect(errorCodes(guideProps({ backend: PP, kubeReservedMemory: Size.mebibytes(1024), evictionHardMemory: Size.mebibytes(100) })))
      .toEqual(['PP_KUBELET_MEMORY_NOT_EXPRESSIBLE']);
    expect(errorCodes(guideProps({ backend: PP, systemReservedMemory: Size.mebibytes(500) }))).toEqual([]);
  });

  test('kernel arguments NTO renders itself are refused, with the rule that owns each key', () => {
    expect(errorCodes(guideProps({ backend: PP, additionalKernelArgs: ['intel_iommu=on'] }))).toEqual(['PP_KERNEL_ARG_RENDERED_BY_NTO']);
    expect(errorCodes(guideProps({ backend: PP, additionalKernelArgs: ['systemd.cpu_affinity=0-1'] }))).toEqual(['POOL_KERNEL_ARG_CONFLICT']);
    expect(errorCodes(guideProps({ backend: PP, additionalKernelArgs: ['nosoftlockup'] }))).toEqual(['POOL_KERNEL_ARG_DUPLICATE']);
    // The MachineConfig backend renders no intel_iommu: there it is the user's to set.
    expect(errorCodes(guideProps({ additionalKernelArgs: ['intel_iommu=on'] }))).toEqual([]);
  });

  test('fails on power hints with the MachineConfig backend, which cannot render them', () => {
    expect(errorCodes(guideProps({ highPowerConsumption: true }))).toEqual(['POOL_POWER_HINT_NEEDS_PERFORMANCE_PROFILE']);
    expect(errorCodes(guideProps({ perPodPowerManagement: false }))).toEqual([]);
  });

  test('refuses an unknown backend (JavaScript) when the pool is built', () => {
    expect(() => new RealtimeNodePool(Testing.chart(), 'Pool', guideProps({ backend: 'nto' as any })))
      .toThrow('[test/Pool] [PROP_TYPE_INVALID] backend: got "nto", expected a PoolBackend ("machine-config", "performance-profile", "talos", "cluster-api-kubeadm", "kubelet-drop-in")');
  });

  test('warns where NTO\'s fixed kubelet choices differ from the MachineConfig backend\'s', () => {
    const topology = smtTopology();
    expect(warningCodes(guideProps({
      backend: PP,
      topology,
      partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
      hugepages: [{ size: HugePageSize.ONE_GI, count: 80 }],
      topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED,
    }))).toEqual(['PP_FULL_PCPUS_ONLY_NOT_SET']);
    // (CPU 0 is isolated too, hence the boot CPU warning.)
    expect(warningCodes(guideProps({
      backend: PP, partition: CpuPartition.explicit(guideTopology(), { reserved: CpuSet.parse('8-9') }),
    }))).toEqual(['POOL_BOOT_CPU_ISOLATED', 'PP_RESERVED_MEMORY_OFF_RESERVED_NODE']);
  });

  test('fails with every finding at once, without crashing the constructor', () => {
    const codes = errorCodes(guideProps({
      backend: PP,
      role: 'Worker_RT',
      hugepages: [{ size: HugePageSize.ONE_GI, count: 0 }],
      additionalKernelArgs: ['mce=on'],
      kubeReservedMemory: Size.mebibytes(2048),
    }));
    expect(codes).toEqual(expect.arrayContaining(['POOL_ROLE_INVALID', 'POOL_HUGEPAGE_COUNT_INVALID', 'PP_KERNEL_ARG_RENDERED_BY_NTO',
      'PP_KUBELET_MEMORY_NOT_EXPRESSIBLE']));
  });

  test('rebootSummary names the profile and what NTO renders from it', () => {
    const pool = new RealtimeNodePool(Testing.chart(), 'Pool', guideProps({ backend: PP }));
    expect(pool.rebootSummary()[1]).toMatch(/^PerformanceProfile worker-rt: its name/);
  });

  test('property: random hosts, partitions, huge pages and hints give a registered error or a CRD-valid profile', () => {
    let synthesized = 0;
    const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
    fc.assert(fc.property(
      fc.record({
        numaNodes: fc.integer({ min: 1, max: 3 }),
        coresPerSocket: fc.integer({ min: 2, max: 6 }),
        threadsPerCore: fc.integer({ min: 1, max: 2 }),
        reservedCpuCount: mostly(fc.constantFrom(2, 4), fc.integer({ min: 0, max: 8 })),
        disableSmt: fc.boolean(),
        pages: fc.array(fc.record({
          oneGi: fc.boolean(),
          count: mostly(fc.integer({ min: 1, max: 8 }), fc.integer({ min: -1, max: 3000 })),
          numaNode: fc.option(mostly(fc.constant(0), fc.integer({ min: 0, max: 3 })), { nil: undefined }),
        }), { maxLength: 2 }),
        defaultOneGi: fc.option(fc.boolean(), { nil: undefined }),
        policy: fc.constantFrom(...Object.values(TopologyManagerPolicy)),
        highPowerConsumption: fc.option(fc.boolean(), { nil: undefined }),
        perPodPowerManagement: fc.option(mostly(fc.constant(false), fc.boolean()), { nil: undefined }),
        args: mostly(fc.subarray(['audit=0']), fc.subarray(['audit=0', 'idle=poll', 'nohz=on', 'intel_iommu=on'])),
      }),
      (input) => {
        let topology: HostTopology;
        let partition: CpuPartition;
        try {
          topology = HostTopology.uniform({
            numaNodes: input.numaNodes,
            coresPerSocket: input.coresPerSocket,
            threadsPerCore: input.threadsPerCore,
            memoryPerNumaNode: Size.gibibytes(16),
          });
          partition = CpuPartition.plan(topology, { reservedCpuCount: input.reservedCpuCount, disableSmt: input.disableSmt });
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          return;
        }
        const chart = Testing.chart();
        new RealtimeNodePool(chart, 'Pool', {
          role: 'worker-rt',
          backend: PP,
          topology,
          partition,
          hugepages: input.pages.map((p) => ({ size: p.oneGi ? HugePageSize.ONE_GI : HugePageSize.TWO_MI, count: p.count, numaNode: p.numaNode })),
          defaultHugePageSize: input.defaultOneGi === undefined ? undefined : input.defaultOneGi ? HugePageSize.ONE_GI : HugePageSize.TWO_MI,
          topologyManagerPolicy: input.policy,
          highPowerConsumption: input.highPowerConsumption,
          perPodPowerManagement: input.perPodPowerManagement,
          additionalKernelArgs: input.args,
        });
        const message = synthError(chart);
        if (message !== '') {
          const codes = [...message.matchAll(/\[([A-Z][A-Z0-9_]+)\] /g)].map((m) => m[1]);
          expect(codes.length).toBeGreaterThan(0);
          for (const code of codes) expect(REGISTERED).toHaveProperty(code);
          return;
        }
        synthesized++;
        const objects = Testing.synth(chart);
        expect(objects.map((o) => o.kind)).toEqual(['MachineConfigPool', 'PerformanceProfile']);
        expectValidAgainstCrds(objects);
        expectNoLostValues(objects);
        for (const w of Warnings.of(chart).findings()) expect(REGISTERED).toHaveProperty(w.finding.code);
      },
    ), { numRuns: 100 });
    // Both outcomes are exercised.
    expect(synthesized).toBeGreaterThan(10);
  });
});
