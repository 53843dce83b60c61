import {
  bootHugePageCount, effectiveDefaultHugePageSize, hugePageBytesOnNode, hugePageKernelArgs, isValidHugePageCount,
  pinnedHugePages, resolveNumaHugePages, splitEvenly, usableAllocations, usedHugePageSizes,
} from '../../../src/model/pool/hugepages';
import { HugePageSize } from '../../../src/values/hugepage-size';

const G = HugePageSize.ONE_GI;
const M = HugePageSize.TWO_MI;

describe('huge page resolution', () => {
  test('boot-time pages are split evenly, the remainder to the lowest nodes', () => {
    expect([...splitEvenly(52, [0, 1])]).toEqual([[0, 26], [1, 26]]);
    expect([...splitEvenly(7, [1, 0, 2])]).toEqual([[0, 3], [1, 2], [2, 2]]);
    expect([...splitEvenly(5, [])]).toEqual([]);
  });

  test('resolves per node: boot-time shares and pinned pages, by node then size', () => {
    const pages = resolveNumaHugePages([
      { size: G, count: 4, numaNode: 1 },
      { size: M, count: 1025 },
    ], [0, 1]);
    expect(pages).toEqual([
      { numaNode: 0, size: M, count: 513, allocatedAtBoot: true },
      { numaNode: 1, size: M, count: 512, allocatedAtBoot: true },
      { numaNode: 1, size: G, count: 4, allocatedAtBoot: false },
    ]);
    expect(hugePageBytesOnNode(pages, 1)).toBe(512 * M.bytes + 4 * G.bytes);
    expect(hugePageBytesOnNode(pages, 7)).toBe(0);
  });

  test('pinned pages: one entry per size and node, smallest size first', () => {
    expect(pinnedHugePages([
      { size: G, count: 2, numaNode: 1 },
      { size: M, count: 8, numaNode: 0 },
      { size: G, count: 3, numaNode: 0 },
    ])).toEqual([
      { size: M, numaNode: 0, count: 8 },
      { size: G, numaNode: 0, count: 3 },
      { size: G, numaNode: 1, count: 2 },
    ]);
  });

  test('usable allocations drop invalid sizes, counts and nodes', () => {
    const bogus = { size: { quantity: '4Ki' } as any, count: 1 };
    const kept = { size: G, count: 1, numaNode: 1 };
    expect(usableAllocations([bogus, { size: G, count: 0 }, { size: G, count: 1.5 }, { size: G, count: 1, numaNode: 9 }, kept], [0, 1]))
      .toEqual([kept]);
    expect(usableAllocations(undefined as any, [0])).toEqual([]);
    expect(isValidHugePageCount(NaN)).toBe(false);
  });

  test('default size: the given one, else the only size used, else none', () => {
    expect(effectiveDefaultHugePageSize([{ size: G, count: 1 }])).toBe(G);
    expect(effectiveDefaultHugePageSize([{ size: G, count: 1 }, { size: M, count: 1 }])).toBeUndefined();
    expect(effectiveDefaultHugePageSize([{ size: G, count: 1 }, { size: M, count: 1 }], M)).toBe(M);
    expect(usedHugePageSizes([{ size: G, count: 1 }, { size: M, count: 1 }])).toEqual([M, G]);
  });
});

describe('hugePageKernelArgs', () => {
  test('default first, then each size smallest first with its boot-time count', () => {
    const allocations = [{ size: G, count: 52 }, { size: M, count: 128 }];
    expect(hugePageKernelArgs(allocations, G)).toEqual([
      'default_hugepagesz=1G', 'hugepagesz=2M', 'hugepages=128', 'hugepagesz=1G', 'hugepages=52',
    ]);
    expect(bootHugePageCount(allocations, G)).toBe(52);
  });

  test('a size pinned to nodes is declared with hugepages=0', () => {
    expect(hugePageKernelArgs([{ size: M, count: 8, numaNode: 0 }], G)).toEqual(['default_hugepagesz=1G', 'hugepagesz=2M', 'hugepages=0']);
  });

  test('no pages, no arguments', () => {
    expect(hugePageKernelArgs([])).toEqual([]);
  });
});
