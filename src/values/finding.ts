/**
 * How serious a finding is.
 */
export enum Severity {
  /** The setup is broken: synthesis fails. */
  ERROR = 'error',
  /** The setup works but is risky or redundant: synthesis goes on and the warning is recorded. */
  WARNING = 'warning',
}

/**
 * One problem found by a rule: which rule (a stable code), where (the field path), what it got, what it expected,
 * and how to fix it. Rules return findings; constructs turn errors into synth failures and warnings into records.
 */
export interface Finding {
  /** Stable code of the rule, e.g. `VM_MASK_OUT_OF_RANGE`; listed in docs/troubleshooting.md. */
  readonly code: string;
  /** Error or warning. */
  readonly severity: Severity;
  /** The field the finding is about, as a path in the props or in the emitted object. */
  readonly field: string;
  /** The value the field has (rendered as text). */
  readonly value: string;
  /** What the rule expected instead. */
  readonly expected: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Renders a finding as one line: `[CODE] field: got VALUE, expected EXPECTED; fix: FIX`. Line breaks inside the parts
 * (a user's text quoted in a message) are escaped, so a message always has one line per finding, each with its code.
 */
export function formatFinding(finding: Finding): string {
  return oneLine(`[${finding.code}] ${finding.field}: got ${finding.value}, expected ${finding.expected}; fix: ${finding.fix}`);
}

const LINE_BREAKS: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, (c) => LINE_BREAKS[c]);
}

/** Builds an ERROR finding. */
export function error(code: string, field: string, value: unknown, expected: string, fix: string): Finding {
  return { code, severity: Severity.ERROR, field, value: show(value), expected, fix };
}

/** Builds a WARNING finding. */
export function warning(code: string, field: string, value: unknown, expected: string, fix: string): Finding {
  return { code, severity: Severity.WARNING, field, value: show(value), expected, fix };
}

/** Renders any value for a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
