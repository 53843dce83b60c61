import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { taintObjects } from '../node-files/node-registration';

// What a Talos node of the pool gets, independent of where a Talos release keeps it: up to 1.13 in the v1alpha1
// machine config (machine.kubelet.extraConfig, machine.sysctls, machine.sysfs, machine.nodeLabels), from 1.14 in
// separate documents (KubeletConfig.config, SysctlConfig.params, SysfsConfig.params, KubeNodeConfig.labels). A layout
// function per release places these four maps; the content is computed once, here.

/**
 * Talos' own systemReserved entries other than memory (pkg/machinery/constants at v1.13.9: KubeletSystemReservedPid
 * "100", KubeletSystemReservedEphemeralStorage "256Mi"). Talos fills systemReserved only when the config sets none
 * (kubelet_spec.go NewKubeletConfiguration); the pool always sets its memory, so these are restated to keep Talos'
 * protection of PIDs and ephemeral storage. CPU is left out: reservedSystemCPUs replaces any CPU reservation.
 */
export const TALOS_SYSTEM_RESERVED_DEFAULTS: { [resource: string]: string } = {
  'ephemeral-storage': '256Mi',
  'pid': '100',
};

/** The four maps a Talos node is configured with. */
export interface TalosNodeSettings {
  /** KubeletConfiguration overrides (`extraConfig`). */
  readonly kubelet: { [key: string]: unknown };
  /** /proc/sys keys, sorted. */
  readonly sysctls: { [key: string]: string };
  /** /sys keys (dots for slashes): huge pages per NUMA node, then offlined CPUs. */
  readonly sysfs: { [key: string]: string };
  /** Node labels, sorted. */
  readonly nodeLabels: { [key: string]: string };
}

/** The sysfs key of a NUMA node's page count (Talos maps `.` to `/` under /sys). */
export function hugePagesSysfsKey(numaNode: number, sizeKibibytes: number): string {
  return `devices.system.node.node${numaNode}.hugepages.hugepages-${sizeKibibytes}kB.nr_hugepages`;
}

/** The sysfs key that switches a CPU on or off. */
export function cpuOnlineSysfsKey(cpu: number): string {
  return `devices.system.cpu.cpu${cpu}.online`;
}

function sortedMap(map: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]]));
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The kubelet overrides: the plan's KubeletConfiguration fields in their order, with Talos' non-memory systemReserved
 * defaults restated, plus `registerWithTaints` when the pool has taints. Taints go to the kubelet and not to
 * `machine.nodeTaints`: Talos applies nodeTaints with the kubelet's credentials on workers, and the NodeRestriction
 * admission plugin refuses any taint change by a node ("node %q is not allowed to modify taints"); a taint given at
 * registration is allowed.
 */
export function talosKubeletConfig(plan: NodeTuningPlan): { [key: string]: unknown } {
  const config: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(plan.kubelet)) {
    config[key] = key === 'systemReserved' && isPlainObject(value) ? { ...TALOS_SYSTEM_RESERVED_DEFAULTS, ...value } : value;
  }
  if (plan.nodeTaints.length > 0) {
    config.registerWithTaints = taintObjects(plan.nodeTaints);
  }
  return config;
}

/** The Talos settings of a plan. */
export function talosNodeSettings(plan: NodeTuningPlan): TalosNodeSettings {
  const sysfs: { [key: string]: string } = {};
  for (const pages of plan.numaHugePages) sysfs[hugePagesSysfsKey(pages.numaNode, pages.size.kibibytes)] = String(pages.count);
  for (const cpu of plan.offlinedCpus.toArray()) sysfs[cpuOnlineSysfsKey(cpu)] = '0';
  return {
    kubelet: talosKubeletConfig(plan),
    sysctls: sortedMap(plan.sysctls),
    sysfs,
    nodeLabels: sortedMap(plan.nodeLabels),
  };
}
