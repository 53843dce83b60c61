import { REALTIME_HOST_SYSCTLS } from '../../model/pool/realtime-sysctls';
import { CpuSet } from '../../values/cpu-set';

// The pool's TuneD profile: run-time tuning only. Everything a node needs at boot (kernel, kernel arguments, huge
// pages, the real-time throttling sysctl) is in the MachineConfig; the Tuned CR adds what TuneD does best while the
// node runs: kthread priorities, IRQ bans, workqueue masks, KSM off, KVM low-latency module parameters.
//
// It includes TuneD's `realtime-virtual-host` profile (the KVM-host real-time profile, shipped in NTO's operand image
// as tuned-profiles-nfv-host; it includes `realtime` → `network-latency` → `latency-performance`) on top of
// `openshift-node`, which keeps OpenShift's node sysctls and excludes /kubepods.slice from TuneD's process moves.
// `cpu-partitioning` was the alternative; it targets DPDK hosts and carries no KVM tuning.
//
// WHAT REACHES THE NODE FOLLOWS NTO. Every option where the merged profile differs from what the Node Tuning Operator
// renders for a PerformanceProfile with the same CPUs (its `openshift-node-performance` template on top of
// `cpu-partitioning`) is listed, decided and sourced in docs/tuned-vs-nto.md. The overrides below are those
// decisions: NTO's timer migration, C-state limit, fwupd timer, process blacklist; no NIC queue change; and, on the
// real-time kernel, no sysctls that kernel lacks (TuneD logs an error for each, which NTO reports as TunedDegraded).
//
// THE [bootloader] SECTION IS EMPTIED ON PURPOSE. The included profiles each add kernel arguments through
// `cmdline_*` keys (`cmdline_rvh`, `cmdline_realtime`, `cmdline_network_latency`: isolcpus, nohz_full, rcu_nocbs,
// skew_tick, tsc ...). With a machineConfigLabels recommendation NTO would collect them into a second MachineConfig
// (`50-nto-<pool>`): the same arguments twice on the command line, and a second reboot whenever they change. TuneD
// merges a child's section into its parents' unless the child sets `replace=true`, which drops every inherited key,
// so the computed boot command line is empty and NTO creates no MachineConfig ("Creating a new MachineConfig with
// empty kernelArguments only causes unnecessary node reboots").

/** What the profile depends on. */
export interface TunedProfileInputs {
  /** The profile name (also the Tuned CR name). */
  readonly name: string;
  /** The pool role, for the summary line. */
  readonly role: string;
  /** The MachineConfig that owns the kernel arguments (named in a comment). */
  readonly machineConfigName: string;
  /** The isolated CPUs (TuneD `isolated_cores`). */
  readonly isolated: CpuSet;
  /**
   * The nodes boot the real-time kernel (MachineConfig `kernelType: realtime`): the sysctls that kernel lacks are
   * dropped from the inherited profiles.
   *
   * @default true - the pool's default (`realtimeKernel`)
   */
  readonly realtimeKernel?: boolean;
}

/** The profiles the pool's profile includes, in TuneD's order (later ones override earlier ones). */
export const TUNED_INCLUDES = 'openshift-node,realtime-virtual-host';

/**
 * Sysctls TuneD's network-latency profile sets that the real-time kernel does not have (no automatic NUMA balancing,
 * no busy polling under PREEMPT_RT), dropped like NTO's `openshift-node-performance-rt` profile does.
 */
export const TUNED_RT_KERNEL_DROPPED_SYSCTLS = ['kernel.numa_balancing', 'net.core.busy_read', 'net.core.busy_poll'];

/**
 * The processes TuneD's scheduler plugin never moves off the isolated CPUs: NTO's list (from `cpu-partitioning`),
 * DPDK and QEMU threads that pin themselves. The kthreads `realtime-virtual-host` lists are bound to their CPU and
 * skipped anyway. Pods are never moved (`cgroup_ps_blacklist=/kubepods\.slice/` from `openshift`).
 */
export const TUNED_PS_BLACKLIST = '.*pmd.*;.*PMD.*;^DPDK;.*qemu-kvm.*;^contrail-vroute$;^lcore-slave-.*;^rte_mp_handle$;'
  + '^rte_mp_async$;^eal-intr-thread$';

