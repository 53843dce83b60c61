import { evenParityCompletionOf, NO_CLUSTER_FACTS, sameClusterFacts } from '../../../src/model/cluster/cluster-facts';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';

const annotated = (gates: string[]) => ({
  metadata: { annotations: { 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' } },
  spec: { configuration: { developerConfiguration: { featureGates: gates } } },
});

describe('evenParityCompletionOf', () => {
  test('the annotation plus AlignCPUs on a KubeVirt CR; alignCPUs on a HyperConverged CR', () => {
    expect(evenParityCompletionOf(annotated(['AlignCPUs']), false, KubeVirtVersion.V1_5)).toBe(true);
    expect(evenParityCompletionOf(annotated([]), false, KubeVirtVersion.V1_5)).toBe(false);
    expect(evenParityCompletionOf({ spec: { featureGates: { alignCPUs: true } } }, true, KubeVirtVersion.V1_5)).toBe(true);
    expect(evenParityCompletionOf(undefined, false, KubeVirtVersion.V1_5)).toBe(false);
  });

  test('refuses a version or flag of the wrong type (issue 13)', () => {
    expect(() => evenParityCompletionOf({}, false, undefined as unknown as KubeVirtVersion)).toThrow('[PROP_REQUIRED] evenParityCompletionOf(version)');
    expect(() => evenParityCompletionOf({}, 'no' as unknown as boolean, KubeVirtVersion.V1_5)).toThrow('[PROP_TYPE_INVALID] evenParityCompletionOf(hcoManaged)');
  });

  test('sameClusterFacts compares what results depend on', () => {
    expect(sameClusterFacts(NO_CLUSTER_FACTS, { hasConfiguration: false, evenParityCompletion: false })).toBe(true);
  });
});
