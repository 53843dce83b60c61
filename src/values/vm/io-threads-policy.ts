/**
 * How QEMU runs disk I/O (KubeVirt `spec.domain.ioThreadsPolicy`, a sibling of `cpu`, not a field of it).
 */
export enum IoThreadsPolicy {
  /** One IOThread shared by every disk that asks for one. */
  SHARED = 'shared',
  /**
   * A pool of IOThreads (up to twice the vCPUs); with `isolateEmulatorThread` they are pinned to the emulator's
   * dedicated pCPU, away from the real-time vCPUs.
   */
  AUTO = 'auto',
  /**
   * A fixed number of extra IOThreads (`supplementalPoolThreadCount`); with dedicated CPUs each one gets its own
   * extra pCPU in the pod (KubeVirt v1.5+).
   */
  SUPPLEMENTAL_POOL = 'supplementalPool',
}
