import { IConstruct } from 'constructs';
import { openValidationPasses } from './validation-pass';
import { Finding, formatFinding, Severity } from '../../values/finding';

/** Metadata type under which warnings are stored on a construct's node. */
const WARNING_METADATA = 'cdk8s-kubevirt-realtime:warning';

/**
 * The warning channel: advice that does not fail synthesis (a redundant feature gate, a risky topology policy).
 *
 * cdk8s has no Annotations API, so warnings are stored as construct metadata with a stable code and collected from
 * any scope with `Warnings.of(app).list()`; `cdk8s synth` output stays clean and CI can still print or gate on them.
 */
export class Warnings {
  /** The warnings of a construct and everything below it. */
  public static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Records a warning finding on this scope. */
  public add(finding: Finding): void {
    this.scope.node.addMetadata(WARNING_METADATA, { ...finding, severity: Severity.WARNING });
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

/**
 * Reports a rule's findings on a construct: errors fail `cdk8s synth` (all of them together, path-prefixed, through
 * `node.addValidation`), warnings are recorded in the warning channel.
 *
 * Rules run in validation passes (validation-pass.ts), so checks across constructs read app-wide facts once per pass.
 *
 * @param produce computes the findings; it runs at validation time, after every construct of the app exists
 */
export function reportFindings(scope: IConstruct, produce: () => readonly Finding[]): void {
  openValidationPasses(scope);
  let warned = false;
  scope.node.addValidation({
    validate: () => {
      const findings = produce();
      if (!warned) {
        for (const f of findings) if (f.severity === Severity.WARNING) Warnings.of(scope).add(f);
        warned = true;
      }
      return findings.filter((f) => f.severity === Severity.ERROR).map(formatFinding);
    },
  });
}
