/** The sysctl that lets SCHED_FIFO/RR threads run without limit; KubeVirt labels a node `kubevirt.io/realtime` only when it is -1. */
export const SCHED_RT_RUNTIME_SYSCTL = 'kernel.sched_rt_runtime_us';

/** Its value on the pool's nodes ("A run time of -1 specifies runtime == period, ie. no limit"). */
export const SCHED_RT_RUNTIME_UNLIMITED = '-1';

/**
 * The kernel parameters of a real-time host, which TuneD's realtime-virtual-host profile sets on OpenShift and the
 * other backends write themselves (Talos `machine.sysctls`, a sysctl.d file).
 */
export const REALTIME_HOST_SYSCTLS: ReadonlyArray<readonly [string, string]> = [
  [SCHED_RT_RUNTIME_SYSCTL, SCHED_RT_RUNTIME_UNLIMITED],
  ['kernel.nmi_watchdog', '0'],
  ['kernel.hung_task_timeout_secs', '600'],
  ['vm.stat_interval', '10'],
];
