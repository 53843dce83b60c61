// The benchmark's workload, as plain data both sides build from: 20 real-time node pools on three kinds of hardware
// and N VMs of mixed shapes, each placed on one pool. Deterministic (no randomness): VM i always has the same shape,
// so the library and the raw side are compared object by object, and N = 1,000 is a prefix of N = 5,000.
//
// Every shape is valid (the benchmark measures synthesis, not error reporting): memory is a multiple of the page size,
// masks leave vCPU 0 for housekeeping, and on SMT pools (kubelet `full-pcpus-only`) the launcher pod asks for an even
// number of host CPUs (vCPUs + 1 emulator CPU with `isolateEmulatorThread`).

/** The hardware of a pool's nodes, with the CPU lists a YAML author would write by hand for it. */
export interface HardwareSpec {
  readonly key: string;
  readonly numaNodes: number;
  readonly socketsPerNumaNode: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  readonly memoryPerNumaNodeGi: number;
  /** `CpuPartition.plan` options (library side). */
  readonly reservedCpuCount: number;
  readonly splitAcrossNumaNodes: boolean;
  /** The same partition as literal cpulists (raw side). */
  readonly reserved: string;
  readonly isolated: string;
  /** 1Gi pages pinned to each NUMA node. */
  readonly pinned1GiPerNode: number;
  /** 2Mi pages set at boot, spread over the NUMA nodes (0 for none). */
  readonly boot2MiPages: number;
}

/** 2 NUMA nodes x 32 cores x 2 threads (sibling of n is n+64), 256 GiB per node. */
const SMT_128: HardwareSpec = {
  key: 'smt128',
  numaNodes: 2,
  socketsPerNumaNode: 1,
  coresPerSocket: 32,
  threadsPerCore: 2,
  memoryPerNumaNodeGi: 256,
  reservedCpuCount: 4,
  splitAcrossNumaNodes: false,
  reserved: '0-1,64-65',
  isolated: '2-63,66-127',
  pinned1GiPerNode: 200,
  boot2MiPages: 0,
};

/** 2 NUMA nodes x 2 sockets x 16 cores, no SMT, 192 GiB per node; 1Gi pages pinned plus 2Mi pages at boot. */
const NOSMT_64: HardwareSpec = {
  key: 'nosmt64',
  numaNodes: 2,
  socketsPerNumaNode: 2,
  coresPerSocket: 16,
  threadsPerCore: 1,
  memoryPerNumaNodeGi: 192,
  reservedCpuCount: 4,
  splitAcrossNumaNodes: true,
  reserved: '0-1,32-33',
  isolated: '2-31,34-63',
  pinned1GiPerNode: 120,
  boot2MiPages: 16384,
};

/** 4 NUMA nodes x 24 cores x 2 threads (sibling of n is n+96), 128 GiB per node. */
const SMT_192: HardwareSpec = {
  key: 'smt192',
  numaNodes: 4,
  socketsPerNumaNode: 1,
  coresPerSocket: 24,
  threadsPerCore: 2,
  memoryPerNumaNodeGi: 128,
  reservedCpuCount: 8,
  splitAcrossNumaNodes: false,
  reserved: '0-3,96-99',
  isolated: '4-95,100-191',
  pinned1GiPerNode: 100,
  boot2MiPages: 0,
};

const HARDWARE = [SMT_128, NOSMT_64, SMT_192];

/** One node pool. */
export interface PoolSpec {
  readonly id: string;
  readonly role: string;
  readonly hardware: HardwareSpec;
  readonly nodeCount: number;
}

/** How a VM boots. */
export enum DiskKind {
  CONTAINER = 'container',
  PVC = 'pvc',
}

/** One VM, in the terms both sides understand. */
export interface VmSpec {
  readonly name: string;
  readonly namespace: string;
  readonly pool: PoolSpec;
  /** vCPU count, or undefined when `topology` is given. */
  readonly vcpus?: number;
  readonly topology?: { readonly sockets: number; readonly cores: number; readonly threads: number };
  readonly memoryMi: number;
  /** '1Gi' or '2Mi'. */
  readonly pageSize: string;
  /** The real-time mask text; '' = every vCPU (`realtime: {}`). */
  readonly mask: string;
  /** How the library side writes the mask: RealtimeMask.all(), .parse(text) or .vcpus(ids). */
  readonly maskStyle: 'all' | 'parse' | 'ids';
  readonly isolateEmulatorThread: boolean;
  readonly disk: DiskKind;
  readonly image: string;
  readonly claimName: string;
  readonly cloudInitSecret?: string;
  readonly sshKeySecret?: string;
  readonly halted: boolean;
  readonly labels: { readonly [key: string]: string };
}

/** The whole app. */
export interface Workload {
  readonly pools: PoolSpec[];
  readonly vms: VmSpec[];
}

