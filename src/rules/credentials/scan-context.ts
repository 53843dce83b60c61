import { CredentialHit, CredentialScan, UninspectablePart } from './credential-scan';
import { MAX_INDICATORS, MAX_NESTING, ScanBudget } from './scan-limits';

/** Work deferred until the current reading returns (see {@link ScanContext.later}). */
type Job = (ctx: ScanContext) => void;

/**
 * Collects the hits and uninspectable parts of one scan, de-duplicated, in the order met; and holds the deferred
 * readings of nested data, run by {@link ScanSink.runDeferred}.
 */
export class ScanSink {
  private readonly jobs: Array<{ ctx: ScanContext; job: Job } | undefined> = [];
  private nextJob = 0;
  private readonly hits = new Map<string, CredentialHit>();
  private readonly uninspectable = new Map<string, UninspectablePart>();
  private readonly kept = new Map<string, number>();
  private readonly dropped = new Map<string, number>();
  private readonly droppedKeys = new Set<string>();

  /** Records a hit (once). */
  public addHit(field: string, indicator: string): void {
    const key = `${field}\u0000${indicator}`;
    if (this.hits.has(key) || this.droppedKeys.has(key)) return;
    const kept = this.kept.get(field) ?? 0;
    if (kept >= MAX_INDICATORS) {
      this.droppedKeys.add(key);
      this.dropped.set(field, (this.dropped.get(field) ?? 0) + 1);
      return;
    }
    this.kept.set(field, kept + 1);
    this.hits.set(key, { field, indicator });
  }

  /** Records an uninspectable part (once). */
  public addUninspectable(field: string, reason: string): void {
    const key = `${field}\u0000${reason}`;
    if (!this.uninspectable.has(key)) this.uninspectable.set(key, { field, reason });
  }

  /** Queues the reading of nested data. */
  public defer(ctx: ScanContext, job: Job): void {
    this.jobs.push({ ctx, job });
  }

  /**
   * Runs the deferred readings (and those they defer) in order, each from a shallow stack: nested data is read after
   * the reading that found it has returned, so the stack never holds more than one level's walk. A reading that fails
   * is recorded as uninspectable and the others go on.
   */
  public runDeferred(): void {
    while (this.nextJob < this.jobs.length) {
      const entry = this.jobs[this.nextJob];
      this.jobs[this.nextJob++] = undefined; // read once: let it go
      if (entry === undefined) continue;
      try {
        entry.job(entry.ctx);
      } catch (e) {
        entry.ctx.cannotInspect(`data the scanner stopped on (${e instanceof Error ? e.name : 'error'})`);
      }
    }
  }

  /** The result, with an "and N more" indicator per field that had more than the ceiling. */
  public result(): CredentialScan {
    const hits = [...this.hits.values()];
    for (const [field, n] of this.dropped) hits.push({ field, indicator: `and ${n} more indicator(s)` });
    return { hits, uninspectable: [...this.uninspectable.values()] };
  }
}

/**
 * Where the scanner is: the field being scanned, the containers it has opened on the way (innermost last, e.g.
 * `MIME part 2 (text/cloud-config)`, `write_files[0].content (base64)`), the shared budget and sink.
 */
export class ScanContext {
  /** The context at the start of a field. */
  public static root(field: string, budget: ScanBudget, sink: ScanSink): ScanContext {
    return new ScanContext(field, [], 0, budget, sink);
  }

  private constructor(
    /** The field of the object that holds the data. */
    public readonly field: string,
    private readonly origins: string[],
    /** Containers opened so far. */
    public readonly nesting: number,
    /** The work left, shared by the whole scan. */
    public readonly budget: ScanBudget,
    private readonly sink: ScanSink,
  ) {}

  /** A location inside the current data (a YAML path such as `runcmd[2]`); opens no container. */
  public at(location: string): ScanContext {
    if (location === '') return this;
    return new ScanContext(this.field, [...this.origins, location], this.nesting, this.budget, this.sink);
  }

  /**
   * Enters a container (decoded or embedded data). Undefined, with an uninspectable part recorded, when that would
   * nest deeper than the ceiling.
   */
  public open(origin: string): ScanContext | undefined {
    if (this.nesting >= MAX_NESTING) {
      this.cannotInspect(`data nested more than ${MAX_NESTING} containers deep (${origin})`);
      return undefined;
    }
    return new ScanContext(this.field, [...this.origins, origin], this.nesting + 1, this.budget, this.sink);
  }

  /**
   * Reads nested data later (see {@link ScanSink.runDeferred}), in this context. Use with {@link open}: the
   * container's data is read once the reading that found it has returned.
   */
  public later(job: Job): void {
    this.sink.defer(this, job);
  }

  /** Records a credential: `what` (e.g. `key "password"`), optionally the YAML path it is under. */
  public found(what: string, under?: string): void {
    const path = under === undefined || under === '' ? '' : ` under ${under}`;
    this.sink.addHit(this.field, `${what}${path}${this.whereSuffix()}`);
  }

  /** Records a part that could not be inspected. */
  public cannotInspect(reason: string): void {
    this.sink.addUninspectable(this.field, `${reason}${this.whereSuffix()}`);
  }

  private whereSuffix(): string {
    return [...this.origins].reverse().map((o) => ` in ${o}`).join('');
  }
}
