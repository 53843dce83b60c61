import { error, Finding, warning } from '../finding';
import { CpuPartitionPlanOptions } from './cpu-partition-props';
import { HostTopology } from './host-topology';
import { LSCPU_COMMAND } from './lscpu';
import { CpuSet } from '../cpu-set';

// The CPU selection of OpenShift's performance-profile-creator (NTO pkg/performanceprofile/profilecreator,
// CalculateCPUSets), replayed on a HostTopology so a user moving from that tool gets the same lists:
//  - reserved: whole cores (every SMT sibling), NUMA nodes in id order, cores by lowest CPU, siblings ascending, one
//    logical CPU at a time until the target is reached;
//  - offlined: whole unused sockets first (unless disabled), then second SMT threads of unreserved cores, then any
//    unreserved CPU; sockets by id, cores within a socket by core id;
//  - isolated: everything else.
// Count checks (range, sum, odd-with-SMT) are rules in src/rules/partition-rules.ts and run before this.
//
// PPC's ids are the kernel's: ghw reads `physical_package_id` and `topology/core_id`, and core_id is often sparse and
// out of CPU order (Xeon Scalable). The reserved CPUs never depend on them (cores by lowest CPU); the offlined CPUs do
// whenever a pass stops part-way, choosing some of its candidates by that order. The plan is PPC's exactly when the
// topology carries the kernel's ids; when it may carry lscpu's logical numbering instead (plain `lscpu -p`) and the
// result depends on the order, the plan warns PARTITION_CORE_ORDER_UNPROVEN instead of silently differing.

/** The lists a plan produces, plus findings only known after selecting (shortfall, split cores, uneven split). */
export interface PlannedCpus {
  readonly reserved: CpuSet;
  readonly isolated: CpuSet;
  readonly offlined: CpuSet;
  readonly findings: Finding[];
}

/**
 * The cumulative number of reserved CPUs to reach after each NUMA node (PPC's `max` per node).
 *
 * Sequential: the count for every node (fill node 0 first, spill over). Split: node i's cumulative target is
 * `(i+1)*perNode + min(i+1, remainder)`, i.e. the first `remainder` nodes get one CPU more. PPC writes this as
 * `(i+1)*perNode + (nodes - remainder_i)` with a decrementing remainder; the two agree for 1 or 2 NUMA nodes and
 * whenever `remainder` is 0 or `nodes - 1`. For other remainders PPC's form overshoots and reserves more CPUs than
 * requested (15 CPUs over 4 nodes agrees; 5 over 4 nodes gives PPC 7), so this follows the documented intent.
 */
export function reservedTargets(count: number, nodeCount: number, split: boolean): number[] {
  const targets: number[] = [];
  const perNode = Math.floor(count / nodeCount);
  const remainder = count % nodeCount;
  for (let i = 0; i < nodeCount; i++) {
    targets.push(split ? (i + 1) * perNode + Math.min(i + 1, remainder) : count);
  }
  return targets;
}

/**
 * Plans on `view` (the SMT-off view already when SMT is disabled); counts must have passed checkPlanOptions.
 *
 * @param coreIdsMayBeLogical the topology's socket and core ids may be lscpu's logical numbering rather than the
 * kernel's (`TopologyLayout.coreIdsMayBeLogical`): warn when the offlined CPUs depend on them
 */
