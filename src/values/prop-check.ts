import { IConstruct } from 'constructs';
import { error, Finding, show } from './finding';
import { ValidationError } from './validation-error';

// The typed boundary for callers the compiler cannot help: JavaScript, YAML-fed generators, `as any`. Every construct
// and value-type entry point describes its props once (a `PropSchema`, which the compiler makes list every prop) and
// calls `checkProps`: a wrong runtime type is refused at once with a ValidationError naming the field, the value got,
// what was expected and the fix, instead of a TypeError later, a string written into the YAML, or a prop silently
// ignored. Value checks (ranges, cross-field rules) stay with the rules, which report them at synth.

/** What one prop must be at run time. */
export interface PropRule {
  /** What the value must be, for messages (`a whole number`, `a BootDisk`). */
  readonly expected: string;
  /** Appends a finding for each problem of `value` (the prop at `field`); `value` is never undefined here. */
  check(value: unknown, field: string, out: Finding[]): void;
}

/** One rule per prop: the compiler checks that every prop of `P` is described. */
export type PropSchema<P> = { readonly [K in keyof Required<P>]: PropRule };

/** Caps on what one check reports, so a hostile object cannot make the message huge. */
const MAX_FINDINGS = 20;

/**
 * Checks `props` against `schema` and throws one ValidationError listing every problem: not an object, a required
 * prop missing, an unknown prop (a typo would otherwise be ignored), null (leave the prop out instead), a wrong type.
 *
 * @param required the props that must be set
 * @param where the props' name for messages (`RealtimeVirtualMachine props`)
 * @param scope the construct the props belong to (prefixes the message with its path)
 */
export function checkProps<P>(props: P, schema: PropSchema<P>, required: ReadonlyArray<keyof P>, where: string, scope?: IConstruct | string): void {
  const out = propFindings(props, schema, required, where);
  if (out.length > 0) throw new ValidationError(out.slice(0, MAX_FINDINGS), scope);
}

/** The findings of `checkProps`, without throwing. */
export function propFindings<P>(props: P, schema: PropSchema<P>, required: ReadonlyArray<keyof P>, where: string, prefix: string = ''): Finding[] {
  const out: Finding[] = [];
  if (!isPlainObject(props)) {
    out.push(mismatch(prefix || where, props, `an object with the ${where}`,
      required.length > 0 ? `pass an object literal such as { ${String(required[0])}: ... }` : 'pass an object literal, e.g. {}'));
    return out;
  }
  const record = props as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (Object.prototype.hasOwnProperty.call(schema, key)) continue;
    const near = nearest(key, Object.keys(schema));
    out.push({
      ...error('PROP_UNKNOWN', `${prefix}${key}`, undefined, `one of the ${where} (${Object.keys(schema).join(', ')})`,
        near !== undefined ? `did you mean "${near}"? Unknown props would be silently ignored` : 'remove it: unknown props would be silently ignored'),
      value: describe(record[key]),
    });
    if (out.length >= MAX_FINDINGS) return out;
  }
  for (const key of Object.keys(schema) as Array<keyof P & string>) {
    const value = record[key];
    const field = `${prefix}${key}`;
    if (value === undefined) {
      if (required.includes(key)) {
        out.push(error('PROP_REQUIRED', field, undefined, schema[key].expected, `set ${field}: the library never picks it for you`));
      }
      continue;
    }
    if (value === null) {
      out.push(required.includes(key)
        ? mismatch(field, null, schema[key].expected, `set ${field}: the library never picks it for you`)
        : mismatch(field, null, `${schema[key].expected}, or the prop left out`, `leave ${field} out instead of setting it to null`));
      continue;
    }
    schema[key].check(value, field, out);
    if (out.length >= MAX_FINDINGS) return out;
  }
  return out;
}

/**
 * Checks one argument of a value-type entry point (a factory's text, a count, a list of ids) with a prop rule, and
 * throws a ValidationError when it is missing (unless `optional`), null, or of the wrong type. The same messages as
 * `checkProps`, for functions that take their input as plain arguments rather than a props object.
 *
 * @param value the argument
 * @param expected what it must be
 * @param field the argument as messages name it, e.g. `CpuSet.parse(text)` or the field the value came from
 * @param optional whether leaving it out (undefined) is fine
 */
export function checkValue(value: unknown, expected: PropRule, field: string, optional: boolean = false): void {
  const out: Finding[] = [];
  if (value === undefined) {
    if (!optional) out.push(error('PROP_REQUIRED', field, undefined, expected.expected, `pass ${expected.expected}`));
  } else if (value === null) {
    out.push(mismatch(field, null, optional ? `${expected.expected}, or nothing` : expected.expected,
      optional ? `leave ${field} out instead of passing null` : `pass ${expected.expected}`));
  } else {
    expected.check(value, field, out);
  }
  if (out.length > 0) throw new ValidationError(out.slice(0, MAX_FINDINGS));
}

