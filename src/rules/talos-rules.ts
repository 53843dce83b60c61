import { sharedNodePlanFindings } from './node-backend-rules';
import { kernelArgKey } from '../model/pool/kernel-args';
import { NodeTuningPlan } from '../model/pool/node-tuning-plan';
import { TalosVersion } from '../values/cluster/talos-version';
import { error, Finding, warning } from '../values/finding';

// What Talos can and cannot do with a pool's plan. Codes in codes-node-backends.ts.

/**
 * KubeletConfiguration fields Talos refuses in `machine.kubelet.extraConfig` (pkg/machinery/kubelet/kubelet.go
 * ProtectedConfigurationFields, v1.13.9; unchanged in v1.14.0-rc.1): "kubelet configuration field %q can't be overridden".
 */
export const TALOS_PROTECTED_KUBELET_FIELDS = [
  'apiVersion', 'authentication', 'authorization', 'cgroupRoot', 'kind', 'kubeletCgroups', 'port', 'protectKernelDefaults',
  'resolvConf', 'rotateCertificates', 'systemCgroups', 'staticPodPath', 'seccompDefault',
];

/**
 * The kernel parameters the kubelet checks under protectKernelDefaults, which Talos always turns on
 * (kubelet_spec.go), with the values it requires (pkg/kubelet/cm setupKernelTunables).
 */
export const KUBELET_PROTECTED_SYSCTLS: { [key: string]: string } = {
  'vm.overcommit_memory': '1',
  'vm.panic_on_oom': '0',
  'kernel.panic': '10',
  'kernel.panic_on_oops': '1',
  'kernel.keys.root_maxkeys': '1000000',
  'kernel.keys.root_maxbytes': '25000000',
};

/** Talos refuses these kubelet fields. */
export function talosKubeletFieldsFindings(plan: NodeTuningPlan): Finding[] {
  return Object.keys(plan.kubelet).filter((key) => TALOS_PROTECTED_KUBELET_FIELDS.includes(key)).map((key) =>
    error('TALOS_KUBELET_FIELD_PROTECTED', `kubelet.${key}`, plan.kubelet[key],
      `no field Talos protects (${TALOS_PROTECTED_KUBELET_FIELDS.join(', ')})`, `remove kubelet.${key}: Talos sets it itself`));
}

/** With the Static Memory Manager, systemReserved memory must be explicit (Talos injects 384Mi when none is set). */
export function talosSystemReservedFindings(plan: NodeTuningPlan): Finding[] {
  if (plan.kubelet.memoryManagerPolicy !== 'Static') return [];
  const reserved = plan.kubelet.systemReserved as { memory?: unknown } | undefined;
  if (typeof reserved === 'object' && reserved !== null && typeof reserved.memory === 'string') return [];
  return [error('TALOS_SYSTEM_RESERVED_IMPLICIT', 'kubelet.systemReserved', reserved,
    'an explicit systemReserved.memory (counted in reservedMemory)',
    'set systemReserved.memory; Talos would otherwise add 384Mi the reservedMemory sum does not contain')];
}

/** Talos has no PREEMPT_RT kernel. */
export function talosRealtimeKernelFindings(plan: NodeTuningPlan): Finding[] {
  if (!plan.realtimeKernel) return [];
  return [error('TALOS_REALTIME_KERNEL_UNAVAILABLE', 'realtimeKernel', true,
    'false: Talos ships no PREEMPT_RT kernel (siderolabs/pkgs#1479), only PREEMPT_DYNAMIC',
    'set realtimeKernel: false and add "preempt=full" to additionalKernelArgs')];
}

/** One boot-time huge page size: Talos groups repeated hugepagesz/hugepages keys. */
export function talosBootHugePagesFindings(plan: NodeTuningPlan): Finding[] {
  const sizes = plan.kernelArguments.filter((arg) => kernelArgKey(arg) === 'hugepagesz');
  const bootCounts = plan.kernelArguments.filter((arg) => kernelArgKey(arg) === 'hugepages' && !/^hugepages=0*$/.test(arg));
  if (sizes.length <= 1 || bootCounts.length === 0) return [];
  return [error('TALOS_BOOT_HUGEPAGES_REORDERED', 'hugepages', sizes.map((s) => s.slice('hugepagesz='.length)).join(', '),
    'one huge page size on the kernel command line when any size has boot-time pages (Talos and the Image Factory group '
      + 'repeated keys: image-factory#154)',
    'give every huge page entry a numaNode (each size allocated per NUMA node through sysfs, hugepages=0 at boot), or use one page size')];
}

