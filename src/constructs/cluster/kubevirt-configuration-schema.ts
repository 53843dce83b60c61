import { KubeVirtConfigurationProps } from './kubevirt-configuration-props';
import { FEATURE_GATE, HCO_VERSION, KUBEVIRT_VERSION } from '../../values/cluster/cluster-prop-rules';
import { Prop, PropSchema } from '../../values/prop-check';

/** The runtime types of a KubeVirtConfiguration's props (see prop-check.ts); names are checked by the cluster rules. */
export const KUBEVIRT_CONFIGURATION_SCHEMA: PropSchema<KubeVirtConfigurationProps> = {
  version: KUBEVIRT_VERSION,
  hcoVersion: HCO_VERSION,
  extraFeatureGates: Prop.arrayOf(FEATURE_GATE),
  disabledFeatureGates: Prop.arrayOf(FEATURE_GATE),
  name: Prop.string(true),
  namespace: Prop.string(true),
};
