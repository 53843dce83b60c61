/** How a preference lays an instance type's vCPUs out as sockets, cores and threads (`preferredCPUTopology`). */
export enum PreferredCpuTopology {
  /** One socket per vCPU (KubeVirt's default). */
  SOCKETS = 'sockets',
  /** One socket with one core per vCPU. */
  CORES = 'cores',
  /** One core with one thread per vCPU. */
  THREADS = 'threads',
  /** Spread across sockets and cores (and threads) with a ratio: see `spreadAcross` and `spreadRatio`. */
  SPREAD = 'spread',
}

/** What `PreferredCpuTopology.SPREAD` spreads the vCPUs across (`spreadOptions.across`). */
export enum SpreadAcross {
  /** `ratio` cores per socket. */
  SOCKETS_CORES = 'SocketsCores',
  /** `ratio` threads per core, one socket. */
  CORES_THREADS = 'CoresThreads',
  /** Two threads per core, `ratio` cores per socket: the shape of an SMT host. */
  SOCKETS_CORES_THREADS = 'SocketsCoresThreads',
}
