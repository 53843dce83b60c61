import { NodeTaint } from '../../values/pool/node-taint';

// How a node that registers itself carries the pool's labels and taints: labels through the kubelet's --node-labels
// flag (KubeletConfiguration has no field for them), taints as Kubernetes Taint objects (KubeletConfiguration
// registerWithTaints, kubeadm nodeRegistration.taints). Both apply when the node registers.

/** `key=value,...` for the kubelet's --node-labels, sorted by key; empty when there is no label. */
export function nodeLabelsArg(labels: { [key: string]: string }): string {
  return Object.keys(labels).sort().map((key) => `${key}=${labels[key]}`).join(',');
}

/** The taints as Kubernetes Taint objects (`{ key, value?, effect }`), in the plan's order. */
export function taintObjects(taints: NodeTaint[]): Array<{ key: string; value?: string; effect: string }> {
  return taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect }));
}
