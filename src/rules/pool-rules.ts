import { Size, SizeRoundingBehavior } from 'cdk8s';
import { hugePageBytesOnNode, isValidHugePageCount, usedHugePageSizes } from '../model/pool/hugepages';
import { isWellFormedKernelArg, kernelArgKey, OWNED_KERNEL_ARG_KEYS } from '../model/pool/kernel-args';
import { wholeMebibytes } from '../model/pool/kubelet-config';
import { NumaHugePages } from '../model/pool/pool-model';
import { ResolvedPool } from '../model/pool/resolve-pool';
import { error, Finding, warning } from '../values/finding';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { HugePageSize } from '../values/hugepage-size';
import { MAX_POOL_NODES } from '../values/pool/pool-limits';
import { HugePageAllocation, RealtimeNodePoolProps } from '../values/pool/pool-props';
import { isStrictTopologyPolicy, TopologyManagerPolicy } from '../values/pool/topology-manager-policy';

// Rules of a RealtimeNodePool. Each is a pure function returning findings; RealtimeNodePool reports them together
// at synth. Codes are registered in codes-pool.ts.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** The pools the Machine Config Operator creates itself. */
const BUILT_IN_POOLS = ['master', 'worker', 'arbiter'];
const MIB = 1024 * 1024;

/** The role names the MachineConfigPool and the node label: a DNS-1123 label, not a built-in pool. */
export function roleFindings(role: unknown): Finding[] {
  if (typeof role !== 'string' || role.length > 63 || !DNS_LABEL.test(role)) {
    return [error('POOL_ROLE_INVALID', 'role', role, 'a DNS-1123 label: 1-63 lower-case letters, digits or "-", '
      + 'starting and ending with a letter or digit', 'use a name such as "worker-rt"')];
  }
  if (BUILT_IN_POOLS.includes(role)) {
    return [error('POOL_ROLE_RESERVED', 'role', role, `a custom role, not one of the built-in pools ${BUILT_IN_POOLS.join(', ')}`,
      'use a role of its own such as "worker-rt"; label the real-time nodes node-role.kubernetes.io/worker-rt')];
  }
  return [];
}

/** Each huge page entry: a supported size, a positive whole count, a NUMA node the host has. */
/** One role per pool in an app: the role names the MachineConfigPool and every node-level object of the pool. */
export function roleUniqueFindings(role: string, otherPoolPaths: { role: string; path: string }[]): Finding[] {
  return otherPoolPaths.filter((o) => o.role === role).map((o) => error('POOL_ROLE_DUPLICATE', 'role', role,
    `a role no other pool of the app uses (the pool at ${o.path} uses it too)`, 'give each pool its own role, e.g. "worker-rt-a" and "worker-rt-b"'));
}

export function hugePageEntriesFindings(hugepages: HugePageAllocation[], topology: HostTopology): Finding[] {
  const findings: Finding[] = [];
  const nodes = topology.numaNodeIds;
  (hugepages ?? []).forEach((page, i) => {
    const at = `hugepages[${i}]`;
    if (!HugePageSize.all().includes(page?.size)) {
      findings.push(error('HUGEPAGE_SIZE_UNSUPPORTED', `${at}.size`, page?.size?.toString(), 'HugePageSize.TWO_MI or HugePageSize.ONE_GI',
        'use HugePageSize.TWO_MI or HugePageSize.ONE_GI'));
    }
    if (!isValidHugePageCount(page?.count)) {
      findings.push(error('POOL_HUGEPAGE_COUNT_INVALID', `${at}.count`, page?.count, 'a positive whole number of pages',
        'give the number of pages, e.g. 26; drop the entry to set no pages of this size'));
    }
    if (page?.numaNode !== undefined && !nodes.includes(page.numaNode)) {
      findings.push(error('POOL_HUGEPAGE_NUMA_NODE_UNKNOWN', `${at}.numaNode`, page.numaNode, `a NUMA node of the topology (${nodes.join(', ')})`,
        'use a NUMA node the host has, or leave numaNode out to spread the pages over every node'));
    }
  });
  return findings;
}

