import { KubeVirtConfigurationProps } from './kubevirt-configuration-props';
import { Prop, PropSchema } from '../../values/prop-check';

// Value classes are recognised by their fields and methods rather than `instanceof`, so versions and gates made by
// another copy of this library (two packages that both depend on it) are accepted.

/** A KubeVirtVersion (not an HcoVersion: that one has a `kubevirtVersion`). */
const KUBEVIRT_VERSION = Prop.satisfies('a KubeVirtVersion', (v) => isVersion(v) && !('kubevirtVersion' in (v as object)),
  'use KubeVirtVersion.V1_x or KubeVirtVersion.of("1.5.2"); for OpenShift Virtualization set hcoVersion instead');

/** An HcoVersion. */
const HCO_VERSION = Prop.satisfies('an HcoVersion', (v) => isVersion(v) && 'kubevirtVersion' in (v as object),
  'use HcoVersion.V1_x or HcoVersion.of("1.13.1"); for vanilla KubeVirt set version instead');

/** A FeatureGate. */
const FEATURE_GATE = Prop.satisfies('a FeatureGate',
  (v) => v !== null && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
    && typeof (v as { stateIn?: unknown }).stateIn === 'function',
  'use FeatureGate.CPU_MANAGER ... or FeatureGate.custom("GateName")');

/** The runtime types of a KubeVirtConfiguration's props (see prop-check.ts); names are checked by the cluster rules. */
export const KUBEVIRT_CONFIGURATION_SCHEMA: PropSchema<KubeVirtConfigurationProps> = {
  version: KUBEVIRT_VERSION,
  hcoVersion: HCO_VERSION,
  extraFeatureGates: Prop.arrayOf(FEATURE_GATE),
  disabledFeatureGates: Prop.arrayOf(FEATURE_GATE),
  name: Prop.string(true),
  namespace: Prop.string(true),
};

function isVersion(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const x = v as { major?: unknown; minor?: unknown; patch?: unknown; compareTo?: unknown };
  return [x.major, x.minor, x.patch].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
    && typeof x.compareTo === 'function';
}
