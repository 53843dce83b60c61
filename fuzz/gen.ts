import { Size } from 'cdk8s';
import { Rng } from './rng';
import { CpuSet } from '../src/values/cpu-set';
import { HugePageSize } from '../src/values/hugepage-size';

// Value generators. Most values are plausible (so cases reach deep code), some are edge values of the right type
// (0, -1, 1.5, NaN, huge numbers, empty and huge strings), and some are of the wrong type altogether (what
// JavaScript callers and YAML-fed generators pass). Generated strings never contain the words the invariants look
// for in output (NaN, Infinity, undefined, [object Object]), so finding one there always means the library made it.

/** The edge numbers a text can carry (a text with "NaN" in it would be echoed in messages, rightly). */
export function finiteEdge(r: Rng): number {
  return r.pick(EDGE_NUMBERS.filter(Number.isFinite));
}

/** Numbers that break arithmetic. */
export const EDGE_NUMBERS: readonly number[] = [0, -0, -1, 1, 2, 3, 0.5, 1.5, -2.5, NaN, Infinity, -Infinity, 2 ** 31 - 1, 2 ** 31,
  2 ** 32, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e300, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 8191, 8192, 4096, 4097,
  1024, 1025, 5000, 5001];

/** Any number: mostly small whole numbers, often edge values. */
export function anyNumber(r: Rng): number {
  const k = r.int(10);
  if (k < 4) return r.int(9);
  if (k < 6) return r.between(-3, 70);
  if (k < 9) return r.pick(EDGE_NUMBERS);
  return (r.next() - 0.5) * 10 ** r.int(25);
}

/** A count: usually in [min, max], sometimes an edge value. */
export function count(r: Rng, min: number, max: number, pEdge: number = 0.1): number {
  return r.chance(pEdge) ? r.pick(EDGE_NUMBERS) : r.between(min, max);
}

const CHARS = 'abcz09-_.:/ ,^\t\n\u00e9\u00df\u0130\u212a\u0085\u00a0\ufeff\u2028\ud83d\ude00\ud800\u0000"\'\\<>&=%$#{}[]@!*|';

/** Short random text over a character set that reaches most parsers' edge cases. */
export function shortText(r: Rng, maxLength: number = 12): string {
  let s = '';
  const n = r.int(maxLength + 1);
  for (let i = 0; i < n; i++) s += CHARS[r.int(CHARS.length)];
  return s;
}

/** Removes the words the output invariants look for, so a generated string never carries one in. */
export function clean(text: string): string {
  return text.replace(/NaN|Infinity|undefined|\[object Object\]|\.nan|\.inf/gi, 'x');
}

/** Any string: short, empty, blank, long, repeated, or with unusual characters. */
export function anyString(r: Rng): string {
  switch (r.int(8)) {
    case 0: return '';
    case 1: return r.pick([' ', '\t', '\n', '\u00a0', '\ufeff']);
    // Long texts cost milliseconds to build and read: rare, so cheap cases keep their pace.
    case 2: return clean(shortText(r, 4).repeat(r.chance(0.95) ? r.pick([2, 100]) : r.pick([5000, 70000, 300000])));
    case 3: return r.pick(['a', 'ok', 'worker-rt', 'kubevirt', 'Bad Name', 'NS!', '-x', 'x-', 'a.b', 'a'.repeat(64), 'A', 'é']);
    default: return clean(shortText(r));
  }
}

class Odd {
  public readonly value = 1;
}

/** A value of (probably) the wrong type. */
export function wrongValue(r: Rng): unknown {
  switch (r.int(18)) {
    case 0: return null;
    case 1: return undefined;
    case 2: return r.chance(0.5);
    case 3: return anyNumber(r);
    case 4: return anyString(r);
    case 5: return [];
    case 6: return [anyNumber(r), anyString(r)];
    case 7: return {};
    case 8: return Object.create(null);
    case 9: return () => 1;
    case 10: return Symbol('x');
    case 11: return BigInt(r.int(100));
    case 12: return new Date(0);
    case 13: return new Map();
    case 14: return new Odd();
    case 15: return { toKibibytes: () => NaN, asString: () => 'x' };
    case 16: return CpuSet.of([0, 1]);
    default: return HugePageSize.TWO_MI;
  }
}

/** `valid()` most of the time, else a wrong value (probability `p`). */
export function maybe<T>(r: Rng, p: number, valid: () => T): T {
  return r.chance(p) ? wrongValue(r) as T : valid();
}

