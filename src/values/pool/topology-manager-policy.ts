/**
 * The kubelet Topology Manager policy of a node pool (KubeletConfiguration `topologyManagerPolicy`).
 *
 * Real-time VMs need their vCPUs, emulator thread and huge pages on one NUMA node; only `SINGLE_NUMA_NODE` (and, for
 * pods that fit, `RESTRICTED`) guarantees that the kubelet admits a pod only when it can align it.
 */
export enum TopologyManagerPolicy {
  /** No alignment (the kubelet default). */
  NONE = 'none',
  /** Prefer aligned resources but admit the pod anyway (NTO's default). */
  BEST_EFFORT = 'best-effort',
  /** Reject a pod whose resources cannot be aligned on the preferred NUMA nodes (TopologyAffinityError). */
  RESTRICTED = 'restricted',
  /** Reject a pod whose resources do not all fit one NUMA node (TopologyAffinityError). */
  SINGLE_NUMA_NODE = 'single-numa-node',
}

/** True for the policies under which the kubelet rejects pods it cannot align (and NTO turns the Memory Manager on). */
export function isStrictTopologyPolicy(policy: TopologyManagerPolicy): boolean {
  return policy === TopologyManagerPolicy.RESTRICTED || policy === TopologyManagerPolicy.SINGLE_NUMA_NODE;
}
