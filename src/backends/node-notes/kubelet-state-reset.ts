// The kubelet checkpoints its CPU and memory manager decisions in /var/lib/kubelet/cpu_manager_state and
// /var/lib/kubelet/memory_manager_state. When the policy or the CPUs/memory it manages change under a kubelet that ran
// before, the checkpoint no longer matches and the kubelet refuses to start ("configured policy \"static\" differs
// from state checkpoint policy \"none\", please drain this node and delete the CPU manager checkpoint file";
// siderolabs/talos#7504, kubespray#8535). Every backend that changes a running node's kubelet lists this step.

/** The CPU manager checkpoint. */
export const CPU_MANAGER_STATE_FILE = '/var/lib/kubelet/cpu_manager_state';
/** The memory manager checkpoint. */
export const MEMORY_MANAGER_STATE_FILE = '/var/lib/kubelet/memory_manager_state';

/**
 * The reset step for a node whose kubelet ran before the change.
 *
 * @param howToDelete how to delete the files on this platform (e.g. `kubectl debug node/<node> ...` on Talos)
 */
export function kubeletStateResetNote(howToDelete: string): string {
  return 'kubelet state reset: when cpuManagerPolicy, reservedSystemCPUs or the offlined CPUs change (or memoryManagerPolicy '
    + 'or reservedMemory), the kubelet refuses to start with its old checkpoint (siderolabs/talos#7504): drain the node, '
    + `stop the kubelet, delete ${CPU_MANAGER_STATE_FILE} (and ${MEMORY_MANAGER_STATE_FILE}), then start it; ${howToDelete}`;
}

/**
 * What the OpenShift Tuned profile does at run time and no other backend applies: a non-OpenShift node gets the
 * kernel arguments, sysctls, huge pages and kubelet settings, but not TuneD.
 */
export const NO_TUNED_LIMITATION = 'No TuneD: the run-time tuning of the OpenShift Tuned profile (ksoftirqd/rcuc/ktimers '
  + 'kthreads at SCHED_FIFO 11 above the vCPUs, stalld, IRQ bans) is not applied; install and configure it with your '
  + 'OS tooling if the platform allows it';
