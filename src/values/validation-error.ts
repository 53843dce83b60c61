import { IConstruct } from 'constructs';
import { Finding, formatFinding, Severity } from './finding';

// Exported for TypeScript and JavaScript (`import { ValidationError } from 'cdk8s-kubevirt-realtime'`, `instanceof`,
// `error.findings`). jsii cannot expose a subclass of the built-in Error to other languages, so the class is
// `@jsii ignore`d there: those callers match `error.name === 'ValidationError'` and read the finding lines.

/**
 * The error this library throws for bad input. Its message lists every finding, one per line.
 *
 * @jsii ignore
 */
export class ValidationError extends Error {
  /** The findings that caused the error (all of severity ERROR). */
  public readonly findings: Finding[];

  /**
   * @param findings what is wrong (errors)
   * @param scope the construct (or the path of the construct being created) the findings are about
   */
  constructor(findings: Finding[], scope?: IConstruct | string) {
    const path = typeof scope === 'string' ? scope : scope?.node.path;
    const where = path ? `[${path}] ` : '';
    super(findings.map((f) => where + formatFinding(f)).join('\n'));
    this.name = 'ValidationError';
    this.findings = findings;
    Object.setPrototypeOf(this, ValidationError.prototype);
  }

  /** The code of the first finding. */
  public get code(): string {
    return this.findings[0]?.code ?? '';
  }
}

/** Throws a ValidationError when any finding is an error. */
export function throwIfErrors(findings: Finding[], scope?: IConstruct | string): void {
  const errors = findings.filter((f) => f.severity === Severity.ERROR);
  if (errors.length > 0) {
    throw new ValidationError(errors, scope);
  }
}
