import { Size, Testing } from 'cdk8s';
import { Warnings } from '../../src/constructs/app/warnings';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { resolvePool } from '../../src/model/pool/resolve-pool';
import { POOL_CODES } from '../../src/rules/codes-pool';
import { backendPropFindings } from '../../src/rules/pool-backend-rules';
import {
  additionalKernelArgsFindings, bootCpuNotIsolatedFindings, defaultHugePageSizeFindings, hugePageDuplicatesFindings, hugePageEntriesFindings,
  hugePageMemoryFitFindings, hugePagePlacementFindings, hugePagesPresentFindings, hugePageSplitFindings, memoryReservationsFindings,
  partitionMatchesTopologyFindings, realtimeNodePoolFindings, roleFindings, roleUniqueFindings, rolloutFindings, topologyPolicyFindings,
} from '../../src/rules/pool-rules';
import { TalosVersion } from '../../src/values/cluster/talos-version';
import { CpuSet } from '../../src/values/cpu-set';
import { Finding, formatFinding, Severity } from '../../src/values/finding';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';
import { HugePageSize } from '../../src/values/hugepage-size';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { TopologyManagerPolicy } from '../../src/values/pool/topology-manager-policy';
import { guideProps, guideTopology, smtTopology } from '../fixtures/pool';

const G = HugePageSize.ONE_GI;
const M = HugePageSize.TWO_MI;
const triggered = new Set<string>();

/** The one finding with `code`; asserts it is the only finding and records the code as covered. */
function single(findings: Finding[], code: string): Finding {
  expect(findings.map((f) => f.code)).toEqual([code]);
  triggered.add(code);
  return findings[0];
}

