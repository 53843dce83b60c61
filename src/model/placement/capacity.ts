import { checkShape, countRule } from './shape-check';
import { VmCpuAssignment, VmThreadKind } from './vm-cpu-assignment';
import { CpuSet } from '../../values/cpu-set';
import { CpuPartition } from '../../values/host/cpu-partition';
import { HugePageSize } from '../../values/hugepage-size';
import { checkProps, checkValue, Prop, PropSchema } from '../../values/prop-check';
import { HUGE_PAGE_SIZE } from '../../values/vm/vm-settings-schema';
import { pinnedCpuCount, podCpuCount, VmShape } from '../vm/vm-shape';

/** What stops one more VM from fitting on a NUMA node. */
export enum CapacityLimit {
  /** Not enough free isolated CPUs (in whole cores under full-pcpus-only) on the NUMA node. */
  ISOLATED_CPUS = 'isolated-cpus',
  /** Not enough huge pages of the VM's page size on the NUMA node. */
  HUGEPAGES = 'hugepages',
  /**
   * The pod's CPU count is odd only because of the isolated emulator thread, and full-pcpus-only hands out whole
   * SMT cores: the kubelet refuses the pod (SMTAlignmentError). Even-parity completion (KubeVirt AlignCPUs) fixes it.
   */
  EMULATOR_PARITY = 'emulator-parity',
  /** The pod's CPU count is not a multiple of the threads per core, so full-pcpus-only refuses it (SMTAlignmentError). */
  SMT_ALIGNMENT = 'smt-alignment',
}

/** The limit in words: `isolated CPUs`, `1Gi huge pages` ... */
export function describeLimit(limit: CapacityLimit, hugePageSize?: string): string {
  switch (limit) {
    case CapacityLimit.ISOLATED_CPUS: return 'isolated CPUs';
    case CapacityLimit.HUGEPAGES: return `${hugePageSize ?? ''} huge pages`.trim();
    case CapacityLimit.EMULATOR_PARITY: return 'emulator-thread parity (SMTAlignmentError)';
    default: return 'SMT alignment (SMTAlignmentError)';
  }
}

/** One NUMA node's huge pages, overriding what the topology declares. */
export interface NumaNodeHugePages {
  /** The NUMA node id. */
  readonly numaNode: number;
  /** The page size. */
  readonly size: HugePageSize;
  /** How many pages of that size the node has for VMs. */
  readonly count: number;
}

/** How the node's kubelet and KubeVirt place VMs. */
export interface CapacityOptions {
  /**
   * KubeVirt completes the emulator CPUs to keep the pod's CPU count even (the `AlignCPUs` gate with the
   * `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity` annotation).
   *
   * @default false
   */
  readonly emulatorThreadEvenParity?: boolean;
  /**
   * The kubelet runs the static CPU manager with `full-pcpus-only` (what a `single-numa-node` pool emits): it hands
   * out whole physical cores only.
   *
   * @default true
   */
  readonly fullPcpusOnly?: boolean;
  /**
   * The huge pages each NUMA node has for VMs (for example the pool's planned allocation).
   *
   * @default - what the topology declares (virsh `<pages>`); not checked where it declares nothing
   */
  readonly hugePages?: NumaNodeHugePages[];
}

/** How many VMs of one shape fit on one NUMA node, and why not more. */
export interface NumaNodeCapacity {
  /** The NUMA node id. */
  readonly numaNode: number;
  /** VMs that fit. */
  readonly vms: number;
  /** What stops one more VM. */
  readonly limitedBy: CapacityLimit;
  /** The node's isolated CPUs (cpulist). */
  readonly isolatedCpus: string;
  /** Isolated CPUs the kubelet can hand out: whole cores under full-pcpus-only (cpulist). */
  readonly allocatableCpus: string;
  /** How many CPUs `allocatableCpus` lists. */
  readonly allocatableCpuCount: number;
  /** Allocatable CPUs no planned VM uses (cpulist). */
  readonly idleCpus: string;
  /** VMs the CPUs alone would allow. */
  readonly vmsByCpus: number;
  /** VMs the huge pages alone would allow; undefined when not checked (no huge pages, or none declared). */
  readonly vmsByHugePages?: number;
  /** Huge pages of the VM's size the node has; undefined when not declared. */
  readonly hugePages?: number;
  /** One sentence: the count and why not more. */
  readonly reason: string;
}

