// Keys for memos of pure checks: VMs whose keys are equal get the same findings, so the checks run once per key.

/**
 * Joins plain values into a key that tells them apart: each value tagged by type, strings length-prefixed, so the
 * concatenation is unambiguous. Undefined when a value is not undefined, a boolean, a finite number or a string (an
 * object, null, NaN ...): such inputs are checked on their own, never through a memo.
 */
export function memoKey(parts: readonly unknown[]): string | undefined {
  let key = '';
  for (const part of parts) {
    const text = keyPart(part);
    if (text === undefined) return undefined;
    key += text;
  }
  return key;
}

/**
 * `memoKey` of the parts `partsOf` lists; undefined when it lists none (an input the key cannot hold) or throws (a
 * getter in hostile props): such inputs are checked on their own, where the checks report what they make of them.
 */
export function memoKeyOf(partsOf: () => readonly unknown[] | undefined): string | undefined {
  try {
    const parts = partsOf();
    return parts === undefined ? undefined : memoKey(parts);
  } catch {
    return undefined;
  }
}

function keyPart(x: unknown): string | undefined {
  switch (typeof x) {
    case 'undefined': return 'u';
    case 'boolean': return x ? 't' : 'f';
    case 'number': return Number.isFinite(x) ? `n${x};` : undefined;
    case 'string': return `s${x.length}:${x}`;
    default: return undefined;
  }
}
