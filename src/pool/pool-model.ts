import { Size } from 'cdk8s';
import { TopologyManagerPolicy } from './topology-manager-policy';
import { CpuPartition } from '../host/cpu-partition';
import { HostTopology } from '../host/host-topology';
import { HugePageSize } from '../model/hugepage-size';

/** Huge pages of one size on one NUMA node, as the pool's nodes will have them. */
export interface NumaHugePages {
  /** The NUMA node. */
  readonly numaNode: number;
  /** The page size. */
  readonly size: HugePageSize;
  /** How many pages of `size` the node holds. */
  readonly count: number;
  /** True when the pages come from boot arguments (spread by the kernel), false when a systemd unit writes them. */
  readonly allocatedAtBoot: boolean;
}

/**
 * A node pool resolved from its props: what every node of the pool will look like. VMs are checked against it, and a
 * backend (MachineConfig today) turns it into objects.
 */
export interface RealtimeNodePoolModel {
  /** The pool's role. */
  readonly role: string;
  /** The node labels that select the pool's nodes (`node-role.kubernetes.io/<role>: ""`); a VM's nodeSelector uses them. */
  readonly nodeSelector: { [key: string]: string };
  /** The hardware of every node, as declared. */
  readonly topology: HostTopology;
  /** The CPU partition (its `topology` is the SMT-off view when SMT is disabled). */
  readonly partition: CpuPartition;
  /**
   * The huge pages each NUMA node holds, by node then size. Pages declared without a node are spread the way the
   * kernel spreads boot-time pages: `count / nodes` each, the remainder one by one to the lowest nodes.
   */
  readonly hugepages: NumaHugePages[];
  /**
   * The default huge page size.
   *
   * @default - none
   */
  readonly defaultHugePageSize?: HugePageSize;
  /** The kubelet Topology Manager policy. */
  readonly topologyManagerPolicy: TopologyManagerPolicy;
  /** The CPU Manager gives whole cores only (`full-pcpus-only`): true whenever the nodes run with SMT. */
  readonly fullPcpusOnly: boolean;
  /** The nodes run with SMT (false when the hardware has none or the partition disables it). */
  readonly smtEnabled: boolean;
  /** The nodes boot the real-time kernel. */
  readonly realtimeKernel: boolean;
  /**
   * KubeVirt labels the nodes `kubevirt.io/realtime`: true, because the pool always sets
   * `kernel.sched_rt_runtime_us=-1`, which is what KubeVirt checks (even the real-time kernel needs it).
   */
  readonly realtimeCapable: boolean;
  /**
   * How many nodes the pool is expected to have.
   *
   * @default - unknown
   */
  readonly nodeCount?: number;
  /** The kernel arguments of the MachineConfig, in their documented order. */
  readonly kernelArguments: string[];
  /** Nodes the MCO may update at once. */
  readonly maxUnavailable: number;
  /** The pool is paused. */
  readonly paused: boolean;
  /** The NUMA node that carries the kubelet's reserved memory. */
  readonly reservedMemoryNumaNode: number;
  /** The Memory Manager reservation: kubeReserved + systemReserved + evictionHard memory. */
  readonly reservedMemory: Size;
}

