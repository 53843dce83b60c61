/**
 * The lifecycle state of a KubeVirt feature gate in one release.
 */
export enum FeatureGateState {
  /** The release does not know the gate: listing it has no effect, the feature it guards does not exist. */
  NOT_PRESENT = 'NOT_PRESENT',
  /** Before v1.5 gates had no registered state: off unless listed in `featureGates`. */
  OPT_IN = 'OPT_IN',
  /** Alpha: off unless listed. */
  ALPHA = 'ALPHA',
  /** Beta: off unless listed up to v1.8; on unless disabled from v1.9. */
  BETA = 'BETA',
  /** Generally available: always on; listing it only produces a deprecation warning. */
  GA = 'GA',
  /** A custom gate this library has no data about; it is passed through as written. */
  UNKNOWN = 'UNKNOWN',
}
