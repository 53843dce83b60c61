import { HugePageSize } from '../../values/hugepage-size';

// First-fit decreasing bin packing of VMs into the NUMA nodes (or nodes) of a pool. Deliberately simple and
// deterministic: it is a synth-time sanity check of declared counts, not a scheduler. With two resources (CPUs and
// pages) it can miss a packing that exists, so a failure is reported together with the node count at which FFD does
// place everything: a recommendation that is never too small.

/** Room in one bin: a NUMA node of one node (or a whole node when VMs may span NUMA nodes). */
export interface PackingBin {
  /** The node, numbered from 0. */
  readonly node: number;
  /** The NUMA node; undefined when the bin is a whole node. */
  readonly numaNode?: number;
  /** CPUs the kubelet can hand out exclusively (whole cores under full-pcpus-only). */
  readonly cpus: number;
  /** Huge pages per size (by `HugePageSize.quantity`). */
  readonly pages: Record<string, number>;
}

/** One VM to place. */
export interface PackingItem {
  /** The VM's name (for messages) and tie-breaker. */
  readonly name: string;
  /** Exclusive CPUs of its launcher pod (0 without dedicated CPUs). */
  readonly cpus: number;
  /** Its huge page size, if its memory is backed by huge pages. */
  readonly pageSize?: HugePageSize;
  /** Huge pages it needs (0 without huge pages). */
  readonly pages: number;
}

/** Where an item went. */
export interface PackedItem {
  readonly item: PackingItem;
  readonly bin: PackingBin;
}

/** The result of a packing. */
export interface PackingResult {
  /** Placed items, in packing order. */
  readonly placed: PackedItem[];
  /** Items no bin had room for, in packing order. */
  readonly unplaced: PackingItem[];
}

/**
 * The packing order: most CPUs first, then most huge page bytes, then by name (so the result never depends on the
 * order the VMs were declared in).
 */
export function packingOrder(items: PackingItem[]): PackingItem[] {
  const bytes = (i: PackingItem) => (i.pageSize ? i.pages * i.pageSize.bytes : 0);
  return [...items].sort((a, b) => (b.cpus - a.cpus) || (bytes(b) - bytes(a)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether `item` fits the free room `free` of a bin. */
export function fits(item: PackingItem, free: { cpus: number; pages: Record<string, number> }): boolean {
  if (item.cpus > free.cpus) return false;
  return item.pageSize === undefined || item.pages <= (free.pages[item.pageSize.quantity] ?? 0);
}

/**
 * First-fit decreasing: items in `packingOrder`, each into the first bin (in the given bin order) with room for both
 * its CPUs and its huge pages.
 *
 * @param openBins when no bin has room: returns the bins of one more node, appended after the others (the item is
 * then placed in them if it fits); without it the item is left unplaced
 */
export function packFirstFitDecreasing(bins: PackingBin[], items: PackingItem[], openBins?: () => PackingBin[]): PackingResult {
  const all = [...bins];
  const free = all.map((b) => ({ cpus: b.cpus, pages: { ...b.pages } }));
  const placed: PackedItem[] = [];
  const unplaced: PackingItem[] = [];
  for (const item of packingOrder(items)) {
    let i = free.findIndex((room) => fits(item, room));
    if (i < 0 && openBins) {
      const more = openBins();
      all.push(...more);
      free.push(...more.map((b) => ({ cpus: b.cpus, pages: { ...b.pages } })));
      i = free.findIndex((room, k) => k >= free.length - more.length && fits(item, room));
    }
    if (i < 0) {
      unplaced.push(item);
      continue;
    }
    free[i].cpus -= item.cpus;
    if (item.pageSize) free[i].pages[item.pageSize.quantity] -= item.pages;
    placed.push({ item, bin: all[i] });
  }
  return { placed, unplaced };
}
