import { Size } from 'cdk8s';
import { CpuPartition } from '../../values/host/cpu-partition';
import { HostTopology } from '../../values/host/host-topology';
import { HugePageSize } from '../../values/hugepage-size';
import { NodeTaint } from '../../values/pool/node-taint';
import { PoolBackend } from '../../values/pool/pool-backend';
import { TopologyManagerPolicy } from '../../values/pool/topology-manager-policy';

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
 * backend turns it into objects. Every field means the same for both backends: it describes the node as configured,
 * whether the pool renders the configuration itself (MachineConfig backend) or NTO renders it from the pool's
 * PerformanceProfile (PerformanceProfile backend, as NTO main/release-5.2 renders it).
 */
export interface RealtimeNodePoolModel {
  /** The pool's role. */
  readonly role: string;
  /** The backend that configures the nodes. */
  readonly backend: PoolBackend;
  /**
   * The node labels that select the pool's nodes (`node-role.kubernetes.io/<role>: ""` on OpenShift, else
   * `node.kubernetes.io/<role>: ""`); a VM's nodeSelector uses them.
   */
  readonly nodeSelector: { [key: string]: string };
  /**
   * The taints every node registers with (the backends beyond OpenShift); a VM placed on the pool must tolerate the
   * NoSchedule and NoExecute ones.
   */
  readonly nodeTaints: NodeTaint[];
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
  /**
   * The CPU Manager gives whole cores only (`full-pcpus-only`). MachineConfig backend: whenever the nodes run with
   * SMT. PerformanceProfile backend: under `single-numa-node` only, the one policy for which NTO sets it.
   */
  readonly fullPcpusOnly: boolean;
  /** The nodes run with SMT (false when the hardware has none or the partition disables it). */
  readonly smtEnabled: boolean;
  /** The nodes boot the real-time kernel. */
  readonly realtimeKernel: boolean;
  /**
   * KubeVirt labels the nodes `kubevirt.io/realtime`: true, because the pool always sets
   * `kernel.sched_rt_runtime_us=-1`, which is what KubeVirt checks (even the real-time kernel needs it): in its
   * MachineConfig and Tuned profile, or through the PerformanceProfile's real-time workload hint (always on), for
   * which NTO's Tuned profile sets that sysctl.
   */
  readonly realtimeCapable: boolean;
  /**
   * How many nodes the pool is expected to have.
   *
   * @default - unknown
   */
  readonly nodeCount?: number;
  /**
   * The kernel arguments the nodes boot with. MachineConfig backend: `MachineConfig.spec.kernelArguments`, exactly and
   * in their documented order. PerformanceProfile backend: the arguments NTO renders from the profile on every x86_64
   * node, each once, grouped in NTO's Tuned option order; TuneD also adds arguments it computes on the node
   * (`tuned.non_isolcpus`, `systemd.cpu_affinity`) and CPU-vendor ones (`intel_iommu=on`, `intel_pstate=`/`amd_pstate=`),
   * and the final order on the command line is TuneD's.
   */
  readonly kernelArguments: string[];
  /** Nodes the MCO may update at once. */
  readonly maxUnavailable: number;
  /** The pool is paused. */
  readonly paused: boolean;
  /**
   * The NUMA node that carries the kubelet's reserved memory: the lowest node with reserved CPUs (MachineConfig
   * backend), always node 0 (PerformanceProfile backend, as NTO renders it).
   */
  readonly reservedMemoryNumaNode: number;
  /**
   * The Memory Manager reservation: kubeReserved + systemReserved + evictionHard memory (always NTO's
   * 500Mi + 500Mi + 100Mi with the PerformanceProfile backend).
   */
  readonly reservedMemory: Size;
}