/** No two entries of the same size on the same node (or both without a node); NTO's webhook refuses them too. */
export function hugePageDuplicatesFindings(hugepages: HugePageAllocation[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  (hugepages ?? []).forEach((page, i) => {
    const key = `${page?.size?.toString()}@${page?.numaNode ?? 'any'}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const where = page.numaNode === undefined ? 'without a NUMA node' : `on NUMA node ${page.numaNode}`;
    findings.push(error('POOL_HUGEPAGE_DUPLICATE', `hugepages[${i}]`, `${page.size} ${where}`,
      `one entry per size and NUMA node (hugepages[${first}] already sets ${page.size} ${where})`,
      'merge the two entries into one with the total count'));
  });
  return findings;
}

/**
 * One size is either spread at boot (no node) or pinned to nodes, never both: the unit that pins pages writes the
 * node's nr_hugepages, which replaces that node's boot-time share instead of adding to it.
 */
export function hugePagePlacementFindings(hugepages: HugePageAllocation[]): Finding[] {
  const valid = (hugepages ?? []).filter((p) => HugePageSize.all().includes(p?.size));
  return usedHugePageSizes(valid).flatMap((size) => {
    const ofSize = valid.filter((p) => p.size === size);
    const spread = ofSize.some((p) => p.numaNode === undefined);
    const pinned = ofSize.some((p) => p.numaNode !== undefined);
    if (!spread || !pinned) return [];
    const index = (hugepages ?? []).indexOf(ofSize.find((p) => p.numaNode === undefined)!);
    return [error('POOL_HUGEPAGE_MIXED_PLACEMENT', `hugepages[${index}].numaNode`, undefined,
      `every ${size} entry with a numaNode, or none (pinned ${size} pages replace a node's boot-time share)`,
      `give each ${size} entry a numaNode (one entry per node), or declare ${size} pages only as one total without numaNode`)];
  });
}

/** The default size must be one the pool allocates. */
export function defaultHugePageSizeFindings(defaultSize: HugePageSize | undefined, hugepages: HugePageAllocation[]): Finding[] {
  if (defaultSize === undefined) return [];
  const used = usedHugePageSizes((hugepages ?? []).filter((p) => p !== undefined && p !== null));
  if (used.includes(defaultSize)) return [];
  return [error('POOL_DEFAULT_HUGEPAGE_SIZE_UNUSED', 'defaultHugePageSize', defaultSize?.toString(),
    used.length === 0 ? 'no default size when no huge pages are set' : `one of the sizes in hugepages (${used.join(', ')})`,
    used.length === 0 ? 'remove defaultHugePageSize or add hugepages of that size' : `use one of ${used.join(', ')} or add pages of that size`)];
}

/** A real-time pool without huge pages cannot host VMs with NUMA passthrough (KubeVirt requires huge pages for it). */
export function hugePagesPresentFindings(hugepages: HugePageAllocation[] | undefined): Finding[] {
  if ((hugepages ?? []).length > 0) return [];
  return [warning('POOL_NO_HUGEPAGES', 'hugepages', hugepages, 'huge pages for the real-time VMs',
    'declare hugepages, e.g. [{ size: HugePageSize.ONE_GI, count: 26, numaNode: 0 }, ...]')];
}

/** A boot-time count that does not divide by the NUMA nodes lands unevenly; where the extra pages go depends on the kernel. */
export function hugePageSplitFindings(hugepages: HugePageAllocation[], topology: HostTopology): Finding[] {
  const nodes = topology.numaNodeIds.length;
  if (nodes < 2) return [];
  const findings: Finding[] = [];
  (hugepages ?? []).forEach((page, i) => {
    if (page?.numaNode !== undefined || !isValidHugePageCount(page?.count) || page.count % nodes === 0) return;
    const down = page.count - (page.count % nodes);
    findings.push(warning('POOL_HUGEPAGES_UNEVEN_SPLIT', `hugepages[${i}].count`, page.count,
      `a multiple of the ${nodes} NUMA nodes (boot-time pages are spread evenly; the remainder lands on the lowest nodes)`,
      `use ${[down, down + nodes].filter((n) => n > 0).join(' or ')} pages, or give the pages per node with numaNode`));
  });
  return findings;
}

