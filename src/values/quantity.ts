// A Kubernetes resource.Quantity reader, just enough to mirror KubeVirt's admission arithmetic exactly: values are
// kept in nano-units as BigInt, so `0.1` CPU or `1.5Gi` never suffer float rounding, and Value()/MilliValue() round
// up like the Go implementation.

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_POWER: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
/** Exponents beyond this are absurd for CPU or memory; they are treated as unparsable instead of building huge numbers. */
const MAX_EXPONENT = 40;

/** BigInt constants, made once (BigInt(0) in a hot path allocates every time). */
export const ZERO = BigInt(0);
const ONE = BigInt(1);
const TEN = BigInt(10);
const TWO = BigInt(2);
const NANO_PER_UNIT = TEN ** BigInt(9);
const NANO_PER_MILLI = TEN ** BigInt(6);

/**
 * Parsed quantities by text. A VM's template holds four quantities and an app repeats the same few sizes thousands of
 * times, so each distinct text is parsed once. Bounded (short texts only, cleared when full): odd inputs cannot grow it.
 */
const PARSED = new Map<string, Quantity | undefined>();
const PARSED_MAX = 4096;

/** A parsed quantity. */
export interface Quantity {
  /** The text it was parsed from (numbers are turned into text first). */
  readonly text: string;
  /** The value in nano-units (rounded up to a whole nano-unit). */
  readonly nano: bigint;
  /** Go's Value(): whole units, rounded up (kept with the parse: the admission rules ask for it again and again). */
  readonly value: bigint;
  /** Go's MilliValue(): milli-units, rounded up. */
  readonly milli: bigint;
}

/** The regular expression KubeVirt quotes when a quantity does not parse. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Parses a quantity written as text or as a JSON number; undefined when it is not a valid quantity. */
export function parseQuantity(raw: unknown): Quantity | undefined {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw;
  } else {
    return undefined;
  }
  if (text.length > 64) return parseText(text);
  if (PARSED.has(text)) return PARSED.get(text);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  const parsed = parseText(text);
  PARSED.set(text, parsed);
  return parsed;
}

function parseText(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number, suffix, exponentText] = m;
  const [intPart, fracPart = ''] = number.split('.');
  let numerator = BigInt((intPart || '0') + fracPart);
  let tens = 9 - fracPart.length; // scale to nano-units
  if (suffix !== undefined && suffix in BINARY_POWER) {
    numerator *= TWO ** BigInt(BINARY_POWER[suffix]);
  } else if (suffix !== undefined) {
    tens += DECIMAL_EXPONENT[suffix];
  } else if (exponentText !== undefined) {
    const exponent = Number(exponentText);
    if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
    tens += exponent;
  }
  let nano: bigint;
  if (tens >= 0) {
    nano = numerator * TEN ** BigInt(tens);
  } else {
    const divisor = TEN ** BigInt(-tens);
    nano = numerator / divisor + (numerator % divisor === ZERO ? ZERO : ONE);
  }
  const signed = sign === '-' ? -nano : nano;
  // Frozen: the same object is handed to every caller that parses this text.
  return Object.freeze({ text, nano: signed, value: ceilDiv(signed, NANO_PER_UNIT), milli: ceilDiv(signed, NANO_PER_MILLI) });
}

/** Go's Quantity.Value(): the value in whole units, rounded up (0 when unset). */
export function value(q: Quantity | undefined): bigint {
  return q === undefined ? ZERO : q.value;
}

/** Go's Quantity.MilliValue(): the value in milli-units, rounded up (0 when unset). */
export function milliValue(q: Quantity | undefined): bigint {
  return q === undefined ? ZERO : q.milli;
}

/** The quantity text as Go prints it in messages (`0` when unset). */
export function printed(q: Quantity | undefined): string {
  return q === undefined ? '0' : q.text;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== ZERO && a > ZERO ? quotient + ONE : quotient;
}
