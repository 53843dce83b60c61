import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { MODE_READABLE, NodeFile } from '../node-files/node-file';
import { taintObjects } from '../node-files/node-registration';

// The kubelet reads every `*.conf` file of its `--config-dir` in name order after its main config and merges them
// field by field, lists replaced whole (kubelet drop-in directory, beta and on by default since Kubernetes 1.30, GA in
// 1.35). k3s and RKE2 run the kubelet with their own drop-in directory. Every drop-in must carry apiVersion and kind.

/** The usual drop-in directory of a kubeadm-style node (the kubelet must be started with --config-dir=<it>). */
export const KUBELET_DROP_IN_DIR = '/etc/kubernetes/kubelet.conf.d';
/** The drop-in directory k3s passes to its kubelet. */
export const K3S_KUBELET_DROP_IN_DIR = '/var/lib/rancher/k3s/agent/etc/kubelet.conf.d';
/** The file name: late in name order so the pool's fields win over distribution defaults, one fixed name per node. */
export const KUBELET_DROP_IN_FILE = '90-kubevirt-realtime.conf';

/** The KubeletConfiguration of the drop-in: apiVersion, kind, the plan's fields, then registerWithTaints when the pool has taints. */
export function kubeletDropInConfiguration(plan: NodeTuningPlan): { [key: string]: unknown } {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    ...plan.kubelet,
    ...(plan.nodeTaints.length > 0
      ? { registerWithTaints: taintObjects(plan.nodeTaints) }
      : {}),
  };
}

/** The drop-in file (JSON, which the kubelet reads as YAML). */
export function kubeletDropInFile(plan: NodeTuningPlan, directory: string = KUBELET_DROP_IN_DIR): NodeFile {
  return {
    path: `${directory.replace(/\/+$/, '')}/${KUBELET_DROP_IN_FILE}`,
    contents: `${JSON.stringify(kubeletDropInConfiguration(plan), null, 2)}\n`,
    mode: MODE_READABLE,
  };
}
