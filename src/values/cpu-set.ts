import { error, show } from './finding';
import { checkValue, Prop } from './prop-check';
import { ValidationError } from './validation-error';

/** Highest logical CPU id accepted: x86_64 kernels support at most 8192 CPUs (CONFIG_NR_CPUS). */
const MAX_CPU_ID = 8191;

/**
 * Longest cpulist text accepted (1 MiB). A list naming each of the 8192 possible CPUs once, in any order, is under
 * 40 KiB, and a whole `virsh capabilities` document is at most 1 MiB (the host parsers' cap), so no real cpulist is
 * near it; the cap bounds the memory and time a hostile text can take.
 */
const MAX_CPULIST_CHARS = 1024 * 1024;

/** Texts longer than this are abbreviated in error messages, so a refused 1 MiB text does not make a 1 MiB message. */
const MAX_SHOWN_CHARS = 200;
/** Arrays longer than this are cut in error messages for the same reason. */
const MAX_SHOWN_IDS = 32;

/** A cpulist's type at the boundary (its grammar is CPUSET_SYNTAX's business). */
const CPULIST_TEXT = Prop.satisfies('a cpulist string such as "0-3,8-11"', (v) => typeof v === 'string',
  'write the CPUs as a Linux cpulist string, e.g. "2-7,10-15"');

/**
 * CPU ids as `of` takes them: whole numbers (their range is CPUSET_SYNTAX's business). Duplicates are allowed, so the
 * list may be longer than the 8192 possible ids; the cap only bounds the work on a hostile list.
 */
const CPU_IDS = Prop.arrayOf(Prop.wholeNumber(), 1024 * 1024);

/** A set of this copy of the library (its ranges are read directly). */
const CPU_SET = Prop.satisfies('a CpuSet', (v) => v instanceof CpuSet, 'use CpuSet.parse("0-3"), CpuSet.of([...]) or CpuSet.range(first, last)');

/** The sets `unionOf` merges. */
const CPU_SETS = Prop.arrayOf(CPU_SET, 1024 * 1024);

/** An inclusive run of CPU ids, `first` ≤ `last`. */
interface IdRange {
  readonly first: number;
  readonly last: number;
}

/**
 * A set of logical CPU ids, written as a Linux cpulist (`0-3,8-11`).
 *
 * The set is immutable. `toString()` always gives the canonical form (sorted, merged ranges), so two equal sets
 * print identically: kernel arguments and kubelet settings built from it are byte-stable.
 *
 * The set is held as its canonical ranges, never as a list of ids: parsing and the set algebra cost time linear in
 * the number of ranges (plus one sort when parsing), whatever the ranges span. Since ids stop at `MAX_CPU_ID`, a set
 * has at most 4096 ranges.
 */
export class CpuSet {
  /** The highest CPU id this library accepts (8191: the kernel's CONFIG_NR_CPUS limit on x86_64). */
  public static readonly MAX_CPU_ID = MAX_CPU_ID;

  /**
   * The longest cpulist text `parse` accepts: 1,048,576 characters (1 MiB).
   *
   * Longer texts fail with `CPUSET_TOO_LONG`. A cpulist naming each of the 8192 possible CPUs once is under 40 KiB.
   */
  public static readonly MAX_TEXT_CHARS = MAX_CPULIST_CHARS;

  /**
   * Parses a Linux cpulist: comma-separated ids (`3`) and inclusive ranges (`2-7`); `''` is the empty set.
   * Parts may repeat and overlap, in any order.
   *
   * @param text the cpulist, e.g. `2-7,10-15`
   * @param field the name of the field the text came from, used in error messages
   */
  public static parse(text: string, field: string = 'cpuset'): CpuSet {
    checkValue(field, Prop.string(), 'CpuSet.parse(field)');
    checkValue(text, CPULIST_TEXT, field);
    if (text.length > MAX_CPULIST_CHARS) {
      throw new ValidationError([error('CPUSET_TOO_LONG', field, `${text.length} characters`,
        `a cpulist of at most ${MAX_CPULIST_CHARS} characters (1 MiB; one naming each of the ${MAX_CPU_ID + 1} possible CPUs once is under 40 KiB)`,
        'pass the cpulist itself, in ranges such as "0-3,8-11", not a whole file or a generated list')]);
    }
    const trimmed = text.trim();
    if (trimmed === '') return CpuSet.EMPTY;
    const ranges = new RangeCollector();
    // indexOf instead of split: no array of token strings, so memory stays bounded by the merged ranges.
    for (let from = 0; from <= trimmed.length;) {
      const comma = trimmed.indexOf(',', from);
      const to = comma < 0 ? trimmed.length : comma;
      ranges.add(parseToken(trimmed.slice(from, to).trim(), field, text));
      from = to + 1;
    }
    return CpuSet.fromCanonical(ranges.canonical());
  }

