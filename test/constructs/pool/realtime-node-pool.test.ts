import { JsonPatch, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { Warnings } from '../../../src/constructs/app/warnings';
import { RealtimeNodePool } from '../../../src/constructs/pool/realtime-node-pool';
import { CORE_CODES } from '../../../src/rules/codes-core';
import { HOST_CODES } from '../../../src/rules/codes-host';
import { POOL_CODES } from '../../../src/rules/codes-pool';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HostTopology } from '../../../src/values/host/host-topology';
import { CpuNumbering } from '../../../src/values/host/uniform-topology';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { ValidationError } from '../../../src/values/validation-error';
import { decodeDataUrl, guideProps, guideTopology, ofKind, smtTopology, synthPool } from '../../fixtures/pool';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

const REGISTERED = { ...CORE_CODES, ...HOST_CODES, ...POOL_CODES };

/** The sections of a TuneD profile that hold kernel arguments. */
function tunedBootloaderArgs(tuned: any): string[] {
  const data: string = tuned.spec.profile[0].data;
  const lines = data.split('\n');
  const start = lines.indexOf('[bootloader]');
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('[')) break;
    const m = /^cmdline[^=]*=\+?(.*)$/.exec(line);
    if (m) out.push(...m[1].split(/\s+/).filter((a) => a !== ''));
  }
  return out;
}

