import { Testing } from 'cdk8s';
import { isKubeVirtFeatureConsumer, KubeVirtFeatureConsumer } from '../../../src/constructs/cluster/feature-consumer';
import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { allFeatureUses, gateForUse, KubeVirtFeatureUse, whyUseNeedsGate } from '../../../src/values/cluster/feature-use';
import { FakeConsumer, UnmarkedConsumer } from '../../fixtures/consumer';

describe('feature uses', () => {
  test('each use maps to its gate', () => {
    expect(gateForUse(KubeVirtFeatureUse.DEDICATED_CPUS)).toBe(FeatureGate.CPU_MANAGER);
    expect(gateForUse(KubeVirtFeatureUse.GUEST_MAPPING_PASSTHROUGH)).toBe(FeatureGate.NUMA);
    expect(gateForUse(KubeVirtFeatureUse.EMULATOR_THREAD_EVEN_PARITY)).toBe(FeatureGate.ALIGN_CPUS);
    expect(gateForUse(KubeVirtFeatureUse.SIDECAR)).toBe(FeatureGate.SIDECAR);
    expect(gateForUse(KubeVirtFeatureUse.CPU_MEMORY_HOTPLUG)).toBe(FeatureGate.VM_LIVE_UPDATE_FEATURES);
    for (const use of allFeatureUses()) {
      expect(FeatureGate.wellKnown()).toContain(gateForUse(use));
      expect(whyUseNeedsGate(use)).toContain(gateForUse(use).name);
    }
  });

  test('consumers are recognised by their mark, not by duck typing', () => {
    const chart = Testing.chart();
    const marked = new FakeConsumer(chart, 'vm', [KubeVirtFeatureUse.DEDICATED_CPUS]);
    const unmarked = new UnmarkedConsumer(chart, 'other');
    expect(isKubeVirtFeatureConsumer(marked)).toBe(true);
    expect(KubeVirtFeatureConsumer.isConsumer(marked)).toBe(true);
    expect(isKubeVirtFeatureConsumer(unmarked)).toBe(false);
    expect(isKubeVirtFeatureConsumer(undefined)).toBe(false);
    expect(isKubeVirtFeatureConsumer({ kubevirtFeatureUses: () => [] })).toBe(false);
    KubeVirtFeatureConsumer.register(unmarked as any);
    expect(isKubeVirtFeatureConsumer(unmarked)).toBe(true);
  });

  test('gateForUse and whyUseNeedsGate refuse what is not a use (issue 13: TypeErrors)', () => {
    expect(() => gateForUse('BOGUS' as KubeVirtFeatureUse)).toThrow('[PROP_TYPE_INVALID] gateForUse(use): got "BOGUS", expected a KubeVirtFeatureUse');
    expect(() => whyUseNeedsGate(undefined as unknown as KubeVirtFeatureUse)).toThrow('[PROP_REQUIRED] whyUseNeedsGate(use)');
  });
});