/** A cdk8s Size, sometimes of an edge amount (Size refuses negative amounts itself; those fall back to 0). */
export function size(r: Rng): Size {
  const amount = r.chance(0.8) ? r.pick([1, 2, 4, 8, 16, 32, 64, 128, 512, 1024, 1536, 3]) : anyNumber(r);
  const unit = r.pick(['gibibytes', 'mebibytes', 'kibibytes', 'tebibytes'] as const);
  try {
    return Size[unit](amount);
  } catch {
    return Size.gibibytes(0);
  }
}

/** A cpulist-like text: ids, ranges, spaces, separators, big numbers, and now and then a very long list. */
export function cpulist(r: Rng, maxId: number = 70): string {
  if (r.chance(0.01)) {
    return r.pick(['0-8191,'.repeat(r.pick([2, 1000, 149796])), '0-7,'.repeat(r.pick([10, 260000])) + '0',
      `${'9'.repeat(r.pick([5, 17, 400]))}`, '0-99999999999999999999']);
  }
  const parts = r.many(6, () => {
    const a = r.chance(0.1) ? finiteEdge(r).toString() : String(r.int(maxId));
    switch (r.int(6)) {
      case 0: return `${a}-${r.int(maxId)}`;
      case 1: return ` ${a} `;
      case 2: return r.pick(['', '-', ',', 'x', '1--2', '^1', '01', '1-', '-1', '1.5']);
      default: return a;
    }
  });
  return parts.join(r.chance(0.95) ? ',' : r.pick([';', ' ', ',,']));
}

/** A KubeVirt real-time mask text. */
export function maskText(r: Rng): string {
  if (r.chance(0.01)) return r.pick(['0-4095,^1,'.repeat(7000), `${'1'.repeat(30)}`, '0-9223372036854775807', '^9223372036854775808']);
  const parts = r.many(5, () => {
    switch (r.int(7)) {
      case 0: return `${r.int(10)}-${r.int(12)}`;
      case 1: return `^${r.int(10)}`;
      case 2: return `0${r.int(9)}`;
      case 3: return r.pick(['', ' ', '-', '^', 'a', '1-', '^^1', ' 2 ', '\u00851']);
      default: return String(r.int(10));
    }
  });
  return parts.join(',');
}

/** A JSON value for patches and records (finite numbers only: a user-written NaN in a patch is the user's own). */
export function jsonValue(r: Rng, depth: number = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0: return null;
    case 1: return r.chance(0.5);
    // Finite and not negative: a NaN or -1 a user writes into a patch is the user's own value.
    case 2: return Math.abs(finiteEdge(r));
    case 3: case 4: return anyString(r).slice(0, 200);
    case 5: return r.many(3, () => jsonValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (const k of r.many(3, () => r.pick(['name', 'userData', 'a', 'mask', 'count', '__proto__', 'constructor', '']))) o[k] = jsonValue(r, depth + 1);
      return o;
    }
  }
}

/** A JSON-safe description of any generated input, for failure records (NaN, undefined, functions ... spelled out). */
export function describeInput(value: unknown, depth: number = 0, seen: Set<unknown> = new Set()): unknown {
  if (value === undefined) return '<undefined>';
  if (value === null) return null;
  switch (typeof value) {
    case 'number': return Number.isFinite(value) ? (Object.is(value, -0) ? '<-0>' : value) : `<${value}>`;
    case 'string': return value.length > 300 ? `<string of ${value.length} chars: ${JSON.stringify(value.slice(0, 120))}...>` : value;
    case 'boolean': return value;
    case 'bigint': return `<bigint ${value}>`;
    case 'symbol': return `<${String(value)}>`;
    case 'function': return '<function>';
  }
  if (seen.has(value) || depth > 6) return '<...>';
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, 40).map((v) => describeInput(v, depth + 1, seen));
    return value.length > 40 ? [...items, `<${value.length - 40} more>`] : items;
  }
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  if (name === 'Size') {
    try {
      return `<Size ${(value as Size).asString()}>`;
    } catch {
      return '<Size>';
    }
  }
  if (name && name !== 'Object' && typeof (value as { toString?: unknown }).toString === 'function'
    && (value as object).toString !== Object.prototype.toString) {
    try {
      return `<${name} ${String(value).slice(0, 120)}>`;
    } catch {
      return `<${name}>`;
    }
  }
  const out: Record<string, unknown> = name && name !== 'Object' ? { '<class>': name } : {};
  for (const key of Object.keys(value as object).slice(0, 40)) out[key] = describeInput((value as Record<string, unknown>)[key], depth + 1, seen);
  return out;
}
