import { Construct } from 'constructs';
import { IKubeVirtFeatureConsumer, KubeVirtFeatureUse, markKubeVirtFeatureConsumer } from '../../src/cluster/feature-use';

/** Test-only stand-in for a VM or node pool: declares fixed feature uses. */
export class FakeConsumer extends Construct implements IKubeVirtFeatureConsumer {
  constructor(scope: Construct, id: string, private readonly uses: KubeVirtFeatureUse[]) {
    super(scope, id);
    markKubeVirtFeatureConsumer(this);
  }

  public kubevirtFeatureUses(): KubeVirtFeatureUse[] {
    return this.uses;
  }
}

/** Has the method but was never marked: must be ignored. */
export class UnmarkedConsumer extends Construct {
  public kubevirtFeatureUses(): KubeVirtFeatureUse[] {
    return [KubeVirtFeatureUse.SIDECAR];
  }
}
