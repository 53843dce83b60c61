import { CodeInfo } from './code-info';

/** Codes of the real-time node pool (RealtimeNodePool: MachineConfigPool, MachineConfig, KubeletConfig, Tuned). */
export const POOL_CODES: Record<string, CodeInfo> = {
  POOL_PROP_NOT_FOR_BACKEND: {
    severity: 'error',
    meaning: 'A prop only some backends read is set on a pool whose backend does not read it: maxUnavailable and paused (the '
      + 'OpenShift MachineConfigPool), nodeTaints (Talos, Cluster API, kubelet drop-in), talosVersion and talosInstallerImage '
      + '(Talos), kubeletDropInDirectory (kubelet drop-in).',
    prevents: 'a setting silently dropped: nodes without the taint the VMs were meant to need, a rollout limit nobody enforces',
    fix: 'remove the prop, or choose the backend that reads it',
  },
  POOL_ROLE_INVALID: {
    severity: 'error',
    meaning: 'The pool role is not a DNS-1123 label (it names the MachineConfigPool and the node-role label).',
    prevents: 'a MachineConfigPool and KubeletConfig the API server rejects, or a node label no node can carry',
    fix: 'use a lower-case name such as "worker-rt"',
  },
  POOL_ROLE_RESERVED: {
    severity: 'error',
    meaning: 'The pool role is one of the Machine Config Operator\'s built-in pools (master, worker, arbiter).',
    prevents: 'overwriting the built-in pool: real-time kernel arguments on every worker or control-plane node',
    fix: 'use a role of its own, e.g. "worker-rt", and label the real-time nodes with it',
  },
  POOL_ROLE_DUPLICATE: {
    severity: 'error',
    meaning: 'Two node pools in one app have the same role, so they would write the same MachineConfigPool (and node-level objects).',
    prevents: 'one pool silently overwriting the other in Git: the nodes get whichever tuning was applied last, and every apply reboots them',
    fix: 'give each pool its own role (and its own node label)',
  },
  POOL_HUGEPAGE_COUNT_INVALID: {
    severity: 'error',
    meaning: 'A huge page count is not a positive whole number.',
    prevents: 'a hugepages= kernel argument or nr_hugepages write the kernel ignores or misreads',
    fix: 'give a positive whole number of pages, or drop the entry',
  },
  POOL_HUGEPAGE_NUMA_NODE_UNKNOWN: {
    severity: 'error',
    meaning: 'A huge page entry names a NUMA node the topology does not have.',
    prevents: 'an allocation unit that fails at boot (no such sysfs node), leaving the node without its pages',
    fix: 'use a NUMA node of the topology, or leave numaNode out',
  },
  POOL_HUGEPAGE_DUPLICATE: {
    severity: 'error',
    meaning: 'Two huge page entries have the same size and NUMA node (or both have none).',
    prevents: 'two allocation units writing the same nr_hugepages (the last one wins) or a repeated hugepagesz argument',
    fix: 'merge them into one entry with the total count',
  },
  POOL_HUGEPAGE_MIXED_PLACEMENT: {
    severity: 'error',
    meaning: 'Pages of one size are declared both without a NUMA node (spread at boot) and on a NUMA node.',
    prevents: 'a node whose pinned allocation silently replaces its boot-time share (nr_hugepages is set, not added)',
    fix: 'give every entry of that size a numaNode, or declare the size only as one total without numaNode',
  },
  POOL_DEFAULT_HUGEPAGE_SIZE_UNUSED: {
    severity: 'error',
    meaning: 'defaultHugePageSize is not one of the sizes the pool allocates.',
    prevents: 'a default_hugepagesz whose pool is empty: hugetlbfs mounts without pagesize get no pages',
    fix: 'use a size from hugepages, or add pages of that size',
  },
  POOL_NO_HUGEPAGES: {
    severity: 'warning',
    meaning: 'The pool sets no huge pages aside.',
    prevents: 'real-time VMs with NUMA passthrough that stay Pending (KubeVirt requires huge pages for them)',
    fix: 'declare hugepages, e.g. 1Gi pages per NUMA node',
  },
  POOL_HUGEPAGES_UNEVEN_SPLIT: {
    severity: 'warning',
    meaning: 'A boot-time huge page count (no numaNode) does not divide evenly by the NUMA nodes.',
    prevents: 'NUMA nodes with different page counts, so a VM fits one node but not another',
    fix: 'use a multiple of the NUMA node count, or give the pages per node with numaNode',
  },
  POOL_HUGEPAGES_EXCEED_HOST_MEMORY: {
    severity: 'error',
    meaning: 'The huge pages plus the kubelet\'s reserved memory exceed the memory the topology declares for the host.',
    prevents: 'a node that cannot boot into a usable state (out of memory) or allocates fewer pages than planned',
    fix: 'set fewer huge pages, or declare the real memory in the topology',
  },
  POOL_HUGEPAGES_EXCEED_NUMA_MEMORY: {
    severity: 'error',
    meaning: 'The huge pages of a NUMA node (plus the kubelet\'s reserved memory, on its node) exceed that node\'s memory.',
    prevents: 'an allocation that falls short on that node, and VMs that stay Pending or fail to start on it',
    fix: 'set fewer pages on that node or move some to another node',
  },
  POOL_KERNEL_ARG_SYNTAX: {
    severity: 'error',
    meaning: 'An additional kernel argument is empty, has spaces or quotes (several arguments in one entry), or starts with "=".',
    prevents: 'a MachineConfig whose kernel arguments rpm-ostree splits or quotes differently than written',
    fix: 'put each argument in its own entry',
  },
  POOL_KERNEL_ARG_DUPLICATE: {
    severity: 'error',
    meaning: 'An additional kernel argument repeats a generated argument or another additional argument.',
    prevents: 'a duplicated argument on the command line and a MachineConfig change (a pool reboot) that changes nothing',
    fix: 'remove the repeated argument',
  },
  POOL_KERNEL_ARG_CONFLICT: {
    severity: 'error',
    meaning: 'An additional kernel argument sets a key the pool generates itself (isolcpus, nohz_full, hugepages, nosmt ...).',
    prevents: 'two contradicting values on the command line, where the kernel keeps one of them',
    fix: 'set it through the pool props (partition, hugepages, balanceIsolated, realtimeKernel) instead',
  },
  POOL_PARTITION_TOPOLOGY_MISMATCH: {
    severity: 'error',
    meaning: 'The CPU partition was made for another topology than the pool\'s.',
    prevents: 'reserved or isolated CPUs that do not exist on the nodes: a kubelet that will not start',
    fix: 'build the partition from the pool\'s topology',
  },
  POOL_BOOT_CPU_ISOLATED: {
    severity: 'warning',
    meaning: 'CPU 0, the boot CPU, is isolated; the kernel forces it out of nohz_full, so it keeps its tick.',
    prevents: 'a real-time vCPU on CPU 0 that suffers periodic timer interrupts despite the isolation',
    fix: 'reserve CPU 0 (and its SMT siblings) for the host',
  },
  POOL_TOPOLOGY_POLICY_NOT_ALIGNED: {
    severity: 'warning',
    meaning: 'The Topology Manager policy is none or best-effort on a host with several NUMA nodes.',
    prevents: 'VMs whose CPUs, memory and devices span NUMA nodes: remote memory access and latency spikes',
    fix: 'use TopologyManagerPolicy.SINGLE_NUMA_NODE',
  },
  POOL_NUMA_NODE_WITHOUT_HUGEPAGES: {
    severity: 'warning',
    meaning: 'Under restricted/single-numa-node, a NUMA node has isolated CPUs but no huge pages while other nodes have some.',
    prevents: 'isolated CPUs no huge-page-backed VM can use (the kubelet needs CPUs and pages on one node)',
    fix: 'add huge pages on that node',
  },
  POOL_HUGEPAGES_WITHOUT_ISOLATED_CPUS: {
    severity: 'warning',
    meaning: 'Under restricted/single-numa-node, a NUMA node has huge pages but no isolated CPUs.',
    prevents: 'huge pages no dedicated-CPU VM can use: memory taken from the host for nothing',
    fix: 'move the pages to a node with isolated CPUs',
  },
  POOL_MAX_UNAVAILABLE_INVALID: {
    severity: 'error',
    meaning: 'maxUnavailable is not a whole number of at least 1.',
    prevents: 'a MachineConfigPool that never updates (0) or that the API server rejects',
    fix: 'use 1 (one node at a time)',
  },
  POOL_MAX_UNAVAILABLE_WHOLE_POOL: {
    severity: 'warning',
    meaning: 'maxUnavailable is at least the declared node count: every node of the pool may reboot at once.',
    prevents: 'an outage of every real-time VM of the pool on each MachineConfig change',
    fix: 'lower maxUnavailable below nodeCount',
  },
  POOL_NODE_COUNT_INVALID: {
    severity: 'error',
    meaning: 'nodeCount is not a whole number of at least 1.',
    prevents: 'capacity checks computed from a meaningless node count',
    fix: 'give the number of nodes of the pool, or leave nodeCount out',
  },
  POOL_PAUSED: {
    severity: 'warning',
    meaning: 'The pool is paused: the Machine Config Operator applies no configuration to its nodes.',
    prevents: 'believing the nodes run the rendered kernel, arguments and huge pages when they do not yet',
    fix: 'unpause the pool when the rollout may start',
  },
  POOL_MEMORY_RESERVATION_INVALID: {
    severity: 'error',
    meaning: 'A kubelet memory reservation (kubeReserved, systemReserved, evictionHard) is not a whole number of MiB.',
    prevents: 'a reservedMemory that does not equal kubeReserved + systemReserved + evictionHard: the kubelet fails at startup',
    fix: 'use Size.mebibytes(n) with a whole n',
  },
};
