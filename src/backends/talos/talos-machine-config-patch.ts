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

/** The machine-config fields the pool sets, with their JSON-pointer path, in a fixed order; empty maps are left out. */
function machineFields(settings: TalosNodeSettings): Array<[string, string, unknown]> {
  const fields: Array<[string, string, unknown]> = [['kubelet', '/machine/kubelet/extraConfig', settings.kubelet]];
  if (Object.keys(settings.sysctls).length > 0) fields.push(['sysctls', '/machine/sysctls', settings.sysctls]);
  if (Object.keys(settings.sysfs).length > 0) fields.push(['sysfs', '/machine/sysfs', settings.sysfs]);
  if (Object.keys(settings.nodeLabels).length > 0) fields.push(['nodeLabels', '/machine/nodeLabels', settings.nodeLabels]);
  return fields;
}

/** The strategic-merge patch document (v1alpha1 machine config, Talos 1.13). */
export function talosMachineConfigPatch(settings: TalosNodeSettings): { [key: string]: unknown } {
  const machine: { [key: string]: unknown } = {};
  for (const [field, , value] of machineFields(settings)) {
    machine[field] = field === 'kubelet' ? { extraConfig: value } : value;
  }
  return { machine };
}

/**
 * The same patch as JSON-patch `add` operations for a TalosConfigTemplate (`configPatches`). `add` replaces the whole
 * map at its path; Cluster API's generated worker config has no extraConfig, sysctls, sysfs or nodeLabels of its own.
 */
export function talosConfigPatchOps(settings: TalosNodeSettings): TalosConfigPatchOp[] {
  return machineFields(settings).map(([, path, value]) => ({ op: 'add', path, value }));
}