/** What the memory fit rules need. */
export interface MemoryFitInput {
  readonly topology: HostTopology;
  /** Resolved pages per node. */
  readonly hugepages: NumaHugePages[];
  /** The kubelet's reserved memory (MiB) and the node that carries it. */
  readonly reservedMebibytes: number;
  readonly reservedMemoryNumaNode: number;
}

/**
 * Huge pages (plus the kubelet's reserved memory on its node) must fit the memory the topology declares: first the
 * host as a whole (when every node's memory is known), then, when the total fits, each node with known memory.
 */
export function hugePageMemoryFitFindings(input: MemoryFitInput): Finding[] {
  const nodes = input.topology.numaNodeIds;
  const memory = new Map(nodes.map((n) => [n, input.topology.memoryOfNumaNode(n)]));
  const needed = (n: number) => hugePageBytesOnNode(input.hugepages, n) + (n === input.reservedMemoryNumaNode ? input.reservedMebibytes * MIB : 0);
  const known = nodes.filter((n) => memory.get(n) !== undefined);
  const bytes = (s: Size) => s.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
  if (known.length === nodes.length && nodes.length > 1) {
    const total = nodes.reduce((sum, n) => sum + needed(n), 0);
    const available = nodes.reduce((sum, n) => sum + bytes(memory.get(n)!), 0);
    if (total > available) {
      return [error('POOL_HUGEPAGES_EXCEED_HOST_MEMORY', 'hugepages', `${gib(total)} (huge pages + ${input.reservedMebibytes}Mi kubelet reservation)`,
        `at most the host's ${gib(available)}`, 'set fewer huge pages, or declare the host\'s real memory in the topology')];
    }
  }
  return known.flatMap((n) => {
    const need = needed(n);
    const have = bytes(memory.get(n)!);
    if (need <= have) return [];
    const reservedNote = n === input.reservedMemoryNumaNode ? ` + ${input.reservedMebibytes}Mi kubelet reservation` : '';
    return [error('POOL_HUGEPAGES_EXCEED_NUMA_MEMORY', `hugepages (NUMA node ${n})`, `${gib(need)} (huge pages${reservedNote})`,
      `at most NUMA node ${n}'s ${gib(have)}`, `set fewer huge pages on NUMA node ${n}, or move some to another node with numaNode`)];
  });
}

/** The partition must have been made for this topology (its CPUs and NUMA nodes, or their SMT-off view). */
export function partitionMatchesTopologyFindings(partition: CpuPartition, topology: HostTopology): Finding[] {
  const expected = partition.smtDisabled ? topology.withoutSmt() : topology;
  const got = partition.topology;
  const sameNodes = got.numaNodeIds.join(',') === expected.numaNodeIds.join(',')
    && expected.numaNodeIds.every((n) => got.cpusOfNumaNode(n).sameAs(expected.cpusOfNumaNode(n)));
  if (got.cpus.sameAs(expected.cpus) && sameNodes) return [];
  return [error('POOL_PARTITION_TOPOLOGY_MISMATCH', 'partition', `a partition of ${got}`,
    `a partition of the pool's topology (${expected})`,
    'build the partition from the same topology: CpuPartition.plan(topology, ...) or CpuPartition.explicit(topology, ...)')];
}

/**
 * The kernel keeps the boot CPU (CPU 0 on x86) out of `nohz_full` ("The boot CPU will be forced outside the range"),
 * so an isolated CPU 0 keeps its scheduler tick: a real-time vCPU placed there sees periodic jitter.
 */
export function bootCpuNotIsolatedFindings(partition: CpuPartition): Finding[] {
  if (!partition.isolated.has(0)) return [];
  return [warning('POOL_BOOT_CPU_ISOLATED', 'partition.isolated', partition.isolated.toString(),
    'CPU 0 (the boot CPU) among the reserved CPUs', 'reserve CPU 0 (and its SMT siblings): the kernel never stops its tick')];
}

