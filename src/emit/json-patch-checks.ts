import { JsonPatch } from 'cdk8s';
import { error, Finding } from '../values/finding';

// JSON patches are the escape hatch for fields the library does not model. Two kinds are refused when they are
// added: patches that change what the object IS (its apiVersion, kind or name — GitOps tools would then see a
// different object, and checks that found it by kind would no longer see it), and patches whose result cannot be
// written as JSON (a value that contains itself, a construct or a function; a `move` into its own child).

/** One operation as RFC 6902 writes it. */
interface Operation {
  readonly op: string;
  readonly path: string;
  readonly from?: string;
  readonly value?: unknown;
}

/** The paths that make up an object's identity, and their ancestors (replacing `/metadata` replaces the name). */
const IDENTITY_PATHS = ['', '/apiVersion', '/kind', '/metadata', '/metadata/name'];

/** Bounds for walking a patch value: deeper or larger values are refused rather than walked. */
const MAX_DEPTH = 100;
const MAX_NODES = 100_000;

/** The operation inside a cdk8s JsonPatch (kept private by cdk8s; read defensively). */
function operationOf(patch: JsonPatch): Operation | undefined {
  const op = (patch as unknown as { operation?: unknown })?.operation;
  if (op === null || typeof op !== 'object') return undefined;
  const o = op as Record<string, unknown>;
  return typeof o.op === 'string' && typeof o.path === 'string'
    ? { op: o.op, path: o.path, from: typeof o.from === 'string' ? o.from : undefined, value: o.value } : undefined;
}

/** Findings for patches that would change the object's identity or could not be written as JSON. */
export function jsonPatchFindings(patches: readonly JsonPatch[], objectDescription: string): Finding[] {
  const out: Finding[] = [];
  patches.forEach((patch, i) => {
    const field = `addJsonPatch(#${i + 1})`;
    const op = operationOf(patch);
    if (op === undefined) {
      out.push(error('OBJECT_PATCH_INVALID', field, typeof patch, 'a JsonPatch (JsonPatch.add/replace/remove/copy/move/test)',
        'build the operation with cdk8s JsonPatch'));
      return;
    }
    const touched = op.op === 'test' ? [] : op.op === 'move' ? [op.path, op.from ?? ''] : [op.path];
    const identity = touched.find((p) => IDENTITY_PATHS.includes(p));
    if (identity !== undefined) {
      out.push(error('OBJECT_PATCH_IDENTITY', field, `${op.op} ${identity === '' ? '(the whole object)' : identity}`,
        `a patch that keeps the apiVersion, kind and metadata.name of ${objectDescription} (they identify the object to the API server and to GitOps tools)`,
        'patch the fields below them (e.g. /metadata/labels/x or /spec/...); to rename or retype, create another object'));
      return;
    }
    if (op.op === 'move' && op.from !== undefined && op.path.startsWith(`${op.from}/`)) {
      out.push(error('OBJECT_PATCH_SELF_REFERENCE', field, `move ${op.from} to ${op.path}`,
        'a move whose target is not inside its source (RFC 6902 forbids it)', 'copy the value instead, or move it elsewhere'));
      return;
    }
    if ((op.op === 'add' || op.op === 'replace' || op.op === 'test') && !isWritableJson(op.value)) {
      out.push(error('OBJECT_PATCH_SELF_REFERENCE', `${field} value`, describeValue(op.value),
        'a JSON value: strings, finite numbers, booleans, null, lists and plain objects, none containing itself',
        'pass plain data (no constructs, functions, class instances, NaN/Infinity or cycles)'));
    }
  });
  return out;
}

/** True for a value `JSON.stringify` writes faithfully: no cycle, no function, no class instance, no NaN. */
function isWritableJson(value: unknown): boolean {
  const seen = new Set<object>();
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v !== 'object') return false;
    if (seen.has(v)) return false;
    seen.add(v);
    const ok = Array.isArray(v)
      ? v.every((x) => walk(x, depth + 1))
      : (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
        && Object.values(v as object).every((x) => walk(x, depth + 1));
    seen.delete(v);
    return ok;
  };
  return value === undefined || walk(value, 0);
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'number' ? String(value) : typeof value;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? `an object of class ${name}` : 'an object';
}

/**
 * The `from` pointer of a move or copy that names nothing in `doc` (undefined when the patch is not a move or copy, or
 * its source exists). RFC 6902 §4.4: "The "from" location MUST exist for the operation to be successful."
 */
export function missingSource(doc: unknown, patch: JsonPatch): string | undefined {
  const op = operationOf(patch);
  if (op === undefined || (op.op !== 'move' && op.op !== 'copy') || op.from === undefined) return undefined;
  return pointerExists(doc, op.from) ? undefined : op.from;
}

/** True when the JSON pointer names a value in `doc` (`-` names no element: it is the end of a list). */
function pointerExists(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  if (!pointer.startsWith('/')) return false;
  let at: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) {
      if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= at.length) return false;
      at = at[Number(key)];
    } else if (at !== null && typeof at === 'object' && Object.prototype.hasOwnProperty.call(at, key)) {
      at = (at as Record<string, unknown>)[key];
    } else {
      return false;
    }
  }
  return true;
}

/** `op path` (and `from`) of a patch, for messages. */
export function describePatch(patch: JsonPatch): string {
  const op = operationOf(patch);
  if (op === undefined) return 'an unknown operation';
  return op.from !== undefined ? `${op.op} ${op.from} to ${op.path}` : `${op.op} ${op.path}`;
}