/** How many VMs of one shape fit on a node, per NUMA node, with the planned CPU assignment. */
export interface VmCapacity {
  /** Guest vCPUs per VM. */
  readonly vcpus: number;
  /** Dedicated CPUs of the virt-launcher pod per VM (vCPUs + emulator + IOThread pool CPUs). */
  readonly podCpus: number;
  /** CPUs the emulator thread gets (0 when not isolated, 1, or 2 with even parity). */
  readonly emulatorCpus: number;
  /** The VM's huge page size, when its memory is backed by huge pages. */
  readonly hugePageSize?: string;
  /** Huge pages per VM. */
  readonly hugePagesPerVm?: number;
  /** Per NUMA node, by id. */
  readonly perNumaNode: NumaNodeCapacity[];
  /** VMs that fit on the node (sum over NUMA nodes: single-numa-node keeps each VM inside one). */
  readonly total: number;
  /** The distinct limits of the NUMA nodes, in enum order. */
  readonly limitedBy: CapacityLimit[];
  /** Which host CPU runs which VM thread, VMs numbered from 1 in placement order. */
  readonly assignments: VmCpuAssignment[];
}

/** One NUMA node's counts in `VmCapacityCounts`. */
export interface NumaNodeCapacityCounts {
  /** The NUMA node id. */
  readonly numaNode: number;
  /** Isolated CPUs the kubelet can hand out (whole cores under full-pcpus-only). */
  readonly allocatableCpuCount: number;
  /** VMs that fit. */
  readonly vms: number;
}

/** The isolated CPUs one NUMA node hands out, whatever the VM shape. */
export interface NumaNodeAllocatableCpus {
  /** The NUMA node id. */
  readonly numaNode: number;
  /** Isolated CPUs the kubelet can hand out (whole cores under full-pcpus-only). */
  readonly allocatableCpuCount: number;
}

/** `VmCapacity` without the CPU lists, sentences and assignments: what the synth-time checks read. */
export interface VmCapacityCounts {
  /** Guest vCPUs per VM. */
  readonly vcpus: number;
  /** Dedicated CPUs of the virt-launcher pod per VM. */
  readonly podCpus: number;
  /** CPUs the emulator thread gets. */
  readonly emulatorCpus: number;
  /** Per NUMA node, by id. */
  readonly perNumaNode: NumaNodeCapacityCounts[];
  /** VMs that fit on the node. */
  readonly total: number;
  /** The distinct limits of the NUMA nodes, in enum order. */
  readonly limitedBy: CapacityLimit[];
}

/**
 * The counts of `capacityOf(partition, shape, options)`, by arithmetic on the partition's per-NUMA-node layout (kept
 * per partition): no CPU lists or sentences are built. For checks that run once per VM of an app.
 */
export function capacityCountsOf(partition: CpuPartition, shape: VmShape, options: CapacityOptions = {}): VmCapacityCounts {
  checkCapacityArguments(partition, shape, options, 'capacityCountsOf');
  const demand = demandOf(shape, options.emulatorThreadEvenParity ?? false);
  const nodes = numaNodeCounts(partition, shape, demand, options);
  return {
    vcpus: demand.vcpus,
    podCpus: demand.podCpus,
    emulatorCpus: demand.emulatorCpus,
    perNumaNode: nodes.map((n) => ({ numaNode: n.layout.numaNode, allocatableCpuCount: n.layout.allocatable.length, vms: n.vms })),
    total: nodes.reduce((sum, n) => sum + n.vms, 0),
    limitedBy: distinctLimits(nodes),
  };
}

/**
 * How many VMs of `shape` a node partitioned by `partition` runs, per NUMA node, and why not more.
 *
 * The model is the kubelet's static CPU manager under the `single-numa-node` topology policy:
 * - each VM's virt-launcher pod asks for `podCpuCount(shape)` exclusive CPUs and lives on ONE NUMA node;
 * - only isolated CPUs are handed out (reserved CPUs are `reservedSystemCPUs`, offlined ones do not exist);
 * - with `full-pcpus-only` and SMT, only whole cores count, and a pod whose CPU count is not a multiple of the
 *   threads per core is refused (SMTAlignmentError), which is what an isolated emulator thread causes without
 *   even-parity completion;
 * - NUMA nodes are filled in id order, cores by lowest CPU id, VMs greedily; within a VM, vCPUs take the pod's
 *   CPUs core by core and the emulator thread(s) the last ones (an illustration of where they land, not a promise
 *   of the exact ids the kubelet will pick at run time);
 * - huge pages: each VM needs `memory / pageSize` pages of its NUMA node, checked where their count is known.
 */