export const POOL_COUNT = 20;
export const NODES_PER_POOL = 48;
const IMAGE = 'quay.io/kubevirt/fedora-realtime-container-disk:20211008_5a22acb18';

/** The 20 pools: roles worker-rt-00 ... worker-rt-19, hardware cycling through the three kinds. */
export function pools(): PoolSpec[] {
  const out: PoolSpec[] = [];
  for (let i = 0; i < POOL_COUNT; i++) {
    const n = String(i).padStart(2, '0');
    out.push({ id: `pool-${n}`, role: `worker-rt-${n}`, hardware: HARDWARE[i % HARDWARE.length], nodeCount: NODES_PER_POOL });
  }
  return out;
}

// Co-prime cycle lengths, so shapes mix instead of repeating in lockstep.
const EVEN_VCPUS = [2, 4, 6, 8, 16, 12];
const ODD_VCPUS = [3, 5, 7, 11, 9];
const GI_SIZES = [4, 8, 2, 16, 6, 12, 32];
const MI_SIZES = [1536, 3072, 6144, 2048, 512 * 7];
const MASK_STYLES: Array<'all' | 'parse' | 'ids'> = ['all', 'parse', 'ids', 'parse', 'all', 'ids', 'parse'];

/** VM number `i` (0-based). */
export function vm(i: number, allPools: PoolSpec[]): VmSpec {
  const pool = allPools[i % allPools.length];
  const smt = pool.hardware.threadsPerCore > 1;
  const k = Math.floor(i / allPools.length); // position among the VMs of its pool
  // On SMT pools the pod's host CPU count must be even: odd vCPUs with an emulator CPU, even vCPUs without.
  const isolateEmulatorThread = smt ? k % 3 !== 2 : i % 4 !== 3;
  // On SMT pools a VM without an emulator CPU gets whole cores: its guest sees them as cores of 2 threads (placement
  // warns when the guest topology hides the host's SMT siblings).
  const useTopology = i % 11 === 5 || (smt && !isolateEmulatorThread);
  let vcpus: number;
  let topology: VmSpec['topology'];
  if (useTopology && smt && !isolateEmulatorThread) {
    const cores = [1, 2, 3, 4, 8][k % 5];
    topology = { sockets: 1, cores, threads: 2 };
    vcpus = 2 * cores;
  } else if (useTopology) {
    topology = isolateEmulatorThread ? { sockets: 1, cores: 3, threads: 1 } : { sockets: 2, cores: 2, threads: 1 };
    vcpus = topology.sockets * topology.cores * topology.threads;
  } else {
    vcpus = isolateEmulatorThread && smt ? ODD_VCPUS[k % ODD_VCPUS.length] : EVEN_VCPUS[i % EVEN_VCPUS.length];
  }
  // 2Mi pages only on the pools that have them (every other VM there).
  const twoMi = pool.hardware.boot2MiPages > 0 && k % 2 === 1;
  const memoryMi = twoMi ? MI_SIZES[i % MI_SIZES.length] : GI_SIZES[i % GI_SIZES.length] * 1024;
  const maskStyle = MASK_STYLES[i % MASK_STYLES.length];
  // 'ids' masks come back canonical from RealtimeMask.vcpus (`1` for a single id); parsed ones keep their text.
  const rest = vcpus === 2 && maskStyle === 'ids' ? '1' : `1-${vcpus - 1}`;
  const mask = maskStyle === 'all' ? '' : maskStyle === 'parse' && i % 2 === 0 ? `0-${vcpus - 1},^0` : rest;
  const name = `rt-vm-${String(i).padStart(5, '0')}`;
  return {
    name,
    namespace: `rt-apps-${i % 4}`,
    pool,
    vcpus: useTopology ? undefined : vcpus,
    topology,
    memoryMi,
    pageSize: twoMi ? '2Mi' : '1Gi',
    mask,
    maskStyle,
    isolateEmulatorThread,
    disk: i % 5 === 4 ? DiskKind.PVC : DiskKind.CONTAINER,
    image: IMAGE,
    claimName: `${name}-root`,
    cloudInitSecret: i % 3 === 0 ? `${name}-cloud-init` : undefined,
    sshKeySecret: i % 21 === 15 ? 'rt-admin-keys' : undefined, // keys travel through cloud-init: only with it
    halted: i % 13 === 12,
    labels: { 'app.kubernetes.io/part-of': 'rt-bench', 'tier': `tier-${i % 3}` },
  };
}

/** The app with `n` VMs. */
export function workload(n: number): Workload {
  const allPools = pools();
  const vms: VmSpec[] = [];
  for (let i = 0; i < n; i++) vms.push(vm(i, allPools));
  return { pools: allPools, vms };
}
