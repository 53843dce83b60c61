import { Size } from 'cdk8s';

/**
 * How a host numbers its logical CPUs. Firmware decides this, and it matters: the same reserved list means different
 * cores on differently numbered hosts. Check `lscpu -p=CPU,CORE,SOCKET,NODE -y` or `virsh capabilities` on one real
 * node and pick the member that reproduces it (or build the topology from that output directly).
 *
 * In every member, sockets are numbered in NUMA node order (node `n` owns sockets `n*S .. n*S+S-1`, where S is
 * `socketsPerNumaNode`), cores within a socket `0 .. coresPerSocket-1`, and K below is the host's total number of
 * cores (`numaNodes * socketsPerNumaNode * coresPerSocket`).
 */
export enum CpuNumbering {
  /**
   * First threads in NUMA node → socket → core order, then the second threads in the same order, and so on:
   * the first thread of the k-th core is CPU k, its thread t is CPU `k + t*K`.
   *
   * Single-socket x86 servers and many 2-socket BIOSes number this way. 1 node × 4 cores × 2 threads: cores
   * {0,4} {1,5} {2,6} {3,7}. Without SMT each NUMA node owns one contiguous block (the libvirt real-time guide's
   * example: node 0 = 0-7, node 1 = 8-15).
   */
  SEQUENTIAL = 'sequential',

  /**
   * Whole sockets round-robin across NUMA nodes: the first socket of each node, then the second socket of each
   * node, ...; within a socket its cores are consecutive. Threads as in SEQUENTIAL (thread t of a core is its first
   * thread + t*K).
   *
   * The libvirt guide's warning: 2 nodes × 2 sockets × 4 cores gives node 0 = 0-3,8-11 and node 1 = 4-7,12-15.
   */
  INTERLEAVED_BY_SOCKET = 'interleaved-by-socket',

  /**
   * Cores round-robin across NUMA nodes: core 0 of node 0, core 0 of node 1, ..., then core 1 of each node, ...
   * (within a node, cores in socket → core order). Threads as in SEQUENTIAL.
   *
   * Typical 2-socket Intel servers: CPU 0 on node 0, CPU 1 on node 1, ...; 2 nodes × 20 cores × 2 threads gives
   * node 0 = 0,2,...,78 and the sibling of CPU n is n+40.
   */
  INTERLEAVED_BY_CORE = 'interleaved-by-core',

  /**
   * Cores in NUMA node → socket → core order with each core's threads adjacent: thread t of the k-th core is CPU
   * `k*T + t` (T = threadsPerCore). 1 node × 4 cores × 2 threads: cores {0,1} {2,3} {4,5} {6,7}.
   *
   * Common on POWER and some Arm servers, and in KVM guests with `threads > 1`. Same as SEQUENTIAL without SMT.
   */
  SEQUENTIAL_ADJACENT_SIBLINGS = 'sequential-adjacent-siblings',
}

/**
 * A host described by its shape alone, for planning before the hardware exists: every NUMA node has the same
 * sockets, every socket the same cores, every core the same number of SMT threads.
 */
export interface UniformTopologyProps {
  /** Number of NUMA nodes (1-1024). */
  readonly numaNodes: number;

  /**
   * Sockets in each NUMA node. Most servers have one NUMA node per socket; the libvirt real-time guide's example has
   * two sockets per node.
   *
   * @default 1
   */
  readonly socketsPerNumaNode?: number;

  /** Physical cores in each socket. */
  readonly coresPerSocket: number;

  /**
   * SMT threads per core: 1 without Hyper-Threading/SMT, 2 with it.
   *
   * @default 1
   */
  readonly threadsPerCore?: number;

  /**
   * Memory of each NUMA node, if known; reported by `memoryOfNumaNode`.
   *
   * @default - unknown; memory checks that need it are skipped or refused
   */
  readonly memoryPerNumaNode?: Size;

  /**
   * How the host numbers its logical CPUs.
   *
   * @default CpuNumbering.SEQUENTIAL
   */
  readonly numbering?: CpuNumbering;
}
