import { Size } from 'cdk8s';
import { NodeTaint } from './node-taint';
import { PoolBackend } from './pool-backend';
import { TopologyManagerPolicy } from './topology-manager-policy';
import { TalosVersion } from '../cluster/talos-version';
import { CpuPartition } from '../host/cpu-partition';
import { HostTopology } from '../host/host-topology';
import { HugePageSize } from '../hugepage-size';

/**
 * Huge pages a node of the pool sets aside at boot.
 */
export interface HugePageAllocation {
  /** The page size. */
  readonly size: HugePageSize;

  /** How many pages: on `numaNode` when it is set, else in total (the kernel spreads them over the NUMA nodes). */
  readonly count: number;

  /**
   * The NUMA node that holds the pages. Pages on a node are allocated by a oneshot systemd unit that writes the
   * node's sysfs `nr_hugepages` before the kubelet starts (NTO's method; works on every kernel); pages without a node
   * are boot arguments (`hugepagesz=S hugepages=N`) that the kernel splits evenly over the NUMA nodes, the remainder
   * going to the lowest nodes.
   *
   * @default - no node: boot-time pages spread evenly over the NUMA nodes
   */
  readonly numaNode?: number;
}

/**
 * Props of a RealtimeNodePool.
 */
export interface RealtimeNodePoolProps {
  /**
   * The pool's role: a DNS label such as `worker-rt`. It names the MachineConfigPool and is the node role label
   * `node-role.kubernetes.io/<role>` that selects the pool's nodes. Renaming it renames every object and reboots the
   * pool.
   */
  readonly role: string;

  /**
   * How the pool configures its nodes: its own MachineConfig, KubeletConfig and Tuned CR, or one Node Tuning Operator
   * PerformanceProfile (`<role>`) that NTO renders into them. The MachineConfigPool is rendered either way.
   *
   * @default PoolBackend.MACHINE_CONFIG
   */
  readonly backend?: PoolBackend;

  /** The hardware of every node in the pool (all nodes of one pool must be identical). */
  readonly topology: HostTopology;

  /** How the CPUs of `topology` are divided into reserved, isolated and offlined CPUs. */
  readonly partition: CpuPartition;

  /**
   * Huge pages to set aside on every node of the pool.
   *
   * @default - none (a warning: real-time VMs with NUMA passthrough need huge pages)
   */
  readonly hugepages?: HugePageAllocation[];

  /**
   * The default huge page size (`default_hugepagesz`), used by hugetlbfs mounts without a `pagesize` option.
   *
   * @default - the only size in `hugepages` when there is exactly one; otherwise not set (the kernel's 2M)
   */
  readonly defaultHugePageSize?: HugePageSize;

  /**
   * Boot the real-time kernel (`MachineConfig.spec.kernelType: realtime`) and raise the RCU kthreads to SCHED_FIFO
   * priority 11 (`rcutree.kthread_prio=11`). Talos has no real-time kernel; with Cluster API and the drop-in the
   * kernel comes from the node image.
   *
   * @default - true, but false with the Talos backend
   */
  readonly realtimeKernel?: boolean;

  /**
   * The kubelet Topology Manager policy.
   *
   * @default TopologyManagerPolicy.SINGLE_NUMA_NODE
   */
  readonly topologyManagerPolicy?: TopologyManagerPolicy;

  /**
   * Let the scheduler balance tasks across the isolated CPUs (`isolcpus=managed_irq,<isolated>`). `false` removes
   * the isolated CPUs from the scheduler domains (`isolcpus=domain,managed_irq,<isolated>`): tasks stay where they
   * are pinned, which suits one pinned vCPU per CPU but cannot be undone without a reboot.
   *
   * @default true
   */
  readonly balanceIsolated?: boolean;

  /**
   * Extra kernel arguments, appended after the generated ones in the given order. Arguments the pool generates
   * (`isolcpus`, `nohz_full`, `hugepages` ...) are refused: set them through the props instead.
   *
   * @default - none
   */
  readonly additionalKernelArgs?: string[];