describe('RealtimeNodePool', () => {
  test('the libvirt guide host: MCP, MachineConfig, KubeletConfig, Tuned', () => {
    // GIVEN the guide's host, 2 CPUs per NUMA node reserved, 26 x 1G per node
    const { pool, objects } = synthPool(guideProps({ nodeCount: 2 }));

    // THEN
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'MachineConfigPool/worker-rt', 'MachineConfig/50-worker-rt-realtime', 'KubeletConfig/worker-rt-realtime', 'Tuned/worker-rt-realtime',
    ]);
    const mc = ofKind(objects, 'MachineConfig');
    expect(mc.spec.kernelType).toBe('realtime');
    expect(mc.spec.kernelArguments[0]).toBe('isolcpus=managed_irq,2-7,10-15');
    expect(mc.spec.config.systemd.units.map((u: any) => u.name)).toEqual([
      'hugepages-allocation-1048576kB-NUMA0.service', 'hugepages-allocation-1048576kB-NUMA1.service',
    ]);
    expect(ofKind(objects, 'KubeletConfig').spec.kubeletConfig.reservedSystemCPUs).toBe('0-1,8-9');
    expect(pool.hugePagesOfNumaNode(1, HugePageSize.ONE_GI)).toBe(26);
    expect(pool.hugePagesOfNumaNode(1, HugePageSize.TWO_MI)).toBe(0);
    expect(pool.machineConfigName).toBe('50-worker-rt-realtime');
    expect(objects).toMatchSnapshot();
  });

  test('the kernel argument order is stable: two pools from equal inputs render identical lists', () => {
    const first = ofKind(synthPool(guideProps()).objects, 'MachineConfig').spec.kernelArguments;
    const second = ofKind(synthPool(guideProps({ topology: guideTopology() })).objects, 'MachineConfig').spec.kernelArguments;
    expect(second).toEqual(first);
  });

  test('no kernel argument is emitted twice: the Tuned profile carries none', () => {
    const { objects } = synthPool(guideProps({ additionalKernelArgs: ['intel_iommu=on'] }));
    const mcArgs: string[] = ofKind(objects, 'MachineConfig').spec.kernelArguments;
    const tunedArgs = tunedBootloaderArgs(ofKind(objects, 'Tuned'));
    expect(tunedArgs.filter((a) => mcArgs.includes(a))).toEqual([]);
    expect(tunedArgs).toEqual([]);
    expect(new Set(mcArgs).size).toBe(mcArgs.length);
  });

  test('kernel.sched_rt_runtime_us has one value, -1, in the MachineConfig sysctl file and in the Tuned profile', () => {
    const { objects } = synthPool(guideProps());
    const sysctl = decodeDataUrl(ofKind(objects, 'MachineConfig').spec.config.storage.files
      .find((f: any) => f.path === '/etc/sysctl.d/99-kubevirt-realtime.conf').contents.source);
    const values = [
      ...[...sysctl.matchAll(/^kernel\.sched_rt_runtime_us\s*=\s*(\S+)$/gm)].map((m) => m[1]),
      ...[...ofKind(objects, 'Tuned').spec.profile[0].data.matchAll(/^kernel\.sched_rt_runtime_us\s*=\s*(\S+)$/gm)].map((m) => m[1]),
    ];
    expect(values).toEqual(['-1', '-1']);
  });

  test('model for VM cross-checks', () => {
    const chart = Testing.chart();
    const topology = smtTopology();
    const pool = new RealtimeNodePool(chart, 'Pool', {
      role: 'worker-rt',
      topology,
      partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
      hugepages: [{ size: HugePageSize.ONE_GI, count: 161 }],
      nodeCount: 3,
    });
    expect(pool.model.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker-rt': '' });
    expect(pool.model.smtEnabled).toBe(true);
    expect(pool.model.fullPcpusOnly).toBe(true);
    expect(pool.model.realtimeCapable).toBe(true);
    expect(pool.model.nodeCount).toBe(3);
    expect(pool.model.topology).toBe(topology);
    // 161 boot-time pages over 2 nodes: 81 + 80, the extra page on the lowest node.
    expect(pool.model.hugepages.map((p) => [p.numaNode, p.count, p.allocatedAtBoot])).toEqual([[0, 81, true], [1, 80, true]]);
    const kubelet = ofKind(Testing.synth(chart), 'KubeletConfig').spec.kubeletConfig;
    // Warnings are recorded when the app is validated (at synth).
    expect(Warnings.of(chart).findings().map((w) => w.finding.code)).toEqual(['POOL_HUGEPAGES_UNEVEN_SPLIT']);
    expect(kubelet.cpuManagerPolicyOptions).toEqual({ 'full-pcpus-only': 'true' });
    expect(kubelet.reservedSystemCPUs).toBe('0,20,40,60');
  });

  test('non-RT kernel, static isolation, disabled SMT, user arguments', () => {
    const topology = smtTopology();
    const { objects } = synthPool({
      role: 'worker-rt',
      topology,
      partition: CpuPartition.plan(topology, { reservedCpuCount: 2, disableSmt: true }),
      hugepages: [{ size: HugePageSize.TWO_MI, count: 1024 }],
      realtimeKernel: false,
      balanceIsolated: false,
      additionalKernelArgs: ['intel_iommu=on', 'iommu=pt'],
      topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED,
    });
    expectValidAgainstCrds(objects);
    const mc = ofKind(objects, 'MachineConfig');
    expect(mc.spec.kernelType).toBe('default');
    expect(mc.spec.kernelArguments).toEqual([
      'isolcpus=domain,managed_irq,2-39', 'nohz=on', 'nohz_full=2-39', 'rcu_nocbs=2-39', 'irqaffinity=0-1',
      'systemd.cpu_affinity=0-1', 'skew_tick=1', 'tsc=reliable', 'nosoftlockup',
      'default_hugepagesz=2M', 'hugepagesz=2M', 'hugepages=1024', 'nosmt', 'intel_iommu=on', 'iommu=pt',
    ]);
    expect(mc.spec.config.systemd).toBeUndefined();
    const kubelet = ofKind(objects, 'KubeletConfig').spec.kubeletConfig;
    expect(kubelet.cpuManagerPolicyOptions).toBeUndefined();
    expect(kubelet.topologyManagerPolicy).toBe('restricted');
    expect(kubelet.memoryManagerPolicy).toBe('Static');
  });

  test('the escape hatch reaches the YAML', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', guideProps());
    pool.machineConfig?.addJsonPatch(JsonPatch.add('/spec/extensions', ['kernel-devel']));
    expect(ofKind(Testing.synth(chart), 'MachineConfig').spec.extensions).toEqual(['kernel-devel']);
  });

  test('isRealtimeNodePool', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', guideProps());
    expect(RealtimeNodePool.isRealtimeNodePool(pool)).toBe(true);
    expect(RealtimeNodePool.isRealtimeNodePool(chart)).toBe(false);
    expect(RealtimeNodePool.isRealtimeNodePool(undefined)).toBe(false);
    expect(RealtimeNodePool.isRealtimeNodePool({ [Symbol.for('cdk8s-kubevirt-realtime.RealtimeNodePool')]: true })).toBe(true);
  });

  test('rebootSummary is exposed', () => {
    const pool = new RealtimeNodePool(Testing.chart(), 'Pool', guideProps());
    expect(pool.rebootSummary()[0]).toMatch(/^MachineConfigPool worker-rt: maxUnavailable 1/);
  });

  test('fails with every finding at once, without crashing the constructor', () => {
    const chart = Testing.chart();
    expect(() => new RealtimeNodePool(chart, 'Pool', guideProps({
      role: 'Worker_RT',
      hugepages: [{ size: HugePageSize.ONE_GI, count: 0 }, { size: HugePageSize.ONE_GI, count: 4, numaNode: 5 }],
      additionalKernelArgs: ['isolcpus=1-3'],
      maxUnavailable: 0,
    }))).not.toThrow();
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const code of ['POOL_ROLE_INVALID', 'POOL_HUGEPAGE_COUNT_INVALID', 'POOL_HUGEPAGE_NUMA_NODE_UNKNOWN', 'POOL_KERNEL_ARG_CONFLICT', 'POOL_MAX_UNAVAILABLE_INVALID']) {
      expect(message).toContain(`[${code}]`);
    }
    expect(message).toContain('[test/Pool]');
  });

  test('fails at once without a topology or a partition (JavaScript callers)', () => {
    const props = { role: 'worker-rt' } as any;
    expect(() => new RealtimeNodePool(Testing.chart(), 'Pool', props)).toThrow(ValidationError);
    expect(() => new RealtimeNodePool(Testing.chart(), 'Pool2', props)).toThrow(/\[PROP_REQUIRED\] topology: got \(not set\)[\s\S]*\[PROP_REQUIRED\] partition/);
    expect(() => new RealtimeNodePool(Testing.chart(), 'Pool3', undefined as any)).toThrow('[PROP_TYPE_INVALID] RealtimeNodePool props: got (not set), expected an object with the RealtimeNodePool props');
  });

  test('property: random hosts, partitions and huge pages give a registered error or valid output', () => {
    const numberings = Object.values(CpuNumbering);
    const policies = Object.values(TopologyManagerPolicy);
    let synthesized = 0;
    const goodArgs = ['intel_iommu=on', 'iommu=pt'];
    const badArgs = ['isolcpus=1', 'nosmt', 'a b', 'tsc=reliable'];
    /** Mostly valid values, sometimes invalid ones, so both outcomes are exercised. */
    const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
    fc.assert(fc.property(
      fc.record({
        numaNodes: fc.integer({ min: 1, max: 4 }),
        socketsPerNumaNode: fc.integer({ min: 1, max: 2 }),
        coresPerSocket: fc.integer({ min: 1, max: 6 }),
        threadsPerCore: fc.integer({ min: 1, max: 2 }),
        memoryGi: fc.option(fc.integer({ min: 4, max: 64 }), { nil: undefined }),
        numbering: fc.constantFrom(...numberings),
        reservedCpuCount: mostly(fc.constantFrom(2, 4), fc.integer({ min: 0, max: 12 })),
        split: fc.boolean(),
        disableSmt: fc.boolean(),
        pages: fc.array(fc.record({
          oneGi: fc.boolean(),
          count: mostly(fc.integer({ min: 1, max: 16 }), fc.integer({ min: -1, max: 2000 })),
          numaNode: fc.option(mostly(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 4 })), { nil: undefined }),
        }), { maxLength: 3 }),
        policy: fc.constantFrom(...policies),
        args: mostly(fc.subarray(goodArgs), fc.subarray([...goodArgs, ...badArgs])),
        maxUnavailable: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
      }),
      (input) => {
        let partition: CpuPartition;
        let topology: HostTopology;
        try {
          topology = HostTopology.uniform({
            numaNodes: input.numaNodes,
            socketsPerNumaNode: input.socketsPerNumaNode,
            coresPerSocket: input.coresPerSocket,
            threadsPerCore: input.threadsPerCore,
            memoryPerNumaNode: input.memoryGi === undefined ? undefined : Size.gibibytes(input.memoryGi),
            numbering: input.numbering,
          });
          partition = CpuPartition.plan(topology, {
            reservedCpuCount: input.reservedCpuCount, splitAcrossNumaNodes: input.split, disableSmt: input.disableSmt,
          });
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect((e as ValidationError).code in REGISTERED).toBe(true);
          return;
        }
        const chart = Testing.chart();
        new RealtimeNodePool(chart, 'Pool', {
          role: 'worker-rt',
          topology,
          partition,
          hugepages: input.pages.map((p) => ({ size: p.oneGi ? HugePageSize.ONE_GI : HugePageSize.TWO_MI, count: p.count, numaNode: p.numaNode })),
          topologyManagerPolicy: input.policy,
          additionalKernelArgs: input.args,
          maxUnavailable: input.maxUnavailable,
        });
        let objects: any[];
        try {
          objects = Testing.synth(chart);
        } catch (e) {
          const codes = [...(e as Error).message.matchAll(/\[([A-Z][A-Z0-9_]+)\] /g)].map((m) => m[1]);
          expect(codes.length).toBeGreaterThan(0);
          for (const code of codes) expect(REGISTERED).toHaveProperty(code);
          return;
        }
        synthesized++;
        expectValidAgainstCrds(objects);
        expectNoLostValues(objects);
        for (const w of Warnings.of(chart).findings()) expect(REGISTERED).toHaveProperty(w.finding.code);
      },
    ), { numRuns: 100 });
    // Both outcomes are exercised (about a third of the runs synthesize).
    expect(synthesized).toBeGreaterThan(10);
  });
});

describe('RealtimeNodePool role uniqueness', () => {
  test('fails when two pools of one app share a role (they would write the same MachineConfigPool)', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'First', guideProps({}));
    new RealtimeNodePool(chart, 'Second', guideProps());
    expect(() => Testing.synth(chart)).toThrow(/\[test\/First\] \[POOL_ROLE_DUPLICATE\] role: got "worker-rt", expected a role no other pool of the app uses \(the pool at test\/Second uses it too\)/);
  });
});
