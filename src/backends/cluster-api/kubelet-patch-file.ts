import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { MODE_READABLE, NodeFile } from '../node-files/node-file';

// kubeadm applies patches from `joinConfiguration.patches.directory` to the KubeletConfiguration it writes at join
// (target `kubeletconfiguration`, kubeadm >= 1.25; the Cluster API book's "kubelet-config" recipe). A strategic-merge
// patch holds the pool's fields only; kubeadm keeps the cluster-wide ones (authentication, cgroupDriver, clusterDNS).

/** The directory kubeadm reads patches from (`joinConfiguration.patches.directory`). */
export const KUBEADM_PATCHES_DIR = '/etc/kubernetes/patches';

/** The kubelet patch: target `kubeletconfiguration`, suffix `0`, strategic merge, JSON. */
export const KUBELET_PATCH_FILE = 'kubeletconfiguration0+strategic.json';

/** The patch file with the plan's KubeletConfiguration fields, in their order. */
export function kubeletPatchFile(plan: NodeTuningPlan): NodeFile {
  return { path: `${KUBEADM_PATCHES_DIR}/${KUBELET_PATCH_FILE}`, contents: `${JSON.stringify(plan.kubelet, null, 2)}\n`, mode: MODE_READABLE };
}
