import { performance } from 'perf_hooks';
import { describeInput } from './gen';
import { ALL_CODES } from '../src/rules/codes';
import { ValidationError } from '../src/values/validation-error';

// The invariants every fuzz case is held to, whatever the entry point:
// - a call either returns or throws the library's ValidationError (every finding with a registered code and a field),
//   or cdk8s's "Validation failed" error whose every line carries a registered [CODE]; nothing else;
// - no call takes longer than the time bound;
// - no NaN, Infinity, undefined or "[object Object]" in any output (YAML, reports, pages, CLI output) or message, and
//   no non-finite or negative number in a synthesized object; a message may echo the value it got (`got NaN`);
// - no credential the case planted reaches a written object unless the case allowed inline credentials.

/** One broken invariant, with what is needed to replay it. */
export interface Failure {
  readonly entry: string;
  readonly seed: number;
  /** Which invariant: `error`, `code`, `message`, `output`, `slow`, `credential`, `hang`, `crash`. */
  readonly kind: string;
  /** The call that broke it. */
  readonly call: string;
  readonly detail: string;
  /** The generated input, described (NaN, undefined, functions spelled out). */
  readonly input?: unknown;
}

/** Words that never belong in output or messages. */
const BAD_WORDS = /NaN|Infinity|undefined|\[object Object\]/;
/** YAML's spellings of non-finite numbers. */
const BAD_YAML = /\.nan\b|[-+]?\.inf\b/i;

/** The marker every planted credential carries (fuzz/entries-vm.ts). */
export const SECRET_MARK = 'Fuzz5ecretZq';

/** The outcome of one call. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** What one case records: its input (for the failure record), the calls it made and what broke. */
export class CaseContext {
  public readonly input: Record<string, unknown> = {};
  public readonly failures: Failure[] = [];
  public calls = 0;

  constructor(public readonly entry: string, public readonly seed: number, private readonly callLimitMs: number) {}

  /** Records a piece of the input. */
  public note(key: string, value: unknown): void {
    this.input[key] = value;
  }

  /** Runs `fn`, timing it and checking what it throws. */
  public call<T>(label: string, fn: () => T): Outcome<T> {
    this.calls++;
    const start = performance.now();
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.timed(label, performance.now() - start);
    if (!outcome.ok) this.thrown(label, outcome.error);
    return outcome;
  }

  /** `call` for promises. */
  public async callAsync<T>(label: string, fn: () => Promise<T>): Promise<Outcome<T>> {
    this.calls++;
    const start = performance.now();
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.timed(label, performance.now() - start);
    if (!outcome.ok) this.thrown(label, outcome.error);
    return outcome;
  }

  /** Checks a text output (YAML, a report, a page, CLI output). */
  public text(label: string, text: unknown): void {
    if (typeof text !== 'string') {
      this.fail('output', label, `expected text, got ${typeof text}`);
      return;
    }
    const bad = BAD_WORDS.exec(text) ?? BAD_YAML.exec(text);
    if (bad) this.fail('output', label, `"${bad[0]}" in the output: ...${context(text, bad.index)}...`);
  }

  /** Checks a message the library wrote (thrown or a warning): bad words outside the echo of the value got. */
  public message(label: string, message: string): void {
    for (const line of message.split('\n')) {
      // The value echoed (`got NaN`), and advice that names the words themselves ("no ... NaN/Infinity or cycles").
      const withoutValue = withoutEcho(line).replace(/NaN\/Infinity/g, '');
      const bad = BAD_WORDS.exec(withoutValue);
      if (bad) this.fail('message', label, `"${bad[0]}" in a message: ${line.slice(0, 400)}`);
    }
  }

  /** Checks synthesized objects: finite, non-negative numbers and clean strings throughout. */
  public objects(label: string, objects: unknown): void {
    const problems: string[] = [];
    walk(objects, '$', problems);
    if (problems.length > 0) this.fail('output', label, problems.slice(0, 5).join('; '));
  }

  /** Checks a finding code reported any other way (warnings). */
  public code(label: string, code: unknown): void {
    if (typeof code !== 'string' || !(code in ALL_CODES)) this.fail('code', label, `unregistered code ${String(code)}`);
  }

