import { NodeUnit } from './node-file';
import { CPU_MANAGER_STATE_FILE, MEMORY_MANAGER_STATE_FILE } from '../node-notes/kubelet-state-reset';

// The kubelet refuses to start when its CPU or memory manager checkpoint no longer matches its configuration
// (siderolabs/talos#7504). After a reboot no container runs, so the checkpoints describe nothing and can go: OpenShift's
// Machine Config Operator ships the same oneshot on every node (templates/*/01-*-kubelet/_base/units/
// kubelet-cleanup.service.yaml), which is why a MachineConfig change (always a reboot) never hits the stale state. The
// systemd node backends ship it too, under a name of our own; a kubelet restarted WITHOUT a reboot still needs the
// manual reset step of the reboot notes.

/** The unit that deletes the kubelet's CPU and memory manager checkpoints at boot, before the kubelet starts. */
export const KUBELET_STATE_CLEANUP_UNIT_NAME = 'kubevirt-rt-kubelet-state-cleanup.service';

/** The cleanup unit. */
export function kubeletStateCleanupUnit(): NodeUnit {
  return {
    name: KUBELET_STATE_CLEANUP_UNIT_NAME,
    enabled: true,
    contents: [
      '[Unit]',
      'Description=Delete the kubelet CPU and memory manager checkpoints after a reboot (no container runs yet)',
      'Before=kubelet.service',
      '',
      '[Service]',
      'Type=oneshot',
      `ExecStart=/bin/rm -f ${CPU_MANAGER_STATE_FILE}`,
      `ExecStart=/bin/rm -f ${MEMORY_MANAGER_STATE_FILE}`,
      '',
      '[Install]',
      'WantedBy=multi-user.target',
      '',
    ].join('\n'),
  };
}
