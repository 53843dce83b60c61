/* eslint-disable no-bitwise */ // a PRNG and a hash are bit arithmetic by nature
// A small seeded generator (sfc32) so every fuzz case is a pure function of its seed: a failure is reproduced by
// running the same entry point with the same seed (fuzz/repro.ts).

/** Deterministic pseudo-random numbers from a 32-bit seed. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(public readonly seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  public next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  public int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [min, max]. */
  public between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  public chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of the items. */
  public pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `make()` called 0..max times. */
  public many<T>(max: number, make: () => T): T[] {
    const out: T[] = [];
    const n = this.int(max + 1);
    for (let i = 0; i < n; i++) out.push(make());
    return out;
  }
}

/** The seed of case `index` of worker `worker` in a run seeded `runSeed` (a 32-bit mix, so neighbours differ). */
export function caseSeed(runSeed: number, worker: number, index: number): number {
  let h = (runSeed ^ Math.imul(worker + 1, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
