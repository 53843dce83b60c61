import { Prop } from '../prop-check';

// The runtime types of the cluster value types, for the typed boundaries that take them (the configuration's props,
// version comparisons, gate lookups). Versions and gates are recognised by their fields and methods rather than
// `instanceof`, so values made by another copy of this library (two packages that both depend on it) are accepted.

function isVersion(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const x = v as { major?: unknown; minor?: unknown; patch?: unknown; compareTo?: unknown };
  return [x.major, x.minor, x.patch].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
    && typeof x.compareTo === 'function';
}

/** A KubeVirtVersion (not an HcoVersion: that one has a `kubevirtVersion`). */
export const KUBEVIRT_VERSION = Prop.satisfies('a KubeVirtVersion', (v) => isVersion(v) && !('kubevirtVersion' in (v as object)),
  'use KubeVirtVersion.V1_x or KubeVirtVersion.of("1.5.2"); for OpenShift Virtualization set hcoVersion instead');

/** An HcoVersion. */
export const HCO_VERSION = Prop.satisfies('an HcoVersion', (v) => isVersion(v) && 'kubevirtVersion' in (v as object),
  'use HcoVersion.V1_x or HcoVersion.of("1.13.1"); for vanilla KubeVirt set version instead');

/** Any release version with major, minor and patch (what a comparison reads). */
export const VERSION = Prop.satisfies('a version of the same kind', isVersion, 'compare with a version made by the same class, e.g. KubeVirtVersion.V1_5');

/** A FeatureGate. */
export const FEATURE_GATE = Prop.satisfies('a FeatureGate',
  (v) => v !== null && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
    && typeof (v as { stateIn?: unknown }).stateIn === 'function',
  'use FeatureGate.CPU_MANAGER ... or FeatureGate.custom("GateName")');
