import { CapacityOptions } from '../plan/capacity';
import { RealtimeNodePoolModel } from '../pool/pool-model';

/**
 * The `capacityOf` options that describe a pool's nodes: its CPU manager (`full-pcpus-only` with SMT) and the huge
 * pages of each NUMA node as the pool allocates them (declared per node, or the kernel's even split of boot-time
 * pages), so capacity is computed from the same model the pool renders.
 */
export function capacityOptionsOf(pool: RealtimeNodePoolModel, emulatorThreadEvenParity: boolean): CapacityOptions {
  return {
    emulatorThreadEvenParity,
    fullPcpusOnly: pool.fullPcpusOnly,
    hugePages: pool.hugepages.map((p) => ({ numaNode: p.numaNode, size: p.size, count: p.count })),
  };
}

/** A usable declared node count (the pool rules report any other value). */
export function isNodeCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;
}
