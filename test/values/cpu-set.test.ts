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

// --- Against a naive reference ------------------------------------------------------------------------------------
// The reference expands every range into ids (fine for small inputs) and does the algebra on plain JavaScript sets;
// CpuSet must agree with it on every operation while never expanding anything itself.

/** Parses like CpuSet.parse by expansion: the sorted unique ids, or undefined when the text is not a cpulist. */
function naiveParse(text: string): number[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const ids = new Set<number>();
  for (const part of trimmed.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (first > CpuSet.MAX_CPU_ID || last > CpuSet.MAX_CPU_ID || last < first) return undefined;
    for (let id = first; id <= last; id++) ids.add(id);
  }
  return sortedIds(ids);
}

function sortedIds(ids: Iterable<number>): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The canonical cpulist of sorted unique ids, built run by run. */
function naiveText(ids: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    parts.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The kernel-style hex mask of sorted unique ids, computed with one BigInt bit per id. */
function naiveMask(ids: number[]): string {
  const groups = Math.floor((ids.length === 0 ? 0 : ids[ids.length - 1]) / 32) + 1;
  const bits = ids.reduce((acc, id) => acc + BigInt(2) ** BigInt(id), BigInt(0)); // ids are unique: a sum sets each bit once
  const hex = bits.toString(16).padStart(groups * 8, '0');
  return Array.from({ length: groups }, (_, g) => hex.slice(g * 8, g * 8 + 8)).join(',');
}

/** cpulist parts: ids, short ranges, padded with blanks, in any order, now and then a bad part. */
const space = fc.constantFrom('', '', ' ', '  ', '\t');
const goodPart = fc.oneof(
  fc.nat(160).map(String),
  fc.tuple(fc.nat(160), fc.nat(24)).map(([a, n]) => `${a}-${a + n}`),
  fc.constantFrom('0', '31', '32', '63', '64', '8191', '8160-8191', '100-400', '007', '0-0'),
);
const badPart = fc.constantFrom('', 'x', '5-3', '8192', '1-', '-1', '1-2-3', '0x10', '1 2', '99999999999999999999');
const cpulist = (withBadParts: boolean) => fc.array(
  fc.tuple(space, withBadParts ? fc.oneof({ weight: 9, arbitrary: goodPart }, { weight: 1, arbitrary: badPart }) : goodPart, space)
    .map(([before, part, after]) => `${before}${part}${after}`),
  { maxLength: 12 },
).map((parts) => parts.join(','));

describe('CpuSet agrees with an expand-everything reference', () => {
  test('parse: same ids, or CPUSET_SYNTAX exactly when the reference refuses the text', () => {
    fc.assert(fc.property(cpulist(true), (text) => {
      const expected = naiveParse(text);
      if (expected === undefined) {
        expect(() => CpuSet.parse(text)).toThrow(/\[CPUSET_SYNTAX\]/);
        return;
      }
      const set = CpuSet.parse(text);
      expect(set.toArray()).toEqual(expected);
      expect(set.size).toBe(expected.length);
      expect(set.isEmpty).toBe(expected.length === 0);
      expect(set.min).toBe(expected[0]);
      expect(set.max).toBe(expected[expected.length - 1]);
    }), { numRuns: 500 });
  });

  test('toString is canonical (ascending, merged, no two ranges touching) and parses back to the same set', () => {
    fc.assert(fc.property(cpulist(false), (text) => {
      const set = CpuSet.parse(text);
      const canonical = set.toString();
      expect(canonical).toBe(naiveText(naiveParse(text)!));
      expect(canonical).toMatch(/^(\d+(-\d+)?(,\d+(-\d+)?)*)?$/);
      const runs = canonical === '' ? [] : canonical.split(',').map((r) => r.split('-').map(Number));
      runs.forEach((run, i) => {
        if (run.length === 2) expect(run[0]).toBeLessThan(run[1]);
        if (i > 0) expect(run[0]).toBeGreaterThan(runs[i - 1][runs[i - 1].length - 1] + 1);
      });
      const again = CpuSet.parse(canonical);
      expect(again.sameAs(set)).toBe(true);
      expect(again.toString()).toBe(canonical);
    }), { numRuns: 300 });
  });

  test('set algebra, membership, masks and equality match plain sets', () => {
    fc.assert(fc.property(cpulist(false), cpulist(false), (textA, textB) => {
      const a = CpuSet.parse(textA);
      const b = CpuSet.parse(textB);
      const xs = naiveParse(textA)!;
      const ys = naiveParse(textB)!;
      const inB = new Set(ys);
      const inA = new Set(xs);
      expect(a.union(b).toArray()).toEqual(sortedIds([...xs, ...ys]));
      expect(a.intersection(b).toArray()).toEqual(xs.filter((x) => inB.has(x)));
      expect(a.difference(b).toArray()).toEqual(xs.filter((x) => !inB.has(x)));
      expect(b.difference(a).toArray()).toEqual(ys.filter((y) => !inA.has(y)));
      expect(a.isSubsetOf(b)).toBe(xs.every((x) => inB.has(x)));
      expect(a.overlaps(b)).toBe(xs.some((x) => inB.has(x)));
      expect(a.sameAs(b)).toBe(naiveText(xs) === naiveText(ys));
      expect(CpuSet.unionOf([a, b, a]).toArray()).toEqual(sortedIds([...xs, ...ys]));
      expect(CpuSet.of([...ys, ...xs]).toArray()).toEqual(sortedIds([...xs, ...ys]));
      for (const id of [-1, 0, 1, 31, 32, 100, 159, 184, 185, 8191, 8192]) expect(a.has(id)).toBe(inA.has(id));
      expect(a.toMask()).toBe(naiveMask(xs));
      // Every result is canonical: it prints like the reference and parses back to itself.
      for (const result of [a.union(b), a.intersection(b), a.difference(b)]) {
        expect(result.toString()).toBe(naiveText(result.toArray()));
      }
    }), { numRuns: 500 });
  });

  test('has() is false for values that are not whole numbers', () => {
    const set = CpuSet.range(0, 10);
    for (const value of [1.5, NaN, Infinity, -0.5]) expect(set.has(value)).toBe(false);
  });

  test('range() and of() build the same sets as the reference', () => {
    fc.assert(fc.property(fc.nat(8191), fc.nat(8191), fc.array(fc.nat(300), { maxLength: 40 }), (p, q, ids) => {
      const [first, last] = p <= q ? [p, q] : [q, p];
      const range = CpuSet.range(first, last);
      expect(range.size).toBe(last - first + 1);
      expect(range.toString()).toBe(first === last ? `${first}` : `${first}-${last}`);
      expect(CpuSet.of(ids).toString()).toBe(naiveText(sortedIds(ids)));
    }));
  });
});

describe('CpuSet work is bounded by the input, whatever the ranges span (issue 13)', () => {
  /** The set's internal ranges: a set never holds a list of ids. */
  function rangesOf(set: CpuSet): unknown[] {
    return (set as unknown as { ranges: unknown[] }).ranges;
  }

  test('a 1 MiB cpulist of one range repeated parses (expanding each range first aborted V8 with "invalid size")', () => {
    const part = '0-8191,';
    const text = part.repeat(Math.floor(CpuSet.MAX_TEXT_CHARS / part.length)) + '0';
    expect(text.length).toBeLessThanOrEqual(CpuSet.MAX_TEXT_CHARS);
    const set = CpuSet.parse(text);
    expect(set.toString()).toBe('0-8191');
    expect(set.size).toBe(8192);
    expect(rangesOf(set)).toHaveLength(1);
  });

  test('exactly MAX_TEXT_CHARS of overlapping ranges in descending order parse too', () => {
    const parts: string[] = [];
    let length = -1;
    for (let i = 0; length < CpuSet.MAX_TEXT_CHARS - 20; i++) {
      const first = 8000 - (i % 4000) * 2;
      parts.push(`${first}-${first + 100}`);
      length += parts[parts.length - 1].length + 1;
    }
    const text = parts.join(',').padEnd(CpuSet.MAX_TEXT_CHARS, ' ');
    expect(text.length).toBe(CpuSet.MAX_TEXT_CHARS);
    const set = CpuSet.parse(text);
    expect(set.toString()).toBe('2-8100');
    expect(rangesOf(set)).toHaveLength(1);
  });

  test('the most fragmented set (every other CPU) stays 4096 ranges through the algebra', () => {
    const evens = CpuSet.of(Array.from({ length: 4096 }, (_, i) => i * 2));
    const odds = CpuSet.range(0, CpuSet.MAX_CPU_ID).difference(evens);
    expect(rangesOf(evens)).toHaveLength(4096);
    expect(odds.size).toBe(4096);
    expect(evens.overlaps(odds)).toBe(false);
    expect(evens.union(odds).toString()).toBe('0-8191');
    expect(rangesOf(evens.union(odds))).toHaveLength(1);
    expect(evens.intersection(odds).isEmpty).toBe(true);
    expect(CpuSet.parse(evens.toString()).sameAs(evens)).toBe(true);
    expect(evens.toMask()).toBe(Array(256).fill('55555555').join(','));
    expect(CpuSet.range(0, CpuSet.MAX_CPU_ID).toMask()).toBe(Array(256).fill('ffffffff').join(','));
  });

  test('a text over MAX_TEXT_CHARS is refused before any parsing, with a short message', () => {
    const text = '0,'.repeat(CpuSet.MAX_TEXT_CHARS / 2) + '0';
    let caught: unknown;
    try {
      CpuSet.parse(text, 'spec.cpu.reserved');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).code).toBe('CPUSET_TOO_LONG');
    expect((caught as Error).message).toContain(`[CPUSET_TOO_LONG] spec.cpu.reserved: got "${text.length} characters"`);
    expect((caught as Error).message.length).toBeLessThan(500);
  });

  test('a malformed 1 MiB text fails with CPUSET_SYNTAX and a message that stays short', () => {
    for (const text of ['0-8191,'.repeat(100000) + 'x', '7'.repeat(CpuSet.MAX_TEXT_CHARS), `${'0'.repeat(500000)}9-3`]) {
      let caught: unknown;
      try {
        CpuSet.parse(text);
      } catch (e) {
        caught = e;
      }
      expect((caught as ValidationError).code).toBe('CPUSET_SYNTAX');
      expect((caught as Error).message.length).toBeLessThan(1000);
    }
  });

  test('of() and unionOf() refuse values that are not arrays at the typed boundary, not with a TypeError', () => {
    expect(() => CpuSet.of('0-3' as unknown as number[])).toThrow(/\[PROP_TYPE_INVALID\] CpuSet.of\(ids\): got "0-3", expected a list/);
    expect(() => CpuSet.unionOf([CpuSet.empty(), '0' as unknown as CpuSet])).toThrow(/\[PROP_TYPE_INVALID\] CpuSet.unionOf\(sets\)\[1\]: got "0"/);
    expect(() => CpuSet.of(Array.from({ length: 1000 }, (_, i) => i + 8000))).toThrow(/\(1000 ids\)/);
  });
});