/** SCHED_FIFO may fail with EPERM on Talos kernels (CONFIG_RT_GROUP_SCHED on cgroup v2). */
export function talosRtGroupSchedFindings(): Finding[] {
  return [warning('TALOS_RT_GROUP_SCHED_EPERM', 'backend', 'Talos',
    'a kernel that lets containers use SCHED_FIFO (CONFIG_RT_GROUP_SCHED off on cgroup v2)',
    'check the vCPU threads of a test VM with chrt -p on your Talos release (siderolabs/pkgs#1484)')];
}

/** Without systemd, only isolcpus=domain keeps Talos' own services off the isolated CPUs. */
export function talosHousekeepingFindings(plan: NodeTuningPlan): Finding[] {
  const isolcpus = plan.kernelArguments.find((arg) => kernelArgKey(arg) === 'isolcpus');
  if (isolcpus === undefined) return [];
  const flags = isolcpus.slice('isolcpus='.length).split(',');
  if (flags.includes('domain')) return [];
  return [warning('TALOS_HOUSEKEEPING_UNPINNED', 'balanceIsolated', true,
    'isolcpus=domain,managed_irq,... under Talos (no systemd: systemd.cpu_affinity pins nothing)',
    'set balanceIsolated: false so only pinned tasks (the vCPUs) run on the isolated CPUs')];
}

/** Talos always runs the kubelet with protectKernelDefaults: those sysctls must keep the kubelet's values. */
export function talosKernelDefaultsFindings(plan: NodeTuningPlan): Finding[] {
  return Object.keys(plan.sysctls).sort().filter((key) => {
    const normalized = key.replace(/\//g, '.');
    return normalized in KUBELET_PROTECTED_SYSCTLS && plan.sysctls[key] !== KUBELET_PROTECTED_SYSCTLS[normalized];
  }).map((key) => {
    const required = KUBELET_PROTECTED_SYSCTLS[key.replace(/\//g, '.')];
    return error('TALOS_SYSCTL_KUBELET_PROTECTED', `sysctls.${key}`, plan.sysctls[key], `${required} (the kubelet's protectKernelDefaults value)`,
      `remove the sysctl or set it to ${required}`);
  });
}

/** Talos 1.14 deprecates the v1alpha1 fields the backend writes. */
export function talosVersionFindings(version: TalosVersion): Finding[] {
  if (!version.splitsMachineConfig) return [];
  return [warning('TALOS_MACHINE_CONFIG_DEPRECATED', 'talosVersion', version.toString(),
    'Talos 1.13 (the backend writes machine.kubelet, machine.sysctls, machine.sysfs and machine.nodeLabels)',
    'target TalosVersion.V1_13, or accept the deprecated fields until the backend renders KubeletConfig/SysctlConfig/SysfsConfig documents')];
}

/** An image reference without whitespace whose last path part carries a tag, or which ends in a sha256 digest. */
function isTaggedImageReference(image: unknown): boolean {
  if (typeof image !== 'string' || image.length > 4096 || !/^\S+$/.test(image)) return false;
  return /@sha256:[a-f0-9]{64}$/.test(image) || /^[^:]+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(image.slice(image.lastIndexOf('/') + 1));
}

/**
 * The kernel arguments reach a Talos node only through the installer built from the pool's schematic: without
 * `installerImage` the nodes install and upgrade from the plain installer.
 */
export function talosInstallerImageFindings(installerImage: string | undefined): Finding[] {
  if (installerImage === undefined) {
    return [warning('TALOS_INSTALLER_IMAGE_UNSET', 'talosInstallerImage', installerImage,
      'the Image Factory installer of the pool\'s schematic in machine.install.image',
      'POST the schematic (NodeFiles.write) to the Image Factory and set talosInstallerImage: factory.talos.dev/metal-installer/<schematic id>:<Talos version>')];
  }
  if (!isTaggedImageReference(installerImage)) {
    return [error('TALOS_INSTALLER_IMAGE_INVALID', 'talosInstallerImage', installerImage,
      'an image reference with a tag, e.g. factory.talos.dev/metal-installer/<schematic id>:v1.13.9',
      'give the installer image as registry/repository:tag without spaces')];
  }
  return [];
}

/**
 * Every check of a plan rendered for Talos.
 *
 * @param installerImage the TalosBackendOptions.installerImage the plan is rendered with
 */
export function talosPlanFindings(plan: NodeTuningPlan, version: TalosVersion = TalosVersion.V1_13, installerImage?: string): Finding[] {
  return [
    ...sharedNodePlanFindings(plan),
    ...talosKubeletFieldsFindings(plan),
    ...talosSystemReservedFindings(plan),
    ...talosRealtimeKernelFindings(plan),
    ...talosBootHugePagesFindings(plan),
    ...talosHousekeepingFindings(plan),
    ...talosKernelDefaultsFindings(plan),
    ...talosVersionFindings(version),
    ...talosInstallerImageFindings(installerImage),
    ...talosRtGroupSchedFindings(),
  ];
}
