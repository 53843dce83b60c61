import { CapacityOptions } from './capacity';
import { MAX_POOL_NODES } from '../../values/pool/pool-limits';
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
    // The model's own list (same identity for every VM of the pool, so capacityOf's cache keys it once).
    hugePages: pool.hugepages,
  };
}

/** A usable declared node count, 1 to MAX_POOL_NODES (the pool rules report any other value). */
export function isNodeCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 1 && x <= MAX_POOL_NODES;
}
