import { CodeInfo } from './code-info';

/** Codes of the host hardware value types: topology parsers, uniform shapes, CPU partitions. */
export const HOST_CODES: Record<string, CodeInfo> = {
  HOST_INPUT_TOO_LARGE: {
    severity: 'error',
    meaning: 'Topology input is over 1 MiB or declares more than 8192 CPUs (the kernel\'s CONFIG_NR_CPUS).',
    prevents: 'a synth that hangs or exhausts memory on a log file pasted by mistake',
    fix: 'pass only the output of lscpu -p or virsh capabilities for one host',
  },
  LSCPU_SYNTAX: {
    severity: 'error',
    meaning: 'A line of lscpu -p output is truncated, has the wrong number of fields, a non-numeric or out-of-range '
      + 'CPU/Core/Socket/Node, or the header lacks a needed column; or there is no CPU line at all.',
    prevents: 'CPU lists computed from a misread topology, which the kubelet or kernel later rejects or misapplies',
    fix: 'paste the complete output of `lscpu -p=CPU,CORE,SOCKET,NODE`',
  },
  VIRSH_XML_SYNTAX: {
    severity: 'error',
    meaning: 'The virsh capabilities XML is malformed, lacks <topology>/<cells>/<cell>/<cpu> or a required attribute '
      + '(id, socket_id, core_id, siblings, unit, size), has a non-numeric value, a unit other than KiB/MiB/GiB/TiB, '
      + 'or a num attribute that does not match the elements.',
    prevents: 'CPU lists and hugepage plans computed from a misread topology',
    fix: 'paste the output of `virsh capabilities` unchanged',
  },
  TOPOLOGY_INCONSISTENT: {
    severity: 'error',
    meaning: 'The topology contradicts itself: a CPU declared twice, a core listed in two NUMA nodes or sockets, or '
      + 'SMT siblings that do not list each other.',
    prevents: 'partitions that split cores or cross NUMA nodes on the real machine',
    fix: 'capture the topology again from the host, unedited',
  },
  TOPOLOGY_UNKNOWN_CPU: {
    severity: 'error',
    meaning: 'A CPU id was looked up (numaNodeOf, siblingsOf, socketOf) that the host does not have.',
    prevents: 'placement decisions made for CPUs the node lacks',
    fix: 'use a CPU id of the host; check the topology source',
  },
  UNIFORM_TOPOLOGY_INVALID: {
    severity: 'error',
    meaning: 'A uniform topology shape has a count that is not a positive whole number, exceeds its limit (1024 NUMA '
      + 'nodes, 8 threads per core, 8192 CPUs in total), an unknown numbering, or a non-positive memory size.',
    prevents: 'CPU lists planned for a machine that cannot exist',
    fix: 'declare the real shape of the node (see lscpu)',
  },
  PARTITION_RESERVED_COUNT_RANGE: {
    severity: 'error',
    meaning: 'reservedCpuCount is outside [1, total CPUs - 1] (performance-profile-creator: "please specify the '
      + 'reserved CPU count in the range [1,N]").',
    prevents: 'a kubelet with no reserved CPUs (the static CPU manager refuses to start) or no CPU left to isolate',
    fix: 'reserve between 1 and total-1 CPUs',
  },
  PARTITION_OFFLINED_COUNT_RANGE: {
    severity: 'error',
    meaning: 'offlinedCpuCount is outside [0, total CPUs - 1] (performance-profile-creator: "please specify the '
      + 'offlined CPU count in the range [0,N]").',
    prevents: 'a profile that offlines every CPU',
    fix: 'offline between 0 and total-1 CPUs',
  },
  PARTITION_COUNT_SUM: {
    severity: 'error',
    meaning: 'reservedCpuCount + offlinedCpuCount leaves no CPU to isolate (performance-profile-creator: "please ensure '
      + 'that reserved-cpu-count plus offlined-cpu-count should be in the range [0,N]").',
    prevents: 'a profile with an empty isolated set, which NTO rejects',
    fix: 'offline or reserve fewer CPUs',
  },
  PARTITION_ODD_WITH_SMT: {
    severity: 'error',
    meaning: 'With SMT on, the reserved count (or a cumulative per-NUMA-node target when split) is odd, so a core '
      + 'would be split (performance-profile-creator: "can\'t allocate odd number of CPUs from a NUMA Node").',
    prevents: 'SMT siblings split between reserved and isolated: SMTAlignmentError with full-pcpus-only, noisy RT cores',
    fix: 'reserve an even count (per NUMA node when splitting), or set disableSmt',
  },
  PARTITION_SPLIT_UNEVEN: {
    severity: 'warning',
    meaning: 'The reserved count is not a multiple of the NUMA node count, so the first nodes get one CPU more '
      + '(performance-profile-creator: "The reserved CPUs cannot be split equally across NUMA Nodes").',
    prevents: 'a surprise imbalance of housekeeping capacity between NUMA nodes',
    fix: 'reserve a multiple of the NUMA node count, or accept the imbalance',
  },
  PARTITION_CORE_ORDER_UNPROVEN: {
    severity: 'warning',
    meaning: 'The offlined CPUs depend on the order of sockets and cores (a pass took only some of its candidates), '
      + 'and the topology came from lscpu output whose ids look like lscpu\'s logical numbering (plain lscpu -p: 0, 1, '
      + '2 ... in CPU order). performance-profile-creator orders by the kernel\'s physical_package_id and core_id, which '
      + 'are often sparse and out of CPU order (Xeon Scalable), so it may offline other CPUs on the same host.',
    prevents: 'a partition that silently differs from the one OpenShift\'s performance-profile-creator computes for the host',
    fix: 'capture the host with `lscpu -p=CPU,CORE,SOCKET,NODE -y` (or virsh capabilities); if the input already is -y '
      + 'output, read it with { physicalIds: true }; or offline whole sockets only',
  },
  PARTITION_RESERVED_SHORTFALL: {
    severity: 'error',
    meaning: 'Splitting across NUMA nodes could not reserve the requested count because the last NUMA nodes are too '
      + 'small (or have no CPUs) to hold their share.',
    prevents: 'fewer reserved CPUs than requested, silently',
    fix: 'reserve fewer CPUs, or do not split them across NUMA nodes',
  },
  PARTITION_RESERVED_SPLITS_CORE: {
    severity: 'error',
    meaning: 'The reserved count ends inside a core (more than 2 threads per core, or cores with different thread '
      + 'counts), so the core would be split between reserved and isolated.',
    prevents: 'SMT siblings split between reserved and isolated',
    fix: 'reserve a count that takes whole cores, or set disableSmt',
  },
  PARTITION_RESERVED_EMPTY: {
    severity: 'error',
    meaning: 'The reserved CPU list is empty (NTO webhook: "reserved CPUs can not be empty").',
    prevents: 'a kubelet that refuses to start: the static CPU manager needs a CPU reservation greater than zero',
    fix: 'reserve at least one whole core',
  },
  PARTITION_ISOLATED_EMPTY: {
    severity: 'error',
    meaning: 'The isolated CPU list is empty (NTO webhook: "isolated CPUs can not be empty").',
    prevents: 'a real-time node with no CPU for real-time workloads (and a profile NTO rejects)',
    fix: 'isolate the CPUs that are neither reserved nor offlined',
  },
  PARTITION_UNKNOWN_CPU: {
    severity: 'error',
    meaning: 'A reserved, isolated or offlined CPU does not exist on the declared topology.',
    prevents: 'a kubelet that fails to start with "Invalid cpuset ... --reserved-cpus" (performance-addon-operators#236)',
    fix: 'use only CPUs of the host; the message gives the corrected list',
  },
  PARTITION_OVERLAP: {
    severity: 'error',
    meaning: 'A CPU is in two of reserved, isolated and offlined (NTO webhook: "reserved and isolated cpus overlap").',
    prevents: 'a profile NTO rejects, or an offlined CPU the kubelet still expects',
    fix: 'put each CPU in exactly one list; the message gives a corrected list',
  },
  PARTITION_INCOMPLETE: {
    severity: 'error',
    meaning: 'Some CPUs of the host are in none of reserved, isolated and offlined.',
    prevents: 'CPUs left to the general scheduler on a real-time node, unnoticed (openshift-docs#36355)',
    fix: 'add the missing CPUs to isolated (or reserved/offlined); the message gives the corrected list',
  },
  PARTITION_SPLIT_SIBLINGS: {
    severity: 'error',
    meaning: 'SMT siblings of a core are split between reserved and isolated (the message names each core).',
    prevents: 'housekeeping noise on real-time CPUs and SMTAlignmentError with full-pcpus-only (openshift-docs#58610)',
    fix: 'reserve whole cores; the message gives corrected reserved and isolated lists',
  },
};