  /**
   * The set of the given CPU ids (any order, duplicates allowed).
   */
  public static of(ids: number[]): CpuSet {
    checkValue(ids, CPU_IDS, 'CpuSet.of(ids)');
    for (const id of ids) checkedId(id, 'cpu ids', ids);
    // A typed array sorts numerically without a comparator callback; checked ids (≤ 8191) fit in 16 bits.
    const sorted = Uint16Array.from(ids).sort();
    const ranges: IdRange[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] <= sorted[j] + 1) j++;
      ranges.push({ first: sorted[i], last: sorted[j] });
      i = j + 1;
    }
    return CpuSet.fromCanonical(ranges);
  }

  /**
   * The inclusive range `first`..`last`.
   */
  public static range(first: number, last: number): CpuSet {
    checkValue(first, Prop.wholeNumber(), 'CpuSet.range(first)');
    checkValue(last, Prop.wholeNumber(), 'CpuSet.range(last)');
    checkedId(first, 'range start', first);
    checkedId(last, 'range end', last);
    if (last < first) {
      throw invalid('range', `${first}-${last}`, 'first <= last');
    }
    return new CpuSet([{ first, last }]);
  }

  /** The empty set. */
  public static empty(): CpuSet {
    return CpuSet.EMPTY;
  }

  /** The union of several sets. */
  public static unionOf(sets: CpuSet[]): CpuSet {
    checkValue(sets, CPU_SETS, 'CpuSet.unionOf(sets)');
    // One sort over every range instead of pairwise unions, so many sets cost O(R log R), not O(sets × R).
    const ranges = new RangeCollector();
    for (const set of sets) for (const r of set.ranges) ranges.add(r);
    return CpuSet.fromCanonical(ranges.canonical());
  }

  private static readonly EMPTY = new CpuSet([]);

  // Trusted path for ranges that are already canonical (sorted, disjoint, not adjacent).
  private static fromCanonical(ranges: IdRange[]): CpuSet {
    return ranges.length === 0 ? CpuSet.EMPTY : new CpuSet(ranges);
  }

  private readonly ranges: IdRange[];
  private readonly count: number;
  private cachedText?: string;

  private constructor(canonicalRanges: IdRange[]) {
    this.ranges = canonicalRanges;
    this.count = canonicalRanges.reduce((n, r) => n + r.last - r.first + 1, 0);
  }

  /** Number of CPUs in the set. */
  public get size(): number {
    return this.count;
  }

  /** True when the set has no CPU. */
  public get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** The lowest CPU id, or undefined when the set is empty. */
  public get min(): number | undefined {
    return this.ranges[0]?.first;
  }

  /** The highest CPU id, or undefined when the set is empty. */
  public get max(): number | undefined {
    return this.ranges[this.ranges.length - 1]?.last;
  }

  /** The ids in ascending order (a copy, at most `MAX_CPU_ID + 1` ids). */
  public toArray(): number[] {
    const ids: number[] = [];
    for (const r of this.ranges) for (let id = r.first; id <= r.last; id++) ids.push(id);
    return ids;
  }

  /** True when `id` is in the set (false for anything that is not a whole number). */
  public has(id: number): boolean {
    if (!Number.isInteger(id)) return false;
    // Binary search for the last range starting at or before `id`.
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.ranges[mid].first <= id) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && id <= this.ranges[hi].last;
  }

  /** CPUs in this set or in `other`. */
  public union(other: CpuSet): CpuSet {
    checkValue(other, CPU_SET, 'CpuSet.union(other)');
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const out = new RangeCollector();
    // Feed both sorted lists in order of their first id, so the collector only appends and merges.
    let i = 0;
    let j = 0;
    while (i < this.ranges.length || j < other.ranges.length) {
      const takeA = j >= other.ranges.length || (i < this.ranges.length && this.ranges[i].first <= other.ranges[j].first);
      out.add(takeA ? this.ranges[i++] : other.ranges[j++]);
    }
    return CpuSet.fromCanonical(out.canonical());
  }

  /** CPUs in both this set and `other`. */
  public intersection(other: CpuSet): CpuSet {
    checkValue(other, CPU_SET, 'CpuSet.intersection(other)');
    const a = this.ranges;
    const b = other.ranges;
    const out: IdRange[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const first = Math.max(a[i].first, b[j].first);
      const last = Math.min(a[i].last, b[j].last);
      if (first <= last) out.push({ first, last });
      // The range that ends first cannot meet any later range of the other list.
      if (a[i].last < b[j].last) i++;
      else j++;
    }
    return CpuSet.fromCanonical(out);
  }

  /** CPUs in this set but not in `other`. */
  public difference(other: CpuSet): CpuSet {
    checkValue(other, CPU_SET, 'CpuSet.difference(other)');
    if (other.isEmpty || this.isEmpty) return this;
    const b = other.ranges;
    const out: IdRange[] = [];
    let j = 0;
    for (const r of this.ranges) {
      let first = r.first;
      while (j < b.length && b[j].last < first) j++;
      // Cut out every range of `other` that starts within what is left of `r`.
      let k = j;
      while (k < b.length && b[k].first <= r.last && first <= r.last) {
        if (b[k].first > first) out.push({ first, last: b[k].first - 1 });
        first = Math.max(first, b[k].last + 1);
        if (b[k].last <= r.last) k++;
        else break;
      }
      if (first <= r.last) out.push({ first, last: r.last });
      j = k;
    }
    return CpuSet.fromCanonical(out);
  }

  /** True when every CPU of this set is in `other`. */
  public isSubsetOf(other: CpuSet): boolean {
    checkValue(other, CPU_SET, 'CpuSet.isSubsetOf(other)');
    const b = other.ranges;
    let j = 0;
    for (const r of this.ranges) {
      while (j < b.length && b[j].last < r.first) j++;
      // Canonical ranges never touch, so `r` must lie inside one range of `other`.
      if (j >= b.length || b[j].first > r.first || b[j].last < r.last) return false;
    }
    return true;
  }

  /** True when the two sets share at least one CPU. */
  public overlaps(other: CpuSet): boolean {
    checkValue(other, CPU_SET, 'CpuSet.overlaps(other)');
    const a = this.ranges;
    const b = other.ranges;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].first <= b[j].last && b[j].first <= a[i].last) return true;
      if (a[i].last < b[j].last) i++;
      else j++;
    }
    return false;
  }

  /** True when both sets hold the same CPUs. */
  public sameAs(other: CpuSet): boolean {
    checkValue(other, CPU_SET, 'CpuSet.sameAs(other)');
    const a = this.ranges;
    const b = other.ranges;
    return a.length === b.length && a.every((r, i) => r.first === b[i].first && r.last === b[i].last);
  }

  /**
   * The canonical cpulist: ascending, consecutive ids merged into `a-b` ranges (`0-3,8-11`); `''` when empty.
   */
  public toString(): string {
    if (this.cachedText === undefined) {
      this.cachedText = this.ranges.map((r) => (r.first === r.last ? `${r.first}` : `${r.first}-${r.last}`)).join(',');
    }
    return this.cachedText;
  }

  /**
   * The set as a hexadecimal CPU mask, comma-separated in 32-bit groups as the kernel prints it
   * (`/proc/irq/default_smp_affinity` style), e.g. `{0,1,8}` → `00000103`.
   */
  public toMask(): string {
    const top = this.max ?? 0;
    const groups = new Array<number>(Math.floor(top / 32) + 1).fill(0);
    for (const r of this.ranges) {
      for (let g = Math.floor(r.first / 32); g <= Math.floor(r.last / 32); g++) {
        const low = Math.max(r.first, g * 32) - g * 32;
        const high = Math.min(r.last, g * 32 + 31) - g * 32;
        // Bits low..high of the group. Arithmetic instead of bit operators (bit 31 would turn the number negative);
        // ranges are disjoint, so no bit is added twice.
        groups[g] += 2 ** (high + 1) - 2 ** low;
      }
    }
    return groups.reverse().map((g) => g.toString(16).padStart(8, '0')).join(',');
  }
}

