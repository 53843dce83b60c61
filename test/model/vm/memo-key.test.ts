import * as fc from 'fast-check';
import { memoKey, memoKeyOf } from '../../../src/model/vm/memo-key';

const plain = fc.oneof(fc.constant(undefined), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string());

describe('memoKey', () => {
  test('different lists of plain values never share a key', () => {
    fc.assert(fc.property(fc.array(plain, { maxLength: 6 }), fc.array(plain, { maxLength: 6 }), (a, b) => {
      const same = a.length === b.length && a.every((x, i) => Object.is(x, b[i]) || (x === 0 && b[i] === 0));
      expect(memoKey(a) === memoKey(b)).toBe(same);
    }), { numRuns: 500 });
  });

  test('tells apart what a join would not', () => {
    expect(memoKey(['a|b', 'c'])).not.toBe(memoKey(['a', 'b|c']));
    expect(memoKey(['1'])).not.toBe(memoKey([1]));
    expect(memoKey([true])).not.toBe(memoKey(['true']));
    expect(memoKey([undefined])).not.toBe(memoKey([]));
  });

  test('no key for values that are not plain', () => {
    for (const x of [null, NaN, Infinity, {}, [], () => 1, Symbol('s'), BigInt(1)]) expect(memoKey([1, x])).toBeUndefined();
  });
});

describe('memoKeyOf', () => {
  test('the key of the parts listed; none when none are listed or listing them throws', () => {
    expect(memoKeyOf(() => [1, 'a'])).toBe(memoKey([1, 'a']));
    expect(memoKeyOf(() => undefined)).toBeUndefined();
    expect(memoKeyOf(() => {
      throw new Error('hostile getter');
    })).toBeUndefined();
  });
});

