/** How to read lscpu output. */
export interface LscpuOptions {
  /**
   * The CORE and SOCKET columns are the kernel's physical ids (`lscpu -y`, or any capture of sysfs `core_id` and
   * `physical_package_id`). Set it when the ids look like lscpu's logical numbering (0, 1, 2 ... in CPU order) but
   * are physical: the kernel numbers this host's cores in CPU order. Otherwise such input cannot guarantee
   * performance-profile-creator's order of offlined CPUs, and a plan that depends on it warns
   * (PARTITION_CORE_ORDER_UNPROVEN).
   *
   * @default false - physical when the ids cannot be lscpu's logical numbering, unproven otherwise
   */
  readonly physicalIds?: boolean;
}
