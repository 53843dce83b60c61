// Warnings reach the pipeline: `cdk8s synth` prints nothing a library records, so the app check prints each warning
// once, on stderr, in the form cdk8s prints errors (`[path] [CODE] field: got ..., expected ...; fix: ...`), like
// aws-cdk prints its warnings at synth. Two environment variables steer it, for CI and for tests:

/** Makes every warning fail the synthesis (like aws-cdk's `--strict`): `1` or `true`. */
export const STRICT_ENV = 'KUBEVIRT_REALTIME_STRICT';
/** Stops printing warnings (they are still recorded: `Warnings.of(app).list()`): `1` or `true`. */
export const QUIET_ENV = 'KUBEVIRT_REALTIME_QUIET';

/** Where warnings go (stderr; tests replace it). */
export interface WarningSink {
  write(text: string): unknown;
}

let sink: WarningSink = process.stderr;

/** Sends the warnings somewhere else (tests); returns the previous sink. */
export function setWarningSink(next: WarningSink): WarningSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** True when the environment asks for strict mode. */
export function strictFromEnvironment(): boolean {
  return isSet(process.env[STRICT_ENV]);
}

/**
 * Prints warning lines (already `[path] ...` formatted) under one heading, and how many acknowledged warnings are not
 * shown; nothing when there is neither.
 */
export function printWarnings(lines: readonly string[], strict: boolean, acknowledged: number = 0): void {
  if (lines.length + acknowledged === 0 || (isSet(process.env[QUIET_ENV]) && !strict)) return;
  const heading = strict
    ? 'cdk8s-kubevirt-realtime warnings (strict mode: they fail the synthesis):'
    : `cdk8s-kubevirt-realtime warnings (set ${STRICT_ENV}=1 to make them fail the synthesis):`;
  const hidden = acknowledged === 0 ? [] : [`${acknowledged} acknowledged warning${acknowledged === 1 ? '' : 's'} not shown `
    + '(Warnings.of(app).acknowledged() lists them with their reasons)'];
  sink.write(`${heading}\n${[...lines, ...hidden].map((l) => `  ${l}`).join('\n')}\n`);
}

function isSet(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}
