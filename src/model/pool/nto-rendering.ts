import {
  DEFAULT_EVICTION_HARD_MEMORY, DEFAULT_KUBE_RESERVED_MEMORY, DEFAULT_SYSTEM_RESERVED_MEMORY, kubeletConfiguration, wholeMebibytes,
} from './kubelet-config';
import { RealtimeNodePoolModel } from './pool-model';
import { CpuSet } from '../../values/cpu-set';
import { HugePageSize } from '../../values/hugepage-size';
import { TopologyManagerPolicy } from '../../values/pool/topology-manager-policy';

// What the Node Tuning Operator renders from the pool's PerformanceProfile, so the pool's model stays truthful with
// the PerformanceProfile backend. The reference is NTO main (release-5.2, cluster-node-tuning-operator@d2394aa):
// its Tuned template `openshift-node-performance` with the intel-x86/amd-x86 child profiles, and
// PP/kubeletconfig/kubeletconfig.go. Because the pool always sets the real-time workload hint, the arguments below
// are the same from release-4.18 on (before 5.0, nohz_full and skew_tick came with that hint; since 5.0 always).

/** The NTO release whose rendering the PerformanceProfile backend's model describes. */
export const NTO_REFERENCE_RELEASE = 'NTO main (release-5.2, cluster-node-tuning-operator@d2394aa)';

/** NTO's kubelet memory settings: a PerformanceProfile has no field for them. */
export const NTO_KUBE_RESERVED_MEBIBYTES = wholeMebibytes(DEFAULT_KUBE_RESERVED_MEMORY)!;
export const NTO_SYSTEM_RESERVED_MEBIBYTES = wholeMebibytes(DEFAULT_SYSTEM_RESERVED_MEMORY)!;
export const NTO_EVICTION_HARD_MEBIBYTES = wholeMebibytes(DEFAULT_EVICTION_HARD_MEMORY)!;

/**
 * NTO puts the Memory Manager's reservedMemory on NUMA node 0 ("the NUMA node 0 is the only safe choice for non NUMA
 * machines"), whatever the partition.
 */
export const NTO_RESERVED_MEMORY_NUMA_NODE = 0;

/**
 * Kernel argument keys NTO's Tuned profiles set on every x86_64 node, on some vendors, or for a workload hint, on
 * top of the ones the pool itself generates (`OWNED_KERNEL_ARG_KEYS`): a user argument with one of these keys would
 * be repeated or contradicted on the command line.
 */
export const NTO_RENDERED_KERNEL_ARG_KEYS: string[] = [
  'tuned.non_isolcpus', 'iommu', 'intel_iommu', 'nmi_watchdog', 'mce', 'rcupdate.rcu_normal_after_boot',
  'intel_pstate', 'amd_pstate', 'processor.max_cstate', 'intel_idle.max_cstate', 'idle',
];

/**
 * What TuneD adds to the command line on the node itself, and why the YAML cannot show it. Used in the reboot
 * summary: a change of any of these reboots the pool too.
 */
export const NTO_NODE_COMPUTED_KERNEL_ARGS: string[] = [
  'tuned.non_isolcpus=<mask of the non-isolated CPUs> and systemd.cpu_affinity=<non-isolated CPUs>, computed by TuneD '
    + 'from the CPUs each node has (nodes with different CPU counts in one pool get different values: keep them identical)',
  'CPU-vendor arguments: intel_iommu=on and intel_pstate=<passive|active|recommended> on Intel, amd_pstate=<...> on AMD',
];

/** What NTO's kernel arguments depend on. */
export interface NtoKernelArgInputs {
  readonly isolated: CpuSet;
  /** `cpu.balanceIsolated`. */
  readonly balanceIsolated: boolean;
  /** `workloadHints.highPowerConsumption`. */
  readonly highPowerConsumption: boolean;
  /** `hugepages.defaultHugepagesSize`. */
  readonly defaultHugePageSize?: HugePageSize;
  /** `hugepages.pages` in the profile's order. */
  readonly pages: { size: HugePageSize; count: number; numaNode?: number }[];
  /** `additionalKernelArgs`, in order. */
  readonly additionalKernelArgs: string[];
}

