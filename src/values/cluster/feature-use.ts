import { FeatureGate } from './feature-gate';
import { checkValue, Prop } from '../prop-check';

/**
 * A KubeVirt feature a construct of the app relies on. The cluster configuration turns the union of all uses into
 * the feature gates (and annotations) the targeted KubeVirt release needs.
 */
export enum KubeVirtFeatureUse {
  /** `cpu.dedicatedCpuPlacement: true` (needs `CPUManager`, which makes virt-handler label CPU-manager nodes). */
  DEDICATED_CPUS = 'DEDICATED_CPUS',
  /** `cpu.numa.guestMappingPassthrough` (needs `NUMA` before v1.4.0). */
  GUEST_MAPPING_PASSTHROUGH = 'GUEST_MAPPING_PASSTHROUGH',
  /**
   * `cpu.isolateEmulatorThread` completed to an even CPU count, so kubelets with `full-pcpus-only` admit the pod
   * (needs `AlignCPUs` plus the KubeVirt-CR annotation `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity`).
   */
  EMULATOR_THREAD_EVEN_PARITY = 'EMULATOR_THREAD_EVEN_PARITY',
  /** Hook sidecars, annotation `hooks.kubevirt.io/hookSidecars` (needs `Sidecar`). */
  SIDECAR = 'SIDECAR',
  /** `devices.hostDevices` / `devices.gpus` passthrough (needs `HostDevices`). */
  HOST_DEVICES = 'HOST_DEVICES',
  /** CPU or memory hotplug: `cpu.maxSockets`, `memory.maxGuest` (needs `VMLiveUpdateFeatures` before v1.5.0). */
  CPU_MEMORY_HOTPLUG = 'CPU_MEMORY_HOTPLUG',
  /** `devices.video` (needs `VideoConfig`, from v1.6.0). */
  VIDEO_CONFIG = 'VIDEO_CONFIG',
  /** `memory.reservedOverhead` memlock accounting (needs `ReservedOverheadMemlock`, from v1.8.0). */
  RESERVED_OVERHEAD_MEMLOCK = 'RESERVED_OVERHEAD_MEMLOCK',
  /** NUMA-aware PCIe topology for passthrough devices (needs `PCINUMAAwareTopology`, from v1.8.0). */
  PCI_NUMA_AWARE_TOPOLOGY = 'PCI_NUMA_AWARE_TOPOLOGY',
  /** `devices.autoattachVSOCK` (needs `VSOCK`). */
  VSOCK = 'VSOCK',
  /** The Ignition annotation `kubevirt.io/ignitiondata` (needs `ExperimentalIgnitionSupport`). */
  IGNITION = 'IGNITION',
  /** A common instance type or preference (needs `CommonInstancetypesDeploymentGate` from v1.1.0 to v1.3.x, GA after). */
  COMMON_INSTANCETYPES = 'COMMON_INSTANCETYPES',
}

/** The gate each use needs and why, as a sentence for messages. */
const GATE_OF_USE: Record<KubeVirtFeatureUse, { readonly gate: FeatureGate; readonly why: string }> = {
  [KubeVirtFeatureUse.DEDICATED_CPUS]: {
    gate: FeatureGate.CPU_MANAGER,
    why: 'virt-handler sets the CPU-manager node label to true only when CPUManager is on; without it dedicated-CPU pods stay Pending',
  },
  [KubeVirtFeatureUse.GUEST_MAPPING_PASSTHROUGH]: {
    gate: FeatureGate.NUMA,
    why: 'KubeVirt does not allow numa.guestMappingPassthrough unless NUMA is on',
  },
  [KubeVirtFeatureUse.EMULATOR_THREAD_EVEN_PARITY]: {
    gate: FeatureGate.ALIGN_CPUS,
    why: 'the VMI mutator copies the even-parity annotation only when AlignCPUs is on; without it a full-pcpus-only kubelet rejects the pod (SMT Alignment Error)',
  },
  [KubeVirtFeatureUse.SIDECAR]: {
    gate: FeatureGate.SIDECAR,
    why: 'KubeVirt does not allow hook sidecars unless Sidecar is on',
  },
  [KubeVirtFeatureUse.HOST_DEVICES]: {
    gate: FeatureGate.HOST_DEVICES,
    why: 'KubeVirt does not allow hostDevices/gpus unless HostDevices is on',
  },
  [KubeVirtFeatureUse.CPU_MEMORY_HOTPLUG]: {
    gate: FeatureGate.VM_LIVE_UPDATE_FEATURES,
    why: 'maxSockets/maxGuest hotplug needs VMLiveUpdateFeatures',
  },
  [KubeVirtFeatureUse.VIDEO_CONFIG]: {
    gate: FeatureGate.VIDEO_CONFIG,
    why: 'KubeVirt does not allow devices.video unless VideoConfig is on',
  },
  [KubeVirtFeatureUse.RESERVED_OVERHEAD_MEMLOCK]: {
    gate: FeatureGate.RESERVED_OVERHEAD_MEMLOCK,
    why: 'memory.reservedOverhead memlock accounting needs ReservedOverheadMemlock',
  },
  [KubeVirtFeatureUse.PCI_NUMA_AWARE_TOPOLOGY]: {
    gate: FeatureGate.PCI_NUMA_AWARE_TOPOLOGY,
    why: 'NUMA-aware PCIe placement of passthrough devices needs PCINUMAAwareTopology',
  },
  [KubeVirtFeatureUse.VSOCK]: {
    gate: FeatureGate.VSOCK,
    why: 'KubeVirt does not allow autoattachVSOCK unless VSOCK is on',
  },
  [KubeVirtFeatureUse.IGNITION]: {
    gate: FeatureGate.IGNITION,
    why: 'KubeVirt refuses a VMI with the kubevirt.io/ignitiondata annotation unless ExperimentalIgnitionSupport is on ("ExperimentalIgnitionSupport feature gate is not enabled in kubevirt-config")',
  },
  [KubeVirtFeatureUse.COMMON_INSTANCETYPES]: {
    gate: FeatureGate.COMMON_INSTANCETYPES_DEPLOYMENT,
    why: 'virt-operator deploys the common instance types and preferences only with CommonInstancetypesDeploymentGate before v1.4; without them the VM waits for an instance type that does not exist',
  },
};

/** A KubeVirtFeatureUse member (the typed boundary of the lookups below). */
const FEATURE_USE = Prop.oneOf(KubeVirtFeatureUse, 'KubeVirtFeatureUse');

/** The gate a use needs. */
export function gateForUse(use: KubeVirtFeatureUse): FeatureGate {
  checkValue(use, FEATURE_USE, 'gateForUse(use)');
  return GATE_OF_USE[use].gate;
}

/** Why the use needs its gate, for messages. */
export function whyUseNeedsGate(use: KubeVirtFeatureUse): string {
  checkValue(use, FEATURE_USE, 'whyUseNeedsGate(use)');
  return GATE_OF_USE[use].why;
}

/** Every use, in declaration order (the order findings and reasons are reported in). */
export function allFeatureUses(): KubeVirtFeatureUse[] {
  return Object.values(KubeVirtFeatureUse);
}
