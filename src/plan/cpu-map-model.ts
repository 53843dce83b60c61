import { ASSIGNMENT, checkArguments, HOST, PARTITION } from './plan-inputs-schema';
import { VmCpuAssignment, VmThreadKind } from '../model/placement/vm-cpu-assignment';
import { CpuSet } from '../values/cpu-set';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { MAX_CPUS } from '../values/host/topology-data';
import { Prop } from '../values/prop-check';

/** What a logical CPU is used for in a partition. */
export enum CpuRole {
  /** Housekeeping: the OS, the kubelet, IRQs (`reservedSystemCPUs`). */
  RESERVED = 'reserved',
  /** Isolated from the scheduler (`isolcpus`): only pinned VM CPUs run here. */
  ISOLATED = 'isolated',
  /** Switched off. */
  OFFLINED = 'offlined',
  /** An SMT sibling switched off by the `nosmt` kernel argument. */
  SMT_DISABLED = 'smt-disabled',
  /** In no list of the partition (an explicit partition that does not cover the host). */
  UNASSIGNED = 'unassigned',
}

/** One logical CPU (an SMT thread) in the map. */
export interface ThreadCell {
  /** The logical CPU id. */
  readonly cpu: number;
  /** The thread's index in its core (0 for the first sibling). */
  readonly thread: number;
  /** What the CPU is used for. */
  readonly role: CpuRole;
  /** The planned VM thread on this CPU, if any. */
  readonly assignment?: VmCpuAssignment;
}

/** One physical core and its SMT threads. */
export interface CoreCell {
  /** The socket the core is on. */
  readonly socket: number;
  /** The core id as the host reports it (unique only within its socket). */
  readonly core: number;
  /** The core's threads, by thread index. */
  readonly threads: ThreadCell[];
}

/** One NUMA node of the map. */
export interface NumaNodeMap {
  /** The NUMA node id. */
  readonly id: number;
  /** Its cores, sorted by their first CPU id (the order the kubelet and PPC use). */
  readonly cores: CoreCell[];
  /** Reserved CPUs of this node (cpulist). */
  readonly reserved: string;
  /** Isolated CPUs of this node (cpulist). */
  readonly isolated: string;
  /** Offlined CPUs of this node (cpulist). */
  readonly offlined: string;
}

/** A picture-ready model of a CPU partition: NUMA nodes, cores, threads, roles and planned VM threads. */
export interface CpuMap {
  /** Logical CPUs of the host. */
  readonly cpuCount: number;
  /** SMT threads per core of the host. */
  readonly threadsPerCore: number;
  /** True when the partition switches SMT off (`nosmt`). */
  readonly smtDisabled: boolean;
  /** The NUMA nodes, by id. */
  readonly numaNodes: NumaNodeMap[];
  /** How many VMs the assignments place (0 when no VM shape was planned). */
  readonly vmCount: number;
}

/**
 * Builds the map of a partition, optionally with the VM threads `capacityOf` placed.
 *
 * Cores are ordered by their first CPU and threads by thread index, so the map reads the way the kubelet's CPU
 * manager and the performance-profile-creator walk the host.
 *
 * @param partition the partition
 * @param assignments the VM threads to show (from `capacityOf`)
 * @param host the full host topology, to show the SMT siblings a `disableSmt` partition switches off (its own
 *   topology is the SMT-off view); defaults to the partition's topology
 */
export function cpuMapOf(partition: CpuPartition, assignments: VmCpuAssignment[] = [], host?: HostTopology): CpuMap {
  checkArguments({ partition, assignments, host }, { partition: PARTITION, assignments: Prop.arrayOf(ASSIGNMENT, MAX_CPUS), host: HOST },
    ['partition'], 'cpuMapOf');
  const topology = host ?? partition.topology;
  const byCpu = new Map(assignments.map((a) => [a.cpu, a]));
  const logical = new Map(topology.logicalCpus().map((c) => [c.id, c]));
  const roleOf = (cpu: number, thread: number): CpuRole => {
    if (partition.reserved.has(cpu)) return CpuRole.RESERVED;
    if (partition.isolated.has(cpu)) return CpuRole.ISOLATED;
    if (partition.offlined.has(cpu)) return CpuRole.OFFLINED;
    return partition.smtDisabled && (thread > 0 || !partition.topology.hasCpu(cpu)) ? CpuRole.SMT_DISABLED : CpuRole.UNASSIGNED;
  };

  const numaNodes = topology.numaNodeIds.map((id): NumaNodeMap => {
    const cores = topology.coresOfNumaNode(id)
      .map((coreCpus) => coreCpus.toArray())
      .sort((a, b) => a[0] - b[0])
      .map((ids): CoreCell => {
        const first = logical.get(ids[0]);
        const threads = ids
          .map((cpu, i) => ({ cpu, thread: logical.get(cpu)?.threadIndex ?? i }))
          .sort((a, b) => a.thread - b.thread || a.cpu - b.cpu)
          .map(({ cpu, thread }): ThreadCell => withAssignment({ cpu, thread, role: roleOf(cpu, thread) }, byCpu.get(cpu)));
        return { socket: first?.socketId ?? 0, core: first?.physicalCoreId ?? 0, threads };
      });
    const nodeCpus = topology.cpusOfNumaNode(id);
    return {
      id,
      cores,
      reserved: partition.reserved.intersection(nodeCpus).toString(),
      isolated: partition.isolated.intersection(nodeCpus).toString(),
      offlined: partition.offlined.intersection(nodeCpus).toString(),
    };
  });

  return {
    cpuCount: topology.cpus.size,
    threadsPerCore: topology.threadsPerCore,
    smtDisabled: partition.smtDisabled,
    numaNodes,
    vmCount: new Set(assignments.map((a) => a.vm)).size,
  };
}

/** The CPUs of a map that have the given role (for legends and summaries). */
export function cpusWithRole(map: CpuMap, role: CpuRole): CpuSet {
  return CpuSet.of(map.numaNodes.flatMap((n) => n.cores.flatMap((c) => c.threads.filter((t) => t.role === role).map((t) => t.cpu))));
}

/** The short tag of a VM thread: `v1.0` (VM 1, vCPU 0), `e1` (VM 1's emulator thread; `e1.1` for its second). */
export function assignmentTag(a: VmCpuAssignment): string {
  if (a.kind === VmThreadKind.VCPU) return `v${a.vm}.${a.index}`;
  return a.index === 0 ? `e${a.vm}` : `e${a.vm}.${a.index}`;
}

function withAssignment(cell: ThreadCell, assignment: VmCpuAssignment | undefined): ThreadCell {
  return assignment ? { ...cell, assignment } : cell;
}