/** Kernel arguments from the user: one well-formed argument each, none twice, none the pool generates itself. */
export function additionalKernelArgsFindings(userArgs: string[] | undefined, generated: string[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  (userArgs ?? []).forEach((arg, i) => {
    const field = `additionalKernelArgs[${i}]`;
    if (!isWellFormedKernelArg(arg)) {
      findings.push(error('POOL_KERNEL_ARG_SYNTAX', field, arg, 'one kernel argument: no spaces or quotes, not empty, not starting with "="',
        'split "a=1 b=2" into two entries "a=1" and "b=2"'));
      return;
    }
    if (generated.includes(arg)) {
      findings.push(error('POOL_KERNEL_ARG_DUPLICATE', field, arg, 'an argument the pool does not already generate',
        'remove it: the pool emits it already (a duplicate changes the MachineConfig and reboots the pool for nothing)'));
    } else if (OWNED_KERNEL_ARG_KEYS.includes(kernelArgKey(arg))) {
      const key = kernelArgKey(arg);
      const ours = generated.filter((g) => kernelArgKey(g) === key);
      findings.push(error('POOL_KERNEL_ARG_CONFLICT', field, arg,
        ours.length > 0 ? `no second ${key} (the pool generates ${ours.join(' ')})` : `no ${key}: the pool owns it`,
        ownedKeyFix(key)));
    } else if (seen.has(arg)) {
      findings.push(error('POOL_KERNEL_ARG_DUPLICATE', field, arg, 'each argument once', 'remove the repeated entry'));
    }
    seen.add(arg);
  });
  return findings;
}

function ownedKeyFix(key: string): string {
  if (key.includes('hugepage')) return 'declare huge pages with the hugepages and defaultHugePageSize props';
  if (key === 'nosmt') return 'disable SMT through the partition (disableSmt: true)';
  if (key === 'isolcpus') return 'choose the isolated CPUs with the partition and the flags with balanceIsolated';
  if (key === 'rcutree.kthread_prio') return 'remove it; it follows realtimeKernel';
  return 'remove it: the pool derives it from the partition';
}

/** NUMA alignment, huge pages and isolated CPUs must agree with the Topology Manager policy. */
export function topologyPolicyFindings(
  policy: TopologyManagerPolicy, topology: HostTopology, partition: CpuPartition, hugepages: NumaHugePages[],
): Finding[] {
  const nodes = topology.numaNodeIds;
  if (nodes.length < 2) return [];
  if (!isStrictTopologyPolicy(policy)) {
    return [warning('POOL_TOPOLOGY_POLICY_NOT_ALIGNED', 'topologyManagerPolicy', policy,
      'single-numa-node (or restricted) on a host with several NUMA nodes',
      'use TopologyManagerPolicy.SINGLE_NUMA_NODE: under none/best-effort a VM may get CPUs and memory from different nodes')];
  }
  if (hugepages.length === 0) return [];
  const findings: Finding[] = [];
  for (const n of nodes) {
    const isolated = partition.isolatedOfNumaNode(n);
    const pages = hugepages.filter((p) => p.numaNode === n);
    if (!isolated.isEmpty && pages.length === 0) {
      findings.push(warning('POOL_NUMA_NODE_WITHOUT_HUGEPAGES', `hugepages (NUMA node ${n})`, 'no huge pages',
        `huge pages on NUMA node ${n}, which has isolated CPUs ${isolated}`,
        `add huge pages on NUMA node ${n}; under ${policy} a VM backed by huge pages can use only nodes that hold both`));
    }
    if (isolated.isEmpty && pages.length > 0) {
      findings.push(warning('POOL_HUGEPAGES_WITHOUT_ISOLATED_CPUS', `hugepages (NUMA node ${n})`,
        pages.map((p) => `${p.count} x ${p.size}`).join(', '), 'huge pages only on NUMA nodes with isolated CPUs',
        `move the pages of NUMA node ${n} to a node with isolated CPUs; under ${policy} no dedicated-CPU VM can use them`));
    }
  }
  return findings;
}

/** Rollout settings: maxUnavailable a positive whole number, nodeCount a positive whole number, a warning when paused. */
export function rolloutFindings(maxUnavailable: number, nodeCount: number | undefined, paused: boolean): Finding[] {
  const findings: Finding[] = [];
  const maxOk = Number.isSafeInteger(maxUnavailable) && maxUnavailable >= 1;
  if (!maxOk) {
    findings.push(error('POOL_MAX_UNAVAILABLE_INVALID', 'maxUnavailable', maxUnavailable, 'a whole number of nodes, at least 1',
      'use 1 (the default) to update one node at a time'));
  }
  const countOk = nodeCount === undefined || (Number.isSafeInteger(nodeCount) && nodeCount >= 1 && nodeCount <= MAX_POOL_NODES);
  if (!countOk) {
    findings.push(error('POOL_NODE_COUNT_INVALID', 'nodeCount', nodeCount,
      `a whole number of nodes from 1 to ${MAX_POOL_NODES} (Kubernetes supports clusters of up to ${MAX_POOL_NODES} nodes)`,
      'give the number of nodes the pool will have, or leave nodeCount out'));
  }
  if (maxOk && countOk && nodeCount !== undefined && nodeCount > 1 && maxUnavailable >= nodeCount) {
    findings.push(warning('POOL_MAX_UNAVAILABLE_WHOLE_POOL', 'maxUnavailable', maxUnavailable,
      `fewer than the pool's ${nodeCount} nodes`, 'lower maxUnavailable: as it is, one change drains and reboots every node of the pool at once'));
  }
  if (paused === true) {
    findings.push(warning('POOL_PAUSED', 'paused', paused, 'an unpaused pool, unless a maintenance window is pending',
      'unpause the pool when the rollout may start: until then no configuration (kernel, kernel arguments, huge pages) reaches the nodes'));
  }
  return findings;
}

/** The kubelet memory reservations: whole MiB. */
export function memoryReservationsFindings(sizes: { field: string; size: Size | undefined }[]): Finding[] {
  return sizes.flatMap(({ field, size }) => {
    if (size === undefined || wholeMebibytes(size) !== undefined) return [];
    let shown: unknown = size;
    try {
      shown = `${size.toKibibytes({ rounding: SizeRoundingBehavior.NONE })}KiB`;
    } catch {
      shown = String(size);
    }
    return [error('POOL_MEMORY_RESERVATION_INVALID', field, shown, 'a whole, non-negative number of MiB',
      'use Size.mebibytes(n) with a whole n, e.g. Size.mebibytes(500)')];
  });
}

function gib(bytes: number): string {
  const value = bytes / (1024 * MIB);
  return `${Number.isInteger(value) ? value : value.toFixed(2)}Gi`;
}

/** Every rule of a pool, in a stable order, plus the partition's planning advice. */
export function realtimeNodePoolFindings(props: RealtimeNodePoolProps, pool: ResolvedPool): Finding[] {
  const { model } = pool;
  const hugepages = Array.isArray(props.hugepages) ? props.hugepages : [];
  return [
    ...roleFindings(props.role),
    ...partitionMatchesTopologyFindings(props.partition, props.topology),
    ...model.partition.warnings,
    ...bootCpuNotIsolatedFindings(model.partition),
    ...hugePageEntriesFindings(hugepages, props.topology),
    ...hugePageDuplicatesFindings(hugepages),
    ...hugePagePlacementFindings(hugepages),
    ...defaultHugePageSizeFindings(props.defaultHugePageSize, hugepages),
    ...hugePagesPresentFindings(props.hugepages),
    ...hugePageSplitFindings(hugepages, props.topology),
    ...memoryReservationsFindings([
      { field: 'kubeReservedMemory', size: props.kubeReservedMemory },
      { field: 'systemReservedMemory', size: props.systemReservedMemory },
      { field: 'evictionHardMemory', size: props.evictionHardMemory },
    ]),
    ...hugePageMemoryFitFindings({
      topology: props.topology,
      hugepages: model.hugepages,
      reservedMebibytes: model.reservedMemory.toMebibytes(),
      reservedMemoryNumaNode: model.reservedMemoryNumaNode,
    }),
    ...additionalKernelArgsFindings(props.additionalKernelArgs, pool.generatedKernelArgs),
    ...topologyPolicyFindings(model.topologyManagerPolicy, props.topology, model.partition, model.hugepages),
    ...rolloutFindings(model.maxUnavailable, model.nodeCount, model.paused),
  ];
}
