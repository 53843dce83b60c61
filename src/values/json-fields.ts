// Reading fields of JSON that comes from outside the library's types (a KubeVirt spec from a hand-made reference, an
// object a JSON patch wrote): tolerant readers that never throw, so the rules can report what they find.

/** A JSON object (not null, not an array). */
export function isJsonObject(x: unknown): x is Record<string, any> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A whole number ≥ 0 as it is; anything else (a string, a fraction, a negative number) as 0, like an unset field. */
export function wholeNumberOrZero(x: unknown): number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : 0;
}
