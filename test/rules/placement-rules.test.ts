import { Size } from 'cdk8s';
import { Warnings } from '../../src/constructs/app/warnings';
import { KubeVirtConfiguration } from '../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { RealtimeVirtualMachineProps } from '../../src/constructs/vm/realtime-virtual-machine-props';
import { ClusterFacts, NO_CLUSTER_FACTS } from '../../src/model/cluster/cluster-facts';
import { PLACEMENT_CODES } from '../../src/rules/codes-placement';
import {
  configurationFindings, cpuFitFindings, emulatorSiblingFindings, guestThreadFindings, hugePageFindings, nodeSelectorFindings,
  numaNodeFitFindings, numaPassthroughPolicyFindings, placementFindings, PlacementInput, poolCapacityFindings,
  realtimeCapableFindings, smtAlignmentFindings, taintFindings,
} from '../../src/rules/placement-rules';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { CpuSet } from '../../src/values/cpu-set';
import { Finding, formatFinding, Severity } from '../../src/values/finding';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HugePageSize } from '../../src/values/hugepage-size';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { TopologyManagerPolicy } from '../../src/values/pool/topology-manager-policy';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { IoThreadsPolicy } from '../../src/values/vm/io-threads-policy';
import { TaintEffect } from '../../src/values/vm/taint-effect';
import { chartWithPool, modelOf, noSmtPoolProps, shapeOf, smtHost, smtPoolProps, synthError, vmProps } from '../fixtures/placement';

const V1_9: ClusterFacts = { hasConfiguration: true, kubevirtVersion: KubeVirtVersion.V1_9, evenParityCompletion: true };

/** A placement of a VM built from `props` on the standard SMT pool (or `pool`), on a v1.9 cluster with AlignCPUs. */
function input(props: Partial<RealtimeVirtualMachineProps> = {}, extra: Partial<PlacementInput> = {}): PlacementInput {
  return { shape: shapeOf(vmProps(props)), pool: modelOf(smtPoolProps()), cluster: V1_9, ...extra };
}

const text = (findings: Finding[]) => findings.map(formatFinding);

describe('a VM that fits its pool', () => {
  test('has no placement findings (3 vCPUs + 1 emulator = two whole cores, 4 x 1Gi, vCPU 2 not real-time)', () => {
    const props = { realtimeMask: RealtimeMask.parse('0-1') };
    expect(placementFindings(input(props))).toEqual([]);
    expect(placementFindings(input(props, { cluster: { ...V1_9, evenParityCompletion: false } }))).toEqual([]);
  });
});

