import { IConstruct } from 'constructs';
import { AppCheck } from './app-check';
import { recordWarning, WARNING_METADATA } from './warning-records';
import { Finding, formatFinding } from '../../values/finding';

/**
 * The warning channel: advice that does not fail synthesis (a redundant feature gate, a risky topology policy).
 *
 * At synth each warning is printed once on stderr, in the form of cdk8s's error lines, and recorded on its
 * construct with a stable code; `Warnings.of(app).list()` returns them for CI to print or gate on. `Warnings.strict`
 * (or `KUBEVIRT_REALTIME_STRICT=1` in the environment) makes every warning fail the synthesis, like aws-cdk's
 * `--strict`; `KUBEVIRT_REALTIME_QUIET=1` stops the printing.
 */
export class Warnings {
  /** The warnings of a construct and everything below it. */
  public static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  /**
   * Makes every warning of the app `scope` belongs to fail the synthesis, reported like an error.
   *
   * @param scope any construct of the app
   * @param strict turn strict mode on (default) or off
   */
  public static strict(scope: IConstruct, strict: boolean = true): void {
    AppCheck.of(scope).strict = strict;
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Records a warning finding on this scope (printed and listed like the library's own). */
  public add(finding: Finding): void {
    recordWarning(this.scope, finding);
  }

  /** Every warning recorded on this scope or below it, each prefixed with its construct path. */
  public list(): string[] {
    return this.findings().map((w) => `[${w.path}] ${formatFinding(w.finding)}`);
  }

  /** Every warning recorded on this scope or below it, with the path of the construct that recorded it. */
  public findings(): WarningRecord[] {
    const out: WarningRecord[] = [];
    for (const c of this.scope.node.findAll()) {
      for (const entry of c.node.metadata) {
        if (entry.type === WARNING_METADATA) out.push({ path: c.node.path, finding: entry.data as Finding });
      }
    }
    return out;
  }
}

/** A warning and the construct that recorded it. */
export interface WarningRecord {
  /** Construct path. */
  readonly path: string;
  /** The warning. */
  readonly finding: Finding;
}
