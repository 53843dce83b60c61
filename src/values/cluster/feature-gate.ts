import { FeatureGateState } from './feature-gate-state';
import { firstVersionWithGate, gateStateIn, isGateOnByDefault, isTabledGate } from './gate-table';
import { KubeVirtVersion } from './kubevirt-version';
import { error } from '../finding';
import { KUBEVIRT_VERSION } from './cluster-prop-rules';
import { checkValue, Prop } from '../prop-check';
import { ValidationError } from '../validation-error';

/** KubeVirt gate names are CamelCase identifiers (`CPUManager`, `VMLiveUpdateFeatures`). */
const GATE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A KubeVirt feature gate, as listed in `spec.configuration.developerConfiguration.featureGates`.
 *
 * The well-known gates carry their lifecycle per release (see `stateIn`); `custom()` passes any other gate through.
 */
export class FeatureGate {
  /** `CPUManager`: virt-handler labels static-CPU-manager nodes, so VMs with dedicated CPUs can schedule. */
  public static readonly CPU_MANAGER = new FeatureGate('CPUManager');
  /** `NUMA`: allows `cpu.numa.guestMappingPassthrough` (GA from v1.4.0). */
  public static readonly NUMA = new FeatureGate('NUMA');
  /** `AlignCPUs`: completes emulator-thread CPUs to an even count (with the parity annotation), from v1.2.0. */
  public static readonly ALIGN_CPUS = new FeatureGate('AlignCPUs');
  /** `Sidecar`: hook sidecars (`hooks.kubevirt.io/hookSidecars`). */
  public static readonly SIDECAR = new FeatureGate('Sidecar');
  /** `HostDevices`: `devices.hostDevices` / `gpus` passthrough through `permittedHostDevices`. */
  public static readonly HOST_DEVICES = new FeatureGate('HostDevices');
  /** `VMLiveUpdateFeatures`: CPU and memory hotplug (`maxSockets`, `maxGuest`); GA from v1.5.0. */
  public static readonly VM_LIVE_UPDATE_FEATURES = new FeatureGate('VMLiveUpdateFeatures');
  /** `VideoConfig`: `devices.video` (v1.6.0 Alpha, v1.7.0 Beta, v1.9.0 GA). */
  public static readonly VIDEO_CONFIG = new FeatureGate('VideoConfig');
  /** `ReservedOverheadMemlock`: `memory.reservedOverhead` memlock accounting (from v1.8.0). */
  public static readonly RESERVED_OVERHEAD_MEMLOCK = new FeatureGate('ReservedOverheadMemlock');
  /** `PCINUMAAwareTopology`: NUMA-aware PCIe topology for passthrough devices (from v1.8.0). */
  public static readonly PCI_NUMA_AWARE_TOPOLOGY = new FeatureGate('PCINUMAAwareTopology');
  /** `VSOCK`: `autoattachVSOCK`. */
  public static readonly VSOCK = new FeatureGate('VSOCK');
  /** `ExperimentalIgnitionSupport`: the VMI annotation `kubevirt.io/ignitiondata` (Ignition for CoreOS guests). */
  public static readonly IGNITION = new FeatureGate('ExperimentalIgnitionSupport');
  /** `CommonInstancetypesDeploymentGate`: virt-operator deploys the common instance types (GA from v1.4.0). */
  public static readonly COMMON_INSTANCETYPES_DEPLOYMENT = new FeatureGate('CommonInstancetypesDeploymentGate');

  /**
   * Any gate by its KubeVirt name. A well-known name returns the well-known gate (with its lifecycle data); any
   * other name is passed through unchecked, as state `UNKNOWN`.
   *
   * @param name the gate exactly as KubeVirt spells it, e.g. `DownwardMetrics`
   * @throws ValidationError FEATURE_GATE_NAME_SYNTAX when the name is not a CamelCase identifier
   */
  public static custom(name: string): FeatureGate {
    checkValue(name, Prop.string(true), 'FeatureGate.custom(name)');
    if (!GATE_NAME_PATTERN.test(name)) {
      throw new ValidationError([error('FEATURE_GATE_NAME_SYNTAX', 'featureGate', name,
        'a KubeVirt gate name: letters and digits starting with a letter, e.g. "DownwardMetrics"',
        'spell the gate exactly as KubeVirt does (case matters)')]);
    }
    return FeatureGate.wellKnown().find((g) => g.name === name) ?? new FeatureGate(name);
  }

  /** Every gate this library has lifecycle data for. */
  public static wellKnown(): FeatureGate[] {
    return [
      FeatureGate.CPU_MANAGER, FeatureGate.NUMA, FeatureGate.ALIGN_CPUS, FeatureGate.SIDECAR, FeatureGate.HOST_DEVICES,
      FeatureGate.VM_LIVE_UPDATE_FEATURES, FeatureGate.VIDEO_CONFIG, FeatureGate.RESERVED_OVERHEAD_MEMLOCK,
      FeatureGate.PCI_NUMA_AWARE_TOPOLOGY, FeatureGate.VSOCK, FeatureGate.IGNITION, FeatureGate.COMMON_INSTANCETYPES_DEPLOYMENT,
    ];
  }

  private constructor(
    /** The name KubeVirt lists, e.g. `CPUManager`. */
    public readonly name: string,
  ) {}

  /** Whether this library has lifecycle data for the gate (false for custom gates). */
  public get isWellKnown(): boolean {
    return isTabledGate(this.name);
  }

  /** The first release that knows the gate, or undefined for a custom gate. */
  public get introducedIn(): KubeVirtVersion | undefined {
    return firstVersionWithGate(this.name);
  }

  /** The lifecycle state of the gate in a release (`UNKNOWN` for custom gates). */
  public stateIn(version: KubeVirtVersion): FeatureGateState {
    checkValue(version, KUBEVIRT_VERSION, 'FeatureGate.stateIn(version)');
    return gateStateIn(this.name, version);
  }

  /** Whether the gate is on in that release without being listed (GA; Beta from v1.9.0). */
  public isOnByDefaultIn(version: KubeVirtVersion): boolean {
    return isGateOnByDefault(this.stateIn(version), version);
  }

  /** The gate name. */
  public toString(): string {
    return this.name;
  }
}
