import { allocatableCpuCounts, CapacityOptions, isPodCpuCountAligned } from './capacity';
import { fits, packFirstFitDecreasing, PackingBin, PackingItem, PackingResult } from './packing';
import { capacityOptionsOf } from './pool-options';
import { isUsableShape } from './shape-check';
import { TopologyManagerPolicy } from '../../values/pool/topology-manager-policy';
import { RealtimeNodePoolModel } from '../pool/pool-model';
import { podCpuCount, VmShape } from '../vm/vm-shape';

/** A VM placed on a pool, as the packing sees it. */
export interface PoolVm {
  /** Its construct path, for messages. */
  readonly path: string;
  /** Its VirtualMachine name (packing order and messages). */
  readonly name: string;
  /** Its resolved shape. */
  readonly shape: VmShape;
}

/** All VMs of a pool packed into its declared nodes. */
export interface PoolPacking {
  /** The nodes packed into. */
  readonly nodeCount: number;
  /** Each VM stays in one NUMA node (`single-numa-node`); otherwise bins are whole nodes. */
  readonly perNumaNode: boolean;
  /** The packing itself. */
  readonly result: PackingResult;
  /** VMs left out because not even an empty node takes them (each reports its own placement error). */
  readonly skipped: PackingItem[];
  /** The fewest nodes at which first-fit decreasing places every packable VM. */
  readonly nodesNeeded: number;
}

/**
 * One packing item per VM: its launcher pod's exclusive CPUs (`podCpuCount`, with even-parity completion when the
 * cluster has it; 0 without dedicated CPUs) and its huge pages (`ceil(memory / pageSize)`).
 */
export function packingItemOf(vm: PoolVm, evenParity: boolean): PackingItem {
  const s = vm.shape;
  const size = s.hugePageSize;
  const cpus = s.dedicatedCpuPlacement ? podCpuCount(s, evenParity) : 0;
  return size
    ? { name: vm.name, cpus, pageSize: size, pages: Math.ceil(s.memoryBytes / size.bytes) }
    : { name: vm.name, cpus, pages: 0 };
}

/**
 * The bins of `nodeCount` identical nodes, node by node: one per NUMA node under `single-numa-node` (the kubelet
 * keeps each pod inside one), else one per node with the NUMA nodes' room added up. CPUs are the ones the kubelet
 * hands out exclusively (isolated, whole cores under full-pcpus-only, as `capacityOf` computes them); pages are the
 * pool's per-NUMA-node huge pages.
 */
export function poolBins(pool: RealtimeNodePoolModel, nodeCount: number): PackingBin[] {
  const numaNodes = allocatableCpuCounts(pool.partition, pool.fullPcpusOnly).map((n) => ({
    numaNode: n.numaNode,
    cpus: n.allocatableCpuCount,
    pages: Object.fromEntries(pool.hugepages.filter((p) => p.numaNode === n.numaNode).map((p) => [p.size.quantity, p.count])),
  }));
  const perNumaNode = pool.topologyManagerPolicy === TopologyManagerPolicy.SINGLE_NUMA_NODE;
  const bins: PackingBin[] = [];
  for (let node = 0; node < nodeCount; node++) {
    if (perNumaNode) {
      for (const n of numaNodes) bins.push({ node, numaNode: n.numaNode, cpus: n.cpus, pages: n.pages });
      continue;
    }
    const pages: Record<string, number> = {};
    for (const n of numaNodes) for (const [size, count] of Object.entries(n.pages)) pages[size] = (pages[size] ?? 0) + count;
    bins.push({ node, cpus: numaNodes.reduce((sum, n) => sum + n.cpus, 0), pages });
  }
  return bins;
}

/**
 * Packs every VM placed on the pool into its `nodeCount` nodes with first-fit decreasing (most CPUs first, then most
 * huge page bytes, then by name; each into the first node / NUMA node with room). VMs that fit no empty node, that the
 * kubelet refuses for SMT alignment, or whose numbers are unusable (invalid props) are skipped: each reports its own
 * placement error, and they cannot run on the pool at any node count.
 *
 * @returns undefined when there is nothing to pack
 */
export function packPool(pool: RealtimeNodePoolModel, nodeCount: number, vms: PoolVm[], evenParity: boolean): PoolPacking | undefined {
  if (vms.length === 0) return undefined;
  const perNumaNode = pool.topologyManagerPolicy === TopologyManagerPolicy.SINGLE_NUMA_NODE;
  const emptyNode = poolBins(pool, 1);
  const options = capacityOptionsOf(pool, evenParity);
  const packable: PackingItem[] = [];
  const skipped: PackingItem[] = [];
  for (const vm of vms) {
    const item = packingItemOf(vm, evenParity);
    // A VM whose props the rules refuse (0 vCPUs, no memory ...) has no capacity to pack: it reports its own errors.
    const packs = isUsableShape(vm.shape) && usable(item) && smtAligned(pool, vm, options) && emptyNode.some((b) => fits(item, b));
    (packs ? packable : skipped).push(item);
  }
  // First fit never moves an item to a later bin while an earlier one has room, so packing with extra nodes opened on
  // demand places exactly the same items on the declared nodes: what lands beyond them does not fit, and the number
  // of nodes opened in the end is the count first-fit decreasing needs. One packing answers both.
  let opened = nodeCount;
  const all = packFirstFitDecreasing(poolBins(pool, nodeCount), packable, () => {
    const node = opened++;
    return emptyNode.map((b) => ({ ...b, node }));
  });
  const result = {
    placed: all.placed.filter((p) => p.bin.node < nodeCount),
    unplaced: [...all.unplaced, ...all.placed.filter((p) => p.bin.node >= nodeCount).map((p) => p.item)],
  };
  const nodesNeeded = opened;
  return { nodeCount, perNumaNode, result, skipped, nodesNeeded };
}

/** The kubelet admits the pod at all: not refused for SMT alignment under full-pcpus-only (as capacityOf decides). */
function smtAligned(pool: RealtimeNodePoolModel, vm: PoolVm, options: CapacityOptions): boolean {
  return !vm.shape.dedicatedCpuPlacement || isPodCpuCountAligned(pool.partition, vm.shape, options);
}

function usable(item: PackingItem): boolean {
  return isCountOrZero(item.cpus) && isCountOrZero(item.pages);
}

function isCountOrZero(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
