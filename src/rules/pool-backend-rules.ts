import { kubeadmPlanFindings } from './kubeadm-rules';
import { kubeletDropInPlanFindings } from './kubelet-drop-in-rules';
import { talosPlanFindings } from './talos-rules';
import { NodeTuningPlan } from '../model/pool/node-tuning-plan';
import { TalosVersion } from '../values/cluster/talos-version';
import { error, Finding } from '../values/finding';
import { isOpenShiftBackend, PoolBackend } from '../values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../values/pool/pool-props';

// Which pool props a backend reads, and the checks of the node plan for the backends that write node configuration
// themselves. A prop the chosen backend does not read is an error: it would be dropped without a trace.
// Codes in codes-pool.ts (POOL_PROP_NOT_FOR_BACKEND) and codes-node-backends.ts.

/** The props only some backends read, with the backends that do and what to use instead elsewhere. */
const BACKEND_PROPS: Array<{ prop: keyof RealtimeNodePoolProps; readBy: (b: PoolBackend) => boolean; readers: string; instead: string }> = [
  {
    prop: 'maxUnavailable',
    readBy: isOpenShiftBackend,
    readers: 'the MachineConfigPool of the OpenShift backends',
    instead: 'set the rollout on the MachineDeployment (Cluster API) or in your own node tooling',
  },
  {
    prop: 'paused',
    readBy: isOpenShiftBackend,
    readers: 'the MachineConfigPool of the OpenShift backends',
    instead: 'pause the MachineDeployment (Cluster API) or your own node tooling',
  },
  {
    prop: 'nodeTaints',
    readBy: (b) => !isOpenShiftBackend(b),
    readers: 'the Talos, Cluster API and kubelet drop-in backends',
    instead: 'taint OpenShift nodes through their MachineSet (spec.template.spec.taints)',
  },
  {
    prop: 'talosVersion',
    readBy: (b) => b === PoolBackend.TALOS,
    readers: 'the Talos backend',
    instead: 'remove it, or set backend: PoolBackend.TALOS',
  },
  {
    prop: 'talosInstallerImage',
    readBy: (b) => b === PoolBackend.TALOS,
    readers: 'the Talos backend',
    instead: 'remove it, or set backend: PoolBackend.TALOS',
  },
  {
    prop: 'kubeletDropInDirectory',
    readBy: (b) => b === PoolBackend.KUBELET_DROP_IN,
    readers: 'the kubelet drop-in backend',
    instead: 'remove it, or set backend: PoolBackend.KUBELET_DROP_IN',
  },
];

/** POOL_PROP_NOT_FOR_BACKEND: a backend-specific prop set on a pool whose backend never reads it. */
export function backendPropFindings(props: RealtimeNodePoolProps, backend: PoolBackend): Finding[] {
  return BACKEND_PROPS
    .filter(({ prop, readBy }) => isSet(props[prop]) && !readBy(backend))
    .map(({ prop, readers, instead }) => error('POOL_PROP_NOT_FOR_BACKEND', prop, props[prop],
      `unset with backend ${backend}: only ${readers} read it, so it would be dropped`, instead));
}

/** An empty taint list says nothing, so it is not "set". */
function isSet(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/**
 * KUBELET_DROP_IN_DIRECTORY_INVALID: the drop-in directory must be an absolute path of plain segments; it names where
 * the file goes on the node and under the output directory, so `..`, `.`, empty segments and odd characters are refused.
 */
export function dropInDirectoryFindings(directory: string | undefined): Finding[] {
  if (directory === undefined) return [];
  const segments = directory.replace(/\/+$/, '').split('/').slice(1);
  const plain = directory.startsWith('/') && directory.length <= 1024 && segments.length > 0
    && segments.every((s) => /^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*$/.test(s) && s !== '..');
  if (plain) return [];
  return [error('KUBELET_DROP_IN_DIRECTORY_INVALID', 'kubeletDropInDirectory', directory,
    'an absolute directory of plain segments (letters, digits, ".", "_", "-", "@", "+"; no "..", no empty segment), '
    + 'at most 1024 characters', 'give the kubelet\'s --config-dir, e.g. /etc/kubernetes/kubelet.conf.d '
    + '(k3s: /var/lib/rancher/k3s/agent/etc/kubelet.conf.d)')];
}

/** The checks of a pool's node plan for its backend (none for the OpenShift backends, which have their own). */
export function nodePlanFindings(plan: NodeTuningPlan, props: RealtimeNodePoolProps, backend: PoolBackend): Finding[] {
  switch (backend) {
    case PoolBackend.TALOS:
      return talosPlanFindings(plan, props.talosVersion ?? TalosVersion.V1_13, props.talosInstallerImage);
    case PoolBackend.CLUSTER_API_KUBEADM:
      return kubeadmPlanFindings(plan);
    case PoolBackend.KUBELET_DROP_IN:
      return [...dropInDirectoryFindings(props.kubeletDropInDirectory), ...kubeletDropInPlanFindings(plan)];
    default:
      return [];
  }
}