describe('PLACEMENT_EMULATOR_ON_REALTIME_SIBLING (KubeVirt v1.9.0 pins vCPUs two per core, then the emulator)', () => {
  test('warns for an odd vCPU count on an SMT pool: the emulator thread lands on real-time vCPU N-1\'s sibling', () => {
    const findings = emulatorSiblingFindings(input());
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.severity).toBe(Severity.WARNING);
    expect(formatFinding(finding)).toMatch(/^\[PLACEMENT_EMULATOR_ON_REALTIME_SIBLING\] vcpus: got 3, expected vCPUs that fill whole cores of pool worker-rt \(2 threads per core, full-pcpus-only\)/);
    expect(finding.expected).toContain('the pod gets 4 CPUs (3 vCPUs + 1 emulator CPU) in whole cores');
    expect(finding.expected).toContain('the SMT sibling of real-time vCPU 2');
    expect(finding.fix).toBe('give the VM 2 or 4 vCPUs, so its vCPUs fill whole cores and the emulator thread gets a core of its own '
      + '(even-parity completion is on); or leave vCPU 2 out of the real-time mask (realtimeMask: RealtimeMask.parse(\'0-1\')), '
      + 'so the emulator shares its core with a housekeeping vCPU; or place the VM on a pool without SMT (disableSmt)');
    expect(placementFindings(input()).map((f) => f.code)).toEqual(['PLACEMENT_EMULATOR_ON_REALTIME_SIBLING']);
  });

  test('names how to get even-parity completion when the cluster does not have it', () => {
    const [finding] = emulatorSiblingFindings(input({ vcpus: 5 }, { cluster: NO_CLUSTER_FACTS }));
    expect(finding.expected).toContain('real-time vCPU 4');
    expect(finding.fix).toContain('give the VM 4 or 6 vCPUs');
    expect(finding.fix).toContain('with even-parity completion: a KubeVirtConfiguration for KubeVirt v1.2 or later enables AlignCPUs');
    expect(finding.fix).toContain('RealtimeMask.parse(\'0-3\')');
  });

  test('a 1-vCPU VM: no mask can leave its only vCPU out, so the fixes are 2 vCPUs or a pool without SMT', () => {
    const [finding] = emulatorSiblingFindings(input({ vcpus: 1, memory: Size.gibibytes(1) }));
    expect(finding.expected).toContain('real-time vCPU 0');
    expect(finding.fix).toBe('give the VM 2 vCPUs, so its vCPUs fill whole cores and the emulator thread gets a core of its own '
      + '(even-parity completion is on); or place the VM on a pool without SMT (disableSmt)');
  });

  test('names the real-time vCPU from an explicit topology too', () => {
    const [finding] = emulatorSiblingFindings(input({ vcpus: undefined, topology: { sockets: 3, cores: 1, threads: 1 } }, { cpuField: 'topology' }));
    expect(formatFinding(finding)).toContain('topology: got {"sockets":3,"cores":1,"threads":1}');
  });

  test.each<[string, Partial<RealtimeVirtualMachineProps>, Partial<PlacementInput>]>([
    ['vCPU N-1 left out of the real-time mask', { realtimeMask: RealtimeMask.parse('0-1') }, {}],
    ['a mask that leaves vCPU N-1 out by negation', { realtimeMask: RealtimeMask.parse('0-2,^2') }, {}],
    ['no real-time vCPUs', { realtime: false, guestMappingPassthrough: false }, {}],
    ['an even vCPU count with even parity (the emulator gets a whole core)', { vcpus: 4 }, {}],
    ['an even vCPU count without parity (refused as PLACEMENT_SMT_ALIGNMENT instead)', { vcpus: 4 }, { cluster: { ...V1_9, evenParityCompletion: false } }],
    ['no isolated emulator thread', { isolateEmulatorThread: false }, {}],
    ['a pool without SMT', {}, { pool: modelOf(noSmtPoolProps()) }],
    ['a pool without full-pcpus-only', {}, { pool: { ...modelOf(smtPoolProps()), fullPcpusOnly: false } }],
    ['supplemental-pool IOThreads complete the core (the emulator shares it with an IOThread)',
      { vcpus: 3, ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 2 }, {}],
    ['supplemental-pool IOThreads that make the pinned count even', { vcpus: 3, ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 1 }, {}],
  ])('no warning with %s', (_name, props, extra) => {
    expect(emulatorSiblingFindings(input(props, extra))).toEqual([]);
  });

  test('construct level: a 3-vCPU VM placed on an SMT pool synthesizes, with the warning on the VM', () => {
    // GIVEN an SMT pool (2 threads per core, single-numa-node so full-pcpus-only) and a v1.9 KubeVirt with AlignCPUs
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    // WHEN
    new RealtimeVirtualMachine(chart, 'odd', vmProps({ vcpus: 3, nodePool: pool }));
    new RealtimeVirtualMachine(chart, 'masked', vmProps({ vcpus: 3, nodePool: pool, realtimeMask: RealtimeMask.parse('0-1') }));
    // THEN a warning, not a failure (strict mode off)
    Warnings.strict(chart, false);
    expect(synthError(chart)).toBe('');
    expect(Warnings.of(chart).findings().map((w) => `${w.path} ${w.finding.code}`)).toEqual(['test/odd PLACEMENT_EMULATOR_ON_REALTIME_SIBLING']);
    expect(Warnings.of(chart).list()[0]).toContain('the SMT sibling of real-time vCPU 2');
  });
});

