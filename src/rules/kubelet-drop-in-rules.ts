import { sharedNodePlanFindings } from './node-backend-rules';
import { NodeTuningPlan } from '../model/pool/node-tuning-plan';
import { Finding, warning } from '../values/finding';

// What the kubelet drop-in backend leaves to the user. Codes in codes-node-backends.ts.

/** Only the kubelet file applies itself; the host settings need the user's OS tooling. */
export function dropInHostSettingsFindings(plan: NodeTuningPlan): Finding[] {
  return [warning('KUBELET_DROP_IN_HOST_SETTINGS_MANUAL', 'backend', 'kubelet drop-in',
    `kernel arguments (${plan.kernelArguments.length}), sysctls, huge pages and CPU offlining applied on every node by your OS tooling`,
    'install the emitted kernel-argument line, sysctl file and systemd units with your OS tooling and reboot the nodes')];
}

/** Every check of a plan rendered as a kubelet drop-in. */
export function kubeletDropInPlanFindings(plan: NodeTuningPlan): Finding[] {
  return [...sharedNodePlanFindings(plan), ...dropInHostSettingsFindings(plan)];
}
