import { CodeInfo } from './code-info';

/**
 * Codes of the checks across constructs: a RealtimeVirtualMachine against the RealtimeNodePool it is placed on and
 * the app's KubeVirtConfiguration (src/rules/placement-rules.ts, src/placement/place.ts).
 */
export const PLACEMENT_CODES: Record<string, CodeInfo> = {
  PLACEMENT_NOT_A_NODE_POOL: {
    severity: 'error',
    meaning: 'nodePool (or placeOn) was given something other than a RealtimeNodePool.',
    prevents: 'a VM that silently runs anywhere, unchecked, because its placement was dropped',
    fix: 'pass the RealtimeNodePool construct the VM should run on',
  },
  PLACEMENT_POOL_IN_OTHER_APP: {
    severity: 'error',
    meaning: 'The pool belongs to another cdk8s App than the VM.',
    prevents: 'placement checks and object ordering that cannot see both sides',
    fix: 'create the pool in the VM\'s app (any chart of it)',
  },
  PLACEMENT_ALREADY_PLACED: {
    severity: 'error',
    meaning: 'A VM already placed on one pool was placed on another.',
    prevents: 'a pod whose nodeSelector asks for two node roles at once and matches no node (VM Pending)',
    fix: 'place each VM on one pool: drop the nodePool prop or the extra placeOn() call',
  },
  PLACEMENT_NODE_SELECTOR_CONFLICT: {
    severity: 'error',
    meaning: 'The VM\'s own nodeSelector gives the pool\'s node-role label a different value.',
    prevents: 'a VM Pending forever: no node carries both label values',
    fix: 'remove that nodeSelector entry; placing the VM on the pool adds it',
  },
  PLACEMENT_TAINT_NOT_TOLERATED: {
    severity: 'error',
    meaning: 'The VM is placed on a pool whose nodes register with a NoSchedule or NoExecute taint (nodeTaints) that none of the '
      + 'VM\'s tolerations matches.',
    prevents: 'a VM Pending forever: its nodeSelector allows only the pool\'s nodes and the scheduler may not use them '
      + '("node(s) had untolerated taint")',
    fix: 'add a matching toleration to the VM (tolerations), or remove the taint from the pool',
  },
  PLACEMENT_POOL_NOT_REALTIME_CAPABLE: {
    severity: 'error',
    meaning: 'A VM with cpu.realtime is placed on a pool whose nodes do not allow unlimited real-time runtime.',
    prevents: 'a VM Pending forever: KubeVirt selects kubevirt.io/realtime=true, which it only sets on nodes with kernel.sched_rt_runtime_us = -1',
    fix: 'place the VM on a real-time pool, or set realtime: false',
  },
  PLACEMENT_GUEST_THREADS_WITHOUT_SMT: {
    severity: 'error',
    meaning: 'The guest has more than one thread per core, but the pool\'s hosts run without SMT (kubevirt#11749).',
    prevents: 'guest "sibling" threads pinned to separate host cores: the guest optimises for a topology that does not exist',
    fix: 'use threads: 1 (more cores or sockets), or a pool with SMT',
  },
  PLACEMENT_GUEST_THREADS_MISMATCH: {
    severity: 'warning',
    meaning: 'The guest\'s threads per core differ from the host\'s, although the vCPU count allows them to match.',
    prevents: 'a guest that treats SMT siblings as independent cores, which costs much performance under load (seed talk "KubeVirt and the Cost of Containerizing VMs"; kubevirt#4687)',
    fix: 'give the guest the host\'s threads per core (topology { sockets: 1, cores: vCPUs / threads, threads }) and check the pinning with virsh vcpupin',
  },
  PLACEMENT_EMULATOR_ON_REALTIME_SIBLING: {
    severity: 'warning',
    meaning: 'The isolated emulator thread lands on the SMT sibling of a real-time vCPU: on an SMT pool with '
      + 'full-pcpus-only, vCPUs (+ supplemental-pool IOThreads) that do not fill whole cores (an odd count on 2-thread '
      + 'cores) leave the last core part-filled, and virt-launcher pins the emulator thread to its free thread '
      + '(KubeVirt v1.9.0 converter/vcpu/vcpu.go: vCPUs two per core in order, then the emulator).',
    prevents: 'a real-time vCPU sharing its physical core with QEMU\'s main loop (device emulation, not real-time): '
      + 'latency spikes the isolation was meant to remove',
    fix: 'use an even vCPU count with even-parity completion (the emulator then gets a whole core), or leave that vCPU '
      + 'out of the real-time mask (a housekeeping vCPU then shares the core), or a pool without SMT',
  },
  PLACEMENT_SMT_ALIGNMENT: {
    severity: 'error',
    meaning: 'With SMT and full-pcpus-only, the launcher pod\'s CPU count (vCPUs + IOThreads + emulator) is not a multiple of the threads per core.',
    prevents: 'the kubelet refusing the pod after scheduling: "SMT Alignment Error: requested N cpus not multiple cpus per core = 2" (the VM never starts)',
    fix: 'turn on even-parity completion (a KubeVirtConfiguration for KubeVirt v1.2+ enables AlignCPUs and the EmulatorThreadCompleteToEvenParity annotation), or change the vCPU count',
  },
  PLACEMENT_CPUS_EXCEED_NUMA_NODE: {
    severity: 'error',
    meaning: 'Under single-numa-node, the pod needs more exclusive CPUs than any NUMA node of the pool has isolated (in whole cores under full-pcpus-only).',
    prevents: 'the kubelet rejecting the pod with TopologyAffinityError',
    fix: 'give the VM fewer vCPUs, or isolate more CPUs per NUMA node',
  },
  PLACEMENT_CPUS_EXCEED_NODE: {
    severity: 'error',
    meaning: 'The pod needs more exclusive CPUs than a node of the pool has isolated.',
    prevents: 'a VM Pending forever (Insufficient cpu)',
    fix: 'give the VM fewer vCPUs, or isolate more CPUs',
  },
  PLACEMENT_HUGEPAGE_SIZE_NOT_ON_POOL: {
    severity: 'error',
    meaning: 'The VM\'s huge page size is not one the pool sets aside.',
    prevents: 'a VM Pending forever: no node of the pool offers the hugepages-<size> resource the pod requests',
    fix: 'use the pool\'s page size, or add pages of the VM\'s size to the pool',
  },
  PLACEMENT_HUGEPAGES_EXCEED_NUMA_NODE: {
    severity: 'error',
    meaning: 'Under single-numa-node, the VM needs more huge pages than any NUMA node of the pool has (per-node counts, or the boot-time even split).',
    prevents: 'the kubelet rejecting the pod with TopologyAffinityError, or QEMU failing to bind guest memory to one NUMA node (kubevirt#6981)',
    fix: 'shrink the VM, or set aside more pages per NUMA node',
  },
  PLACEMENT_HUGEPAGES_EXCEED_NODE: {
    severity: 'error',
    meaning: 'The VM needs more huge pages than a node of the pool has.',
    prevents: 'a VM Pending forever (Insufficient hugepages-<size>)',
    fix: 'shrink the VM, or set aside more pages',
  },
  PLACEMENT_NO_NUMA_NODE_FITS: {
    severity: 'error',
    meaning: 'Under single-numa-node, the VM\'s CPUs fit some NUMA node and its huge pages fit some NUMA node, but no NUMA node has room for both.',
    prevents: 'the kubelet rejecting the pod with TopologyAffinityError',
    fix: 'set aside the huge pages on the NUMA nodes that have the isolated CPUs, or shrink the VM',
  },
  PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY: {
    severity: 'warning',
    meaning: 'A VM with NUMA guestMappingPassthrough is placed on a pool whose Topology Manager policy is best-effort or none.',
    prevents: 'QEMU failing at VM start with "cannot bind memory to host NUMA nodes: Operation not permitted" (kubevirt#17248)',
    fix: 'use topologyManagerPolicy SINGLE_NUMA_NODE on the pool, or turn guestMappingPassthrough off',
  },
  PLACEMENT_NO_KUBEVIRT_CONFIGURATION: {
    severity: 'warning',
    meaning: 'A VM with dedicated CPUs is placed on a pool, but the app has no KubeVirtConfiguration to turn the CPUManager gate on.',
    prevents: 'a VM Pending forever: virt-handler sets kubevirt.io/cpumanager=true (cpumanager=true before v1.8) only with CPUManager on',
    fix: 'add a KubeVirtConfiguration for the cluster\'s KubeVirt (or HCO) release, or make sure the cluster lists CPUManager',
  },
  PLACEMENT_POOL_CAPACITY_EXCEEDED: {
    severity: 'error',
    meaning: 'The VMs placed on a pool do not all fit its declared nodeCount nodes (first-fit decreasing by CPUs, then huge pages, one NUMA node per VM under single-numa-node).',
    prevents: 'VMs Pending for lack of isolated CPUs or huge pages once the pool is full',
    fix: 'raise nodeCount to the count the message names, or place fewer or smaller VMs on the pool',
  },
};
