import { CpuSet } from '../../values/cpu-set';
import { HugePageSize } from '../../values/hugepage-size';
import { NodeTaint } from '../../values/pool/node-taint';

// What every node of a pool must become, independent of how a platform writes it down. The OpenShift backends render
// a resolved pool straight into MachineConfig/KubeletConfig/Tuned; the other backends (Talos machine config, Cluster
// API KubeadmConfigTemplate, a kubelet drop-in for any distribution) render this plan instead, so they share one input
// and none of them re-derives CPU lists, huge pages or kubelet settings.
//
// Plain data only: no construct, no prop parsing. Whoever builds the plan (the pool's resolver) has already checked the
// props; the renderers trust the numbers and the node-backend rules check what each platform can and cannot do.

/** Huge pages set aside at boot by kernel arguments (`hugepagesz=S hugepages=N`), spread over the NUMA nodes by the kernel. */
export interface BootHugePages {
  /** The page size. */
  readonly size: HugePageSize;
  /** The total page count (all NUMA nodes together). */
  readonly count: number;
}

/** Huge pages of one size pinned to one NUMA node (written to that node's sysfs `nr_hugepages` before the kubelet starts). */
export interface NumaPinnedHugePages {
  /** The page size. */
  readonly size: HugePageSize;
  /** The NUMA node. */
  readonly numaNode: number;
  /** How many pages the node holds. */
  readonly count: number;
}

/** What every node of a pool must become, for the backends that render a node configuration from it. */
export interface NodeTuningPlan {
  /** The pool's role (a DNS label); names the rendered objects and files. */
  readonly role: string;
  /** The labels every node carries (a VM's nodeSelector uses them), e.g. `{ 'node.kubernetes.io/worker-rt': '' }`. */
  readonly nodeLabels: { [key: string]: string };
  /** The taints every node registers with (may be empty). */
  readonly nodeTaints: NodeTaint[];
  /** The nodes boot a PREEMPT_RT kernel. */
  readonly realtimeKernel: boolean;
  /**
   * The full kernel command line the pool asks for, in the library's fixed order (see model/pool/kernel-args.ts),
   * boot-time huge page arguments included. The order is part of the contract: a backend writes it unchanged.
   */
  readonly kernelArguments: string[];
  /** Boot-time huge pages (no NUMA node), smallest size first; their arguments are already in `kernelArguments`. */
  readonly bootHugePages: BootHugePages[];
  /**
   * The default huge page size (`default_hugepagesz`, already in `kernelArguments`).
   *
   * @default - none
   */
  readonly defaultHugePageSize?: HugePageSize;
  /** Huge pages pinned per NUMA node, by size (smallest first) then node. */
  readonly numaHugePages: NumaPinnedHugePages[];
  /** CPUs switched off before the kubelet starts. */
  readonly offlinedCpus: CpuSet;
  /** CPUs for the OS, kubelet and interrupts (`reservedSystemCPUs`). */
  readonly reservedCpus: CpuSet;
  /** CPUs isolated for real-time work. */
  readonly isolatedCpus: CpuSet;
  /** Kernel parameters under /proc/sys, e.g. `{ 'kernel.sched_rt_runtime_us': '-1' }`. */
  readonly sysctls: { [key: string]: string };
  /**
   * KubeletConfiguration fields exactly as the pool emits them (model/pool/kubelet-config.ts `kubeletConfiguration()`),
   * without apiVersion/kind.
   */
  readonly kubelet: { [key: string]: unknown };
}
