import { App, ApiObject, ImplicitTokenResolver, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

// What cdk8s's `ApiObject.toJson()` makes of plain data, computed without its resolver chain: thousands of objects
// built by this library's renderers are plain JSON already, and resolving every value of every object through the
// chain dominated synthesis (docs/performance.md, P11/P22). Everything here is a pure function of the data; the
// emitted-object base decides when it is safe to use.

/** Lazies whose every `produce()` builds new objects (`freshLazy`). */
const FRESH_LAZIES = new WeakSet<Lazy>();

/**
 * A `Lazy` whose producer builds new objects on every call, sharing none with anything that outlives it. Synthesis
 * takes its output as it is when it is already in synthesized form (`isSynthesized`) instead of copying it: nobody
 * else holds a reference that a later change to the output would reach. Typed `any`, like `Lazy.any`.
 */
export function freshLazy(produce: () => unknown): any {
  const lazy = Lazy.any({ produce });
  FRESH_LAZIES.add(lazy);
  return lazy;
}

/** True when the app of `obj` resolves with cdk8s's built-in resolvers only (no custom resolver to honour). */
export function usesBuiltInResolversOnly(obj: ApiObject): boolean {
  let resolvers: unknown;
  try {
    resolvers = App.of(obj)?.resolvers;
  } catch {
    resolvers = undefined;
  }
  // Not in an App: only rendering tells (and fails, as it always did).
  if (!Array.isArray(resolvers)) return false;
  return resolvers.every((r) => r instanceof LazyResolver || r instanceof ImplicitTokenResolver || r instanceof NumberStringUnionResolver);
}

/** Returned by `plainJson` for data a cdk8s resolver would act on. */
export const NOT_PLAIN = Symbol('not plain JSON');

/**
 * What cdk8s synthesizes from plain data (as in `ApiObject.toJson()`): null and undefined fields dropped, keys sorted
 * at every level, `Lazy` values produced. `NOT_PLAIN` when `value` holds anything else a resolver would act on or keep
 * as an object (a token with `resolve()`, a class instance, a function, a symbol, a BigInt): then only cdk8s's own
 * path tells what it becomes.
 */
export function plainJson(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Lazy) {
    // A renderer that builds new objects in synthesized form (the VM's spec) is taken as it is, not copied.
    const produced = value.produce();
    return FRESH_LAZIES.has(value) && isSynthesized(produced) ? produced : plainJson(produced);
  }
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type !== 'object') return NOT_PLAIN;
  if (Array.isArray(value)) {
    let plain = true;
    // map, like cdk8s, so holes of sparse arrays stay holes.
    const items = value.map((x) => {
      const item = plainJson(x);
      if (item === NOT_PLAIN) plain = false;
      return item;
    });
    return plain ? items : NOT_PLAIN;
  }
  if (value.constructor !== Object || typeof (value as { resolve?: unknown }).resolve === 'function') return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    const item = plainJson(source[key]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (item !== undefined) out[key] = item;
  }
  return out;
}

/**
 * True when `value` is exactly what synthesis makes of it: strings, numbers, booleans, arrays without holes, and
 * plain objects whose keys enumerate in sorted order; no null or undefined anywhere. Checked without copying.
 */
export function isSynthesized(value: unknown): boolean {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (value === null || type !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !isSynthesized(value[i])) return false;
    }
    return true;
  }
  if ((value as object).constructor !== Object || typeof (value as { resolve?: unknown }).resolve === 'function') return false;
  const keys = Object.keys(value as object);
  for (let i = 0; i < keys.length; i++) {
    // Sorted as plainJson sorts (string order); integer-like keys, which objects enumerate first, fail unless that is
    // also their string order, so the copy then decides.
    if (i > 0 && !(keys[i - 1] < keys[i])) return false;
    if (!isSynthesized((value as Record<string, unknown>)[keys[i]])) return false;
  }
  return true;
}

/** The top-level key order of `ApiObject.toJson()`: apiVersion, kind, metadata, then the other keys sorted. */
export const API_KEYS = ['apiVersion', 'kind', 'metadata'];
