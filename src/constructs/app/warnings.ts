import { IConstruct } from 'constructs';
import { AppCheck } from './app-check';
import { ACKNOWLEDGED_WARNING_METADATA, ACKNOWLEDGEMENT_METADATA, recordWarning, WARNING_METADATA } from './warning-records';
import { ALL_CODES } from '../../rules/codes';
import { error, Finding, formatFinding, Severity } from '../../values/finding';
import { checkProps, checkValue, Prop, PropSchema } from '../../values/prop-check';
import { ValidationError } from '../../values/validation-error';
import { CONSTRUCT } from '../construct-rule';

/** A finding added by the app itself (`Warnings.of(scope).add`). */
const FINDING_SCHEMA: PropSchema<Finding> = {
  code: Prop.string(),
  severity: Prop.oneOf(Severity, 'Severity'),
  field: Prop.string(true),
  value: Prop.string(true),
  expected: Prop.string(true),
  fix: Prop.string(true),
};

/**
 * The warning channel: advice that does not fail synthesis (a redundant feature gate, a risky topology policy).
 *
 * At synth each warning is printed once on stderr, in the form of cdk8s's error lines, and recorded on its
 * construct with a stable code; `Warnings.of(app).list()` returns them for CI to print or gate on. `Warnings.strict`
 * (or `KUBEVIRT_REALTIME_STRICT=1` in the environment) makes every warning fail the synthesis, like aws-cdk's
 * `--strict`; `KUBEVIRT_REALTIME_QUIET=1` stops the printing. `Warnings.acknowledge` accepts a warning you have checked.
 */
export class Warnings {
  /** The warnings of a construct and everything below it. */
  public static of(scope: IConstruct): Warnings {
    checkValue(scope, CONSTRUCT, 'Warnings.of(scope)');
    return new Warnings(scope);
  }

  /**
   * Makes every warning of the app `scope` belongs to fail the synthesis, reported like an error.
   *
   * @param scope any construct of the app
   * @param strict turn strict mode on (default) or off
   */
  public static strict(scope: IConstruct, strict: boolean = true): void {
    checkValue(scope, CONSTRUCT, 'Warnings.strict(scope)');
    checkValue(strict, Prop.boolean(), 'Warnings.strict(strict)', true);
    AppCheck.of(scope).strict = strict;
  }

  /**
   * Accepts a warning for `scope` and everything below it: warnings with `code` there are no longer printed and do not
   * fail strict mode; they stay listed, with `reason`, by `Warnings.of(app).acknowledged()`. For the warnings a
   * platform always raises and you have checked (a Talos kernel's SCHED_FIFO limits, kernel arguments baked into a
   * node image), so that strict mode guards everything else.
   *
   * @param scope the construct (a pool, a VM, a chart, the app) the acknowledgement covers
   * @param code the warning's code, e.g. `TALOS_RT_GROUP_SCHED_EPERM`
   * @param reason why it is accepted (kept next to the warning for reviewers)
   * @throws ValidationError when `code` is not a warning code of this library or `reason` is empty
   */
  public static acknowledge(scope: IConstruct, code: string, reason: string): void {
    checkValue(scope, CONSTRUCT, 'Warnings.acknowledge(scope)');
    const info = typeof code === 'string' ? ALL_CODES[code] : undefined;
    if (info === undefined || info.severity !== 'warning') {
      throw new ValidationError([error('WARNING_ACKNOWLEDGEMENT_INVALID', 'code', code,
        info === undefined ? 'a warning code of this library (docs/troubleshooting.md)' : 'a warning code (errors cannot be acknowledged)',
        info === undefined ? 'copy the code from the warning line, e.g. TALOS_RT_GROUP_SCHED_EPERM' : 'fix the error instead')], scope);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new ValidationError([error('WARNING_ACKNOWLEDGEMENT_INVALID', 'reason', reason, 'a non-empty reason',
        'say why the warning is accepted, e.g. "SCHED_FIFO verified with chrt -p on Talos 1.13.9"')], scope);
    }
    scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, { code, reason });
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Records a warning finding on this scope (printed and listed like the library's own). */
  public add(finding: Finding): void {
    checkProps(finding, FINDING_SCHEMA, ['code', 'severity', 'field', 'value', 'expected', 'fix'], 'Warnings.add(finding)');
    recordWarning(this.scope, finding);
  }

  /** Every warning recorded on this scope or below it, each prefixed with its construct path. */
  public list(): string[] {
    return this.findings().map((w) => `[${w.path}] ${formatFinding(w.finding)}`);
  }

  /** Every acknowledged warning of this scope or below it, with the path of its construct and the reason. */
  public acknowledged(): AcknowledgedWarning[] {
    const out: AcknowledgedWarning[] = [];
    for (const c of this.scope.node.findAll()) {
      for (const entry of c.node.metadata) {
        if (entry.type !== ACKNOWLEDGED_WARNING_METADATA) continue;
        const { finding, reason } = entry.data as { finding: Finding; reason: string };
        out.push({ path: c.node.path, finding, reason });
      }
    }
    return out;
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

/** A warning accepted with `Warnings.acknowledge`. */
export interface AcknowledgedWarning {
  /** Construct path. */
  readonly path: string;
  /** The warning. */
  readonly finding: Finding;
  /** Why it was accepted. */
  readonly reason: string;
}
