import { CpuSet } from '../../values/cpu-set';

// THE KERNEL ARGUMENT ORDER IS PART OF THE PUBLIC CONTRACT.
//
// The Machine Config Operator compares `MachineConfig.spec.kernelArguments` as a list: the same arguments in another
// order are a new rendered config, and every node of the pool drains and reboots (NTO hit this on upgrade:
// OCPBUGS-43666, cluster-node-tuning-operator#1197). So the pool always emits its arguments in this order, and a
// change to it is a breaking change:
//
//   1. isolcpus=[domain,]managed_irq,<isolated>  keep the scheduler (and managed IRQs) off the isolated CPUs
//   2. nohz=on                                   dynamic ticks
//   3. nohz_full=<isolated>                      stop the tick on isolated CPUs running one task
//   4. rcu_nocbs=<isolated>                      move RCU callbacks off the isolated CPUs
//   5. irqaffinity=<reserved>                    default IRQ affinity from early boot, before irqbalance/TuneD run
//   6. systemd.cpu_affinity=<reserved>           PID 1 and every service it starts (NTO's housekeeping pinning)
//   7. skew_tick=1                               offset the per-CPU ticks so they do not contend on one lock
//   8. tsc=reliable                              no clocksource watchdog on the TSC (x86)
//   9. nosoftlockup                              no soft-lockup detector kthread wake-ups
//  10. rcutree.kthread_prio=11                   RCU kthreads SCHED_FIFO 11, above the vCPUs' FIFO 1 (realtime kernel only)
//  11. default_hugepagesz=<size>                 when a default size is set
//  12. hugepagesz=<size> hugepages=<n>           per size used, smallest first (n = boot-time pages, 0 when pinned)
//  13. the partition's extra arguments          `nosmt` when SMT is disabled
//  14. additionalKernelArgs                      the user's, in the order given
//
// Both housekeeping arguments (5, 6) carry the RESERVED list computed from the declared topology, never "all CPUs
// minus isolated" computed on the node: NTO derived `systemd.cpu_affinity` on each node, and nodes with different CPU
// counts in one pool rendered different configs and rebooted in a loop (cluster-node-tuning-operator#558).
// `irqaffinity` is what TuneD's realtime-virtual-host profile used: real-time VMs want no device interrupt on an
// isolated CPU at all (TuneD's realtime profile also bans the isolated CPUs from irqbalance).

/** What the generated kernel arguments depend on. */
export interface KernelArgInputs {
  /** CPUs isolated for real-time work. */
  readonly isolated: CpuSet;
  /** CPUs for the OS, kubelet and interrupts. */
  readonly reserved: CpuSet;
  /** `isolcpus=managed_irq,...` (true) or `isolcpus=domain,managed_irq,...` (false). */
  readonly balanceIsolated: boolean;
  /** The realtime kernel is booted: adds `rcutree.kthread_prio=11`. */
  readonly realtimeKernel: boolean;
  /** The huge page arguments, already in order (see hugepages.ts). */
  readonly hugePageArgs: string[];
  /** The partition's extra arguments (`nosmt`). */
  readonly partitionArgs: string[];
}

/**
 * Keys of the arguments the pool owns: a user argument with one of these keys duplicates or fights a generated one
 * (or should be set through a prop, e.g. huge pages), so it is refused.
 */
export const OWNED_KERNEL_ARG_KEYS: string[] = [
  'isolcpus', 'nohz', 'nohz_full', 'rcu_nocbs', 'irqaffinity', 'systemd.cpu_affinity', 'skew_tick', 'tsc',
  'nosoftlockup', 'rcutree.kthread_prio', 'default_hugepagesz', 'hugepagesz', 'hugepages', 'nosmt',
];

/** The generated kernel arguments, in the documented order (without the user's). */
export function generatedKernelArgs(inputs: KernelArgInputs): string[] {
  const isolated = inputs.isolated.toString();
  const reserved = inputs.reserved.toString();
  const args = [
    `isolcpus=${inputs.balanceIsolated ? '' : 'domain,'}managed_irq,${isolated}`,
    'nohz=on',
    `nohz_full=${isolated}`,
    `rcu_nocbs=${isolated}`,
    `irqaffinity=${reserved}`,
    `systemd.cpu_affinity=${reserved}`,
    'skew_tick=1',
    'tsc=reliable',
    'nosoftlockup',
  ];
  if (inputs.realtimeKernel) args.push('rcutree.kthread_prio=11');
  args.push(...inputs.hugePageArgs, ...inputs.partitionArgs);
  return args;
}

/** The key of a kernel argument: the text before the first `=` (the whole argument for a flag like `nosmt`). */
export function kernelArgKey(arg: string): string {
  const eq = arg.indexOf('=');
  return eq < 0 ? arg : arg.slice(0, eq);
}

/** True for a well-formed single argument: non-empty, no whitespace, no quotes. */
export function isWellFormedKernelArg(arg: unknown): arg is string {
  return typeof arg === 'string' && /^[^\s"'=][^\s"']*$/.test(arg);
}