export function capacityOf(partition: CpuPartition, shape: VmShape, options: CapacityOptions = {}): VmCapacity {
  checkCapacityArguments(partition, shape, options, 'capacityOf');
  const key = capacityKey(shape, options);
  let byKey = CAPACITY_CACHE.get(partition);
  if (!byKey) {
    byKey = new Map();
    CAPACITY_CACHE.set(partition, byKey);
  }
  let found = byKey.get(key);
  if (!found) {
    found = computeCapacity(partition, shape, options);
    byKey.set(key, found);
  }
  return found;
}

/** Each item is read for its three fields only (a pool model's list carries `allocatedAtBoot` too). */
const NUMA_NODE_HUGE_PAGES = Prop.fields<NumaNodeHugePages>({
  numaNode: countRule(0, Number.MAX_SAFE_INTEGER, 'a NUMA node id'),
  size: HUGE_PAGE_SIZE,
  // Any finite whole number: a pool model adds boot-time and per-node pages, which may pass 2^53 for absurd counts.
  count: Prop.satisfies('a whole number ≥ 0 (pages of that size on the NUMA node)',
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && Number.isFinite(v), 'give each NUMA node a whole number of pages'),
}, ['numaNode', 'size', 'count'], 'NumaNodeHugePages fields { numaNode, size, count }');

const CAPACITY_OPTIONS_SCHEMA: PropSchema<CapacityOptions> = {
  emulatorThreadEvenParity: Prop.boolean(),
  fullPcpusOnly: Prop.boolean(),
  hugePages: Prop.arrayOf(NUMA_NODE_HUGE_PAGES, 1024 * 1024),
};

const PARTITION = Prop.satisfies('a CpuPartition', (v) => v instanceof CpuPartition,
  'pass CpuPartition.plan(...), CpuPartition.explicit(...) or a pool\'s model.partition');

/**
 * The typed boundary of the public capacity functions (see shape-check.ts): a shape with 0 vCPUs, a NaN count or a
 * negative page count would give infinite or negative VM counts.
 */
function checkCapacityArguments(partition: unknown, shape: unknown, options: unknown, where: string): void {
  checkValue(partition, PARTITION, `${where}(partition)`);
  checkShape(shape, `${where}(shape)`);
  checkProps(options as CapacityOptions, CAPACITY_OPTIONS_SCHEMA, [], `${where} options`);
}

const CAPACITY_CACHE = new WeakMap<CpuPartition, Map<string, VmCapacity>>();

/** Everything capacityOf reads from the shape (through demandOf) and the options. */
function capacityKey(shape: VmShape, options: CapacityOptions): string {
  return `${shape.vcpus}|${shape.isolateEmulatorThread}|${shape.ioThreadsPolicy}|${shape.supplementalPoolThreadCount}|`
    + `${shape.hugePageSize?.quantity}|${shape.memoryBytes}|${options.emulatorThreadEvenParity}|${options.fullPcpusOnly}|`
    + hugePagesKey(options.hugePages);
}

/** A pool passes the same huge page list for every VM: its key is computed once per list. */
const HUGE_PAGES_KEYS = new WeakMap<NumaNodeHugePages[], string>();

function hugePagesKey(pages: NumaNodeHugePages[] | undefined): string {
  if (pages === undefined) return '-';
  let key = HUGE_PAGES_KEYS.get(pages);
  if (key === undefined) {
    key = pages.map((p) => `${p.numaNode}:${p.size.quantity}:${p.count}`).join(',');
    HUGE_PAGES_KEYS.set(pages, key);
  }
  return key;
}

/** CPUs per core the kubelet sees (offlined threads do not exist at run time), per partition. */
const CPUS_PER_CORE = new WeakMap<CpuPartition, number>();

function cpusPerCoreOf(partition: CpuPartition): number {
  let n = CPUS_PER_CORE.get(partition);
  if (n === undefined) {
    n = Math.max(1, ...partition.topology.cores().map((c) => c.difference(partition.offlined).size));
    CPUS_PER_CORE.set(partition, n);
  }
  return n;
}

