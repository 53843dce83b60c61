/**
 * The guest CPU topology: the VM gets sockets × cores × threads vCPUs.
 */
export interface GuestCpuTopology {
  /** Sockets (whole number ≥ 1). KubeVirt's CPU guide reports sockets performing best for CPU-bound work. */
  readonly sockets: number;
  /** Cores per socket (whole number ≥ 1). */
  readonly cores: number;
  /** Threads per core (1 or 2: KubeVirt refuses more than two with dedicated CPUs). */
  readonly threads: number;
}