/**
 * NTO's C-state limit: the exit latency of C-state 1 (TuneD writes it to /dev/cpu_dma_latency), else 3 µs. The
 * included latency-performance profile uses `cstate.id_no_zero:1|3`, which skips a C1 that reports 0 µs and then
 * allows 3 µs; NTO keeps 0 (poll idle), the lower wake-up latency.
 */
export const TUNED_FORCE_LATENCY = 'cstate.id:1|3';

/**
 * The per-CPU kthreads that must preempt the real-time vCPUs (KubeVirt runs them SCHED_FIFO priority 1) or they starve
 * on an isolated CPU: SCHED_FIFO 11 like NTO (and like `rcutree.kthread_prio=11` for the RCU kthreads). `ktimers` is
 * the name in current real-time kernels, `ktimersoftd` in older ones; `rcub` exists with RCU priority boosting.
 */
const KTHREAD_PRIORITIES: Array<[string, string]> = [
  ['ksoftirqd', 'ksoftirqd.*'],
  ['rcuc', 'rcuc.*'],
  ['rcub', 'rcub.*'],
  ['ktimers', 'ktimers.*'],
  ['ktimersoftd', 'ktimersoftd.*'],
];

/** The TuneD profile text (`Tuned.spec.profile[].data`). */
export function tunedProfileData(inputs: TunedProfileInputs): string {
  const realtimeKernel = inputs.realtimeKernel ?? true;
  return [
    '[main]',
    `summary=Real-time KVM host for KubeVirt (pool ${inputs.role}); generated by cdk8s-kubevirt-realtime`,
    '# Where this differs from the Node Tuning Operator\'s profile, and why: docs/tuned-vs-nto.md in cdk8s-kubevirt-realtime.',
    `include=${TUNED_INCLUDES}`,
    '',
    '[variables]',
    '# realtime-virtual-host asserts that every isolated CPU is online; offlined CPUs are never isolated.',
    `isolated_cores=${inputs.isolated}`,
    '',
    '[bootloader]',
    `# Kernel arguments belong to MachineConfig ${inputs.machineConfigName} alone. replace=true drops the cmdline_*`,
    '# keys of the included profiles, so NTO renders no second MachineConfig (no duplicate argument, no second reboot).',
    'replace=true',
    '',
    '[cpu]',
    '# NTO\'s limit: C-state 1\'s exit latency even when it is 0 (latency-performance skips a 0 and allows 3 us).',
    `force_latency=${TUNED_FORCE_LATENCY}`,
    '',
    '[net]',
    '# realtime sets channels=combined <queue count>; with no count configured TuneD resizes every NIC to one queue',
    '# per CPU (ethtool -L). NTO changes no NIC queues: drop it (nf_conntrack_hashsize from openshift stays).',
    'drop=channels',
    '',
    '[sysctl]',
    ...(realtimeKernel ? [
      '# The real-time kernel has none of these (network-latency sets them); TuneD would log an error for each.',
      `drop=${TUNED_RT_KERNEL_DROPPED_SYSCTLS.join(',')}`,
    ] : []),
    ...REALTIME_HOST_SYSCTLS.map(([key, value]) => `${key}=${value}`),
    '',
    '[scheduler]',
    '# group.<name>=<rule priority>:<policy>:<priority>:<affinity>:<regex>; FIFO 11 preempts the vCPUs (FIFO 1).',
    ...KTHREAD_PRIORITIES.map(([name, regex]) => `group.${name}=0:f:11:*:${regex}`),
    '# Never moved off the isolated CPUs (NTO\'s list): threads that pin themselves.',
    `ps_blacklist=${TUNED_PS_BLACKLIST}`,
    '',
    '[service]',
    '# fwupd-refresh.timer (on by default from RHEL 10) triggers firmware refreshes that can cause SMIs on every CPU.',
    'service.fwupd-refresh.timer=stop,disable',
    '# stalld boosts threads starved by busy real-time vCPUs for a moment (NTO enables it for real-time profiles).',
    'service.stalld=start,enable',
    '',
  ].join('\n');
}
