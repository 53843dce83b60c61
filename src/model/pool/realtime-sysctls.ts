/** The sysctl that lets SCHED_FIFO/RR threads run without limit; KubeVirt labels a node `kubevirt.io/realtime` only when it is -1. */
export const SCHED_RT_RUNTIME_SYSCTL = 'kernel.sched_rt_runtime_us';

/** Its value on the pool's nodes ("A run time of -1 specifies runtime == period, ie. no limit"). */
export const SCHED_RT_RUNTIME_UNLIMITED = '-1';

/**
 * The kernel parameters of a real-time host, which the pool's TuneD profile sets on OpenShift and the other backends
 * write themselves (Talos `machine.sysctls`, a sysctl.d file). The first four are NTO's real-time hint sysctls.
 * `kernel.timer_migration=1` is NTO's value, where TuneD's network-latency sets 0: on a Kubernetes node the isolated
 * CPUs are in the kubelet's shared pool until a VM's pod claims them, and with 0 the timers other pods armed there
 * (TCP keep-alives) keep firing on the real-time vCPUs' CPUs (docs/tuned-vs-nto.md).
 */
export const REALTIME_HOST_SYSCTLS: ReadonlyArray<readonly [string, string]> = [
  [SCHED_RT_RUNTIME_SYSCTL, SCHED_RT_RUNTIME_UNLIMITED],
  ['kernel.nmi_watchdog', '0'],
  ['kernel.hung_task_timeout_secs', '600'],
  ['vm.stat_interval', '10'],
  ['kernel.timer_migration', '1'],
];
