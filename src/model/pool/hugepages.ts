import { NumaHugePages } from './pool-model';
import { HugePageSize } from '../../values/hugepage-size';
import { HugePageAllocation } from '../../values/pool/pool-props';

// Two ways to set huge pages aside, one per kind of allocation:
//
//  - Pages WITHOUT a NUMA node are boot arguments (`hugepagesz=1G hugepages=52`). The kernel reserves them before
//    anything else runs, when memory is not yet fragmented (the only reliable way to get many 1G pages), and spreads
//    them round-robin over the NUMA nodes with memory: `count / nodes` each, the remainder one by one to the lowest
//    nodes. This module models that split so per-node capacity can be checked.
//
//  - Pages ON a NUMA node are written by a oneshot systemd unit (`hugepages-allocation-<kB>kB-NUMA<n>.service`) to
//    /sys/devices/system/node/node<n>/hugepages/hugepages-<kB>kB/nr_hugepages before kubelet.service starts. This is
//    what NTO does. The boot-time per-node form `hugepages=0:26,1:26` would be more reliable, but it exists only since
//    Linux 5.16 (commit b5389086ad7b) and older kernels do not reject it: they misread it and reserve the wrong number
//    of pages without an error. A pool cannot know its nodes' kernel at synth time, so the unit is the safe choice;
//    the unit checks the count it got and fails visibly (systemctl --failed) when memory was too fragmented.
//
// Writing nr_hugepages SETS a node's count, it does not add to it, so one size must not be both spread at boot and
// pinned to nodes: the unit would silently replace the node's boot-time share. The rules refuse that mix.

/** Pages of one size pinned to one NUMA node: one systemd unit each. */
export interface PinnedHugePages {
  readonly size: HugePageSize;
  readonly numaNode: number;
  readonly count: number;
}

/** True for a usable page count: a positive whole number. */
export function isValidHugePageCount(count: unknown): count is number {
  return typeof count === 'number' && Number.isSafeInteger(count) && count > 0;
}

/** Entries the renderer can use; invalid ones are reported by the rules and left out here so nothing crashes. */
export function usableAllocations(allocations: HugePageAllocation[], numaNodeIds: number[]): HugePageAllocation[] {
  return (allocations ?? []).filter((a) => a !== undefined && a !== null
    && HugePageSize.all().includes(a.size)
    && isValidHugePageCount(a.count)
    && (a.numaNode === undefined || numaNodeIds.includes(a.numaNode)));
}

/** The sizes the allocations use, smallest first. */
export function usedHugePageSizes(allocations: HugePageAllocation[]): HugePageSize[] {
  return HugePageSize.all().filter((size) => allocations.some((a) => a.size === size));
}

/** The default huge page size: the given one, else the only size used, else none. */
export function effectiveDefaultHugePageSize(allocations: HugePageAllocation[], given?: HugePageSize): HugePageSize | undefined {
  if (given !== undefined) return given;
  const sizes = usedHugePageSizes(allocations);
  return sizes.length === 1 ? sizes[0] : undefined;
}

/** The boot-time (node-less) page count of one size. */
export function bootHugePageCount(allocations: HugePageAllocation[], size: HugePageSize): number {
  return allocations.filter((a) => a.size === size && a.numaNode === undefined).reduce((sum, a) => sum + a.count, 0);
}

/** The pages pinned to NUMA nodes, one entry per (size, node), by size (smallest first) then node. */
export function pinnedHugePages(allocations: HugePageAllocation[]): PinnedHugePages[] {
  const out: PinnedHugePages[] = [];
  for (const size of usedHugePageSizes(allocations)) {
    const nodes = [...new Set(allocations.filter((a) => a.size === size && a.numaNode !== undefined).map((a) => a.numaNode!))]
      .sort((a, b) => a - b);
    for (const numaNode of nodes) {
      const count = allocations.filter((a) => a.size === size && a.numaNode === numaNode).reduce((sum, a) => sum + a.count, 0);
      out.push({ size, numaNode, count });
    }
  }
  return out;
}

/**
 * How a boot-time count lands on the NUMA nodes: `count / nodes` each, the remainder to the lowest nodes (the
 * kernel's round-robin allocation, which starts at the first node with memory).
 */
export function splitEvenly(count: number, numaNodeIds: number[]): Map<number, number> {
  const nodes = [...numaNodeIds].sort((a, b) => a - b);
  const split = new Map<number, number>();
  if (nodes.length === 0) return split;
  const base = Math.floor(count / nodes.length);
  const remainder = count % nodes.length;
  nodes.forEach((node, i) => split.set(node, base + (i < remainder ? 1 : 0)));
  return split;
}

/**
 * The huge pages every NUMA node will hold, by node then size (smallest first); nodes and sizes without pages are
 * left out. Invalid allocations must have been filtered out (`usableAllocations`).
 */
export function resolveNumaHugePages(allocations: HugePageAllocation[], numaNodeIds: number[]): NumaHugePages[] {
  const out: NumaHugePages[] = [];
  const sizes = usedHugePageSizes(allocations);
  const pinned = pinnedHugePages(allocations);
  const bootSplits = new Map(sizes.map((size) => [size, splitEvenly(bootHugePageCount(allocations, size), numaNodeIds)]));
  for (const numaNode of [...numaNodeIds].sort((a, b) => a - b)) {
    for (const size of sizes) {
      const atBoot = bootSplits.get(size)?.get(numaNode) ?? 0;
      const byUnit = pinned.find((p) => p.size === size && p.numaNode === numaNode)?.count ?? 0;
      const count = atBoot + byUnit;
      if (count > 0) out.push({ numaNode, size, count, allocatedAtBoot: byUnit === 0 });
    }
  }
  return out;
}

/** Bytes of huge pages on one NUMA node. */
export function hugePageBytesOnNode(pages: NumaHugePages[], numaNode: number): number {
  return pages.filter((p) => p.numaNode === numaNode).reduce((sum, p) => sum + p.count * p.size.bytes, 0);
}

/**
 * The huge page kernel arguments, in a fixed order: `default_hugepagesz=<default>` (when there is one), then for every
 * size used, smallest first, `hugepagesz=<size> hugepages=<boot-time count>`.
 *
 * A size whose pages are all pinned to NUMA nodes is still declared, with `hugepages=0`, so its sysfs directories
 * exist on every kernel before the allocation units run (NTO adds the same `hugepagesz=2M hugepages=0` because
 * `default_hugepagesz=1G` hid the 2M directories on older kernels).
 */
export function hugePageKernelArgs(allocations: HugePageAllocation[], defaultSize?: HugePageSize): string[] {
  const args: string[] = [];
  if (defaultSize !== undefined) args.push(`default_hugepagesz=${defaultSize.kernelName}`);
  for (const size of usedHugePageSizes(allocations)) {
    args.push(`hugepagesz=${size.kernelName}`, `hugepages=${bootHugePageCount(allocations, size)}`);
  }
  return args;
}
