// The names of the objects a pool renders. They are explicit and carry no hash: the Machine Config Operator treats
// a renamed MachineConfig as a removed one plus a new one, which re-renders the pool's config and reboots every node
// (cdk8s#392 showed how a hashing change renames everything). Changing any of these is a breaking change.

/** The label the Machine Config Operator uses to tie MachineConfigs and pools to a role. */
export const MCO_ROLE_LABEL = 'machineconfiguration.openshift.io/role';

/** The namespace NTO watches for Tuned CRs. */
export const TUNED_NAMESPACE = 'openshift-cluster-node-tuning-operator';

/** The node label that puts a node in an OpenShift pool: `node-role.kubernetes.io/<role>`. */
export function nodeRoleLabel(role: string): string {
  return `node-role.kubernetes.io/${role}`;
}

/**
 * The node label that puts a node in a pool the kubelet labels itself (Talos, Cluster API, drop-in): the
 * NodeRestriction admission plugin lets a kubelet set `node.kubernetes.io/*` on its own Node, never
 * `node-role.kubernetes.io/*`.
 */
export function selfAssignedPoolLabel(role: string): string {
  return `node.kubernetes.io/${role}`;
}

/** The name of a Cluster API bootstrap template (TalosConfigTemplate, KubeadmConfigTemplate) of a pool. */
export function bootstrapTemplateName(role: string): string {
  return `${role}-realtime`;
}

/** The MachineConfigPool: named after the role, like the MCO's own `worker` and `master` pools. */
export function machineConfigPoolName(role: string): string {
  return role;
}

/**
 * The MachineConfig: `50-<role>-realtime`. The MCO merges a pool's MachineConfigs in name order and concatenates their
 * kernel arguments in that order; 50 sorts after the installer's `00-`/`01-` configs and before the MCO's generated
 * `99-<pool>-generated-*` ones, next to NTO's `50-performance-<profile>`.
 */
export function machineConfigName(role: string): string {
  return `50-${role}-realtime`;
}

/** The KubeletConfig (the MCO renders it into `99-<pool>-generated-kubelet`). */
export function kubeletConfigName(role: string): string {
  return `${role}-realtime`;
}

/** The Tuned CR and its profile. */
export function tunedName(role: string): string {
  return `${role}-realtime`;
}

/**
 * The PerformanceProfile (PerformanceProfile backend): named after the role, like the MachineConfigPool. NTO derives
 * the names of everything it renders from it (see the `nto*Name` functions), so renaming it reboots the pool.
 */
export function performanceProfileName(role: string): string {
  return role;
}

/** NTO's MachineConfig for a profile (kernel type, huge page units, offline-CPU and irqbalance units). */
export function ntoMachineConfigName(profile: string): string {
  return `50-performance-${profile}`;
}

/** NTO's KubeletConfig for a profile. */
export function ntoKubeletConfigName(profile: string): string {
  return `performance-${profile}`;
}

/** NTO's Tuned CR (and TuneD profile) for a profile, in TUNED_NAMESPACE. */
export function ntoTunedName(profile: string): string {
  return `openshift-node-performance-${profile}`;
}

/** NTO's RuntimeClass for a profile (handler `high-performance`: the CRI-O annotations for IRQs, C-states, quota). */
export function ntoRuntimeClassName(profile: string): string {
  return `performance-${profile}`;
}

/** The MachineConfig the NTO operator writes with the kernel arguments TuneD computes on the pool's nodes. */
export function ntoBootloaderMachineConfigName(pool: string): string {
  return `50-nto-${pool}`;
}
