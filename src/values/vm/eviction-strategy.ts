/**
 * What happens to the VM when its node is drained (KubeVirt `spec.template.spec.evictionStrategy`).
 */
export enum EvictionStrategy {
  /** The VM is shut down and, with runStrategy Always, started again on another node. */
  NONE = 'None',
  /** The VM must live-migrate; the drain waits until it can. */
  LIVE_MIGRATE = 'LiveMigrate',
  /** Live-migrate when the VM is migratable, otherwise shut it down. */
  LIVE_MIGRATE_IF_POSSIBLE = 'LiveMigrateIfPossible',
  /** An external controller decides; the drain is blocked until it acts. */
  EXTERNAL = 'External',
}
