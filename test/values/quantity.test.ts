import { milliValue, parseQuantity, printed, value } from '../../src/values/quantity';

describe('parseQuantity', () => {
  test.each([
    ['2', BigInt(2), BigInt(2000)],
    [2, BigInt(2), BigInt(2000)],
    ['800m', BigInt(1), BigInt(800)], // Value() rounds up, like Go
    ['0.1', BigInt(1), BigInt(100)],
    ['1.5', BigInt(2), BigInt(1500)],
    ['1Gi', BigInt(1073741824), BigInt(1073741824000)],
    ['1.5Gi', BigInt(1610612736), BigInt(1610612736000)],
    ['64Mi', BigInt(67108864), BigInt(67108864000)],
    ['1M', BigInt(1000000), BigInt(1000000000)],
    ['1e3', BigInt(1000), BigInt(1000000)],
    ['1E-3', BigInt(1), BigInt(1)],
    ['5n', BigInt(1), BigInt(1)],
    ['-1', BigInt(-1), BigInt(-1000)],
  ])('%j → Value %s, MilliValue %s', (raw, v, mv) => {
    const q = parseQuantity(raw);
    expect(q).toBeDefined();
    expect(value(q)).toBe(v);
    expect(milliValue(q)).toBe(mv);
  });

  test.each(['2ab', '', 'Gi', '1.2.3', '1e999', 'one', ' 1'])('%j is not a quantity', (raw) => {
    expect(parseQuantity(raw)).toBeUndefined();
  });

  test.each([undefined, null, {}, NaN, Infinity])('%j is not a quantity', (raw) => {
    expect(parseQuantity(raw)).toBeUndefined();
  });

  test('an unset quantity has value 0 and prints as 0', () => {
    expect(value(undefined)).toBe(BigInt(0));
    expect(printed(undefined)).toBe('0');
    expect(printed(parseQuantity('64Mi'))).toBe('64Mi');
  });

  test('each text is parsed once: repeated parses give the same frozen result, numbers and texts alike', () => {
    const first = parseQuantity('8Gi');
    expect(parseQuantity('8Gi')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(parseQuantity(4)).toBe(parseQuantity('4'));
    expect(parseQuantity('2ab')).toBeUndefined();
    expect(parseQuantity('2ab')).toBeUndefined();
  });

  test('long texts and many distinct texts parse like any other', () => {
    const long = `${'1'.repeat(70)}`;
    expect(value(parseQuantity(long))).toBe(BigInt(long));
    for (let i = 0; i < 5000; i++) expect(value(parseQuantity(`${i}Mi`))).toBe(BigInt(i) * BigInt(1024 * 1024));
    expect(value(parseQuantity('1Gi'))).toBe(BigInt(1073741824));
  });
});