/**
 * Whether the kubelet admits the pod's CPU count at all: under full-pcpus-only it must be a whole number of cores
 * (else SMTAlignmentError). What `capacityOf` reports as the SMT_ALIGNMENT / EMULATOR_PARITY limit, without the rest.
 */
export function isPodCpuCountAligned(partition: CpuPartition, shape: VmShape, options: CapacityOptions = {}): boolean {
  checkCapacityArguments(partition, shape, options, 'isPodCpuCountAligned');
  return podCpuCountAligned(partition, shape, options);
}

function podCpuCountAligned(partition: CpuPartition, shape: VmShape, options: CapacityOptions): boolean {
  const fullPcpusOnly = options.fullPcpusOnly ?? true;
  return !fullPcpusOnly || podCpuCount(shape, options.emulatorThreadEvenParity ?? false) % cpusPerCoreOf(partition) === 0;
}

/**
 * How many isolated CPUs the kubelet hands out on each NUMA node of a node partitioned by `partition` (whole cores
 * under full-pcpus-only): the room any VM shape packs into.
 */
export function allocatableCpuCounts(partition: CpuPartition, fullPcpusOnly: boolean = true): NumaNodeAllocatableCpus[] {
  checkValue(partition, PARTITION, 'allocatableCpuCounts(partition)');
  checkValue(fullPcpusOnly, Prop.boolean(), 'allocatableCpuCounts(fullPcpusOnly)');
  return numaNodeLayouts(partition, fullPcpusOnly).map((l) => ({ numaNode: l.numaNode, allocatableCpuCount: l.allocatable.length }));
}

/** One NUMA node's CPUs as the kubelet sees them: fixed by the partition and the CPU manager policy. */
interface NumaNodeLayout {
  readonly numaNode: number;
  /** The node's online isolated CPUs. */
  readonly isolated: CpuSet;
  /** Isolated CPUs the kubelet hands out (whole cores under full-pcpus-only), core by core. */
  readonly allocatable: readonly number[];
}

/** Layouts per partition, for full-pcpus-only [false, true]. */
const LAYOUTS = new WeakMap<CpuPartition, Array<NumaNodeLayout[] | undefined>>();

function numaNodeLayouts(partition: CpuPartition, fullPcpusOnly: boolean): NumaNodeLayout[] {
  let byPolicy = LAYOUTS.get(partition);
  if (!byPolicy) {
    byPolicy = [undefined, undefined];
    LAYOUTS.set(partition, byPolicy);
  }
  const index = fullPcpusOnly ? 1 : 0;
  let layouts = byPolicy[index];
  if (!layouts) {
    layouts = computeLayouts(partition, fullPcpusOnly);
    byPolicy[index] = layouts;
  }
  return layouts;
}

function computeLayouts(partition: CpuPartition, fullPcpusOnly: boolean): NumaNodeLayout[] {
  const topology = partition.topology;
  // The partition's topology is already the SMT-off view when SMT is disabled; offlined CPUs do not exist at run time.
  const online = (core: CpuSet) => core.difference(partition.offlined);
  return topology.numaNodeIds.map((numaNode) => {
    const cores = topology.coresOfNumaNode(numaNode).map(online).filter((c) => !c.isEmpty);
    const isolated = CpuSet.unionOf(cores).intersection(partition.isolated);
    // Under full-pcpus-only a core is usable only when all its online threads are isolated.
    const usableCores = cores
      .map((c) => (fullPcpusOnly ? (c.isSubsetOf(partition.isolated) ? c : CpuSet.empty()) : c.intersection(partition.isolated)))
      .filter((c) => !c.isEmpty);
    return { numaNode, isolated, allocatable: usableCores.flatMap((c) => c.toArray()) };
  });
}

/** One NUMA node's count of VMs of one shape. */
interface NumaNodeCount {
  readonly layout: NumaNodeLayout;
  readonly vms: number;
  readonly limitedBy: CapacityLimit;
  readonly vmsByCpus: number;
  readonly vmsByHugePages?: number;
  readonly hugePages?: number;
}

