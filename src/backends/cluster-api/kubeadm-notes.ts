import { KUBEADM_PATCHES_DIR, KUBELET_PATCH_FILE } from './kubelet-patch-file';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { KUBELET_STATE_CLEANUP_UNIT_NAME } from '../node-files/kubelet-state-cleanup-unit';
import { nodeStateOf } from '../node-files/node-state';
import { kubeletStateResetNote, NO_TUNED_LIMITATION } from '../node-notes/kubelet-state-reset';
import { kubeletSettingsSummary } from '../node-notes/kubelet-summary';

/** What replaces or reboots the pool's Machines, one line each. */
export function kubeadmRebootNotes(plan: NodeTuningPlan, templateName: string, varsFileName: string): string[] {
  const state = nodeStateOf(plan);
  const args = plan.kernelArguments;
  return [
    `KubeadmConfigTemplate ${templateName}: read only when a Machine is created; roll any change out under a new template name `
      + 'referenced by the MachineDeployment (spec.template.spec.bootstrap.configRef): Cluster API replaces every Machine '
      + '(maxSurge/maxUnavailable of the MachineDeployment)',
    ...(plan.realtimeKernel ? ['node image: the real-time kernel (a new image replaces every Machine)'] : []),
    ...args.map((arg, i) => `node image (${varsFileName}): kernel argument ${i + 1} of ${args.length}: ${arg} (value and position; `
      + 'a new image referenced by the infrastructure machine template replaces every Machine)'),
    ...state.files.map((f) => `KubeadmConfigTemplate ${templateName}: file ${f.path}`),
    ...state.units.map((u) => `KubeadmConfigTemplate ${templateName}: systemd unit ${u.name}`),
    `KubeadmConfigTemplate ${templateName}: kubelet patch ${KUBEADM_PATCHES_DIR}/${KUBELET_PATCH_FILE}: ${kubeletSettingsSummary(plan.kubelet)}`,
    kubeletStateResetNote(`Machines created from a new template start clean and ${KUBELET_STATE_CLEANUP_UNIT_NAME} deletes the `
      + 'checkpoints at every boot; only a kubelet restarted in place without a reboot (outside Cluster API) needs the manual step'),
  ];
}

/** What the Cluster API kubeadm backend cannot do, for the review page. */
export function kubeadmLimitations(varsFileName: string): string[] {
  return [
    `kubeadm cannot set kernel arguments or install a kernel: build the node image with ${varsFileName} (image-builder `
      + 'extra_kernel_boot_params) and the real-time kernel when the pool asks for one',
    'The kubelet patch is applied at kubeadm join only: existing nodes keep their kubelet configuration until they are replaced',
    'Huge pages and CPU offlining run as systemd units: at first boot from preKubeadmCommands (late in boot, when memory may be '
      + 'fragmented: a unit that gets fewer pages fails visibly), then before the kubelet at every boot',
    'Node labels go through kubelet --node-labels: labels under kubernetes.io/k8s.io other than node.kubernetes.io and '
      + 'kubelet.kubernetes.io make the kubelet refuse to start',
    NO_TUNED_LIMITATION,
  ];
}
