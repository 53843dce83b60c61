import { error } from './finding';
import { ValidationError } from './validation-error';

/** Highest logical CPU id accepted: x86_64 kernels support at most 8192 CPUs (CONFIG_NR_CPUS). */
const MAX_CPU_ID = 8191;

/**
 * A set of logical CPU ids, written as a Linux cpulist (`0-3,8-11`).
 *
 * The set is immutable. `toString()` always gives the canonical form (sorted, merged ranges), so two equal sets
 * print identically: kernel arguments and kubelet settings built from it are byte-stable.
 */
export class CpuSet {
  /** The highest CPU id this library accepts (8191: the kernel's CONFIG_NR_CPUS limit on x86_64). */
  public static readonly MAX_CPU_ID = MAX_CPU_ID;

  /**
   * Parses a Linux cpulist: comma-separated ids (`3`) and inclusive ranges (`2-7`); `''` is the empty set.
   *
   * @param text the cpulist, e.g. `2-7,10-15`
   * @param field the name of the field the text came from, used in error messages
   */
  public static parse(text: string, field: string = 'cpuset'): CpuSet {
    if (typeof text !== 'string') {
      throw invalid(field, text, 'a cpulist string such as "0-3,8-11"');
    }
    const trimmed = text.trim();
    if (trimmed === '') return CpuSet.EMPTY;
    const ids: number[] = [];
    for (const rawToken of trimmed.split(',')) {
      const token = rawToken.trim();
      const range = /^(\d+)(?:-(\d+))?$/.exec(token);
      if (!range) {
        throw invalid(field, text, `comma-separated CPU ids or ranges like "0-3,8-11" (bad part ${JSON.stringify(token)})`);
      }
      const start = checkedId(Number(range[1]), field, text);
      const end = range[2] === undefined ? start : checkedId(Number(range[2]), field, text);
      if (end < start) {
        throw invalid(field, text, `ranges written low-high (got ${token})`);
      }
      for (let id = start; id <= end; id++) ids.push(id);
    }
    return CpuSet.fromSortedUnique(sortUnique(ids));
  }

  /**
   * The set of the given CPU ids (any order, duplicates allowed).
   */
  public static of(ids: number[]): CpuSet {
    for (const id of ids) checkedId(id, 'cpu ids', ids);
    return CpuSet.fromSortedUnique(sortUnique(ids));
  }

  /**
   * The inclusive range `first`..`last`.
   */
  public static range(first: number, last: number): CpuSet {
    checkedId(first, 'range start', first);
    checkedId(last, 'range end', last);
    if (last < first) {
      throw invalid('range', `${first}-${last}`, 'first <= last');
    }
    const ids: number[] = [];
    for (let id = first; id <= last; id++) ids.push(id);
    return new CpuSet(ids);
  }

  /** The empty set. */
  public static empty(): CpuSet {
    return CpuSet.EMPTY;
  }

  /** The union of several sets. */
  public static unionOf(sets: CpuSet[]): CpuSet {
    return sets.reduce((acc, s) => acc.union(s), CpuSet.EMPTY);
  }

  private static readonly EMPTY = new CpuSet([]);

  // Trusted path for ids that are already sorted and unique.
  private static fromSortedUnique(ids: number[]): CpuSet {
    return ids.length === 0 ? CpuSet.EMPTY : new CpuSet(ids);
  }

  private readonly ids: number[];
  private cachedText?: string;

  private constructor(sortedUniqueIds: number[]) {
    this.ids = sortedUniqueIds;
  }

  /** Number of CPUs in the set. */
  public get size(): number {
    return this.ids.length;
  }

  /** True when the set has no CPU. */
  public get isEmpty(): boolean {
    return this.ids.length === 0;
  }

  /** The ids in ascending order (a copy). */
  public toArray(): number[] {
    return [...this.ids];
  }

  /** True when `id` is in the set. */
  public has(id: number): boolean {
    return binarySearch(this.ids, id) >= 0;
  }

