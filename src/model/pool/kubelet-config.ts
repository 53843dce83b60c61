import { Size, SizeRoundingBehavior } from 'cdk8s';
import { CpuSet } from '../../values/cpu-set';
import { isStrictTopologyPolicy, TopologyManagerPolicy } from '../../values/pool/topology-manager-policy';

// The KubeletConfiguration of the pool, as NTO renders it (PP/kubeletconfig/kubeletconfig.go), with two choices of
// our own:
//  - `full-pcpus-only` follows SMT (on whenever the nodes run with SMT), not the topology policy: with SMT on, a
//    dedicated-CPU pod that got half a core would share an L1/L2 cache and execution units with its neighbour, which
//    ruins real-time latency whatever the NUMA policy is.
//  - reservedMemory goes to ONE NUMA node, like NTO, but to the lowest node that holds reserved CPUs rather than
//    always node 0: the kubelet and system daemons run on the reserved CPUs and the kernel allocates their memory on
//    the local node first. For the usual partition (reserved CPUs from node 0) this is NTO's node 0. The rules check
//    that the reservation plus that node's huge pages fit the node's memory.

/** NTO's and the kubelet's memory defaults. */
export const DEFAULT_KUBE_RESERVED_MEMORY = Size.mebibytes(500);
export const DEFAULT_SYSTEM_RESERVED_MEMORY = Size.mebibytes(500);
export const DEFAULT_EVICTION_HARD_MEMORY = Size.mebibytes(100);

/**
 * The kubelet's default hard-eviction thresholds other than memory. Setting any evictionHard key drops every default
 * that is not repeated, so they are restated (NTO does the same).
 */
const EVICTION_HARD_DEFAULTS: Record<string, string> = {
  'imagefs.available': '15%',
  'nodefs.available': '10%',
  'nodefs.inodesFree': '5%',
};

/** What the KubeletConfiguration depends on. */
export interface KubeletConfigInputs {
  readonly reserved: CpuSet;
  readonly topologyManagerPolicy: TopologyManagerPolicy;
  readonly fullPcpusOnly: boolean;
  readonly kubeReservedMebibytes: number;
  readonly systemReservedMebibytes: number;
  readonly evictionHardMebibytes: number;
  /** The NUMA node that carries reservedMemory. */
  readonly reservedMemoryNumaNode: number;
}

/** A memory size in whole MiB, or undefined when it is not a whole, non-negative number of MiB. */
export function wholeMebibytes(size: Size | undefined): number | undefined {
  if (size === undefined || size === null || typeof (size as any).toKibibytes !== 'function') return undefined;
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  const mib = kib / 1024;
  return Number.isSafeInteger(mib) && mib >= 0 ? mib : undefined;
}

/** The Memory Manager's reservation: kubeReserved + systemReserved + evictionHard (the kubelet refuses anything else). */
export function reservedMemoryMebibytes(inputs: Pick<KubeletConfigInputs, 'kubeReservedMebibytes' | 'systemReservedMebibytes' | 'evictionHardMebibytes'>): number {
  return inputs.kubeReservedMebibytes + inputs.systemReservedMebibytes + inputs.evictionHardMebibytes;
}

/** The lowest NUMA node holding a reserved CPU (0 when none can be found). */
export function reservedMemoryNumaNode(reserved: CpuSet, numaNodeIds: number[], cpusOfNumaNode: (node: number) => CpuSet): number {
  return [...numaNodeIds].sort((a, b) => a - b).find((node) => reserved.overlaps(cpusOfNumaNode(node))) ?? 0;
}

/** `spec.kubeletConfig` of the KubeletConfig: keys in a fixed order. */
export function kubeletConfiguration(inputs: KubeletConfigInputs): Record<string, unknown> {
  const config: Record<string, unknown> = {
    cpuManagerPolicy: 'static',
    cpuManagerReconcilePeriod: '5s',
    reservedSystemCPUs: inputs.reserved.toString(),
    topologyManagerPolicy: inputs.topologyManagerPolicy,
  };
  if (inputs.fullPcpusOnly) config.cpuManagerPolicyOptions = { 'full-pcpus-only': 'true' };
  if (isStrictTopologyPolicy(inputs.topologyManagerPolicy)) {
    config.memoryManagerPolicy = 'Static';
    config.reservedMemory = [{ numaNode: inputs.reservedMemoryNumaNode, limits: { memory: `${reservedMemoryMebibytes(inputs)}Mi` } }];
  }
  config.kubeReserved = { memory: `${inputs.kubeReservedMebibytes}Mi` };
  config.systemReserved = { memory: `${inputs.systemReservedMebibytes}Mi` };
  config.evictionHard = { ...EVICTION_HARD_DEFAULTS, 'memory.available': `${inputs.evictionHardMebibytes}Mi` };
  return config;
}
