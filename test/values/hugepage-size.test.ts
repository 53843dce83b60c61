import { HugePageSize } from '../../src/values/hugepage-size';

describe('HugePageSize', () => {
  test('parse() reads every spelling of the two sizes', () => {
    expect(HugePageSize.parse('2Mi')).toBe(HugePageSize.TWO_MI);
    expect(HugePageSize.parse('1G')).toBe(HugePageSize.ONE_GI);
    expect(HugePageSize.ONE_GI.resourceName).toBe('hugepages-1Gi');
    expect(HugePageSize.TWO_MI.kibibytes).toBe(2048);
  });

  test('parse() refuses other sizes with HUGEPAGE_SIZE_UNSUPPORTED, naming the field', () => {
    expect(() => HugePageSize.parse('4Ki', '--hugepage-size')).toThrow('[HUGEPAGE_SIZE_UNSUPPORTED] --hugepage-size: got "4Ki"');
  });

  test('parse() refuses arguments that are not strings at the typed boundary (issue 13)', () => {
    expect(() => HugePageSize.parse(2 as unknown as string)).toThrow('[PROP_TYPE_INVALID] hugePageSize: got 2, expected a string');
    expect(() => HugePageSize.parse(undefined as unknown as string, 'pageSize')).toThrow('[PROP_REQUIRED] pageSize');
    expect(() => HugePageSize.parse('2Mi', {} as unknown as string)).toThrow('[PROP_TYPE_INVALID] HugePageSize.parse(field)');
  });
});