/**
 * Collects ranges in any order and returns them canonical. Ranges that arrive in order of their first id are merged
 * as they come; out-of-order ones are buffered and the buffer is compacted (sort + merge) whenever it grows past a
 * bound. A canonical list of ids 0..8191 has at most 4096 ranges, so memory stays bounded by the id ceiling, not by
 * how many parts the input has, and the total cost is O(n log n) for n parts.
 */
class RangeCollector {
  private static readonly COMPACT_AT = 16384;
  private ranges: IdRange[] = [];
  private sorted = true;

  public add(r: IdRange): void {
    const last = this.ranges[this.ranges.length - 1];
    if (this.sorted && last !== undefined && r.first >= last.first) {
      if (r.first <= last.last + 1) {
        if (r.last > last.last) this.ranges[this.ranges.length - 1] = { first: last.first, last: r.last };
        return;
      }
    } else if (last !== undefined) {
      this.sorted = false;
    }
    this.ranges.push(r);
    if (!this.sorted && this.ranges.length >= RangeCollector.COMPACT_AT) this.compact();
  }

  public canonical(): IdRange[] {
    if (!this.sorted) this.compact();
    return this.ranges;
  }

  private compact(): void {
    const byFirst = this.ranges.sort((x, y) => x.first - y.first);
    const merged: IdRange[] = [];
    for (const r of byFirst) {
      const last = merged[merged.length - 1];
      if (last !== undefined && r.first <= last.last + 1) {
        if (r.last > last.last) merged[merged.length - 1] = { first: last.first, last: r.last };
      } else {
        merged.push(r);
      }
    }
    this.ranges = merged;
    this.sorted = true;
  }
}

