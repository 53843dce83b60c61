import { fits, packFirstFitDecreasing, PackingBin, PackingItem, packingOrder } from '../../../src/model/placement/packing';
import { HugePageSize } from '../../../src/values/hugepage-size';

const G = HugePageSize.ONE_GI;
const bin = (node: number, numaNode: number, cpus: number, pages: number): PackingBin => ({ node, numaNode, cpus, pages: { '1Gi': pages } });
const item = (name: string, cpus: number, pages: number = 0): PackingItem => ({ name, cpus, pages, ...(pages > 0 ? { pageSize: G } : {}) });

describe('packingOrder', () => {
  test('most CPUs first, then most huge page bytes, then by name', () => {
    const items = [item('b', 4, 8), item('a', 4, 8), item('c', 4, 16), item('d', 10), { name: 'e', cpus: 4, pages: 1024, pageSize: HugePageSize.TWO_MI }];
    expect(packingOrder(items).map((i) => i.name)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });
});

describe('fits', () => {
  test('needs room for both the CPUs and the pages of the item\'s size', () => {
    expect(fits(item('x', 4, 8), { cpus: 4, pages: { '1Gi': 8 } })).toBe(true);
    expect(fits(item('x', 5, 8), { cpus: 4, pages: { '1Gi': 8 } })).toBe(false);
    expect(fits(item('x', 4, 9), { cpus: 4, pages: { '1Gi': 8 } })).toBe(false);
    expect(fits({ name: 'x', cpus: 1, pages: 1, pageSize: HugePageSize.TWO_MI }, { cpus: 4, pages: { '1Gi': 8 } })).toBe(false);
    expect(fits(item('no-pages', 4), { cpus: 4, pages: {} })).toBe(true);
  });
});

describe('packFirstFitDecreasing', () => {
  test('puts each item into the first bin with room, largest first', () => {
    const bins = [bin(0, 0, 10, 10), bin(0, 1, 10, 10)];
    const result = packFirstFitDecreasing(bins, [item('s1', 2, 2), item('l', 8, 4), item('s2', 2, 2), item('m', 6, 6)]);
    expect(result.placed.map((p) => `${p.item.name}@${p.bin.numaNode}`)).toEqual(['l@0', 'm@1', 's1@0', 's2@1']);
    expect(result.unplaced).toEqual([]);
  });

  test('reports what does not fit, and never depends on the declaration order', () => {
    const bins = [bin(0, 0, 10, 10)];
    const items = [item('a', 6, 2), item('b', 6, 2), item('c', 4, 2)];
    const one = packFirstFitDecreasing(bins, items);
    const other = packFirstFitDecreasing(bins, [...items].reverse());
    expect(one.unplaced.map((i) => i.name)).toEqual(['b']);
    expect(other).toEqual(one);
  });

  test('pages can be the limit', () => {
    const result = packFirstFitDecreasing([bin(0, 0, 30, 32)], [item('a', 4, 20), item('b', 4, 20)]);
    expect(result.unplaced.map((i) => i.name)).toEqual(['b']);
  });
});

describe('packFirstFitDecreasing with bins opened on demand', () => {
  test('opens one more node when nothing has room, and keeps the first bins exactly as without it', () => {
    const bins = [bin(0, 0, 10, 10)];
    const items = [item('a', 6, 2), item('b', 6, 2), item('c', 4, 2), item('d', 6, 2)];
    let node = 1;
    const grown = packFirstFitDecreasing(bins, items, () => [bin(node++, 0, 10, 10)]);
    expect(grown.placed.map((p) => `${p.item.name}@${p.bin.node}`)).toEqual(['a@0', 'b@1', 'd@2', 'c@0']);
    expect(grown.unplaced).toEqual([]);
    const fixed = packFirstFitDecreasing(bins, items);
    expect(fixed.placed.map((p) => p.item.name)).toEqual(grown.placed.filter((p) => p.bin.node === 0).map((p) => p.item.name));
  });
});
