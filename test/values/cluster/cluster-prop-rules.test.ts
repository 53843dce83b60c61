import { FEATURE_GATE, HCO_VERSION, KUBEVIRT_VERSION, VERSION } from '../../../src/values/cluster/cluster-prop-rules';
import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { HcoVersion } from '../../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { TalosVersion } from '../../../src/values/cluster/talos-version';
import { Finding } from '../../../src/values/finding';
import { PropRule } from '../../../src/values/prop-check';

const accepts = (rule: PropRule, value: unknown) => {
  const out: Finding[] = [];
  rule.check(value, 'x', out);
  return out.length === 0;
};

describe('the runtime types of the cluster values', () => {
  test('a KubeVirtVersion is not an HcoVersion, and the other way round; copies of another library copy count', () => {
    expect(accepts(KUBEVIRT_VERSION, KubeVirtVersion.V1_9)).toBe(true);
    expect(accepts(KUBEVIRT_VERSION, HcoVersion.V1_13)).toBe(false);
    expect(accepts(HCO_VERSION, HcoVersion.V1_13)).toBe(true);
    expect(accepts(HCO_VERSION, KubeVirtVersion.V1_9)).toBe(false);
    expect(accepts(KUBEVIRT_VERSION, { major: 1, minor: 2, patch: 0, compareTo: () => 0 })).toBe(true);
    for (const bad of ['1.5', 1.5, {}, { major: 1, minor: NaN, patch: 0, compareTo: () => 0 }]) expect(accepts(KUBEVIRT_VERSION, bad)).toBe(false);
    expect(accepts(VERSION, TalosVersion.V1_13)).toBe(true);
  });

  test('a FeatureGate has a name and a state lookup', () => {
    expect(accepts(FEATURE_GATE, FeatureGate.NUMA)).toBe(true);
    expect(accepts(FEATURE_GATE, 'NUMA')).toBe(false);
    expect(accepts(FEATURE_GATE, { name: 'NUMA' })).toBe(false);
  });

  test('comparisons and lookups refuse what is not a version (issue 13: TypeErrors)', () => {
    expect(() => KubeVirtVersion.V1_9.compareTo(undefined as unknown as KubeVirtVersion)).toThrow('[PROP_REQUIRED] KubeVirtVersion.compareTo(other)');
    expect(() => KubeVirtVersion.V1_9.atLeast('1.5' as unknown as KubeVirtVersion)).toThrow('[PROP_TYPE_INVALID] KubeVirtVersion.compareTo(other): got "1.5"');
    expect(() => HcoVersion.V1_13.isOlderThan(KubeVirtVersion.V1_3 as unknown as HcoVersion)).toThrow('[PROP_TYPE_INVALID] HcoVersion.compareTo(other)');
    expect(() => TalosVersion.V1_13.atLeast(null as unknown as TalosVersion)).toThrow('[PROP_TYPE_INVALID] TalosVersion.compareTo(other): got null');
    expect(() => FeatureGate.NUMA.stateIn({} as KubeVirtVersion)).toThrow('[PROP_TYPE_INVALID] FeatureGate.stateIn(version): got an object');
    expect(() => FeatureGate.NUMA.isOnByDefaultIn(undefined as unknown as KubeVirtVersion)).toThrow('[PROP_REQUIRED] FeatureGate.stateIn(version)');
    expect(KubeVirtVersion.V1_9.atLeast(KubeVirtVersion.V1_8)).toBe(true);
  });
});
