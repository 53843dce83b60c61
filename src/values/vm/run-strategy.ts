/**
 * When KubeVirt runs the VM (`spec.runStrategy`; the deprecated `spec.running` is never emitted).
 */
export enum RunStrategy {
  /** Keep the VM running: restart it whenever it stops. */
  ALWAYS = 'Always',
  /** Keep the VM stopped. */
  HALTED = 'Halted',
  /** Start and stop only on request (`virtctl start/stop`). */
  MANUAL = 'Manual',
  /** Restart the VM only when it fails, not when the guest shuts down. */
  RERUN_ON_FAILURE = 'RerunOnFailure',
  /** Run the VM once; do not restart it. */
  ONCE = 'Once',
}
