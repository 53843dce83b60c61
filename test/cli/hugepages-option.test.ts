import * as fc from 'fast-check';
import { parseHugePagesOption } from '../../src/cli/hugepages-option';
import { hugePagesText } from '../../src/plan/planned-pool';
import { HugePageSize } from '../../src/values/hugepage-size';
import { ValidationError } from '../../src/values/validation-error';

describe('parseHugePagesOption', () => {
  test('reads boot-time and per-NUMA-node entries into a pool\'s hugepages prop', () => {
    expect(parseHugePagesOption('1Gi:48', '--hugepages')).toEqual([{ size: HugePageSize.ONE_GI, count: 48 }]);
    expect(parseHugePagesOption('1Gi:24@0, 1G:24@1,2M:512', '--hugepages')).toEqual([
      { size: HugePageSize.ONE_GI, count: 24, numaNode: 0 },
      { size: HugePageSize.ONE_GI, count: 24, numaNode: 1 },
      { size: HugePageSize.TWO_MI, count: 512 },
    ]);
  });

  test.each([
    ['', '--hugepages', '""'],
    ['1Gi', '--hugepages', '"1Gi"'],
    ['1Gi:0', '--hugepages', '"1Gi:0"'],
    ['4Mi:2', '--hugepages', '"4Mi:2"'],
    ['1Gi:-2', '--hugepages', '"1Gi:-2"'],
    ['1Gi:2.5', '--hugepages', '"1Gi:2.5"'],
    ['1Gi:2@1024', '--hugepages', '"1Gi:2@1024"'],
    ['1Gi:2,,1Gi:2@1', '--hugepages entry 2', '""'],
    ['1Gi:9999999999999999', '--hugepages', '"1Gi:9999999999999999"'],
  ])('%j is refused, naming the entry', (text, field, got) => {
    expect(() => parseHugePagesOption(text, '--hugepages')).toThrow(ValidationError);
    expect(() => parseHugePagesOption(text, '--hugepages')).toThrow(`[CLI_BAD_HUGEPAGES] ${field}: got ${got}, expected SIZE:COUNT or SIZE:COUNT@NODE`);
  });

  test('bounded: more entries than sizes x NUMA nodes are refused before any is read', () => {
    expect(() => parseHugePagesOption(Array(3000).fill('1Gi:1').join(','), '--hugepages')).toThrow('got "3000 entries", expected at most 2048 entries');
  });

  test('round trip with the text the report prints (property)', () => {
    const entry = fc.record({
      size: fc.constantFrom(...HugePageSize.all()),
      count: fc.integer({ min: 1, max: 2 ** 40 }),
      numaNode: fc.option(fc.integer({ min: 0, max: 1023 }), { nil: undefined }),
    })
      .map((e) => (e.numaNode === undefined ? { size: e.size, count: e.count } : e));
    fc.assert(fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (entries) => {
      expect(parseHugePagesOption(hugePagesText(entries), '--hugepages')).toEqual(entries);
    }));
  });
});
