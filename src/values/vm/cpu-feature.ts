/**
 * How KubeVirt treats a CPU feature (`spec.domain.cpu.features[].policy`).
 */
export enum CpuFeaturePolicy {
  /** The feature is on even if the host CPU does not support it. */
  FORCE = 'force',
  /** The guest needs the feature: KubeVirt only schedules the VM on nodes labelled as having it. */
  REQUIRE = 'require',
  /** The feature is on when the host supports it. */
  OPTIONAL = 'optional',
  /** The feature is off. */
  DISABLE = 'disable',
  /** The VM must not run on a host that has the feature. */
  FORBID = 'forbid',
}

/**
 * One CPU feature of the guest.
 */
export interface CpuFeature {
  /** The libvirt feature name, e.g. `tsc-deadline`. */
  readonly name: string;

  /**
   * The policy.
   *
   * @default CpuFeaturePolicy.REQUIRE
   */
  readonly policy?: CpuFeaturePolicy;
}