function numaNodeCounts(partition: CpuPartition, shape: VmShape, demand: Demand, options: CapacityOptions): NumaNodeCount[] {
  const evenParity = options.emulatorThreadEvenParity ?? false;
  const aligned = podCpuCountAligned(partition, shape, options);
  return numaNodeLayouts(partition, options.fullPcpusOnly ?? true).map((layout) => {
    const vmsByCpus = aligned ? Math.floor(layout.allocatable.length / demand.podCpus) : 0;
    const hugePages = demand.hugePageSize ? hugePagesOf(partition, options, layout.numaNode, demand.hugePageSize) : undefined;
    const vmsByHugePages = hugePages !== undefined && demand.hugePagesPerVm ? Math.floor(hugePages / demand.hugePagesPerVm) : undefined;
    const limitedBy = !aligned ? alignmentLimit(demand, evenParity)
      : vmsByHugePages !== undefined && vmsByHugePages < vmsByCpus ? CapacityLimit.HUGEPAGES : CapacityLimit.ISOLATED_CPUS;
    return { layout, vms: Math.min(vmsByCpus, vmsByHugePages ?? Infinity), limitedBy, vmsByCpus, vmsByHugePages, hugePages };
  });
}

function distinctLimits(nodes: ReadonlyArray<{ readonly limitedBy: CapacityLimit }>): CapacityLimit[] {
  return [CapacityLimit.ISOLATED_CPUS, CapacityLimit.HUGEPAGES, CapacityLimit.EMULATOR_PARITY, CapacityLimit.SMT_ALIGNMENT]
    .filter((l) => nodes.some((n) => n.limitedBy === l));
}

function computeCapacity(partition: CpuPartition, shape: VmShape, options: CapacityOptions): VmCapacity {
  const fullPcpusOnly = options.fullPcpusOnly ?? true;
  const demand = demandOf(shape, options.emulatorThreadEvenParity ?? false);
  const perNumaNode: NumaNodeCapacity[] = [];
  const assignments: VmCpuAssignment[] = [];
  let vm = 0;
  for (const n of numaNodeCounts(partition, shape, demand, options)) {
    const { numaNode, isolated } = n.layout;
    const used: number[] = [];
    for (let i = 0; i < n.vms; i++) {
      vm++;
      const cpus = n.layout.allocatable.slice(i * demand.podCpus, (i + 1) * demand.podCpus);
      used.push(...cpus);
      cpus.forEach((cpu, k) => assignments.push(k < demand.vcpus + demand.poolCpus
        ? { cpu, vm, kind: VmThreadKind.VCPU, index: k }
        : { cpu, vm, kind: VmThreadKind.EMULATOR, index: k - demand.vcpus - demand.poolCpus }));
    }
    const allocatable = CpuSet.of([...n.layout.allocatable]);
    const idle = allocatable.difference(CpuSet.of(used));
    perNumaNode.push({
      numaNode,
      vms: n.vms,
      limitedBy: n.limitedBy,
      isolatedCpus: isolated.toString(),
      allocatableCpus: allocatable.toString(),
      allocatableCpuCount: allocatable.size,
      idleCpus: idle.toString(),
      vmsByCpus: n.vmsByCpus,
      ...(n.vmsByHugePages !== undefined ? { vmsByHugePages: n.vmsByHugePages } : {}),
      ...(n.hugePages !== undefined ? { hugePages: n.hugePages } : {}),
      reason: explain({ ...n, numaNode, isolated, allocatable: allocatable.size, idle }, demand, cpusPerCoreOf(partition), fullPcpusOnly),
    });
  }

  return {
    vcpus: demand.vcpus,
    podCpus: demand.podCpus,
    emulatorCpus: demand.emulatorCpus,
    ...(demand.hugePageSize ? { hugePageSize: demand.hugePageSize.quantity, hugePagesPerVm: demand.hugePagesPerVm } : {}),
    perNumaNode,
    total: perNumaNode.reduce((sum, n) => sum + n.vms, 0),
    limitedBy: distinctLimits(perNumaNode),
    assignments,
  };
}

/** One VM's needs, read from the shape in this one place. */
interface Demand {
  readonly vcpus: number;
  readonly poolCpus: number;
  readonly emulatorCpus: number;
  readonly podCpus: number;
  readonly isolateEmulatorThread: boolean;
  readonly hugePageSize?: HugePageSize;
  readonly hugePagesPerVm?: number;
}

function demandOf(shape: VmShape, evenParity: boolean): Demand {
  // KubeVirt's arithmetic, split into pinned (vCPU + pool) and emulator CPUs.
  const podCpus = podCpuCount(shape, evenParity);
  const pinned = pinnedCpuCount(shape);
  const hugePageSize = shape.hugePageSize;
  return {
    vcpus: shape.vcpus,
    poolCpus: pinned - shape.vcpus,
    emulatorCpus: podCpus - pinned,
    podCpus,
    isolateEmulatorThread: shape.isolateEmulatorThread,
    ...(hugePageSize ? { hugePageSize, hugePagesPerVm: Math.ceil(shape.memoryBytes / hugePageSize.bytes) } : {}),
  };
}

