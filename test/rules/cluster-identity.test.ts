import { clusterIdentityFindings } from '../../src/rules/cluster-identity';
import { formatFinding } from '../../src/values/finding';

const lines = (input: Parameters<typeof clusterIdentityFindings>[0]) => clusterIdentityFindings(input).map(formatFinding);

describe('clusterIdentityFindings (issue 13: "Bad Name", "" and "NS!" were written as they were)', () => {
  test('accepts the defaults and valid names', () => {
    expect(lines({ onHco: false })).toEqual([]);
    expect(lines({ name: 'kubevirt', namespace: 'kubevirt', onHco: false })).toEqual([]);
    expect(lines({ name: 'kubevirt.cluster-1', namespace: 'openshift-cnv', onHco: false })).toEqual([]);
    expect(lines({ name: 'kubevirt-hyperconverged', namespace: 'openshift-cnv', onHco: true })).toEqual([]);
  });

  test.each(['Bad Name', '', '-kubevirt', 'kubevirt.', 'k'.repeat(254), 'KubeVirt'])('refuses the KubeVirt CR name %j', (name) => {
    const found = clusterIdentityFindings({ name, onHco: false });
    expect(found.map((f) => f.code)).toEqual(['CLUSTER_NAME_INVALID']);
    expect(found[0].field).toBe('name');
    expect(found[0].expected).toContain('a DNS-1123 subdomain');
  });

  test.each(['NS!', '', 'kube.virt', 'n'.repeat(64), 'Kubevirt'])('refuses the namespace %j, on KubeVirt and on HCO', (namespace) => {
    expect(lines({ namespace, onHco: false })).toEqual([`[CLUSTER_NAMESPACE_INVALID] namespace: got ${JSON.stringify(namespace)}, expected a DNS-1123 `
      + 'label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit; fix: leave namespace '
      + 'unset ("kubevirt"), or give the namespace the operator runs in']);
    expect(clusterIdentityFindings({ namespace, onHco: true })[0].fix).toContain('"openshift-cnv"');
  });

  test('leaves the HyperConverged CR name to HCO_NAME_FIXED (one finding per problem)', () => {
    expect(lines({ name: 'Bad Name', onHco: true })).toEqual([]);
  });
});