  /** Records a broken invariant. */
  public fail(kind: string, call: string, detail: string): void {
    if (this.failures.length >= 5) return;
    this.failures.push({ entry: this.entry, seed: this.seed, kind, call, detail, input: describeInput(this.input) });
  }

  private timed(label: string, ms: number): void {
    if (ms > this.callLimitMs) this.fail('slow', label, `took ${Math.round(ms)} ms (bound ${this.callLimitMs} ms)`);
  }

  private thrown(label: string, e: unknown): void {
    if (e instanceof ValidationError || (isError(e) && e.name === 'ValidationError' && Array.isArray((e as ValidationError).findings))) {
      const findings = (e as ValidationError).findings;
      if (findings.length === 0) this.fail('code', label, 'a ValidationError without findings');
      for (const f of findings) {
        if (!(f.code in ALL_CODES)) this.fail('code', label, `unregistered code ${f.code}: ${e.message.slice(0, 300)}`);
        if (typeof f.field !== 'string' || f.field === '') this.fail('code', label, `a finding without a field: ${e.message.slice(0, 300)}`);
      }
      this.message(label, e.message);
      return;
    }
    if (isError(e) && e.message.startsWith('Validation failed with the following errors:')) {
      const lines = e.message.split('\n').slice(1).filter((l) => l.trim() !== '');
      if (lines.length === 0) this.fail('code', label, 'a validation error without lines');
      for (const line of lines) {
        const codes = [...line.matchAll(/\[([A-Z][A-Z0-9_]+)\]/g)].map((m) => m[1]);
        if (!codes.some((c) => c in ALL_CODES)) this.fail('code', label, `a validation line without a registered code: ${line.slice(0, 300)}`);
      }
      this.message(label, e.message);
      return;
    }
    const name = isError(e) ? e.name : typeof e;
    const text = isError(e) ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(e);
    this.fail('error', label, `${name}: ${text.slice(0, 1200)}`);
  }
}

/** A message line without the value it echoes (`: got <value>, expected`); the value may hold any character. */
export function withoutEcho(text: string): string {
  return text.replace(/: got [\s\S]*?, expected /g, ': got <value>, expected ');
}

function isError(e: unknown): e is Error {
  return e instanceof Error || (e !== null && typeof e === 'object' && typeof (e as Error).message === 'string');
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 80), at + 40).replace(/\n/g, '\\n');
}

function walk(value: unknown, path: string, problems: string[]): void {
  if (problems.length >= 5) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} is ${value}`);
    else if (value < 0) problems.push(`${path} is negative (${value})`);
  } else if (typeof value === 'string') {
    const bad = BAD_WORDS.exec(value);
    if (bad) problems.push(`${path} contains "${bad[0]}": ${context(value, bad.index)}`);
  } else if (value === undefined) {
    problems.push(`${path} is undefined`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // An undefined field is dropped from YAML (not written); only undefined items of lists are written (as null).
      if (v !== undefined) walk(v, `${path}.${k}`, problems);
    }
  }
}

/** Whether a text (decoding base64 runs, a few levels deep) carries a planted credential. */
export function carriesSecret(text: string, depth: number = 0): boolean {
  if (text.includes(SECRET_MARK)) return true;
  if (depth >= 3) return false;
  for (const m of text.matchAll(/[A-Za-z0-9+/=_-]{16,}/g)) {
    const decoded = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (carriesSecret(decoded, depth + 1)) return true;
  }
  return false;
}

/** The cloud-init texts of a written VirtualMachine (every NoCloud / ConfigDrive field), base64 fields decoded. */
export function cloudInitTexts(vm: unknown): string[] {
  const out: string[] = [];
  const volumes = (vm as { spec?: { template?: { spec?: { volumes?: unknown } } } })?.spec?.template?.spec?.volumes;
  if (!Array.isArray(volumes)) return out;
  for (const v of volumes) {
    for (const source of [v?.cloudInitNoCloud, v?.cloudInitConfigDrive]) {
      if (source === null || typeof source !== 'object') continue;
      for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
        if (typeof value !== 'string') continue;
        out.push(key.endsWith('Base64') ? Buffer.from(value, 'base64').toString('utf8') : value);
      }
    }
  }
  return out;
}
