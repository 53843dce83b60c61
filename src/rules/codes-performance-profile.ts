import { CodeInfo } from './code-info';

/**
 * Codes of the backend choice of RealtimeNodePool and of its PerformanceProfile backend: NTO's admission webhook
 * mirrored on the rendered profile (escape-hatch patches included), and what each backend cannot express.
 */
export const PERFORMANCE_PROFILE_CODES: Record<string, CodeInfo> = {
  POOL_POWER_HINT_NEEDS_PERFORMANCE_PROFILE: {
    severity: 'error',
    meaning: 'highPowerConsumption or perPodPowerManagement is set on a pool whose backend is not PERFORMANCE_PROFILE: only a PerformanceProfile carries NTO workload hints.',
    prevents: 'a power setting that silently never reaches the nodes',
    fix: 'set backend: PoolBackend.PERFORMANCE_PROFILE, or remove the prop',
  },
  PP_CPU_SECTION_REQUIRED: {
    severity: 'error',
    meaning: 'The PerformanceProfile has no spec.cpu (NTO\'s webhook: "cpu section required").',
    prevents: 'a profile the API server or NTO\'s webhook rejects, or (webhook down) one NTO cannot render',
    fix: 'remove the JSON patch that dropped spec.cpu; the pool renders it from its partition',
  },
  PP_CPUS_REQUIRED: {
    severity: 'error',
    meaning: 'spec.cpu.reserved or spec.cpu.isolated is missing ("reserved CPUs required" / "isolated CPUs required").',
    prevents: 'a profile NTO\'s webhook rejects, or a node without CPU isolation or kubelet reservation',
    fix: 'remove the JSON patch that dropped the list; the pool renders both from its partition',
  },
  PP_CPUSET_INVALID: {
    severity: 'error',
    meaning: 'A CPU list of spec.cpu is not a cpulist (NTO\'s webhook fails with "Internal error: strconv.Atoi: parsing ...").',
    prevents: 'a rejected profile, or kernel arguments and a kubelet --reserved-cpus the node refuses',
    fix: 'remove the JSON patch of spec.cpu; the pool writes canonical cpulists',
  },
  PP_CPUS_EMPTY: {
    severity: 'error',
    meaning: 'spec.cpu.reserved or spec.cpu.isolated is empty ("reserved CPUs can not be empty").',
    prevents: 'a kubelet whose static CPU manager refuses to start without reserved CPUs, or a node with nothing isolated',
    fix: 'plan a partition with reserved and isolated CPUs and remove any patch of spec.cpu',
  },
  PP_CPUS_OVERLAP: {
    severity: 'error',
    meaning: 'Two CPU lists of spec.cpu share CPUs ("reserved and isolated cpus overlap: [1]").',
    prevents: 'housekeeping work and real-time vCPUs on the same CPU: latency spikes, or a rejected profile',
    fix: 'give every CPU one role (CpuPartition does) and remove any patch of spec.cpu',
  },
  PP_NODE_SELECTOR_REQUIRED: {
    severity: 'error',
    meaning: 'The PerformanceProfile has no spec.nodeSelector ("the nodeSelector required").',
    prevents: 'a profile that tunes no node (or is rejected), and a RuntimeClass that schedules nowhere',
    fix: 'remove the JSON patch that dropped spec.nodeSelector; the pool renders node-role.kubernetes.io/<role>',
  },
  PP_SELECTOR_NOT_SINGLE: {
    severity: 'error',
    meaning: 'nodeSelector, machineConfigLabel or machineConfigPoolSelector has more than one entry ("you should provide ony 1 NodeSelector").',
    prevents: 'a rejected profile, or MachineConfigs that match several pools and flip between them (node reboots)',
    fix: 'remove the JSON patch that added the entry; the pool renders exactly one of each',
  },
  PP_NODE_SELECTOR_KEY_NOT_DOMAIN_ROLE: {
    severity: 'error',
    meaning: 'machineConfigLabel or machineConfigPoolSelector is unset and the nodeSelector key cannot be split into <domain>/<role>.',
    prevents: 'a profile NTO cannot tie to a MachineConfigPool: nothing reaches the nodes',
    fix: 'remove the patches of spec.nodeSelector, spec.machineConfigLabel and spec.machineConfigPoolSelector',
  },
  PP_NODE_SELECTOR_NOT_UNIQUE: {
    severity: 'error',
    meaning: 'Two PerformanceProfiles of the app have the same nodeSelector ("the profile has the same node selector as the performance profile ...").',
    prevents: 'a second profile NTO\'s webhook rejects, or two profiles fighting over the same nodes (reboot loops)',
    fix: 'give each pool its own role: one PerformanceProfile per role',
  },
  PP_HUGEPAGES_DEFAULT_SIZE_REQUIRED: {
    severity: 'error',
    meaning: 'The profile declares huge pages without defaultHugepagesSize ("defaultHugepagesSize must be specified when hugepages are configured").',
    prevents: 'a rejected profile, so the nodes get none of the pool\'s tuning',
    fix: 'set defaultHugePageSize (needed when the pool uses both 2Mi and 1Gi pages)',
  },
  PP_HUGEPAGE_SIZE_INCOMPATIBLE: {
    severity: 'error',
    meaning: 'A huge page size of the profile is not 2M or 1G, the x86_64 sizes for 4k kernel pages.',
    prevents: 'a rejected profile, or a hugepagesz= argument the kernel ignores (VMs Pending for lack of pages)',
    fix: 'use HugePageSize.TWO_MI or HugePageSize.ONE_GI and remove patches of spec.hugepages',
  },
  PP_HUGEPAGES_DUPLICATE: {
    severity: 'error',
    meaning: 'Two page entries of the profile have the same size and NUMA node (or both none) ("... has duplication").',
    prevents: 'a rejected profile, or a repeated hugepagesz argument / two units writing one nr_hugepages',
    fix: 'merge the entries into one with the total count',
  },
  PP_KERNEL_PAGE_SIZE_UNSUPPORTED: {
    severity: 'error',
    meaning: 'spec.kernelPageSize is not 4k, the only kernel page size on x86_64 ("KernelPageSize should be equal to one of: 4k").',
    prevents: 'a rejected profile, or a kernel type the nodes cannot boot',
    fix: 'remove the JSON patch of spec.kernelPageSize',
  },
  PP_TOPOLOGY_POLICY_UNRECOGNIZED: {
    severity: 'error',
    meaning: 'spec.numa.topologyPolicy is not none, best-effort, restricted or single-numa-node ("unrecognized value for topologyPolicy").',
    prevents: 'a rejected profile, or a kubelet that refuses to start on an unknown policy',
    fix: 'use a TopologyManagerPolicy member and remove patches of spec.numa',
  },
  PP_NET_INVALID: {
    severity: 'error',
    meaning: 'spec.net has an empty device name, a malformed PCI vendor/device id, a device id without vendor id, or queues without reserved CPUs.',
    prevents: 'a rejected profile, or NIC queue tuning that matches no device',
    fix: 'correct or remove the JSON patch of spec.net',
  },
  PP_WORKLOAD_HINTS_CONFLICT: {
    severity: 'error',
    meaning: 'The workload hints contradict each other or the profile (realTime off with the real-time kernel, highPowerConsumption with perPodPowerManagement, mixedCpus without shared CPUs).',
    prevents: 'a rejected profile, so the nodes get none of the pool\'s tuning',
    fix: 'set at most one of highPowerConsumption and perPodPowerManagement; do not patch spec.workloadHints',
  },
  PP_HARDWARE_TUNING_INVALID: {
    severity: 'error',
    meaning: 'spec.hardwareTuning lacks one of the two frequencies or sets one to 0.',
    prevents: 'a rejected profile, or CPUs capped at a frequency of 0',
    fix: 'correct or remove the JSON patch of spec.hardwareTuning',
  },
  PP_KUBELET_MEMORY_NOT_EXPRESSIBLE: {
    severity: 'error',
    meaning: 'kubeReservedMemory, systemReservedMemory or evictionHardMemory differs from NTO\'s fixed value; a PerformanceProfile has no field for it.',
    prevents: 'a kubelet reservation silently different from the one asked for (NTO renders 500Mi/500Mi/100Mi)',
    fix: 'remove the prop, or use PoolBackend.MACHINE_CONFIG, whose own KubeletConfig renders it',
  },
  PP_RESERVED_MEMORY_OFF_RESERVED_NODE: {
    severity: 'warning',
    meaning: 'Under restricted/single-numa-node NTO puts the kubelet\'s reservedMemory on NUMA node 0, but the partition reserves no CPU there.',
    prevents: 'system daemons taking memory from a NUMA node whose memory the Memory Manager hands out in full to VMs',
    fix: 'reserve CPUs on NUMA node 0, or use PoolBackend.MACHINE_CONFIG (reservedMemory on the reserved CPUs\' node)',
  },
  PP_FULL_PCPUS_ONLY_NOT_SET: {
    severity: 'warning',
    meaning: 'The nodes run with SMT but the policy is not single-numa-node, the only one for which NTO sets full-pcpus-only.',
    prevents: 'a dedicated-CPU VM that gets half a core and shares its L1/L2 cache with another pod',
    fix: 'use TopologyManagerPolicy.SINGLE_NUMA_NODE, or PoolBackend.MACHINE_CONFIG',
  },
  PP_KERNEL_ARG_RENDERED_BY_NTO: {
    severity: 'error',
    meaning: 'An additional kernel argument sets a key NTO\'s Tuned profile renders itself (iommu, nmi_watchdog, intel_pstate, idle ...).',
    prevents: 'two values of one argument on the command line, where TuneD\'s order decides which the kernel keeps',
    fix: 'remove it (use highPowerConsumption / perPodPowerManagement for power), or use PoolBackend.MACHINE_CONFIG',
  },
};
