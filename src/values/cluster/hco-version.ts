import { KubeVirtVersion } from './kubevirt-version';
import { parseVersionNumbers } from './version-text';
import { error } from '../finding';
import { HCO_VERSION } from './cluster-prop-rules';
import { checkValue, Prop } from '../prop-check';
import { ValidationError } from '../validation-error';

/** HCO minor that ships KubeVirt v1.0; from there each HCO minor ships the next KubeVirt minor. */
const HCO_MINOR_OF_KUBEVIRT_1_0 = 10;

/**
 * A release of the HyperConverged Cluster Operator (HCO, shipped as OpenShift Virtualization). HCO owns the KubeVirt
 * CR and reverts direct edits, so on these clusters gates are set through the HyperConverged CR instead.
 *
 * Each HCO minor pins one KubeVirt minor (go.mod): 1.10→1.0, 1.11→1.1 … 1.18→1.8.
 */
export class HcoVersion {
  /** HCO v1.10 (KubeVirt v1.0). */
  public static readonly V1_10 = new HcoVersion(1, 10, 0);
  /** HCO v1.11 (KubeVirt v1.1): adds `spec.featureGates.alignCPUs`. */
  public static readonly V1_11 = new HcoVersion(1, 11, 0);
  /** HCO v1.12 (KubeVirt v1.2). */
  public static readonly V1_12 = new HcoVersion(1, 12, 0);
  /** HCO v1.13 (KubeVirt v1.3): last release that hard-codes the `NUMA` gate. */
  public static readonly V1_13 = new HcoVersion(1, 13, 0);
  /** HCO v1.14 (KubeVirt v1.4). */
  public static readonly V1_14 = new HcoVersion(1, 14, 0);
  /** HCO v1.15 (KubeVirt v1.5). */
  public static readonly V1_15 = new HcoVersion(1, 15, 0);
  /** HCO v1.16 (KubeVirt v1.6). */
  public static readonly V1_16 = new HcoVersion(1, 16, 0);
  /** HCO v1.17 (KubeVirt v1.7). */
  public static readonly V1_17 = new HcoVersion(1, 17, 0);
  /** HCO v1.18 (KubeVirt v1.8): also serves `hco.kubevirt.io/v1`; this library writes `v1beta1`, served by all. */
  public static readonly V1_18 = new HcoVersion(1, 18, 0);

  /**
   * A version from its text: `1.13.1`, `v1.13.1` or `1.13`.
   *
   * @param version the HCO (OpenShift Virtualization operator) release
   * @throws ValidationError HCO_VERSION_SYNTAX when the text is not a version, HCO_VERSION_UNSUPPORTED before
   * v1.10 (KubeVirt 0.x) or for a major other than 1 (KubeVirt version unknown)
   */
  public static of(version: string): HcoVersion {
    checkValue(version, Prop.string(true), 'HcoVersion.of(version)');
    const n = parseVersionNumbers(version);
    if (!n) {
      throw new ValidationError([error('HCO_VERSION_SYNTAX', 'hcoVersion', version,
        'an HCO release such as "1.13.1" or "v1.13.1"', 'write the version as MAJOR.MINOR[.PATCH], e.g. HcoVersion.of(\'1.13.1\')')]);
    }
    if (n.major !== 1 || n.minor < HCO_MINOR_OF_KUBEVIRT_1_0) {
      throw new ValidationError([error('HCO_VERSION_UNSUPPORTED', 'hcoVersion', version,
        'HCO v1.10.0 or a later 1.x release (KubeVirt v1.0 or later)',
        'upgrade HCO / OpenShift Virtualization; older releases ship KubeVirt 0.x, whose gates are not modelled')]);
    }
    return new HcoVersion(n.major, n.minor, n.patch);
  }

  /** Every HCO minor release this library maps to a KubeVirt release, oldest first. */
  public static known(): HcoVersion[] {
    return [
      HcoVersion.V1_10, HcoVersion.V1_11, HcoVersion.V1_12, HcoVersion.V1_13, HcoVersion.V1_14,
      HcoVersion.V1_15, HcoVersion.V1_16, HcoVersion.V1_17, HcoVersion.V1_18,
    ];
  }

  private constructor(
    /** Major version (1). */
    public readonly major: number,
    /** Minor version. */
    public readonly minor: number,
    /** Patch version. */
    public readonly patch: number,
  ) {}

  /**
   * The KubeVirt minor release this HCO release ships (patch 0: gate states and labels depend on the minor only).
   */
  public get kubevirtVersion(): KubeVirtVersion {
    return KubeVirtVersion.of(`1.${this.minor - HCO_MINOR_OF_KUBEVIRT_1_0}.0`);
  }

  /** Negative when older than `other`, 0 when equal, positive when newer. */
  public compareTo(other: HcoVersion): number {
    checkValue(other, HCO_VERSION, 'HcoVersion.compareTo(other)');
    return (this.major - other.major) || (this.minor - other.minor) || (this.patch - other.patch);
  }

  /** Whether this version is `other` or newer. */
  public atLeast(other: HcoVersion): boolean {
    return this.compareTo(other) >= 0;
  }

  /** Whether this version is older than `other`. */
  public isOlderThan(other: HcoVersion): boolean {
    return this.compareTo(other) < 0;
  }

  /** The release as HCO tags it, e.g. `v1.13.0`. */
  public toString(): string {
    return `v${this.major}.${this.minor}.${this.patch}`;
  }
}