describe('pool rules', () => {
  describe('role', () => {
    test.each(['worker-rt', 'rt0', 'a'])('accepts %s', (role) => {
      expect(roleFindings(role)).toEqual([]);
    });

    test.each(['Worker-RT', 'worker_rt', '-rt', 'rt-', '', 'x'.repeat(64)])('fails on %j (not a DNS label)', (role) => {
      const f = single(roleFindings(role), 'POOL_ROLE_INVALID');
      expect(f.field).toBe('role');
      expect(f.value).toBe(JSON.stringify(role));
      expect(f.severity).toBe(Severity.ERROR);
    });

    test('fails on a built-in pool', () => {
      const f = single(roleFindings('worker'), 'POOL_ROLE_RESERVED');
      expect(formatFinding(f)).toMatch(/^\[POOL_ROLE_RESERVED\] role: got "worker", expected a custom role/);
    });

    test('fails when another pool of the app has the same role', () => {
      expect(roleUniqueFindings('worker-rt', [{ role: 'worker-rt-b', path: 'app/b' }])).toEqual([]);
      const f = single(roleUniqueFindings('worker-rt', [{ role: 'worker-rt', path: 'app/b' }]), 'POOL_ROLE_DUPLICATE');
      expect(formatFinding(f)).toBe('[POOL_ROLE_DUPLICATE] role: got "worker-rt", expected a role no other pool of the app uses '
        + '(the pool at app/b uses it too); fix: give each pool its own role, e.g. "worker-rt-a" and "worker-rt-b"');
    });
  });

  describe('huge page entries', () => {
    const topology = guideTopology();

    test('valid entries pass', () => {
      expect(hugePageEntriesFindings([{ size: G, count: 26, numaNode: 1 }, { size: M, count: 8 }], topology)).toEqual([]);
    });

    test.each([0, -1, 1.5, NaN])('fails on count %s', (count) => {
      const f = single(hugePageEntriesFindings([{ size: G, count: 1 }, { size: G, count, numaNode: 0 }], topology), 'POOL_HUGEPAGE_COUNT_INVALID');
      expect(f.field).toBe('hugepages[1].count');
      expect(f.value).toBe(String(count));
    });

    test('fails on a NUMA node the host does not have', () => {
      const f = single(hugePageEntriesFindings([{ size: G, count: 1, numaNode: 2 }], topology), 'POOL_HUGEPAGE_NUMA_NODE_UNKNOWN');
      expect(f.field).toBe('hugepages[0].numaNode');
      expect(f.value).toBe('2');
      expect(f.expected).toContain('(0, 1)');
    });

    test('fails on an unsupported size object (JavaScript)', () => {
      const f = single(hugePageEntriesFindings([{ size: { toString: () => '4Ki' } as any, count: 1 }], topology), 'HUGEPAGE_SIZE_UNSUPPORTED');
      expect(f.field).toBe('hugepages[0].size');
      expect(f.value).toBe('"4Ki"');
    });

    test('fails on duplicates (same size and node, or both without a node)', () => {
      const entries = [{ size: G, count: 1, numaNode: 0 }, { size: M, count: 1, numaNode: 0 }, { size: G, count: 2, numaNode: 0 }];
      const f = single(hugePageDuplicatesFindings(entries), 'POOL_HUGEPAGE_DUPLICATE');
      expect(f.field).toBe('hugepages[2]');
      expect(f.value).toBe('"1Gi on NUMA node 0"');
      expect(f.expected).toContain('hugepages[0]');
      expect(hugePageDuplicatesFindings([{ size: G, count: 1 }, { size: G, count: 1 }])[0].value).toBe('"1Gi without a NUMA node"');
    });

    test('fails when one size is both spread at boot and pinned', () => {
      const f = single(hugePagePlacementFindings([{ size: G, count: 2, numaNode: 0 }, { size: G, count: 4 }, { size: M, count: 4 }]), 'POOL_HUGEPAGE_MIXED_PLACEMENT');
      expect(f.field).toBe('hugepages[1].numaNode');
      expect(f.value).toBe('(not set)');
      expect(hugePagePlacementFindings([{ size: G, count: 2, numaNode: 0 }, { size: M, count: 4 }])).toEqual([]);
    });

    test('fails on a default size the pool does not allocate', () => {
      const f = single(defaultHugePageSizeFindings(G, [{ size: M, count: 4 }]), 'POOL_DEFAULT_HUGEPAGE_SIZE_UNUSED');
      expect(f.field).toBe('defaultHugePageSize');
      expect(f.value).toBe('"1Gi"');
      expect(f.expected).toContain('2Mi');
      expect(defaultHugePageSizeFindings(G, [])[0].fix).toContain('remove defaultHugePageSize');
      expect(defaultHugePageSizeFindings(undefined, [])).toEqual([]);
      expect(defaultHugePageSizeFindings(M, [{ size: M, count: 4 }])).toEqual([]);
    });

    test('warns when there are no huge pages', () => {
      const f = single(hugePagesPresentFindings(undefined), 'POOL_NO_HUGEPAGES');
      expect(f.severity).toBe(Severity.WARNING);
      expect(f.field).toBe('hugepages');
      expect(hugePagesPresentFindings([{ size: G, count: 1 }])).toEqual([]);
    });

    test('warns on a boot-time count that does not divide by the NUMA nodes', () => {
      const f = single(hugePageSplitFindings([{ size: G, count: 51 }, { size: M, count: 8, numaNode: 0 }], topology), 'POOL_HUGEPAGES_UNEVEN_SPLIT');
      expect(f.field).toBe('hugepages[0].count');
      expect(f.value).toBe('51');
      expect(f.fix).toContain('50 or 52');
      expect(hugePageSplitFindings([{ size: G, count: 51 }], HostTopology.uniform({ numaNodes: 1, coresPerSocket: 2 }))).toEqual([]);
    });
  });

  describe('memory fit', () => {
    const topology = guideTopology(); // 32 GiB per node
    const pages = (perNode: number) => resolvePool(guideProps({
      hugepages: [{ size: G, count: perNode, numaNode: 0 }, { size: G, count: perNode, numaNode: 1 }],
    })).model.hugepages;

    test('26 GiB of pages + 1100Mi on node 0 fit 32 GiB nodes', () => {
      expect(hugePageMemoryFitFindings({ topology, hugepages: pages(26), reservedMebibytes: 1100, reservedMemoryNumaNode: 0 })).toEqual([]);
    });

    test('fails when the reservation pushes node 0 over its memory', () => {
      const props = guideProps({ hugepages: [{ size: G, count: 32, numaNode: 0 }, { size: G, count: 20, numaNode: 1 }] });
      const hugepages = resolvePool(props).model.hugepages;
      const f = single(hugePageMemoryFitFindings({ topology, hugepages, reservedMebibytes: 1100, reservedMemoryNumaNode: 0 }), 'POOL_HUGEPAGES_EXCEED_NUMA_MEMORY');
      expect(f.field).toBe('hugepages (NUMA node 0)');
      expect(f.value).toBe('"33.07Gi (huge pages + 1100Mi kubelet reservation)"');
      expect(f.expected).toBe('at most NUMA node 0\'s 32Gi');
    });

    test('fails once for the host when the total does not fit', () => {
      const f = single(hugePageMemoryFitFindings({ topology, hugepages: pages(40), reservedMebibytes: 0, reservedMemoryNumaNode: 0 }), 'POOL_HUGEPAGES_EXCEED_HOST_MEMORY');
      expect(f.field).toBe('hugepages');
      expect(f.value).toBe('"80Gi (huge pages + 0Mi kubelet reservation)"');
      expect(f.expected).toBe('at most the host\'s 64Gi');
    });

    test('unknown memory is not checked', () => {
      const unknown = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 4 });
      expect(hugePageMemoryFitFindings({ topology: unknown, hugepages: pages(400), reservedMebibytes: 1100, reservedMemoryNumaNode: 0 })).toEqual([]);
    });
  });

  describe('partition and topology', () => {
    test('fails on a partition of another topology', () => {
      const other = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 16 });
      const f = single(partitionMatchesTopologyFindings(CpuPartition.plan(other, { reservedCpuCount: 2 }), guideTopology()), 'POOL_PARTITION_TOPOLOGY_MISMATCH');
      expect(f.field).toBe('partition');
      expect(f.value).toBe('"a partition of 1 NUMA node, 16 CPUs (0-15), 16 cores, 1 thread per core"');
      expect(f.expected).toContain('2 NUMA nodes, 16 CPUs (0-15)');
    });

    test('accepts an equal topology built separately, and the SMT-off view of a disableSmt partition', () => {
      expect(partitionMatchesTopologyFindings(CpuPartition.plan(guideTopology(), { reservedCpuCount: 2 }), guideTopology())).toEqual([]);
      const smt = smtTopology();
      expect(partitionMatchesTopologyFindings(CpuPartition.plan(smt, { reservedCpuCount: 2, disableSmt: true }), smt)).toEqual([]);
    });

    test('warns when the boot CPU is isolated', () => {
      const topology = guideTopology();
      const f = single(bootCpuNotIsolatedFindings(CpuPartition.explicit(topology, { reserved: CpuSet.parse('14-15') })), 'POOL_BOOT_CPU_ISOLATED');
      expect(f.field).toBe('partition.isolated');
      expect(f.value).toBe('"0-13"');
      expect(bootCpuNotIsolatedFindings(CpuPartition.plan(topology, { reservedCpuCount: 2 }))).toEqual([]);
    });
  });

  describe('kernel arguments', () => {
    const generated = ['isolcpus=managed_irq,2-7', 'nohz=on', 'tsc=reliable', 'hugepagesz=1G', 'hugepages=52'];

    test('foreign arguments pass', () => {
      expect(additionalKernelArgsFindings(['intel_iommu=on', 'iommu=pt'], generated)).toEqual([]);
      expect(additionalKernelArgsFindings(undefined, generated)).toEqual([]);
    });

    test.each(['a=1 b=2', '', '"x"', '=1'])('fails on malformed %j', (arg) => {
      const f = single(additionalKernelArgsFindings([arg], generated), 'POOL_KERNEL_ARG_SYNTAX');
      expect(f.field).toBe('additionalKernelArgs[0]');
      expect(f.value).toBe(JSON.stringify(arg));
    });

    test('fails on an argument the pool already emits', () => {
      const f = single(additionalKernelArgsFindings(['intel_iommu=on', 'tsc=reliable'], generated), 'POOL_KERNEL_ARG_DUPLICATE');
      expect(f.field).toBe('additionalKernelArgs[1]');
      expect(f.value).toBe('"tsc=reliable"');
    });

    test('fails on a repeated user argument', () => {
      const f = single(additionalKernelArgsFindings(['iommu=pt', 'iommu=pt'], generated), 'POOL_KERNEL_ARG_DUPLICATE');
      expect(f.field).toBe('additionalKernelArgs[1]');
      expect(f.expected).toBe('each argument once');
    });

    test.each([
      ['isolcpus=1-3', 'no second isolcpus (the pool generates isolcpus=managed_irq,2-7)', 'partition'],
      ['hugepages=4', 'no second hugepages (the pool generates hugepages=52)', 'hugepages'],
      ['nosmt', 'no nosmt: the pool owns it', 'disableSmt'],
      ['rcutree.kthread_prio=5', 'no rcutree.kthread_prio: the pool owns it', 'realtimeKernel'],
      ['nohz_full=1', 'no nohz_full: the pool owns it', 'partition'],
    ])('fails on %s, a key the pool owns', (arg, expected, fix) => {
      const f = single(additionalKernelArgsFindings([arg], generated), 'POOL_KERNEL_ARG_CONFLICT');
      expect(f.field).toBe('additionalKernelArgs[0]');
      expect(f.value).toBe(JSON.stringify(arg));
      expect(f.expected).toBe(expected);
      expect(f.fix).toContain(fix);
    });
  });

  describe('topology policy', () => {
    const topology = guideTopology();
    const partition = CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true });
    const both = resolvePool(guideProps()).model.hugepages;

    test('single-numa-node with pages next to the isolated CPUs of every node is fine', () => {
      expect(topologyPolicyFindings(TopologyManagerPolicy.SINGLE_NUMA_NODE, topology, partition, both)).toEqual([]);
    });

    test.each([TopologyManagerPolicy.NONE, TopologyManagerPolicy.BEST_EFFORT])('warns on %s with several NUMA nodes', (policy) => {
      const f = single(topologyPolicyFindings(policy, topology, partition, both), 'POOL_TOPOLOGY_POLICY_NOT_ALIGNED');
      expect(f.field).toBe('topologyManagerPolicy');
      expect(f.value).toBe(JSON.stringify(policy));
    });

    test('no NUMA warning on a single-node host', () => {
      const one = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 8 });
      expect(topologyPolicyFindings(TopologyManagerPolicy.NONE, one, CpuPartition.plan(one, { reservedCpuCount: 2 }), [])).toEqual([]);
    });

    test('warns on a node with isolated CPUs but no pages', () => {
      const onlyNode0 = resolvePool(guideProps({ hugepages: [{ size: G, count: 26, numaNode: 0 }] })).model.hugepages;
      const f = single(topologyPolicyFindings(TopologyManagerPolicy.SINGLE_NUMA_NODE, topology, partition, onlyNode0), 'POOL_NUMA_NODE_WITHOUT_HUGEPAGES');
      expect(f.field).toBe('hugepages (NUMA node 1)');
      expect(f.expected).toContain('isolated CPUs 10-15');
    });

    test('warns on a node with pages but no isolated CPUs', () => {
      const reservedNode1 = CpuPartition.explicit(topology, { reserved: CpuSet.parse('0-1,8-15') });
      const f = single(topologyPolicyFindings(TopologyManagerPolicy.RESTRICTED, topology, reservedNode1, both), 'POOL_HUGEPAGES_WITHOUT_ISOLATED_CPUS');
      expect(f.field).toBe('hugepages (NUMA node 1)');
      expect(f.value).toBe('"26 x 1Gi"');
    });
  });

  describe('rollout', () => {
    test('defaults pass', () => {
      expect(rolloutFindings(1, undefined, false)).toEqual([]);
      expect(rolloutFindings(1, 1, false)).toEqual([]);
    });

    test.each([0, -1, 1.5])('fails on maxUnavailable %s', (n) => {
      const f = single(rolloutFindings(n, 3, false), 'POOL_MAX_UNAVAILABLE_INVALID');
      expect(f.field).toBe('maxUnavailable');
      expect(f.value).toBe(String(n));
    });

    test.each([0, 2.5, 5001, 1e9])('fails on nodeCount %s (at most 5000: Kubernetes\' largest cluster, and it bounds the packing)', (n) => {
      const f = single(rolloutFindings(1, n, false), 'POOL_NODE_COUNT_INVALID');
      expect(f.field).toBe('nodeCount');
    });

    test('warns when the whole pool may reboot at once', () => {
      const f = single(rolloutFindings(3, 3, false), 'POOL_MAX_UNAVAILABLE_WHOLE_POOL');
      expect(f.value).toBe('3');
      expect(f.expected).toBe('fewer than the pool\'s 3 nodes');
    });

    test('warns when paused', () => {
      const f = single(rolloutFindings(1, undefined, true), 'POOL_PAUSED');
      expect(f.field).toBe('paused');
      expect(f.value).toBe('true');
    });
  });

  describe('memory reservations', () => {
    test('whole MiB pass', () => {
      expect(memoryReservationsFindings([{ field: 'kubeReservedMemory', size: Size.gibibytes(1) }, { field: 'x', size: undefined }])).toEqual([]);
    });

    test('fails on a fraction of a MiB', () => {
      const f = single(memoryReservationsFindings([{ field: 'systemReservedMemory', size: Size.kibibytes(1536) }]), 'POOL_MEMORY_RESERVATION_INVALID');
      expect(f.field).toBe('systemReservedMemory');
      expect(f.value).toBe('"1536KiB"');
    });
  });

  describe('construct wiring', () => {
    test('a missing topology fails at once', () => {
      expect(() => new RealtimeNodePool(Testing.chart(), 'Pool', { ...guideProps(), topology: undefined as any }))
        .toThrow(/\[PROP_REQUIRED\] topology: got \(not set\), expected a HostTopology/);
    });

    test('realtimeNodePoolFindings runs every rule and forwards the partition\'s planning advice', () => {
      const topology = guideTopology();
      const props = guideProps({ partition: CpuPartition.plan(topology, { reservedCpuCount: 3, splitAcrossNumaNodes: true }), paused: true });
      expect(realtimeNodePoolFindings(props, resolvePool(props)).map((f) => f.code)).toEqual(['PARTITION_SPLIT_UNEVEN', 'POOL_PAUSED']);
    });

    test('warnings reach the warning channel at synth; errors fail it', () => {
      const chart = Testing.chart();
      new RealtimeNodePool(chart, 'Pool', guideProps({ hugepages: [], topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT }));
      Testing.synth(chart);
      expect(Warnings.of(chart).findings().map((w) => w.finding.code)).toEqual(['POOL_NO_HUGEPAGES', 'POOL_TOPOLOGY_POLICY_NOT_ALIGNED']);
    });
  });

  describe('backend props', () => {
    test('a prop its backend does not read is refused with the backends that do', () => {
      const f = single(backendPropFindings(guideProps({ paused: true }), PoolBackend.TALOS), 'POOL_PROP_NOT_FOR_BACKEND');
      expect(formatFinding(f)).toBe('[POOL_PROP_NOT_FOR_BACKEND] paused: got true, expected unset with backend talos: only the '
        + 'MachineConfigPool of the OpenShift backends read it, so it would be dropped; fix: pause the MachineDeployment '
        + '(Cluster API) or your own node tooling');
      expect(backendPropFindings(guideProps({ paused: true, maxUnavailable: 2 }), PoolBackend.PERFORMANCE_PROFILE)).toEqual([]);
      expect(backendPropFindings(guideProps({ nodeTaints: [] }), PoolBackend.MACHINE_CONFIG)).toEqual([]);
      expect(backendPropFindings(guideProps({ talosVersion: TalosVersion.V1_13, talosInstallerImage: 'x:1' }), PoolBackend.KUBELET_DROP_IN)
        .map((x) => x.field)).toEqual(['talosVersion', 'talosInstallerImage']);
    });
  });

  // Runs last (jest runs a file's tests in order): every registered pool code was triggered by a test above.
  test('every pool code has a test that triggers it', () => {
    expect(Object.keys(POOL_CODES).filter((c) => !triggered.has(c))).toEqual([]);
  });
});
