import { ApiObject, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

type ApiObjectClass = new (...args: any[]) => ApiObject;

/** How `withLatePatches` serializes. */
export interface LatePatchOptions {
  /**
   * The props are already the object's JSON (the API server's field names, quantities as numbers or strings), so
   * the L1's generated serializer is skipped: the object is resolved and sorted by cdk8s alone, like a plain
   * `ApiObject`. Only for props built by this library's own renderers, whose output is tested to equal the typed
   * serializer's; the generated serializer rebuilds every object level with a spread per key, which dominates the
   * synthesis of thousands of objects.
   *
   * When the app resolves with cdk8s's built-in resolvers only and no JSON patch was added, such an object is
   * synthesized without cdk8s's resolver chain (`synthesizedJson`, with the props' `Lazy` values produced): the same
   * JSON, without a resolution context, key path and resolver calls per value.
   *
   * @default false
   */
  readonly propsAreJson?: boolean;
}

/** The late patches of each object created through `withLatePatches`. */
const LATE_PATCHES = new WeakMap<ApiObject, JsonPatch[]>();

/** The props given to each object of a `propsAreJson` class (ApiObject keeps its own copy private). */
const JSON_PROPS = new WeakMap<ApiObject, Record<string, unknown>>();

/**
 * Makes an imported L1 class (1) apply `addJsonPatch` patches *after* its typed serializer and (2) emit keys in
 * the same sorted order as a plain `ApiObject`.
 *
 * (1) cdk8s applies JSON patches inside `ApiObject.toJson()`, before the generated `toJson_<Kind>Props` filter runs,
 * so a patch that touches a field the L1 does not model is silently dropped (cdk8s-core#72, cdk8s#2163).
 * (2) The generated serializer rebuilds every object in schema-declaration order, undoing cdk8s's key sorting; sorted
 * keys give reviewers stable diffs and make the output byte-identical to hand-built `ApiObject`s.
 *
 * Every L1 this library creates is built from a class returned here.
 */
export function withLatePatches<T extends ApiObjectClass>(base: T, options: LatePatchOptions = {}): T {
  const propsAreJson = options.propsAreJson === true;
  return class extends base {
    constructor(...args: any[]) {
      super(...args);
      if (propsAreJson) keepJsonProps(this, args[2] ?? {});
    }

    public addJsonPatch(...ops: JsonPatch[]): void {
      addLatePatches(this, ops);
    }

    public toJson(): any {
      return latePatchedJson(this, () => super.toJson());
    }
  };
}

/**
 * Records JSON patches to apply after the object is serialized: what `addJsonPatch` does on an L1 with late patches
 * (one made by `withLatePatches`, or a class that overrides `addJsonPatch` and `toJson` with this and
 * `latePatchedJson`).
 */
export function addLatePatches(obj: ApiObject, ops: JsonPatch[]): void {
  const patches = LATE_PATCHES.get(obj);
  if (patches) patches.push(...ops);
  else LATE_PATCHES.set(obj, [...ops]);
}

/**
 * Declares `props` (what the object's constructor passed to `ApiObject`, GVK aside) to be its JSON already: it is
 * then serialized like a plain `ApiObject` with these props (see `LatePatchOptions.propsAreJson`).
 */
export function keepJsonProps(obj: ApiObject, props: object): void {
  JSON_PROPS.set(obj, props as Record<string, unknown>);
}

/**
 * `toJson()` of an object with late patches: its JSON with keys sorted as a plain `ApiObject` sorts them, then its
 * late patches applied.
 *
 * @param typedToJson the L1's own `toJson()` (its generated serializer), used unless its props are JSON
 */
export function latePatchedJson(obj: ApiObject, typedToJson: () => any): any {
  const propsAreJson = JSON_PROPS.has(obj);
  if (propsAreJson) {
    let direct: Record<string, unknown> | undefined;
    try {
      direct = synthesizedObject(obj);
    } catch {
      // A Lazy or the metadata failed: cdk8s's own path below reports it, with the object's path.
      direct = undefined;
    }
    if (direct !== undefined) return direct;
  }
  // ApiObject.toJson() already sorts every level (unless CDK8S_DISABLE_SORT asks it not to).
  const serialized = propsAreJson && !process.env.CDK8S_DISABLE_SORT
    ? ApiObject.prototype.toJson.call(obj)
    : sortTopLevel(propsAreJson ? ApiObject.prototype.toJson.call(obj) : typedToJson());
  const patches = LATE_PATCHES.get(obj);
  if (patches === undefined || patches.length === 0) return serialized;
  try {
    return JsonPatch.apply(serialized, ...patches);
  } catch (e) {
    throw new Error(`JSON patch on '${obj.node.path}' could not be applied: ${(e as Error).message}`);
  }
}

/**
 * What `ApiObject.toJson()` returns for `obj` (props plus resolved metadata, sorted at every level, `apiVersion`,
 * `kind` and `metadata` first), built with `plainJson` instead of cdk8s's resolver chain. Undefined when that is not
 * certain to give the same object: with JSON patches, custom resolvers, sorting turned off, or anything in the props
 * that a resolver would act on besides a `Lazy`.
 */
function synthesizedObject(obj: ApiObject): Record<string, unknown> | undefined {
  const props = JSON_PROPS.get(obj);
  if (props === undefined || process.env.CDK8S_DISABLE_SORT || !rendersPropsVerbatim(obj)) return undefined;
  // ApiObject.toJson()'s order: apiVersion, kind and metadata first (the object's own, whatever the props hold),
  // then the props' other keys sorted. New objects already in synthesized form (the metadata cdk8s sanitized, the
  // output of a freshLazy) are taken as they are; the rest is copied by plainJson.
  const metadata = obj.metadata.toJson(); // a new object each time
  const head: Record<string, unknown> = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: isSynthesized(metadata) ? metadata : plainJson(metadata, true),
  };
  const out: Record<string, unknown> = {};
  for (const key of API_KEYS) {
    if (head[key] === NOT_PLAIN) return undefined;
    if (head[key] !== undefined) out[key] = head[key];
  }
  for (const key of Object.keys(props).sort()) {
    if (API_KEYS.includes(key)) continue;
    const value = plainJson(props[key], true);
    if (value === NOT_PLAIN) return undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Lazies whose every `produce()` builds new objects (`freshLazy`). */
const FRESH_LAZIES = new WeakSet<Lazy>();

/**
 * A `Lazy` whose producer builds new objects on every call, sharing none with anything that outlives it. Synthesis
 * takes its output as it is when it is already in synthesized form (`isSynthesized`) instead of copying it: nobody
 * else holds a reference that a later change to the output would reach. Typed `any`, like `Lazy.any`, to stand for
 * any prop.
 */
export function freshLazy(produce: () => unknown): any {
  const lazy = Lazy.any({ produce });
  FRESH_LAZIES.add(lazy);
  return lazy;
}

/**
 * True when `obj.toJson()` is exactly its props' plain data, serialized: no late JSON patch was added and the app
 * resolves with cdk8s's built-in resolvers only. Validation can then read the props' JSON form instead of rendering
 * the whole object.
 */
export function rendersPropsVerbatim(obj: ApiObject): boolean {
  if ((LATE_PATCHES.get(obj)?.length ?? 0) > 0) return false;
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

/**
 * What cdk8s synthesizes from plain data (as in `ApiObject.toJson()`): null and undefined fields dropped, null array
 * items turned into undefined, keys sorted at every level. Undefined when `value` holds anything a cdk8s resolver would
 * act on or keep as an object (a `Lazy`, a token with `resolve()`, a class instance, an object without prototype) or
 * anything but strings, numbers, booleans, arrays and plain objects (a function, a symbol, a BigInt), or when `value`
 * itself is null or undefined: then only rendering the object tells what it becomes.
 *
 * With `rendersPropsVerbatim(obj)` and props in JSON form, `synthesizedJson(props.spec)` equals `obj.toJson().spec`
 * without resolving the object (no resolver chain per value, no copy of the metadata).
 */
export function synthesizedJson(value: unknown): unknown {
  const json = plainJson(value, false);
  return json === NOT_PLAIN ? undefined : json;
}

/**
 * True when `synthesizedJson(value)` differs from `value` only in key order and in keys whose value is undefined: no
 * null anywhere, only strings, numbers, booleans, arrays and plain objects. Checked without copying, for readers
 * that care about neither (the admission rules), so they can read `value` itself.
 */
export function isSynthesizedUpToOrder(value: unknown): boolean {
  return inSynthesizedForm(value, false);
}

/**
 * True when `value` is exactly what synthesis makes of it (`synthesizedJson(value)` deep-equals it, keys enumerated
 * in the same order): strings, numbers, booleans, arrays without holes, and plain objects whose keys enumerate in
 * sorted order; no null or undefined anywhere. Checked without copying.
 */
export function isSynthesized(value: unknown): boolean {
  return inSynthesizedForm(value, true);
}

/**
 * The walk behind both: plain values only, no null, no hole; `exact` also refuses undefined and keys out of order.
 */
function inSynthesizedForm(value: unknown, exact: boolean): boolean {
  if (value === undefined) return !exact;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (value === null || type !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !inSynthesizedForm(value[i], exact)) return false;
    }
    return true;
  }
  if ((value as object).constructor !== Object || typeof (value as { resolve?: unknown }).resolve === 'function') return false;
  const keys = Object.keys(value as object);
  for (let i = 0; i < keys.length; i++) {
    // Sorted as plainJson sorts (string order); integer-like keys, which objects enumerate first, fail unless that is
    // also their string order, so the copy then decides.
    if (exact && i > 0 && !(keys[i - 1] < keys[i])) return false;
    if (!inSynthesizedForm((value as Record<string, unknown>)[keys[i]], exact)) return false;
  }
  return true;
}

const NOT_PLAIN = Symbol('not plain JSON');

/** @param produceLazies call `Lazy` values (as cdk8s's LazyResolver does) instead of giving up on them */
function plainJson(value: unknown, produceLazies: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  if (produceLazies && value instanceof Lazy) {
    // A renderer that builds new objects in synthesized form (the VM's spec) is taken as it is, not copied.
    const produced = value.produce();
    return FRESH_LAZIES.has(value) && isSynthesized(produced) ? produced : plainJson(produced, produceLazies);
  }
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  // Functions (ImplicitTokenResolver calls any resolve() they carry), symbols and BigInts are left to cdk8s.
  if (type !== 'object') return NOT_PLAIN;
  if (Array.isArray(value)) {
    let plain = true;
    // map, like cdk8s, so holes of sparse arrays stay holes.
    const items = value.map((x) => {
      const item = plainJson(x, produceLazies);
      if (item === NOT_PLAIN) plain = false;
      return item;
    });
    return plain ? items : NOT_PLAIN;
  }
  if (value.constructor !== Object || typeof (value as { resolve?: unknown }).resolve === 'function') return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    const item = plainJson(source[key], produceLazies);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (item !== undefined) out[key] = item;
  }
  return out;
}

/** apiVersion, kind, metadata first, then the other keys sorted; nested objects sorted (as cdk8s does). */
function sortTopLevel(obj: Record<string, unknown>): Record<string, unknown> {
  return apiKeysFirst(obj, sortKeysDeep);
}

const API_KEYS = ['apiVersion', 'kind', 'metadata'];

/** The top-level key order of `ApiObject.toJson()`: apiVersion, kind, metadata, then the other keys sorted. */
function apiKeysFirst(obj: Record<string, unknown>, valueOf: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of API_KEYS) if (k in obj) out[k] = valueOf(obj[k]);
  for (const k of Object.keys(obj).sort()) if (!API_KEYS.includes(k)) out[k] = valueOf(obj[k]);
  return out;
}

function sortKeysDeep(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source).sort()) out[k] = sortKeysDeep(source[k]);
  return out;
}
