import { CpuSet } from '../cpu-set';

/**
 * How to plan a CPU partition, with the options of OpenShift's performance-profile-creator (PPC), so the same
 * counts give the same lists.
 */
export interface CpuPartitionPlanOptions {
  /**
   * How many logical CPUs to reserve for the host OS and kubelet (PPC `--reserved-cpu-count`). Range
   * `[1, total CPUs - 1]`; with SMT on it must be even (whole cores).
   */
  readonly reservedCpuCount: number;

  /**
   * How many logical CPUs to take offline (PPC `--offlined-cpu-count`). Range `[0, total CPUs - 1]`, and
   * reserved + offlined must leave at least one CPU to isolate.
   *
   * @default 0
   */
  readonly offlinedCpuCount?: number;

  /**
   * Spread the reserved CPUs evenly over the NUMA nodes instead of filling NUMA node 0 first
   * (PPC `--split-reserved-cpus-across-numa`). The first `count % nodes` nodes get one CPU more.
   *
   * @default false
   */
  readonly splitAcrossNumaNodes?: boolean;

  /**
   * Turn SMT off: plan on each core's first thread only and add `nosmt` to the kernel arguments (PPC `--disable-ht`).
   * The libvirt real-time guide recommends SMT off for real-time hosts.
   *
   * @default false
   */
  readonly disableSmt?: boolean;

  /**
   * When offlining, first take whole sockets that hold no reserved CPU. PPC does this except in its
   * `ultra-low-latency` power mode, which goes straight to second SMT threads.
   *
   * @default true
   */
  readonly offlineWholeSocketsFirst?: boolean;
}

/**
 * A partition given CPU by CPU; it is checked against the topology.
 */
export interface ExplicitCpuPartitionProps {
  /** CPUs for the host OS, kubelet and interrupts (kubelet `reservedSystemCPUs`). */
  readonly reserved: CpuSet;

  /**
   * CPUs isolated for real-time workloads.
   *
   * @default - every CPU that is neither reserved nor offlined
   */
  readonly isolated?: CpuSet;

  /**
   * CPUs taken offline.
   *
   * @default - none
   */
  readonly offlined?: CpuSet;

  /**
   * The host runs with SMT off (`nosmt`): the lists are checked against each core's first thread only, and `nosmt`
   * is added to the kernel arguments.
   *
   * @default false
   */
  readonly disableSmt?: boolean;
}
