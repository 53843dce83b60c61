import { parseVersionNumbers } from './version-text';
import { error } from '../finding';
import { VERSION } from './cluster-prop-rules';
import { checkValue, Prop } from '../prop-check';
import { ValidationError } from '../validation-error';

/**
 * A Talos Linux release the pool's nodes run. The machine configuration moves between minor releases: up to 1.13 the
 * kubelet, sysctls, sysfs and node labels live in the v1alpha1 machine config (`machine.kubelet.extraConfig`,
 * `machine.sysctls` ...); 1.14 deprecates them in favour of separate documents (`KubeletConfig`, `SysctlConfig`,
 * `SysfsConfig`, `KubeNodeConfig`). The Talos backend renders for one version.
 *
 * Comparisons use major.minor.patch only; a pre-release suffix (`-rc.1`) is kept in `toString()` but ignored.
 */
export class TalosVersion {
  /** Talos v1.13: the newest stable line the backend is validated against (machine-config schema v1.13.9). */
  public static readonly V1_13 = new TalosVersion(1, 13, 0);
  /** Talos v1.14: kubelet, sysctls, sysfs and node labels move to separate documents (the v1alpha1 fields are deprecated). */
  public static readonly V1_14 = new TalosVersion(1, 14, 0);

  /**
   * A version from its text: `1.13.9`, `v1.13.9` or `1.13` (patch 0).
   *
   * @param version the Talos release, e.g. the tag of the installer image
   * @throws ValidationError TALOS_VERSION_SYNTAX when the text is not a version, TALOS_VERSION_UNSUPPORTED before 1.13
   * (the backend is validated against the 1.13 machine-config schema and its kubelet rules only)
   */
  public static of(version: string): TalosVersion {
    checkValue(version, Prop.string(true), 'TalosVersion.of(version)');
    const n = parseVersionNumbers(version);
    if (!n) {
      throw new ValidationError([error('TALOS_VERSION_SYNTAX', 'talosVersion', version,
        'a Talos release such as "1.13.9" or "v1.13.9"', 'write the version as MAJOR.MINOR[.PATCH], e.g. TalosVersion.of(\'1.13.9\')')]);
    }
    const parsed = new TalosVersion(n.major, n.minor, n.patch, version.trim().replace(/^v?[0-9.]+/, ''));
    if (parsed.isOlderThan(TalosVersion.V1_13)) {
      throw new ValidationError([error('TALOS_VERSION_UNSUPPORTED', 'talosVersion', version,
        'Talos v1.13.0 or later', 'upgrade the nodes to Talos 1.13 or later; older machine configs are not modelled')]);
    }
    return parsed;
  }

  private constructor(
    /** Major version (1). */
    public readonly major: number,
    /** Minor version: the number the machine-config layout depends on. */
    public readonly minor: number,
    /** Patch version. */
    public readonly patch: number,
    private readonly suffix: string = '',
  ) {}

  /** Negative when older than `other`, 0 when the same release (suffix ignored), positive when newer. */
  public compareTo(other: TalosVersion): number {
    checkValue(other, VERSION, 'TalosVersion.compareTo(other)');
    return (this.major - other.major) || (this.minor - other.minor) || (this.patch - other.patch);
  }

  /** Whether this version is `other` or newer. */
  public atLeast(other: TalosVersion): boolean {
    return this.compareTo(other) >= 0;
  }

  /** Whether this version is older than `other`. */
  public isOlderThan(other: TalosVersion): boolean {
    return this.compareTo(other) < 0;
  }

  /**
   * Whether the release deprecates `machine.kubelet`, `machine.sysctls`, `machine.sysfs` and `machine.nodeLabels` in
   * favour of separate `KubeletConfig`, `SysctlConfig`, `SysfsConfig` and `KubeNodeConfig` documents (from 1.14).
   */
  public get splitsMachineConfig(): boolean {
    return this.atLeast(TalosVersion.V1_14);
  }

  /** The release line as the Cluster API bootstrap provider's `talosVersion` takes it: `v1.13`. */
  public get contractVersion(): string {
    return `v${this.major}.${this.minor}`;
  }

  /** `v1.13.9`, with a pre-release suffix when one was given. */
  public toString(): string {
    return `v${this.major}.${this.minor}.${this.patch}${this.suffix}`;
  }
}