function hugePagesOf(partition: CpuPartition, options: CapacityOptions, numaNode: number, size: HugePageSize): number | undefined {
  if (options.hugePages) {
    const sum = options.hugePages.filter((p) => p.numaNode === numaNode && p.size === size).reduce((total, p) => total + p.count, 0);
    // Absurd counts add up to more than any host has, or to Infinity: held at 2^53-1 so counts and sentences stay numbers.
    return Math.min(sum, Number.MAX_SAFE_INTEGER);
  }
  return partition.topology.hugePagesOfNumaNode(numaNode, size);
}

function alignmentLimit(demand: Demand, evenParity: boolean): CapacityLimit {
  const withoutEmulatorIsEven = (demand.podCpus - demand.emulatorCpus) % 2 === 0;
  return demand.isolateEmulatorThread && !evenParity && withoutEmulatorIsEven ? CapacityLimit.EMULATOR_PARITY : CapacityLimit.SMT_ALIGNMENT;
}

interface NodeFacts {
  readonly numaNode: number;
  readonly vms: number;
  readonly limitedBy: CapacityLimit;
  readonly isolated: CpuSet;
  readonly allocatable: number;
  readonly idle: CpuSet;
  readonly vmsByCpus: number;
  readonly vmsByHugePages?: number;
  readonly hugePages?: number;
}

function explain(n: NodeFacts, d: Demand, cpusPerCore: number, fullPcpusOnly: boolean): string {
  const head = `NUMA node ${n.numaNode}: ${plural(n.vms, 'VM')}`;
  const perVm = `${d.podCpus} per VM (${podCpuParts(d)})`;
  if (n.limitedBy === CapacityLimit.EMULATOR_PARITY || n.limitedBy === CapacityLimit.SMT_ALIGNMENT) {
    const fix = n.limitedBy === CapacityLimit.EMULATOR_PARITY
      ? 'enable even-parity completion (KubeVirt AlignCPUs with the EmulatorThreadCompleteToEvenParity annotation) or use an odd vCPU count'
      : `use a vCPU count that makes the pod a multiple of ${cpusPerCore} CPUs`;
    return `${head}: each pod asks for ${perVm}, not a multiple of the ${cpusPerCore} threads per core, so the kubelet `
      + `(full-pcpus-only) refuses it with SMTAlignmentError; ${fix}.`;
  }
  const idle = n.idle.isEmpty ? '' : `, ${n.idle.size} left idle (CPU${n.idle.size === 1 ? '' : 's'} ${n.idle})`;
  const cpuPart = `${plural(n.isolated.size, 'isolated CPU')}${n.allocatable < n.isolated.size && fullPcpusOnly
    ? ` (${n.allocatable} in whole cores)` : ''}, ${perVm}${idle}`;
  const pageSize = d.hugePageSize?.quantity;
  const pagePart = pageSize === undefined ? 'memory not in huge pages, not checked'
    : n.hugePages === undefined ? `${pageSize} huge pages of this NUMA node not declared by the host description, so not checked`
      : `${n.hugePages} x ${pageSize} huge pages, ${d.hugePagesPerVm} per VM`;
  if (n.limitedBy === CapacityLimit.HUGEPAGES) {
    return `${head}, limited by ${pageSize} huge pages: ${pagePart} (the CPUs would allow ${n.vmsByCpus}: ${cpuPart}).`;
  }
  const alsoPages = n.vmsByHugePages === undefined ? pagePart
    : n.vmsByHugePages === n.vms ? `${pagePart}, which also allow only ${n.vms}` : `${pagePart}, enough for ${n.vmsByHugePages}`;
  return `${head}, limited by isolated CPUs: ${cpuPart}; ${alsoPages}.`;
}

function podCpuParts(d: Demand): string {
  const parts = [plural(d.vcpus, 'vCPU')];
  if (d.poolCpus > 0) parts.push(plural(d.poolCpus, 'IOThread CPU'));
  if (d.emulatorCpus > 0) parts.push(`${plural(d.emulatorCpus, 'emulator CPU')}`);
  return parts.join(' + ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
