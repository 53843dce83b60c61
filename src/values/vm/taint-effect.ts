/**
 * The effect of a node taint (Kubernetes `TaintEffect`), for tolerations. The same values as cdk8s-plus's enum of
 * that name, declared here so the library depends on no cdk8s-plus line.
 */
export enum TaintEffect {
  /** Pods that do not tolerate the taint are not scheduled on the node. */
  NO_SCHEDULE = 'NoSchedule',
  /** The scheduler tries to avoid the node for pods that do not tolerate the taint. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** Pods that do not tolerate the taint are evicted from the node (after `tolerationSeconds` when tolerated for a while). */
  NO_EXECUTE = 'NoExecute',
}
