import { CodeInfo } from './code-info';

/**
 * Codes of the node backends beyond OpenShift: the Talos machine config and Image Factory schematic, the Cluster API
 * KubeadmConfigTemplate, and the kubelet drop-in for other distributions (rules/node-backend-rules.ts,
 * talos-rules.ts, kubeadm-rules.ts, kubelet-drop-in-rules.ts; TalosVersion).
 */
export const NODE_BACKEND_CODES: Record<string, CodeInfo> = {
  NODE_LABEL_NOT_SELF_ASSIGNABLE: {
    severity: 'error',
    meaning: 'A node label of the pool is in the kubernetes.io or k8s.io namespace but not one a kubelet may set on its own Node '
      + '(only node.kubernetes.io/*, kubelet.kubernetes.io/* and a few well-known labels are), e.g. node-role.kubernetes.io/<role>.',
    prevents: 'a kubelet that refuses to start (kubeadm, --node-labels) or a label Talos retries forever against NodeRestriction: '
      + 'the nodes never get the label and every real-time VM stays Pending',
    fix: 'use a label the kubelet may set, e.g. node.kubernetes.io/worker-rt, or one of your own domain; or label the nodes as '
      + 'cluster admin (kubectl label) and leave the label out of the pool',
  },
  NODE_TAINT_INVALID: {
    severity: 'error',
    meaning: 'A taint of the pool has an empty or malformed key, a malformed value, or an effect other than NoSchedule, '
      + 'PreferNoSchedule or NoExecute.',
    prevents: 'a kubelet that refuses its registerWithTaints, or a KubeadmConfigTemplate the API server rejects',
    fix: 'use a label-style key, a value of at most 63 letters, digits, "-", "_" or ".", and a TaintEffect',
  },
  NODE_BOOT_CPU_OFFLINED: {
    severity: 'error',
    meaning: 'CPU 0 is among the offlined CPUs; x86 kernels cannot switch the boot CPU off (its sysfs online file does not exist '
      + 'since Linux 6.5 removed CPU0 hot-unplug).',
    prevents: 'a CPU-offline unit that fails at every boot (or a Talos sysfs write that never succeeds), leaving all CPUs online '
      + 'and the kubelet\'s CPU manager out of step with the plan',
    fix: 'offline other CPUs (the highest-numbered SMT siblings are the usual choice) and keep CPU 0 reserved',
  },
  NODE_SYSCTL_INVALID: {
    severity: 'error',
    meaning: 'A sysctl key is not a /proc/sys path (letters, digits, "_", "-", "." or "/"), or its value is empty or spans lines.',
    prevents: 'a sysctl.d file systemd-sysctl skips (or misreads) and a Talos machine config the node rejects',
    fix: 'use keys such as kernel.sched_rt_runtime_us and one-line values',
  },
  TALOS_KUBELET_FIELD_PROTECTED: {
    severity: 'error',
    meaning: 'The kubelet settings set a field Talos refuses in machine.kubelet.extraConfig (apiVersion, authentication, '
      + 'authorization, cgroupRoot, kind, kubeletCgroups, port, protectKernelDefaults, resolvConf, rotateCertificates, '
      + 'systemCgroups, staticPodPath, seccompDefault: pkg/machinery/kubelet ProtectedConfigurationFields).',
    prevents: 'a machine config Talos rejects: "kubelet configuration field ... can\'t be overridden"',
    fix: 'remove the field; Talos sets it itself',
  },
  TALOS_SYSTEM_RESERVED_IMPLICIT: {
    severity: 'error',
    meaning: 'The Memory Manager is Static but the kubelet settings give no systemReserved memory; Talos then injects its own '
      + 'systemReserved (384Mi memory on workers).',
    prevents: 'a kubelet that refuses to start: reservedMemory no longer equals kubeReserved + systemReserved + evictionHard',
    fix: 'set systemReserved.memory explicitly (the pool always does: systemReservedMemory, default 500Mi)',
  },
  TALOS_REALTIME_KERNEL_UNAVAILABLE: {
    severity: 'error',
    meaning: 'realtimeKernel is true, but Talos ships no PREEMPT_RT kernel (siderolabs/pkgs#1479; its kernels are PREEMPT_DYNAMIC).',
    prevents: 'a pool whose review claims a real-time kernel the nodes never boot, and rcutree.kthread_prio=11 on a kernel '
      + 'without RCU priority boosting for real-time threads',
    fix: 'set realtimeKernel: false and add preempt=full to additionalKernelArgs (full preemption on the PREEMPT_DYNAMIC kernel)',
  },
  TALOS_BOOT_HUGEPAGES_REORDERED: {
    severity: 'error',
    meaning: 'The kernel arguments declare more than one huge page size while some size has boot-time pages; Talos and the Image Factory '
      + 'group repeated keys (hugepagesz=1G hugepagesz=2M hugepages=N hugepages=M), so the counts land on the wrong sizes '
      + '(image-factory#154, talos#11310).',
    prevents: 'nodes that boot with the wrong huge pages, or none, or a boot loop when the pages exhaust memory',
    fix: 'give every huge page entry a numaNode (each size allocated per NUMA node through sysfs), or use one page size',
  },
  TALOS_RT_GROUP_SCHED_EPERM: {
    severity: 'warning',
    meaning: 'Talos kernels are built with CONFIG_RT_GROUP_SCHED on cgroup v2, where sched_setscheduler(SCHED_FIFO) fails with '
      + 'EPERM in any non-root cgroup (siderolabs/pkgs#1484, open).',
    prevents: 'real-time VMs whose vCPU threads silently stay SCHED_OTHER (or fail to start) on Talos nodes',
    fix: 'check a test VM\'s vCPU threads (chrt -p) on the Talos release you run; follow siderolabs/pkgs#1484',
  },
  TALOS_HOUSEKEEPING_UNPINNED: {
    severity: 'warning',
    meaning: 'Talos runs no systemd, so systemd.cpu_affinity pins nothing; with isolcpus=managed_irq (balanceIsolated: true) '
      + 'the scheduler also spreads Talos services (machined, containerd, the kubelet) over the isolated CPUs.',
    prevents: 'host daemons preempting real-time vCPUs on isolated CPUs',
    fix: 'set balanceIsolated: false (isolcpus=domain,managed_irq: only pinned tasks run on the isolated CPUs)',
  },
  TALOS_SYSCTL_KUBELET_PROTECTED: {
    severity: 'error',
    meaning: 'A sysctl sets a kernel parameter the kubelet checks under protectKernelDefaults (always on under Talos) to another '
      + 'value than the kubelet requires (vm.overcommit_memory=1, vm.panic_on_oom=0, kernel.panic=10, kernel.panic_on_oops=1, '
      + 'kernel.keys.root_maxkeys=1000000, kernel.keys.root_maxbytes=25000000).',
    prevents: 'a kubelet that refuses to start: "invalid kernel flag"',
    fix: 'remove the sysctl or give it the kubelet\'s value',
  },
  TALOS_MACHINE_CONFIG_DEPRECATED: {
    severity: 'warning',
    meaning: 'The target Talos release (1.14 or later) deprecates machine.kubelet, machine.sysctls, machine.sysfs and '
      + 'machine.nodeLabels in favour of KubeletConfig, SysctlConfig, SysfsConfig and KubeNodeConfig documents; the backend '
      + 'renders the 1.13 layout, which that release still reads.',
    prevents: 'a surprise when a later release drops the deprecated fields',
    fix: 'target TalosVersion.V1_13 until the backend renders the separate documents, and re-render before upgrading past 1.14',
  },
  TALOS_INSTALLER_IMAGE_UNSET: {
    severity: 'warning',
    meaning: 'The Talos pool has no talosInstallerImage: machine.install.image stays the plain installer, and only the installer '
      + 'built from the pool\'s Image Factory schematic carries the pool\'s kernel arguments.',
    prevents: 'nodes that install or upgrade without isolcpus, nohz_full, rcu_nocbs or the huge page arguments',
    fix: 'POST the emitted schematic to the Image Factory and set talosInstallerImage: factory.talos.dev/metal-installer/<schematic id>:<version>',
  },
  TALOS_INSTALLER_IMAGE_INVALID: {
    severity: 'error',
    meaning: 'talosInstallerImage is not an image reference with a tag or digest.',
    prevents: 'a machine config whose install or upgrade fails to pull the installer',
    fix: 'write registry/repository:tag, e.g. factory.talos.dev/metal-installer/<schematic id>:v1.13.9',
  },
  TALOS_VERSION_SYNTAX: {
    severity: 'error',
    meaning: 'The Talos version text is not a release number.',
    prevents: 'a machine config rendered for a guessed release',
    fix: 'write MAJOR.MINOR[.PATCH], e.g. TalosVersion.of(\'1.13.9\')',
  },
  TALOS_VERSION_UNSUPPORTED: {
    severity: 'error',
    meaning: 'The Talos release is older than 1.13, the first the backend is validated against.',
    prevents: 'a machine config with fields or kubelet rules an older release does not have',
    fix: 'upgrade the nodes to Talos 1.13 or later',
  },
  KUBEADM_KERNEL_ARGS_NEED_IMAGE: {
    severity: 'warning',
    meaning: 'kubeadm cannot set kernel arguments (or install a kernel): the pool\'s arguments are emitted as an image-builder '
      + 'vars file (extra_kernel_boot_params) and only an image built from it boots with them.',
    prevents: 'nodes that join with the kubelet settings of a real-time pool but without isolcpus, nohz_full or huge pages',
    fix: 'build the node image with the vars file (PACKER_VAR_FILES=<role>.image-builder.json make build-...) and point the '
      + 'infrastructure template at it; install the real-time kernel in the same image when realtimeKernel is true',
  },
  KUBELET_DROP_IN_DIRECTORY_INVALID: {
    severity: 'error',
    meaning: 'kubeletDropInDirectory is not an absolute path of plain segments (it contains "..", ".", an empty segment, '
      + 'whitespace or other characters), or is longer than 1024 characters.',
    prevents: 'a drop-in the kubelet never reads, or files written outside the output directory by NodeFiles.write',
    fix: 'give the kubelet\'s --config-dir, e.g. /etc/kubernetes/kubelet.conf.d (k3s: /var/lib/rancher/k3s/agent/etc/kubelet.conf.d)',
  },
  NODE_FILE_PATH_OUTSIDE: {
    severity: 'error',
    meaning: 'A pool file would be written outside the pool\'s directory under the NodeFiles.write output directory.',
    prevents: 'overwriting files of your own outside the output directory',
    fix: 'report it as a bug; the pool rules refuse the roles and directories that could cause it',
  },
  KUBELET_DROP_IN_HOST_SETTINGS_MANUAL: {
    severity: 'warning',
    meaning: 'The kubelet drop-in backend writes only the kubelet file the kubelet reads itself; kernel arguments, sysctls, '
      + 'huge page and CPU-offline units are emitted as files for your own OS tooling.',
    prevents: 'nodes that run the real-time kubelet settings without the kernel arguments and huge pages they assume',
    fix: 'install the emitted files and the kernel-argument line with your OS tooling (Ansible, Butane, cloud-init) and reboot',
  },
};
