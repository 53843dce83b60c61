import { error, Finding } from '../values/finding';
import { isDns1123Label, isDns1123Subdomain } from '../values/kubernetes-names';

/** The name and namespace a KubeVirtConfiguration writes its CR under, as given (undefined: the default). */
export interface ClusterIdentityInput {
  /** The requested CR name. */
  readonly name?: string;
  /** The requested namespace. */
  readonly namespace?: string;
  /** Whether the HyperConverged CR is written (its name has a rule of its own: HCO_NAME_FIXED). */
  readonly onHco: boolean;
}

/**
 * CLUSTER_NAME_INVALID: the KubeVirt CR name is not a DNS-1123 subdomain (the API server refuses the object).
 * CLUSTER_NAMESPACE_INVALID: the namespace is not a DNS-1123 label.
 */
export function clusterIdentityFindings(input: ClusterIdentityInput): Finding[] {
  const out: Finding[] = [];
  if (!input.onHco && input.name !== undefined && !isDns1123Subdomain(input.name)) {
    out.push(error('CLUSTER_NAME_INVALID', 'name', input.name,
      'a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
      'leave name unset (the KubeVirt CR is then "kubevirt"), or use a name like "kubevirt"'));
  }
  if (input.namespace !== undefined && !isDns1123Label(input.namespace)) {
    out.push(error('CLUSTER_NAMESPACE_INVALID', 'namespace', input.namespace,
      'a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit',
      `leave namespace unset (${input.onHco ? '"openshift-cnv"' : '"kubevirt"'}), or give the namespace the operator runs in`));
  }
  return out;
}