/**
 * The kernel arguments NTO renders from a profile with the real-time hint on (what the pool always sets), on every
 * x86_64 node, each once, grouped by NTO's Tuned options in template order:
 *
 *   cmdline_cpu_part           nohz=on rcu_nocbs=<isolated>   (+ tuned.non_isolcpus, systemd.cpu_affinity: on the node)
 *   cmdline_cpu_part_nohzfull  nohz_full=<isolated>
 *   cmdline_cpu_tuning         skew_tick=1
 *   cmdline_isolation          isolcpus=[domain,]managed_irq,<isolated>
 *   cmdline_realtime_*         nosoftlockup rcutree.kthread_prio=11
 *   cmdline_hugepages          default_hugepagesz=<S> hugepagesz=<S> hugepages=<N> ... (node-less pages only)
 *   cmdline_additionalArg      additionalKernelArgs
 *   x86 vendor profiles        iommu=pt tsc=reliable nmi_watchdog=0 mce=off
 *                              processor.max_cstate=1 idle=poll (highPowerConsumption)
 *   network-latency (TuneD)    rcupdate.rcu_normal_after_boot=1
 */
export function ntoKernelArgs(inputs: NtoKernelArgInputs): string[] {
  const isolated = inputs.isolated.toString();
  const args = [
    'nohz=on',
    `rcu_nocbs=${isolated}`,
    `nohz_full=${isolated}`,
    'skew_tick=1',
    `isolcpus=${inputs.balanceIsolated ? '' : 'domain,'}managed_irq,${isolated}`,
    'nosoftlockup',
    'rcutree.kthread_prio=11',
    ...ntoHugePageArgs(inputs.pages, inputs.defaultHugePageSize),
    ...inputs.additionalKernelArgs,
    'iommu=pt',
    'tsc=reliable',
    'nmi_watchdog=0',
    'mce=off',
  ];
  if (inputs.highPowerConsumption) args.push('processor.max_cstate=1', 'idle=poll');
  args.push('rcupdate.rcu_normal_after_boot=1');
  return [...new Set(args)];
}

/**
 * The order of the profile's `hugepages.pages`: by size (smallest first), the node-less entry first, then by NUMA
 * node. Canonical, so reordering the props changes neither the profile nor NTO's arguments (no reboot).
 */
export function profilePageOrder<T extends { size: HugePageSize; numaNode?: number }>(pages: T[]): T[] {
  const sizeRank = (p: T) => HugePageSize.all().indexOf(p.size);
  const nodeRank = (p: T) => (p.numaNode === undefined ? -1 : p.numaNode);
  return [...pages].sort((a, b) => sizeRank(a) - sizeRank(b) || nodeRank(a) - nodeRank(b));
}

/**
 * NTO's huge page arguments (PP/tuned/tuned.go): `default_hugepagesz`, then `hugepagesz=S hugepages=N` for each page
 * entry WITHOUT a node, in the profile's order. Pinned entries become systemd units instead; when 2M pages are only
 * pinned and the default is 1G, NTO adds `hugepagesz=2M hugepages=0` so the 2M sysfs directories exist.
 */
export function ntoHugePageArgs(pages: { size: HugePageSize; count: number; numaNode?: number }[], defaultSize?: HugePageSize): string[] {
  const args: string[] = [];
  if (defaultSize !== undefined) args.push(`default_hugepagesz=${defaultSize.kernelName}`);
  for (const page of pages.filter((p) => p.numaNode === undefined)) {
    args.push(`hugepagesz=${page.size.kernelName}`, `hugepages=${page.count}`);
  }
  const twoMiOnlyPinned = pages.some((p) => p.size === HugePageSize.TWO_MI && p.numaNode !== undefined)
    && !pages.some((p) => p.size === HugePageSize.TWO_MI && p.numaNode === undefined);
  if (twoMiOnlyPinned && defaultSize === HugePageSize.ONE_GI) args.push('hugepagesz=2M', 'hugepages=0');
  return args;
}

/**
 * The KubeletConfiguration NTO renders into KubeletConfig `performance-<profile>` for the pool's model: static CPU
 * manager with the reserved CPUs, the topology policy, and NTO's memory settings (kubeReserved 500Mi,
 * systemReserved 500Mi, evictionHard memory.available 100Mi). Under restricted/single-numa-node the static Memory
 * Manager with reservedMemory 1100Mi on NUMA node 0; under single-numa-node also `full-pcpus-only`.
 */
export function ntoKubeletConfiguration(model: RealtimeNodePoolModel): Record<string, unknown> {
  return kubeletConfiguration({
    reserved: model.partition.reserved,
    topologyManagerPolicy: model.topologyManagerPolicy,
    fullPcpusOnly: model.topologyManagerPolicy === TopologyManagerPolicy.SINGLE_NUMA_NODE,
    kubeReservedMebibytes: NTO_KUBE_RESERVED_MEBIBYTES,
    systemReservedMebibytes: NTO_SYSTEM_RESERVED_MEBIBYTES,
    evictionHardMebibytes: NTO_EVICTION_HARD_MEBIBYTES,
    reservedMemoryNumaNode: NTO_RESERVED_MEMORY_NUMA_NODE,
  });
}
