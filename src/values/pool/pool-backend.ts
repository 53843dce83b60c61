/**
 * How a RealtimeNodePool configures its nodes. Every backend renders from the same resolved model, and a pool has
 * exactly one of them, so no node is ever configured twice. The two OpenShift backends select their nodes by
 * `node-role.kubernetes.io/<role>`; the others by `node.kubernetes.io/<role>`, a label the kubelet may set on its own
 * Node (the NodeRestriction admission plugin refuses `node-role.kubernetes.io/*` from a kubelet).
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

  /**
   * Talos Linux (v1.13): a machine-config patch for the pool's nodes (kubelet `extraConfig`, sysctls, sysfs huge pages
   * and offlined CPUs, labels and taints), the same patch as a Cluster API `TalosConfigTemplate`, and the kernel
   * arguments as an Image Factory schematic (Talos reads no other source of kernel arguments under systemd-boot).
   * Talos ships no PREEMPT_RT kernel. The patch and schematic are files: write them with `NodeFiles.write`.
   */
  TALOS = 'talos',

  /**
   * Cluster API with kubeadm: a `KubeadmConfigTemplate` (v1beta2) with the kubelet settings as a kubeadm patch, the
   * huge page, offline-CPU and sysctl files and the node labels and taints. kubeadm cannot set kernel arguments: they
   * come as an image-builder vars file (`extra_kernel_boot_params`) for the node image.
   */
  CLUSTER_API_KUBEADM = 'cluster-api-kubeadm',

  /**
   * Any other distribution (kubeadm, k3s, RKE2 ...): one KubeletConfiguration drop-in for `kubelet --config-dir`, the
   * kernel-argument line, and the sysctl, huge page and offline-CPU files, all written as files (`NodeFiles.write`)
   * for the user's own OS tooling.
   */
  KUBELET_DROP_IN = 'kubelet-drop-in',
}

/** True for the backends that render OpenShift objects (a MachineConfigPool and the Machine Config Operator's objects). */
export function isOpenShiftBackend(backend: PoolBackend): boolean {
  return backend === PoolBackend.MACHINE_CONFIG || backend === PoolBackend.PERFORMANCE_PROFILE;
}
