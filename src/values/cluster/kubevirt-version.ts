import { parseVersionNumbers } from './version-text';
import { error } from '../finding';
import { KUBEVIRT_VERSION } from './cluster-prop-rules';
import { checkValue, Prop } from '../prop-check';
import { ValidationError } from '../validation-error';

/**
 * A KubeVirt release the cluster runs. Feature gates, their defaults and the node labels KubeVirt schedules on all
 * change between minor releases, so the configuration and the VMs are rendered for one version.
 *
 * Comparisons use major.minor.patch only; a pre-release suffix (`-rc.1`) is kept in `toString()` but ignored,
 * because the gate registry of a release branch is fixed by its first release candidate.
 */
export class KubeVirtVersion {
  /** KubeVirt v1.0 (first 1.x release; HCO v1.10). */
  public static readonly V1_0 = new KubeVirtVersion(1, 0, 0);
  /** KubeVirt v1.1 (HCO v1.11). */
  public static readonly V1_1 = new KubeVirtVersion(1, 1, 0);
  /** KubeVirt v1.2: first with the `AlignCPUs` gate and the even-parity annotation (HCO v1.12). */
  public static readonly V1_2 = new KubeVirtVersion(1, 2, 0);
  /** KubeVirt v1.3: last release where the `NUMA` gate must be listed (HCO v1.13). */
  public static readonly V1_3 = new KubeVirtVersion(1, 3, 0);
  /** KubeVirt v1.4: `NUMA` is GA (HCO v1.14). */
  public static readonly V1_4 = new KubeVirtVersion(1, 4, 0);
  /** KubeVirt v1.5: gate registry with Alpha/Beta/GA states (HCO v1.15). */
  public static readonly V1_5 = new KubeVirtVersion(1, 5, 0);
  /** KubeVirt v1.6 (HCO v1.16). */
  public static readonly V1_6 = new KubeVirtVersion(1, 6, 0);
  /** KubeVirt v1.7 (HCO v1.17). */
  public static readonly V1_7 = new KubeVirtVersion(1, 7, 0);
  /** KubeVirt v1.8: `disabledFeatureGates` and the node label `kubevirt.io/cpumanager` (HCO v1.18). */
  public static readonly V1_8 = new KubeVirtVersion(1, 8, 0);
  /** KubeVirt v1.9: Beta gates are on by default. */
  public static readonly V1_9 = new KubeVirtVersion(1, 9, 0);

  /**
   * A version from its text: `1.5.2`, `v1.5.2` or `1.5` (patch 0).
   *
   * @param version the KubeVirt release, e.g. the tag of the virt-operator image
   * @throws ValidationError KUBEVIRT_VERSION_SYNTAX when the text is not a version, KUBEVIRT_VERSION_UNSUPPORTED
   * for 0.x releases (their gates and labels differ and are not modelled)
   */
  public static of(version: string): KubeVirtVersion {
    checkValue(version, Prop.string(true), 'KubeVirtVersion.of(version)');
    const n = parseVersionNumbers(version);
    if (!n) {
      throw new ValidationError([error('KUBEVIRT_VERSION_SYNTAX', 'version', version,
        'a KubeVirt release such as "1.5.2" or "v1.5.2"', 'write the version as MAJOR.MINOR[.PATCH], e.g. KubeVirtVersion.of(\'1.5.2\')')]);
    }
    if (n.major < 1) {
      throw new ValidationError([error('KUBEVIRT_VERSION_UNSUPPORTED', 'version', version,
        'KubeVirt v1.0.0 or later', 'upgrade KubeVirt to a 1.x release; 0.x gates and node labels are not modelled')]);
    }
    const suffix = version.trim().replace(/^v?[0-9.]+/, '');
    return new KubeVirtVersion(n.major, n.minor, n.patch, suffix);
  }

  /** Every minor release the gate table of this library describes, oldest first. */
  public static known(): KubeVirtVersion[] {
    return [
      KubeVirtVersion.V1_0, KubeVirtVersion.V1_1, KubeVirtVersion.V1_2, KubeVirtVersion.V1_3, KubeVirtVersion.V1_4,
      KubeVirtVersion.V1_5, KubeVirtVersion.V1_6, KubeVirtVersion.V1_7, KubeVirtVersion.V1_8, KubeVirtVersion.V1_9,
    ];
  }

  private constructor(
    /** Major version (1). */
    public readonly major: number,
    /** Minor version: the number feature-gate states and labels depend on. */
    public readonly minor: number,
    /** Patch version. */
    public readonly patch: number,
    private readonly suffix: string = '',
  ) {}

  /**
   * Negative when this version is older than `other`, 0 when equal (ignoring a pre-release suffix), positive when
   * newer.
   */
  public compareTo(other: KubeVirtVersion): number {
    checkValue(other, KUBEVIRT_VERSION, 'KubeVirtVersion.compareTo(other)');
    return (this.major - other.major) || (this.minor - other.minor) || (this.patch - other.patch);
  }

  /** Whether this version is `other` or newer. */
  public atLeast(other: KubeVirtVersion): boolean {
    return this.compareTo(other) >= 0;
  }

  /** Whether this version is older than `other`. */
  public isOlderThan(other: KubeVirtVersion): boolean {
    return this.compareTo(other) < 0;
  }

  /** Whether both are the same release (major.minor.patch). */
  public sameAs(other: KubeVirtVersion): boolean {
    return this.compareTo(other) === 0;
  }

  /**
   * The node label virt-handler sets to `true` on nodes whose kubelet runs the static CPU manager policy (and only
   * when the `CPUManager` gate is on). Pods of VMs with dedicated CPUs get it as nodeSelector.
   *
   * `kubevirt.io/cpumanager` from v1.8.0; plain `cpumanager` before (still written, deprecated, from v1.8.0).
   */
  public get cpuManagerNodeLabel(): string {
    return this.atLeast(KubeVirtVersion.V1_8) ? 'kubevirt.io/cpumanager' : 'cpumanager';
  }

  /**
   * The node label the node-labeller sets to `true` when `kernel.sched_rt_runtime_us = -1` (real-time capable).
   * Pods of VMs with `cpu.realtime` get it as nodeSelector.
   */
  public get realtimeNodeLabel(): string {
    return 'kubevirt.io/realtime';
  }

  /** The node label virt-handler's heartbeat keeps `true` on healthy nodes; always in the pod nodeSelector. */
  public get schedulableNodeLabel(): string {
    return 'kubevirt.io/schedulable';
  }

  /** Whether the KubeVirt CR has `developerConfiguration.disabledFeatureGates` (from v1.8.0). */
  public get supportsDisabledFeatureGates(): boolean {
    return this.atLeast(KubeVirtVersion.V1_8);
  }

  /** Whether Beta gates are on unless disabled (from v1.9.0; before, only GA gates are on by default). */
  public get enablesBetaGatesByDefault(): boolean {
    return this.atLeast(KubeVirtVersion.V1_9);
  }

  /** The release as KubeVirt tags it, e.g. `v1.5.2`. */
  public toString(): string {
    return `v${this.major}.${this.minor}.${this.patch}${this.suffix}`;
  }
}
