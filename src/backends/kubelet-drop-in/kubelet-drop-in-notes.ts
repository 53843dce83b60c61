import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { KUBELET_STATE_CLEANUP_UNIT_NAME } from '../node-files/kubelet-state-cleanup-unit';
import { nodeStateOf } from '../node-files/node-state';
import { kubeletStateResetNote, NO_TUNED_LIMITATION } from '../node-notes/kubelet-state-reset';
import { kubeletSettingsSummary } from '../node-notes/kubelet-summary';

/** What restarts or reboots a node of the pool, one line each. */
export function kubeletDropInRebootNotes(plan: NodeTuningPlan, dropInPath: string): string[] {
  const state = nodeStateOf(plan);
  const args = plan.kernelArguments;
  return [
    `kubelet drop-in ${dropInPath}: restart the kubelet (no reboot): ${kubeletSettingsSummary(plan.kubelet)}`,
    ...(plan.realtimeKernel ? ['real-time kernel: install it and boot it (reboot)'] : []),
    ...args.map((arg, i) => `kernel argument ${i + 1} of ${args.length}: ${arg} (value and position; boot loader, reboot)`),
    ...state.files.map((f) => `file ${f.path}`),
    ...state.units.map((u) => `systemd unit ${u.name}: runs before the kubelet at boot (reboot to apply on unfragmented memory)`),
    ...(Object.keys(plan.nodeLabels).length > 0 || plan.nodeTaints.length > 0
      ? ['node labels (--node-labels) and taints (registerWithTaints): applied when the node registers; change existing nodes with kubectl']
      : []),
    kubeletStateResetNote(`${KUBELET_STATE_CLEANUP_UNIT_NAME} deletes the checkpoints at every boot, so a reboot is enough; after `
      + 'a kubelet restart without a reboot: systemctl stop kubelet (k3s/RKE2: the k3s or rke2-agent service), rm -f the files, start it again'),
  ];
}

/** What the kubelet drop-in backend cannot do, for the review page. */
export function kubeletDropInLimitations(dropInDirectory: string): string[] {
  return [
    'Only the kubelet file configures itself: kernel arguments, the sysctl file and the huge page / CPU offline units must be '
      + 'installed with your OS tooling, and the real-time kernel too when the pool asks for one',
    `The kubelet must run with --config-dir=${dropInDirectory} (kubeadm nodes: KUBELET_EXTRA_ARGS; k3s and RKE2 already read `
      + 'their own agent/etc/kubelet.conf.d)',
    'Command-line flags override drop-ins: a distribution that passes --eviction-hard, --kube-reserved or --system-reserved as '
      + 'flags (older k3s releases pass --eviction-hard) silently replaces the pool\'s values; check the kubelet\'s command line',
    'Node labels have no KubeletConfiguration field: pass the emitted --node-labels flag (k3s/RKE2: node-label in config.yaml)',
    NO_TUNED_LIMITATION,
  ];
}