/** One trimmed part of a cpulist: `N` or `A-B`. */
function parseToken(token: string, field: string, text: string): IdRange {
  const range = /^(\d+)(?:-(\d+))?$/.exec(token);
  if (!range) {
    throw invalid(field, text, `comma-separated CPU ids or ranges like "0-3,8-11" (bad part ${JSON.stringify(abbreviated(token))})`);
  }
  const first = parsedId(range[1], field, text);
  const last = range[2] === undefined ? first : parsedId(range[2], field, text);
  if (last < first) {
    throw invalid(field, text, `ranges written low-high (got ${abbreviated(token)})`);
  }
  return { first, last };
}

function parsedId(digits: string, field: string, text: string): number {
  const id = Number(digits);
  if (id > MAX_CPU_ID) {
    const got = digits.length > 16 ? `a ${digits.length}-digit number` : String(id);
    throw invalid(field, text, `CPU ids that are whole numbers from 0 to ${MAX_CPU_ID} (got ${got})`);
  }
  return id;
}

/** A whole number (checked at the boundary) that must be a CPU id. */
function checkedId(id: number, field: string, source: unknown): number {
  if (id < 0 || id > MAX_CPU_ID) {
    throw invalid(field, source, `CPU ids that are whole numbers from 0 to ${MAX_CPU_ID} (got ${id})`);
  }
  return id;
}

function invalid(field: string, value: unknown, expected: string): ValidationError {
  return new ValidationError([
    error('CPUSET_SYNTAX', field, shortened(value), expected, 'write the CPUs as a Linux cpulist, e.g. "2-7,10-15"'),
  ]);
}

/** Long strings and arrays are cut for messages (the message names the bad part anyway). */
function shortened(value: unknown): unknown {
  if (typeof value === 'string') return abbreviated(value);
  if (Array.isArray(value) && value.length > MAX_SHOWN_IDS) return `${show(value.slice(0, MAX_SHOWN_IDS))}… (${value.length} ids)`;
  return value;
}

/** The text itself when short; else its start and its length, so messages stay short whatever the input. */
function abbreviated(text: string): string {
  return text.length <= MAX_SHOWN_CHARS ? text : `${text.slice(0, MAX_SHOWN_CHARS)}… (${text.length} characters)`;
}
