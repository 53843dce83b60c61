import { ApiObject, JsonPatch } from 'cdk8s';

type ApiObjectClass = new (...args: any[]) => ApiObject;

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
export function withLatePatches<T extends ApiObjectClass>(base: T): T {
  return class extends base {
    private readonly latePatches: JsonPatch[] = [];

    public addJsonPatch(...ops: JsonPatch[]): void {
      this.latePatches.push(...ops);
    }

    public toJson(): any {
      const serialized = sortTopLevel(super.toJson());
      if (this.latePatches.length === 0) return serialized;
      try {
        return JsonPatch.apply(serialized, ...this.latePatches);
      } catch (e) {
        throw new Error(`JSON patch on '${this.node.path}' could not be applied: ${(e as Error).message}`);
      }
    }
  };
}

const HEAD_KEYS = ['apiVersion', 'kind', 'metadata'];

/** apiVersion, kind, metadata first, then the other keys sorted; nested objects sorted (as cdk8s does). */
function sortTopLevel(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of HEAD_KEYS) if (k in obj) out[k] = sortKeysDeep(obj[k]);
  for (const k of Object.keys(obj).sort()) if (!HEAD_KEYS.includes(k)) out[k] = sortKeysDeep(obj[k]);
  return out;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeysDeep((value as Record<string, unknown>)[k]);
  return out;
}
