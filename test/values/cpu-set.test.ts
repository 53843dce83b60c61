import * as fc from 'fast-check';
import { CpuSet } from '../../src';
import { ValidationError } from '../../src/values/validation-error';

describe('CpuSet', () => {
  test('parses a cpulist and prints it canonically', () => {
    expect(CpuSet.parse('2-7,10-15').toString()).toBe('2-7,10-15');
    expect(CpuSet.parse('15,14,13,2,3,4-7,10-12').toString()).toBe('2-7,10-15');
    expect(CpuSet.parse(' 0 , 1 ').toString()).toBe('0-1');
    expect(CpuSet.parse('0,2,40,42').toString()).toBe('0,2,40,42');
    expect(CpuSet.parse('').isEmpty).toBe(true);
    expect(CpuSet.parse('2-7,10-15').size).toBe(12);
  });

  test('set algebra', () => {
    const a = CpuSet.parse('0-7');
    const b = CpuSet.parse('4-11');
    expect(a.union(b).toString()).toBe('0-11');
    expect(a.intersection(b).toString()).toBe('4-7');
    expect(a.difference(b).toString()).toBe('0-3');
    expect(b.difference(a).toString()).toBe('8-11');
    expect(CpuSet.parse('4-5').isSubsetOf(a)).toBe(true);
    expect(a.overlaps(CpuSet.parse('8-9'))).toBe(false);
    expect(a.has(7)).toBe(true);
    expect(a.has(8)).toBe(false);
    expect(CpuSet.unionOf([CpuSet.of([1]), CpuSet.range(3, 4)]).toString()).toBe('1,3-4');
    expect(CpuSet.parse('1-3').sameAs(CpuSet.of([3, 2, 1, 2]))).toBe(true);
  });

  test('renders a kernel cpumask', () => {
    expect(CpuSet.of([0, 1, 8]).toMask()).toBe('00000103');
    expect(CpuSet.of([0, 32]).toMask()).toBe('00000001,00000001');
    expect(CpuSet.empty().toMask()).toBe('00000000');
  });

  test.each([
    ['1-', 'bad part "1-"'],
    ['a', 'bad part "a"'],
    ['7-2', 'ranges written low-high (got 7-2)'],
    ['0,,1', 'bad part ""'],
    ['0-3:1/2', 'bad part "0-3:1/2"'],
    ['9000', 'whole numbers from 0 to 8191 (got 9000)'],
  ])('fails on %j with a message naming the field and the value', (text, expected) => {
    let caught: unknown;
    try {
      CpuSet.parse(text, 'spec.cpu.reserved');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const message = (caught as Error).message;
    expect(message).toContain('[CPUSET_SYNTAX] spec.cpu.reserved');
    expect(message).toContain(JSON.stringify(text));
    expect(message).toContain(expected);
  });

  test('fails on ids that are not whole numbers', () => {
    expect(() => CpuSet.of([1.5])).toThrow(/got 1.5/);
    expect(() => CpuSet.of([-1])).toThrow(/got -1/);
    expect(() => CpuSet.range(5, 2)).toThrow(/first <= last/);
  });

  test('property: parse(toString(s)) is s, and algebra agrees with plain sets', () => {
    const ids = fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 80 });
    fc.assert(fc.property(ids, ids, (xs, ys) => {
      const a = CpuSet.of(xs);
      const b = CpuSet.of(ys);
      expect(CpuSet.parse(a.toString()).toArray()).toEqual([...new Set(xs)].sort((p, q) => p - q));
      const union = new Set([...xs, ...ys]);
      expect(a.union(b).size).toBe(union.size);
      expect(a.intersection(b).toArray()).toEqual([...new Set(xs)].filter((x) => ys.includes(x)).sort((p, q) => p - q));
      expect(a.difference(b).union(a.intersection(b)).sameAs(a)).toBe(true);
    }));
  });

  test('property: any string either parses or fails with CPUSET_SYNTAX', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => {
      try {
        const set = CpuSet.parse(text);
        expect(set.toString()).not.toMatch(/undefined|NaN/);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).code).toBe('CPUSET_SYNTAX');
      }
    }));
  });
});