  /**
   * NTO's `workloadHints.highPowerConsumption` (PerformanceProfile backend only): lowest latency at the cost of power.
   * NTO adds `processor.max_cstate=1 intel_idle.max_cstate=0` and, with the real-time hint the pool always sets,
   * `idle=poll` (the CPUs never sleep). Cannot be combined with `perPodPowerManagement`.
   *
   * @default false (C-states stay available; NTO's `force_latency` still keeps the deep ones off)
   */
  readonly highPowerConsumption?: boolean;

  /**
   * NTO's `workloadHints.perPodPowerManagement` (PerformanceProfile backend only): `intel_pstate=passive` and no
   * node-wide `force_latency`, so pods choose C-states and frequency through CRI-O annotations. Suits mixed pools; a
   * real-time VM must then ask for `cpu-c-states.crio.io: disable` itself. Cannot be combined with
   * `highPowerConsumption`.
   *
   * @default false (node-wide low-latency power settings, what real-time VMs need)
   */
  readonly perPodPowerManagement?: boolean;

  /**
   * How many nodes of the pool the Machine Config Operator may update (drain and reboot) at once.
   *
   * @default 1 (one node at a time: the conservative rollout)
   */
  readonly maxUnavailable?: number;

  /**
   * Pause the pool: the Machine Config Operator renders new configurations but applies none (no reboot) until it is
   * unpaused.
   *
   * @default false
   */
  readonly paused?: boolean;

  /**
   * How many nodes the pool is expected to have (1-5000: Kubernetes supports clusters of up to 5000 nodes). Used for
   * capacity checks of the VMs placed on the pool and to warn when `maxUnavailable` would reboot every node at once.
   *
   * @default - unknown
   */
  readonly nodeCount?: number;

  /**
   * Memory reserved for Kubernetes daemons (KubeletConfiguration `kubeReserved.memory`). Whole MiB. MachineConfig
   * backend only: a PerformanceProfile has no field for it (NTO always renders 500Mi).
   *
   * @default Size.mebibytes(500) (NTO's value)
   */
  readonly kubeReservedMemory?: Size;

  /**
   * Memory reserved for system daemons (KubeletConfiguration `systemReserved.memory`). Whole MiB. MachineConfig
   * backend only: a PerformanceProfile has no field for it (NTO always renders 500Mi).
   *
   * @default Size.mebibytes(500) (NTO's value)
   */
  readonly systemReservedMemory?: Size;

  /**
   * The hard eviction threshold for memory (KubeletConfiguration `evictionHard["memory.available"]`). Whole MiB.
   * MachineConfig backend only: a PerformanceProfile has no field for it (NTO always renders 100Mi).
   *
   * @default Size.mebibytes(100) (the kubelet's and NTO's value)
   */
  readonly evictionHardMemory?: Size;

  /**
   * Taints every node of the pool registers with (Talos, Cluster API and kubelet drop-in backends: the kubelet's
   * `registerWithTaints`); VMs placed on the pool then need matching `tolerations`. OpenShift pools taint their nodes
   * through their MachineSets, not here.
   *
   * @default - none
   */
  readonly nodeTaints?: NodeTaint[];

  /**
   * The Talos release of the nodes (Talos backend only).
   *
   * @default TalosVersion.V1_13
   */
  readonly talosVersion?: TalosVersion;

  /**
   * The Image Factory installer image built from the pool's schematic, e.g.
   * `factory.talos.dev/metal-installer/<schematic id>:v1.13.9` (Talos backend only). It carries the kernel
   * arguments, so the patch writes it to `machine.install.image`; the schematic's ID is known only once the
   * schematic (`NodeFiles.write`) has been posted to the factory.
   *
   * @default - none: a warning, since the nodes then keep an installer without the kernel arguments
   */
  readonly talosInstallerImage?: string;

  /**
   * Where the kubelet reads its drop-ins (KUBELET_DROP_IN backend only): kubeadm `--config-dir`, or k3s's
   * `/var/lib/rancher/k3s/agent/etc/kubelet.conf.d`.
   *
   * @default '/etc/kubernetes/kubelet.conf.d'
   */
  readonly kubeletDropInDirectory?: string;
}