  /** CPUs in this set or in `other`. */
  public union(other: CpuSet): CpuSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return CpuSet.fromSortedUnique(merge(this.ids, other.ids, (inA, inB) => inA || inB));
  }

  /** CPUs in both this set and `other`. */
  public intersection(other: CpuSet): CpuSet {
    return CpuSet.fromSortedUnique(merge(this.ids, other.ids, (inA, inB) => inA && inB));
  }

  /** CPUs in this set but not in `other`. */
  public difference(other: CpuSet): CpuSet {
    if (other.isEmpty) return this;
    return CpuSet.fromSortedUnique(merge(this.ids, other.ids, (inA, inB) => inA && !inB));
  }

  /** True when every CPU of this set is in `other`. */
  public isSubsetOf(other: CpuSet): boolean {
    return this.difference(other).isEmpty;
  }

  /** True when the two sets share at least one CPU. */
  public overlaps(other: CpuSet): boolean {
    return !this.intersection(other).isEmpty;
  }

  /** True when both sets hold the same CPUs. */
  public sameAs(other: CpuSet): boolean {
    return this.toString() === other.toString();
  }

  /**
   * The canonical cpulist: ascending, consecutive ids merged into `a-b` ranges (`0-3,8-11`); `''` when empty.
   */
  public toString(): string {
    if (this.cachedText === undefined) {
      const parts: string[] = [];
      let i = 0;
      while (i < this.ids.length) {
        let j = i;
        while (j + 1 < this.ids.length && this.ids[j + 1] === this.ids[j] + 1) j++;
        parts.push(j === i ? `${this.ids[i]}` : `${this.ids[i]}-${this.ids[j]}`);
        i = j + 1;
      }
      this.cachedText = parts.join(',');
    }
    return this.cachedText;
  }

  /**
   * The set as a hexadecimal CPU mask, comma-separated in 32-bit groups as the kernel prints it
   * (`/proc/irq/default_smp_affinity` style), e.g. `{0,1,8}` → `00000103`.
   */
  public toMask(): string {
    const top = this.ids.length === 0 ? 0 : this.ids[this.ids.length - 1];
    // Arithmetic instead of bit operators: ids are unique, so adding 2^bit sets each bit once.
    const groups = new Array<number>(Math.floor(top / 32) + 1).fill(0);
    for (const id of this.ids) {
      groups[Math.floor(id / 32)] += 2 ** (id % 32);
    }
    return groups.reverse().map((g) => g.toString(16).padStart(8, '0')).join(',');
  }
}

function checkedId(id: number, field: string, source: unknown): number {
  if (!Number.isSafeInteger(id) || id < 0 || id > MAX_CPU_ID) {
    throw invalid(field, source, `CPU ids that are whole numbers from 0 to ${MAX_CPU_ID} (got ${id})`);
  }
  return id;
}

function invalid(field: string, value: unknown, expected: string): ValidationError {
  return new ValidationError([
    error('CPUSET_SYNTAX', field, value, expected, 'write the CPUs as a Linux cpulist, e.g. "2-7,10-15"'),
  ]);
}

function sortUnique(ids: number[]): number[] {
  const sorted = [...ids].sort((a, b) => a - b);
  return sorted.filter((id, i) => i === 0 || id !== sorted[i - 1]);
}

/** Walks two sorted unique arrays together and keeps the ids for which `keep(inA, inB)` holds. */
function merge(a: number[], b: number[], keep: (inA: boolean, inB: boolean) => boolean): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i] : Infinity;
    const y = j < b.length ? b[j] : Infinity;
    const id = Math.min(x, y);
    if (keep(x === id, y === id)) out.push(id);
    if (x === id) i++;
    if (y === id) j++;
  }
  return out;
}

function binarySearch(sorted: number[], id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (sorted[mid] === id) return mid;
    if (sorted[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
