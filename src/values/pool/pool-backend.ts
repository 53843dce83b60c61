/**
 * How a RealtimeNodePool configures its nodes. Both backends render from the same resolved model, and a pool has
 * exactly one of them, so no node is ever configured twice.
 */
export enum PoolBackend {
  /**
   * The pool renders every node-level object itself: a MachineConfig (kernel type, every kernel argument in one
   * documented order, huge page units, the real-time sysctl), a KubeletConfig and a Tuned CR. Nothing is computed on
   * the node, so the YAML is exactly what the nodes get.
   */
  MACHINE_CONFIG = 'machine-config',

  /**
   * The pool renders ONE Node Tuning Operator `PerformanceProfile` (`performance.openshift.io/v2`); NTO renders the
   * MachineConfig, KubeletConfig, Tuned and RuntimeClass from it. Use it where NTO is the supported way to tune nodes;
   * the kernel arguments and their order then belong to NTO and can change with NTO upgrades.
   */
  PERFORMANCE_PROFILE = 'performance-profile',
}

/** True for a PoolBackend member (the prop may hold anything when called from JavaScript). */
export function isPoolBackend(value: unknown): value is PoolBackend {
  return Object.values(PoolBackend).includes(value as PoolBackend);
}
