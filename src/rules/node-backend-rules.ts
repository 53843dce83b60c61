import { NodeTuningPlan } from '../model/pool/node-tuning-plan';
import { CpuSet } from '../values/cpu-set';
import { error, Finding } from '../values/finding';
import { TaintEffect } from '../values/vm/taint-effect';

// Rules every node backend beyond OpenShift shares (Talos, Cluster API kubeadm, kubelet drop-in): there the node
// labels and taints itself through its kubelet, and the OS applies CPU offlining and sysctls. Pure functions over a
// NodeTuningPlan; codes in codes-node-backends.ts.

/** Label namespaces a kubelet may set on its own Node (k8s.io/kubelet/apis IsKubeletLabel). */
const KUBELET_LABEL_NAMESPACES = ['kubelet.kubernetes.io', 'node.kubernetes.io'];
/** Single labels a kubelet may set on its own Node. */
const KUBELET_LABELS = [
  'kubernetes.io/hostname', 'kubernetes.io/os', 'kubernetes.io/arch', 'beta.kubernetes.io/os', 'beta.kubernetes.io/arch',
  'node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type', 'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/region',
  'node.kubernetes.io/windows-build',
];
/** The namespace NodeRestriction keeps for administrators only. */
const NODE_RESTRICTION_NAMESPACE = 'node-restriction.kubernetes.io';

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(|[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const SYSCTL_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
/** Bounds the work per key: no real sysctl, label or taint key is this long. */
const MAX_KEY_LENGTH = 253 + 1 + 63;

function namespaceOf(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

function inNamespace(namespace: string, domain: string): boolean {
  return namespace === domain || namespace.endsWith(`.${domain}`);
}

/** Whether a kubelet may set the label on its own Node (kubelet --node-labels and the NodeRestriction admission plugin). */
export function isSelfAssignableLabel(key: string): boolean {
  const namespace = namespaceOf(key);
  if (inNamespace(namespace, NODE_RESTRICTION_NAMESPACE)) return false;
  if (!inNamespace(namespace, 'kubernetes.io') && !inNamespace(namespace, 'k8s.io')) return true;
  return KUBELET_LABELS.includes(key) || KUBELET_LABEL_NAMESPACES.some((allowed) => inNamespace(namespace, allowed));
}

/** Whether a text is a qualified label key (`[prefix/]name`). */
export function isLabelKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  const prefix = parts.length === 2 ? parts[0] : undefined;
  return LABEL_NAME.test(name) && (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
}

/** The node labels: each one a kubelet may set on its own Node (the node labels itself on these backends). */
export function selfAssignableLabelsFindings(plan: NodeTuningPlan): Finding[] {
  return Object.keys(plan.nodeLabels).sort().filter((key) => !isSelfAssignableLabel(key)).map((key) =>
    error('NODE_LABEL_NOT_SELF_ASSIGNABLE', `nodeLabels.${key}`, key,
      'a label the kubelet may set on its own Node: outside kubernetes.io/k8s.io, or under node.kubernetes.io/ or kubelet.kubernetes.io/',
      `use e.g. "node.kubernetes.io/${key.slice(key.indexOf('/') + 1)}" (or a domain of your own) and select the pool by it; `
        + 'or label the nodes as cluster admin and leave the label out of the pool'));
}

/** The taints: a label-style key, a label-style value, a known effect. */
export function taintsFindings(plan: NodeTuningPlan): Finding[] {
  const effects = Object.values(TaintEffect) as string[];
  const findings: Finding[] = [];
  plan.nodeTaints.forEach((taint, i) => {
    const field = `nodeTaints[${i}]`;
    if (!isLabelKey(taint?.key)) {
      findings.push(error('NODE_TAINT_INVALID', `${field}.key`, taint?.key, 'a label-style key such as "kubevirt.io/realtime"',
        'give the taint a key of at most 63 letters, digits, "-", "_" or "." with an optional DNS prefix'));
    }
    if (taint?.value !== undefined && (typeof taint.value !== 'string' || !LABEL_VALUE.test(taint.value))) {
      findings.push(error('NODE_TAINT_INVALID', `${field}.value`, taint.value, 'at most 63 letters, digits, "-", "_" or "."',
        'shorten the value or leave it out'));
    }
    if (!effects.includes(taint?.effect as string)) {
      findings.push(error('NODE_TAINT_INVALID', `${field}.effect`, taint?.effect, effects.join(', '), 'use TaintEffect.NO_SCHEDULE'));
    }
  });
  return findings;
}

/** CPU 0 stays online: x86 kernels cannot switch the boot CPU off. */
export function bootCpuOnlineFindings(plan: NodeTuningPlan): Finding[] {
  if (!plan.offlinedCpus.has(0)) return [];
  const others = plan.offlinedCpus.difference(CpuSet.of([0]));
  return [error('NODE_BOOT_CPU_OFFLINED', 'partition.offlined', plan.offlinedCpus.toString(),
    'CPUs other than CPU 0 (the boot CPU has no sysfs online file on x86)',
    `keep CPU 0 online and reserved: offline ${others.isEmpty ? 'other CPUs' : `"${others}"`} instead`)];
}

/** Sysctl keys are /proc/sys paths and values are single lines. */
export function sysctlsFindings(plan: NodeTuningPlan): Finding[] {
  const findings: Finding[] = [];
  for (const key of Object.keys(plan.sysctls).sort()) {
    const value: unknown = plan.sysctls[key];
    if (key.length > MAX_KEY_LENGTH || !SYSCTL_KEY.test(key)) {
      findings.push(error('NODE_SYSCTL_INVALID', `sysctls.${key}`, key, 'a /proc/sys key such as kernel.sched_rt_runtime_us',
        'use letters, digits, "_", "-", "." and "/" only'));
    } else if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value)) {
      findings.push(error('NODE_SYSCTL_INVALID', `sysctls.${key}`, value, 'a non-empty value on one line', 'give the value as one line of text'));
    }
  }
  return findings;
}

/** The checks every non-OpenShift node backend runs. */
export function sharedNodePlanFindings(plan: NodeTuningPlan): Finding[] {
  return [...selfAssignableLabelsFindings(plan), ...taintsFindings(plan), ...bootCpuOnlineFindings(plan), ...sysctlsFindings(plan)];
}