export function planPartition(view: HostTopology, options: CpuPartitionPlanOptions, coreIdsMayBeLogical: boolean = false): PlannedCpus {
  const count = options.reservedCpuCount;
  const offlinedCount = options.offlinedCpuCount ?? 0;
  const split = options.splitAcrossNumaNodes ?? false;
  const nodeIds = view.numaNodeIds;
  const findings: Finding[] = [];

  const reserved = new Accumulator();
  const targets = reservedTargets(count, nodeIds.length, split);
  nodeIds.forEach((node, i) => reserved.add(targets[i], view.coresOfNumaNode(node).map((c) => c.toArray())));
  const remainder = count % nodeIds.length;
  if (split && remainder !== 0) {
    const even = [count - remainder, count - remainder + nodeIds.length].filter((n) => n > 0 && n < view.cpus.size);
    findings.push(warning('PARTITION_SPLIT_UNEVEN', 'reservedCpuCount', count,
      `a multiple of the ${nodeIds.length} NUMA nodes to split evenly (the first ${remainder} node(s) get one CPU more)`,
      even.length > 0 ? `reserve ${even.join(' or ')} CPUs to put the same number on every node` : 'accept the uneven split'));
  }

  const offlined = new Accumulator();
  const sockets = socketsOf(view);
  // Whether the order of sockets or of cores within a socket chose among candidates of a pass (see the header).
  let orderDecided = false;
  if (options.offlineWholeSocketsFirst ?? true) {
    const unusedSockets = sockets.filter((socket) => !socket.cores.some((core) => core.some((id) => reserved.has(id))));
    const skipped: Socket[] = [];
    for (const socket of unusedSockets) {
      if (socket.cpuCount <= offlinedCount - offlined.size) offlined.add(offlinedCount, socket.cores);
      else skipped.push(socket);
    }
    // Another order could have taken a skipped socket that fits on its own instead of one that was taken.
    orderDecided = skipped.length < unusedSockets.length && skipped.some((socket) => socket.cpuCount <= offlinedCount);
  }
  const passes: Array<(index: number, id: number) => boolean> = [
    (index, id) => index !== 0 && !reserved.has(id),
    (_index, id) => !reserved.has(id),
  ];
  for (const keep of passes) {
    const room = offlinedCount - offlined.size;
    const candidates = room > 0 ? countCandidates(sockets, (index, id) => keep(index, id) && !offlined.has(id)) : 0;
    if (room > 0 && room < candidates) orderDecided = true;
    for (const socket of sockets) offlined.add(offlinedCount, socket.cores, keep);
  }

  const reservedSet = reserved.result();
  const offlinedSet = offlined.result();
  const isolated = view.cpus.difference(reservedSet).difference(offlinedSet);
  if (orderDecided && coreIdsMayBeLogical) {
    findings.push(warning('PARTITION_CORE_ORDER_UNPROVEN', 'offlinedCpuCount', offlinedCount,
      'a topology with the kernel\'s socket and core ids: the offlined CPUs '
      + `("${offlinedSet}") depend on the order of sockets and cores, which performance-profile-creator takes from `
      + 'physical_package_id and core_id (often sparse and out of CPU order), but this lscpu input may number them '
      + 'logically (0, 1, 2 ... in CPU order, as plain lscpu -p does), so PPC may offline other CPUs on this host',
      `capture the host with \`${LSCPU_COMMAND}\` (or virsh capabilities); if the input already is -y output, read it `
      + 'with { physicalIds: true }; or offline whole sockets only'));
  }

  if (reservedSet.size < count) {
    findings.push(error('PARTITION_RESERVED_SHORTFALL', 'reservedCpuCount', count,
      `a count the NUMA nodes can hold when split (got only ${reservedSet.size}: "${reservedSet}")`,
      'reserve fewer CPUs, or do not split them across NUMA nodes'));
  }
  const splitCores = view.cores().filter((core) => {
    const ids = core.toArray();
    return ids.some((id) => reserved.has(id)) && ids.some((id) => isolated.has(id));
  });
  if (splitCores.length > 0) {
    findings.push(error('PARTITION_RESERVED_SPLITS_CORE', 'reservedCpuCount', count,
      `a count that takes whole cores (it ends inside core ${splitCores[0]}, which would be split between reserved and isolated)`,
      `reserve ${[reservedSet.difference(splitCores[0]).size, reservedSet.union(splitCores[0]).size].filter((n) => n > 0).join(' or ')} CPUs, `
      + 'or set disableSmt'));
  }
  return { reserved: reservedSet, isolated, offlined: offlinedSet, findings };
}

/** How many CPUs of the sockets' cores `keep` accepts. */
function countCandidates(sockets: Socket[], keep: (threadIndex: number, id: number) => boolean): number {
  let count = 0;
  for (const socket of sockets) {
    for (const core of socket.cores) core.forEach((id, index) => { if (keep(index, id)) count++; });
  }
  return count;
}

interface Socket {
  readonly id: number;
  /** The socket's cores (CPU ids ascending), ordered by physical core id then lowest CPU. */
  readonly cores: number[][];
  readonly cpuCount: number;
}

/** The host's sockets by id, as PPC's sorted ghw CPU info lists them. */
function socketsOf(view: HostTopology): Socket[] {
  const info = new Map(view.logicalCpus().map((cpu) => [cpu.id, cpu]));
  const bySocket = new Map<number, { key: number; cpus: number[] }[]>();
  for (const core of view.cores()) {
    const cpus = core.toArray();
    const first = info.get(cpus[0])!;
    const list = bySocket.get(first.socketId) ?? [];
    list.push({ key: first.physicalCoreId, cpus });
    bySocket.set(first.socketId, list);
  }
  return [...bySocket.entries()].sort(([a], [b]) => a - b).map(([id, cores]) => {
    cores.sort((a, b) => a.key - b.key || a.cpus[0] - b.cpus[0]);
    return { id, cores: cores.map((c) => c.cpus), cpuCount: cores.reduce((n, c) => n + c.cpus.length, 0) };
  });
}

/** PPC's cpuAccumulator: adds logical CPUs core by core while fewer than `max` are held. */
class Accumulator {
  private readonly chosen = new Set<number>();

  public get size(): number {
    return this.chosen.size;
  }

  public has(id: number): boolean {
    return this.chosen.has(id);
  }

  public add(max: number, cores: number[][], keep: (threadIndex: number, id: number) => boolean = () => true): void {
    for (const core of cores) {
      for (let index = 0; index < core.length; index++) {
        if (this.chosen.size >= max) return;
        if (keep(index, core[index])) this.chosen.add(core[index]);
      }
    }
  }

  public result(): CpuSet {
    return CpuSet.of([...this.chosen]);
  }
}