/** The rules a schema is written with. */
export const Prop = {
  /** A whole number from `min` (default 0) to `max` (default the largest safe integer). */
  integer(min: number = 0, max: number = Number.MAX_SAFE_INTEGER): PropRule {
    const expected = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    return rule(expected, (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max,
      'write a whole number, without quotes');
  },

  /** Any whole number (ranges are the rules' business, reported with their own codes). */
  wholeNumber(): PropRule {
    return rule('a whole number', (v) => typeof v === 'number' && Number.isSafeInteger(v), 'write a whole number, without quotes');
  },

  /** true or false. */
  boolean(): PropRule {
    return rule('true or false', (v) => typeof v === 'boolean', 'write true or false, without quotes');
  },

  /** A string (non-empty unless `allowEmpty`). */
  string(allowEmpty: boolean = false): PropRule {
    return rule(allowEmpty ? 'a string' : 'a non-empty string', (v) => typeof v === 'string' && (allowEmpty || v.trim() !== ''),
      'write the value as a string');
  },

  /** One of an enum's values. */
  oneOf(enumObject: object, name: string): PropRule {
    const values = Object.values(enumObject) as unknown[];
    return rule(`a ${name} (${values.map((v) => JSON.stringify(v)).join(', ')})`, (v) => values.includes(v), `use a ${name} member`);
  },

  /** An object with the given method (a value class; duck-typed so copies of this library from two packages mix). */
  withMethod(method: string, name: string, fix: string): PropRule {
    return rule(name, (v) => v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>)[method] === 'function', fix);
  },

  /** A value `ok` accepts (a value class recognised by its fields, across copies of this library). */
  satisfies(name: string, ok: (value: unknown) => boolean, fix: string): PropRule {
    return rule(name, ok, fix);
  },

  /** An array whose items follow `item` (at most `maxLength` items). */
  arrayOf(item: PropRule, maxLength: number = 10_000): PropRule {
    return {
      expected: `a list of ${item.expected}`,
      check(value, field, out) {
        if (!Array.isArray(value)) {
          out.push(mismatch(field, value, `a list (array) of ${item.expected}`, `write ${field} as a list: [ ... ]`));
          return;
        }
        if (value.length > maxLength) {
          out.push(mismatch(field, `${value.length} items`, `at most ${maxLength} items`, `shorten ${field}`));
          return;
        }
        for (let i = 0; i < value.length && out.length < MAX_FINDINGS; i++) {
          const v = value[i];
          if (v === undefined || v === null) {
            out.push(mismatch(`${field}[${i}]`, v, item.expected, `remove the empty item ${i} from ${field}`));
          } else {
            item.check(v, `${field}[${i}]`, out);
          }
        }
      },
    };
  },

  /** A plain object whose values follow `value` (a map of labels, a nodeSelector ...). */
  record(value: PropRule, maxEntries: number = 10_000): PropRule {
    return {
      expected: `an object of ${value.expected} values`,
      check(v, field, out) {
        if (!isPlainObject(v)) {
          out.push(mismatch(field, v, `an object of ${value.expected} values (e.g. { key: value })`, `write ${field} as an object`));
          return;
        }
        const entries = Object.entries(v as Record<string, unknown>);
        if (entries.length > maxEntries) {
          out.push(mismatch(field, `${entries.length} entries`, `at most ${maxEntries} entries`, `shorten ${field}`));
          return;
        }
        for (const [key, item] of entries) {
          if (out.length >= MAX_FINDINGS) return;
          if (item === undefined || item === null) {
            out.push(mismatch(`${field}["${key}"]`, item, value.expected, 'remove the key or give it a value'));
          } else {
            value.check(item, `${field}["${key}"]`, out);
          }
        }
      },
    };
  },

  /** A nested props object, checked with its own schema. */
  struct<S>(schema: PropSchema<S>, required: ReadonlyArray<keyof S>, name: string): PropRule {
    return {
      expected: name,
      check(value, field, out) {
        out.push(...propFindings(value as S, schema, required, name, `${field}.`).map((f) =>
          f.field === `${field}.` ? { ...f, field } : f));
      },
    };
  },

  /**
   * An object of which only the schema's fields are read, its other fields ignored: for model objects that carry
   * more than a function reads (a VM's resolved settings are a VmShape and more).
   */
  fields<S>(schema: PropSchema<S>, required: ReadonlyArray<keyof S>, name: string): PropRule {
    return {
      expected: name,
      check(value, field, out) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          out.push(...propFindings(value as S, schema, required, name, field));
          return;
        }
        const picked: Record<string, unknown> = {};
        for (const key of Object.keys(schema)) picked[key] = (value as Record<string, unknown>)[key];
        out.push(...propFindings(picked as S, schema, required, name, `${field}.`));
      },
    };
  },

  /** Anything (the value is passed through as it is, e.g. a user's metadata annotations checked elsewhere). */
  any(expected: string): PropRule {
    return { expected, check() {} };
  },
};

function rule(expected: string, ok: (value: unknown) => boolean, fix: string): PropRule {
  return {
    expected,
    check(value, field, out) {
      if (!ok(value)) out.push(mismatch(field, value, expected, fix));
    },
  };
}

function mismatch(field: string, value: unknown, expected: string, fix: string): Finding {
  return { ...error('PROP_TYPE_INVALID', field, undefined, expected, fix), value: describe(value) };
}

/**
 * The value for a message, as `show` writes it for scalars (strings quoted, cut at 80 characters), and by its kind
 * for anything else (never a whole object graph).
 */
function describe(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' && name !== '' ? `an object of class ${name}` : 'an object';
  }
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return show(value.length > 80 ? `${value.slice(0, 80)}...` : value);
  if (typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}`;
  return show(value);
}

/** True for `{...}` literals and `Object.create(null)` objects (not arrays, class instances or functions). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** The schema key closest to a misspelt one (at most 2 edits away), for "did you mean". */
function nearest(key: string, keys: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of keys) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`; bounded work for long keys. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 64 || b.length > 64) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}
