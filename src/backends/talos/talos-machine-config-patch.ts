import { TalosNodeSettings } from './talos-node-settings';

// The Talos 1.13 layout: one v1alpha1 machine-config patch (strategic merge: `talosctl apply-config --config-patch`,
// `talosctl gen config --config-patch-worker`, Omni). Talos 1.14 still reads these fields (deprecated); a 1.14 layout
// would place the same TalosNodeSettings in KubeletConfig / SysctlConfig / SysfsConfig / KubeNodeConfig documents and
// is the only new code a 1.14 renderer needs.
//
// Deprecated fields are never written: `machine.install.extraKernelArgs` is ignored under systemd-boot since 1.10 and
// is absent from the schema (kernel arguments go to the Image Factory schematic instead).

/** One JSON-patch operation (RFC 6902) of a TalosConfigTemplate's `configPatches`. */
export interface TalosConfigPatchOp {
  readonly op: string;
  readonly path: string;
  readonly value: unknown;
}

/**
 * The machine-config fields the pool sets, with their JSON-pointer path, in a fixed order; empty maps are left out. The
 * installer image (when known) comes first: the kernel arguments reach a node only through the Image Factory installer
 * it installs and upgrades from.
 */
function machineFields(settings: TalosNodeSettings, installerImage?: string): Array<[string, string, unknown]> {
  const fields: Array<[string, string, unknown]> = [];
  if (installerImage !== undefined) fields.push(['install', '/machine/install/image', installerImage]);
  fields.push(['kubelet', '/machine/kubelet/extraConfig', settings.kubelet]);
  if (Object.keys(settings.sysctls).length > 0) fields.push(['sysctls', '/machine/sysctls', settings.sysctls]);
  if (Object.keys(settings.sysfs).length > 0) fields.push(['sysfs', '/machine/sysfs', settings.sysfs]);
  if (Object.keys(settings.nodeLabels).length > 0) fields.push(['nodeLabels', '/machine/nodeLabels', settings.nodeLabels]);
  return fields;
}

/**
 * The strategic-merge patch document (v1alpha1 machine config, Talos 1.13).
 *
 * @param installerImage the Image Factory installer of the pool's schematic (`machine.install.image`), when known
 */
export function talosMachineConfigPatch(settings: TalosNodeSettings, installerImage?: string): { [key: string]: unknown } {
  const machine: { [key: string]: unknown } = {};
  for (const [field, , value] of machineFields(settings, installerImage)) {
    if (field === 'install') machine.install = { image: value };
    else machine[field] = field === 'kubelet' ? { extraConfig: value } : value;
  }
  return { machine };
}

/**
 * The same patch as JSON-patch `add` operations for a TalosConfigTemplate (`configPatches`). `add` replaces the whole
 * value at its path; Cluster API's generated worker config has no extraConfig, sysctls, sysfs or nodeLabels of its own
 * (and its machine.install.image is the plain installer, without the pool's kernel arguments).
 */
export function talosConfigPatchOps(settings: TalosNodeSettings, installerImage?: string): TalosConfigPatchOp[] {
  return machineFields(settings, installerImage).map(([, path, value]) => ({ op: 'add', path, value }));
}