describe('PLACEMENT_NODE_SELECTOR_CONFLICT', () => {
  test('fails when the user gives the pool label another value', () => {
    const findings = nodeSelectorFindings(input({}, { nodeSelector: { 'node-role.kubernetes.io/worker-rt': 'yes', 'disk': 'ssd' } }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_NODE_SELECTOR_CONFLICT] nodeSelector["node-role.kubernetes.io/worker-rt"]: got "yes", expected ""')]);
  });

  test('accepts the same value and other labels', () => {
    expect(nodeSelectorFindings(input({}, { nodeSelector: { 'node-role.kubernetes.io/worker-rt': '', 'disk': 'ssd' } }))).toEqual([]);
  });
});

describe('PLACEMENT_TAINT_NOT_TOLERATED', () => {
  const tainted = modelOf(smtPoolProps({
    backend: PoolBackend.KUBELET_DROP_IN,
    nodeTaints: [
      { key: 'realtime', value: 'true', effect: TaintEffect.NO_SCHEDULE },
      { key: 'dedicated', effect: TaintEffect.NO_EXECUTE },
      { key: 'soft', effect: TaintEffect.PREFER_NO_SCHEDULE },
    ],
  }));
  const on = (tolerations: PlacementInput['tolerations']) => text(taintFindings(input({}, { pool: tainted, tolerations })));

  test('each untolerated NoSchedule/NoExecute taint is an error with the toleration to add; PreferNoSchedule is not', () => {
    expect(on(undefined)).toEqual([
      '[PLACEMENT_TAINT_NOT_TOLERATED] tolerations: got "realtime=true:NoSchedule", expected a toleration of pool worker-rt\'s '
        + 'taint realtime=true:NoSchedule (every node of the pool carries it, so the launcher pod is never scheduled and the VM '
        + 'stays Pending); fix: add tolerations: [{ key: \'realtime\', value: \'true\', effect: TaintEffect.NO_SCHEDULE }] to the '
        + 'VM, or remove the taint from the pool',
      expect.stringContaining('got "dedicated:NoExecute"') as unknown as string,
    ]);
    expect(on(undefined)[1]).toContain("add tolerations: [{ key: 'dedicated', exists: true, effect: TaintEffect.NO_EXECUTE }]");
  });

  test('Kubernetes matching: value or Exists, the effect or any, and an empty key with Exists tolerates everything', () => {
    expect(on([{ key: 'realtime', value: 'true' }, { key: 'dedicated', exists: true, effect: TaintEffect.NO_EXECUTE }])).toEqual([]);
    expect(on([{ exists: true }])).toEqual([]);
    expect(on([{ key: 'realtime', value: 'false' }, { key: 'dedicated', exists: true, effect: TaintEffect.NO_SCHEDULE }]))
      .toHaveLength(2);
    // An empty key without Exists tolerates nothing (the API server would refuse it).
    expect(on([{ value: 'true' }])).toHaveLength(2);
  });

  test('a pool without taints never needs a toleration', () => {
    expect(taintFindings(input())).toEqual([]);
  });
});

describe('PLACEMENT_POOL_NOT_REALTIME_CAPABLE', () => {
  test('fails for a real-time VM on a pool without unlimited RT runtime, naming the label KubeVirt selects', () => {
    const findings = realtimeCapableFindings(input({}, { pool: { ...modelOf(smtPoolProps()), realtimeCapable: false } }));
    expect(text(findings)).toEqual([expect.stringMatching(
      /^\[PLACEMENT_POOL_NOT_REALTIME_CAPABLE\] realtime: got true, expected .*sched_rt_runtime_us = -1.*kubevirt\.io\/realtime=true/)]);
  });

  test('accepts a non-real-time VM there', () => {
    const pool = { ...modelOf(smtPoolProps()), realtimeCapable: false };
    expect(realtimeCapableFindings(input({ realtime: false, guestMappingPassthrough: false }, { pool }))).toEqual([]);
  });
});

describe('guest threads vs host SMT', () => {
  test('PLACEMENT_GUEST_THREADS_WITHOUT_SMT: fails on guest threads: 2 when the pool has no SMT (kubevirt#11749)', () => {
    const findings = guestThreadFindings(input({ vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 2 } },
      { pool: modelOf(noSmtPoolProps()), cpuField: 'topology' }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_GUEST_THREADS_WITHOUT_SMT] topology.threads: got 2, expected 1 thread per core')]);
    expect(findings[0].severity).toBe(Severity.ERROR);
  });

  test('PLACEMENT_GUEST_THREADS_MISMATCH: warns when an even vCPU count is exposed as single-thread cores on SMT hosts', () => {
    const findings = guestThreadFindings(input({ vcpus: 4 }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_GUEST_THREADS_MISMATCH] vcpus: got 4, expected 2 threads per core')]);
    expect(findings[0].severity).toBe(Severity.WARNING);
    expect(findings[0].fix).toContain('topology { sockets: 1, cores: 2, threads: 2 }');
  });

  test('PLACEMENT_GUEST_THREADS_MISMATCH names topology.threads for an explicit topology', () => {
    const findings = guestThreadFindings(input({ vcpus: undefined, topology: { sockets: 4, cores: 1, threads: 1 } }, { cpuField: 'topology' }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_GUEST_THREADS_MISMATCH] topology.threads: got 1')]);
  });

  test.each([
    ['matching threads', { vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 2 } }],
    ['an odd vCPU count (cannot match)', { vcpus: 3 }],
    ['no dedicated CPUs', { vcpus: 4, dedicatedCpuPlacement: false, isolateEmulatorThread: false, realtime: false, guestMappingPassthrough: false }],
  ])('accepts %s', (_, props) => {
    expect(guestThreadFindings(input(props as Partial<RealtimeVirtualMachineProps>))).toEqual([]);
  });
});

describe('PLACEMENT_SMT_ALIGNMENT', () => {
  const quote = 'SMT Alignment Error: requested 5 cpus not multiple cpus per core = 2';

  test('fails on 4 vCPUs + 1 emulator CPU without even-parity completion, quoting the kubelet', () => {
    const findings = smtAlignmentFindings(input({ vcpus: 4 }, { cluster: NO_CLUSTER_FACTS }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_SMT_ALIGNMENT] isolateEmulatorThread: got true, expected a launcher pod CPU count that is a multiple of 2')]);
    expect(findings[0].expected).toContain(`("${quote}")`);
    expect(findings[0].fix).toContain('add a KubeVirtConfiguration for KubeVirt v1.2 or later');
  });

  test('names the upgrade on a release without AlignCPUs, and the disabled gate otherwise', () => {
    const v11Cluster = { hasConfiguration: true, kubevirtVersion: KubeVirtVersion.V1_1, evenParityCompletion: false };
    const v11 = smtAlignmentFindings(input({ vcpus: 4 }, { cluster: v11Cluster }));
    expect(v11[0].fix).toContain('upgrade KubeVirt to v1.2 or later (KubeVirt v1.1.0 has no AlignCPUs');
    const off = smtAlignmentFindings(input({ vcpus: 4 }, { cluster: { ...V1_9, evenParityCompletion: false } }));
    expect(off[0].fix).toContain('remove it from disabledFeatureGates');
  });

  test('accepts the same VM with even-parity completion (4 + 2 emulator CPUs = 6)', () => {
    expect(smtAlignmentFindings(input({ vcpus: 4 }))).toEqual([]);
  });

  test('fails on an odd pod without an isolated emulator thread, which parity cannot fix', () => {
    const findings = smtAlignmentFindings(input({ vcpus: 3, isolateEmulatorThread: false }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_SMT_ALIGNMENT] vcpus: got 3')]);
    expect(findings[0].expected).toContain('"SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2"');
  });

  test('accepts any count on a pool without SMT', () => {
    expect(smtAlignmentFindings(input({ vcpus: 4 }, { pool: modelOf(noSmtPoolProps()), cluster: NO_CLUSTER_FACTS }))).toEqual([]);
  });
});

describe('CPUs of one NUMA node / one node', () => {
  test('PLACEMENT_CPUS_EXCEED_NUMA_NODE: 31 vCPUs + 1 emulator do not fit 30 isolated CPUs (15 whole cores)', () => {
    const findings = cpuFitFindings(input({ vcpus: 31 }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_CPUS_EXCEED_NUMA_NODE] vcpus: got 31, expected a launcher pod '
      + 'that fits the isolated CPUs of one NUMA node of pool worker-rt: it needs 32 CPUs (31 vCPUs + 1 emulator CPU), the largest NUMA node has 30 in whole cores')]);
    expect(findings[0].fix).toContain('at most 29 vCPUs');
    expect(cpuFitFindings(input({ vcpus: 29 }))).toEqual([]);
  });

  test('PLACEMENT_CPUS_EXCEED_NUMA_NODE counts supplemental IOThread CPUs too', () => {
    const findings = cpuFitFindings(input({ vcpus: 27, ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 4 }));
    expect(text(findings)).toEqual([expect.stringContaining('it needs 32 CPUs (27 vCPUs + 4 IOThread CPUs + 1 emulator CPU)')]);
  });

  test('PLACEMENT_CPUS_EXCEED_NODE: under best-effort the whole node counts (60 isolated CPUs)', () => {
    const pool = modelOf(smtPoolProps({ topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT }));
    expect(cpuFitFindings(input({ vcpus: 31 }, { pool }))).toEqual([]);
    expect(text(cpuFitFindings(input({ vcpus: 61 }, { pool })))).toEqual([expect.stringContaining(
      '[PLACEMENT_CPUS_EXCEED_NODE] vcpus: got 61, expected a launcher pod that fits the isolated CPUs of a node of pool worker-rt: it needs 62 CPUs (61 vCPUs + 1 emulator CPU), a node has 60')]);
  });
});

describe('huge pages', () => {
  test('PLACEMENT_HUGEPAGE_SIZE_NOT_ON_POOL: a 2Mi VM on a pool with 1Gi pages only', () => {
    expect(text(hugePageFindings(input({ hugePageSize: HugePageSize.TWO_MI })))).toEqual([expect.stringContaining(
      '[PLACEMENT_HUGEPAGE_SIZE_NOT_ON_POOL] hugePageSize: got "2Mi", expected a page size pool worker-rt sets aside (it has 1Gi): the pod requests hugepages-2Mi')]);
    expect(hugePageFindings(input({}, { pool: modelOf(smtPoolProps({ hugepages: [] })) }))[0].expected).toContain('(it has no huge pages)');
  });

  test('PLACEMENT_HUGEPAGES_EXCEED_NUMA_NODE: 40Gi does not fit the 32 pages of one NUMA node', () => {
    const findings = hugePageFindings(input({ memory: Size.gibibytes(40) }));
    expect(text(findings)).toEqual([expect.stringContaining(
      '[PLACEMENT_HUGEPAGES_EXCEED_NUMA_NODE] memory: got "40Gi (40 x 1Gi)", expected at most 32 x 1Gi, the most one NUMA node of pool worker-rt has (NUMA node 0: 32, NUMA node 1: 32)')]);
    expect(hugePageFindings(input({ memory: Size.gibibytes(32) }))).toEqual([]);
  });

  test('PLACEMENT_HUGEPAGES_EXCEED_NUMA_NODE uses the kernel\'s even split of boot-time pages (41 → 21 + 20)', () => {
    const pool = modelOf(smtPoolProps({ hugepages: [{ size: HugePageSize.ONE_GI, count: 41 }] }));
    expect(hugePageFindings(input({ memory: Size.gibibytes(21) }, { pool }))).toEqual([]);
    expect(text(hugePageFindings(input({ memory: Size.gibibytes(22) }, { pool })))).toEqual([expect.stringContaining(
      'memory: got "22Gi (22 x 1Gi)", expected at most 21 x 1Gi, the most one NUMA node of pool worker-rt has (NUMA node 0: 21, NUMA node 1: 20)')]);
  });

  test('PLACEMENT_HUGEPAGES_EXCEED_NODE: under restricted the node\'s 64 pages count', () => {
    const pool = modelOf(smtPoolProps({ topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED }));
    expect(hugePageFindings(input({ memory: Size.gibibytes(40) }, { pool }))).toEqual([]);
    expect(text(hugePageFindings(input({ memory: Size.gibibytes(65) }, { pool })))).toEqual([expect.stringContaining(
      '[PLACEMENT_HUGEPAGES_EXCEED_NODE] memory: got "65Gi (65 x 1Gi)", expected at most 64 x 1Gi, all a node of pool worker-rt has')]);
  });

  test('no page checks for a VM without huge pages', () => {
    expect(hugePageFindings(input({ hugePages: false, guestMappingPassthrough: false, realtime: false, memory: Size.gibibytes(500) }))).toEqual([]);
  });
});

describe('PLACEMENT_NO_NUMA_NODE_FITS', () => {
  // NUMA node 0 keeps 30 isolated CPUs but only 4 pages; NUMA node 1 has 32 pages but only 8 isolated CPUs.
  const topology = smtHost();
  const pool = modelOf(smtPoolProps({
    partition: CpuPartition.explicit(topology, { reserved: CpuSet.parse('0,32,16-27,48-59') }),
    hugepages: [{ size: HugePageSize.ONE_GI, count: 4, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 32, numaNode: 1 }],
  }));

  test('fails when the CPUs fit one NUMA node and the pages another', () => {
    const findings = numaNodeFitFindings(input({ vcpus: 11, memory: Size.gibibytes(8) }, { pool }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_NO_NUMA_NODE_FITS] nodePool: got "worker-rt", expected a NUMA node with room for both')]);
    expect(findings[0].expected).toContain('NUMA node 0: 0 VMs, limited by 1Gi huge pages');
    expect(findings[0].expected).toContain('NUMA node 1: 0 VMs, limited by isolated CPUs');
  });

  test('stays quiet when a single check already explains it, or when a NUMA node has both', () => {
    expect(numaNodeFitFindings(input({ vcpus: 11, memory: Size.gibibytes(40) }, { pool }))).toEqual([]);
    expect(numaNodeFitFindings(input({ vcpus: 5, memory: Size.gibibytes(8) }, { pool }))).toEqual([]);
  });
});

describe('PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY', () => {
  test.each([TopologyManagerPolicy.BEST_EFFORT, TopologyManagerPolicy.NONE])('warns under %s (kubevirt#17248)', (policy) => {
    const findings = numaPassthroughPolicyFindings(input({}, { pool: modelOf(smtPoolProps({ topologyManagerPolicy: policy })) }));
    expect(text(findings)).toEqual([expect.stringContaining(`[PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY] guestMappingPassthrough: got true, expected a pool whose kubelet aligns CPUs and memory to NUMA nodes (single-numa-node or restricted); pool worker-rt runs ${policy}`)]);
    expect(findings[0].expected).toContain('"cannot bind memory to host NUMA nodes: Operation not permitted"');
    expect(findings[0].severity).toBe(Severity.WARNING);
  });

  test('is quiet under restricted and single-numa-node', () => {
    const restricted = modelOf(smtPoolProps({ topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED }));
    expect(numaPassthroughPolicyFindings(input({}, { pool: restricted }))).toEqual([]);
    expect(numaPassthroughPolicyFindings(input())).toEqual([]);
  });
});

describe('PLACEMENT_NO_KUBEVIRT_CONFIGURATION', () => {
  test('warns about dedicated CPUs without a configuration, naming both CPU-manager labels', () => {
    const findings = configurationFindings(input({}, { cluster: NO_CLUSTER_FACTS }));
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_NO_KUBEVIRT_CONFIGURATION] dedicatedCpuPlacement: got true, expected a KubeVirtConfiguration in the app')]);
    expect(findings[0].expected).toContain('kubevirt.io/cpumanager=true (cpumanager=true before v1.8)');
    expect(findings[0].severity).toBe(Severity.WARNING);
  });

  test('is quiet with a configuration, and without dedicated CPUs', () => {
    expect(configurationFindings(input())).toEqual([]);
    expect(configurationFindings(input({ dedicatedCpuPlacement: false }, { cluster: NO_CLUSTER_FACTS }))).toEqual([]);
  });
});

describe('PLACEMENT_POOL_CAPACITY_EXCEEDED', () => {
  const vm = (name: string, props: Partial<RealtimeVirtualMachineProps>) => ({ path: `test/${name}`, name, shape: shapeOf(vmProps(props), name) });

  test('fails when 7 VMs of 10 pod CPUs do not fit 1 node x 2 NUMA nodes of 30, and names the node count that fits', () => {
    const pool = modelOf(smtPoolProps({ nodeCount: 1 }));
    const vms = Array.from({ length: 7 }, (_, i) => vm(`vm-${i}`, { vcpus: 9 }));
    const findings = poolCapacityFindings(pool, vms, V1_9);
    expect(text(findings)).toEqual([expect.stringContaining('[PLACEMENT_POOL_CAPACITY_EXCEEDED] nodeCount: got 1, expected room for the 7 VMs placed on pool worker-rt: '
      + 'packed first-fit decreasing (most CPUs first, then most huge pages) into 1 node x 2 NUMA nodes, 6 fit and 1 does not (vm-6: 10 CPUs, 4 x 1Gi)')]);
    expect(findings[0].fix).toContain('raise nodeCount to 2');
    expect(poolCapacityFindings(modelOf(smtPoolProps({ nodeCount: 2 })), vms, V1_9)).toEqual([]);
  });

  test('packs mixed shapes by pages too: 20Gi VMs take a NUMA node each', () => {
    const pool = modelOf(smtPoolProps({ nodeCount: 1 }));
    const vms = [vm('big-a', { vcpus: 3, memory: Size.gibibytes(20) }), vm('small', { vcpus: 3 }), vm('big-b', { vcpus: 3, memory: Size.gibibytes(20) }),
      vm('big-c', { vcpus: 3, memory: Size.gibibytes(20) })];
    const findings = poolCapacityFindings(pool, vms, V1_9);
    expect(findings[0].expected).toContain('3 fit and 1 does not (big-c: 4 CPUs, 20 x 1Gi)');
    expect(findings[0].fix).toContain('raise nodeCount to 2');
  });

  test('leaves out VMs that cannot run on the pool at all (they report their own errors)', () => {
    const pool = modelOf(smtPoolProps({ nodeCount: 1 }));
    const vms = [...Array.from({ length: 7 }, (_, i) => vm(`vm-${i}`, { vcpus: 9 })), vm('huge', { vcpus: 40 })];
    expect(poolCapacityFindings(pool, vms, V1_9)[0].expected).toContain('(7 of the 8 VMs placed there; the other 1 cannot run on it at all');
  });

  test('is skipped without a declared node count', () => {
    const vms = Array.from({ length: 20 }, (_, i) => vm(`vm-${i}`, { vcpus: 9 }));
    expect(poolCapacityFindings(modelOf(smtPoolProps()), vms, V1_9)).toEqual([]);
  });
});

describe('every placement code is registered with a meaning, the failure it prevents and the fix', () => {
  test('codes', () => {
    expect(Object.keys(PLACEMENT_CODES).every((c) => c.startsWith('PLACEMENT_'))).toBe(true);
    expect(PLACEMENT_CODES.PLACEMENT_SMT_ALIGNMENT.prevents).toContain('SMT Alignment Error');
    expect(PLACEMENT_CODES.PLACEMENT_CPUS_EXCEED_NUMA_NODE.prevents).toContain('TopologyAffinityError');
    expect(PLACEMENT_CODES.PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY.prevents).toContain('cannot bind memory to host NUMA nodes');
  });
});

describe('a broken app', () => {
  test('fails with every placement error of every VM and pool in one synth failure', () => {
    // GIVEN a KubeVirt v1.1 cluster (no AlignCPUs), an SMT pool of 1 node and a pool without SMT under best-effort
    const { chart, pool } = chartWithPool(smtPoolProps({ nodeCount: 1 }));
    const plain = new RealtimeNodePool(chart, 'PlainPool', noSmtPoolProps({ role: 'worker-plain', topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT }));
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_1 });

    // WHEN VMs are placed that the nodes cannot run
    new RealtimeVirtualMachine(chart, 'even', vmProps({ vcpus: 4, nodePool: pool }));
    new RealtimeVirtualMachine(chart, 'too-big', vmProps({ vcpus: 31, nodePool: pool }));
    new RealtimeVirtualMachine(chart, 'small-pages', vmProps({ hugePageSize: HugePageSize.TWO_MI, nodePool: pool }));
    for (let i = 0; i < 7; i++) new RealtimeVirtualMachine(chart, `filler-${i}`, vmProps({ vcpus: 9, nodePool: pool }));
    new RealtimeVirtualMachine(chart, 'threads', vmProps({ vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 2 }, nodePool: plain }));
    new RealtimeVirtualMachine(chart, 'selector', vmProps({ nodeSelector: { 'node-role.kubernetes.io/worker-plain': 'true' }, nodePool: plain }));

    // THEN one synth failure lists them all, each on its construct
    const message = synthError(chart);
    for (const expected of [
      '[test/KubeVirt] [FEATURE_NEEDS_NEWER_KUBEVIRT]',
      '[test/Pool] [PLACEMENT_POOL_CAPACITY_EXCEEDED] nodeCount: got 1',
      '[test/even] [PLACEMENT_SMT_ALIGNMENT] isolateEmulatorThread: got true',
      'SMT Alignment Error: requested 5 cpus not multiple cpus per core = 2',
      '[test/too-big] [PLACEMENT_CPUS_EXCEED_NUMA_NODE] vcpus: got 31',
      '[test/small-pages] [PLACEMENT_HUGEPAGE_SIZE_NOT_ON_POOL] hugePageSize: got "2Mi"',
      '[test/threads] [PLACEMENT_GUEST_THREADS_WITHOUT_SMT] topology.threads: got 2',
      '[test/selector] [PLACEMENT_NODE_SELECTOR_CONFLICT] nodeSelector["node-role.kubernetes.io/worker-plain"]: got "true"',
    ]) expect(message).toContain(expected);
    // The warnings of the best-effort pool are recorded, not thrown.
    expect(message).not.toContain('PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY');
    expect(Warnings.of(chart).findings().map((w) => `${w.path} ${w.finding.code}`)).toEqual(expect.arrayContaining([
      'test/threads PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY',
      'test/selector PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY',
    ]));
  });
});
