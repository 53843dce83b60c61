import { ApiObject, JsonPatch } from 'cdk8s';

type ApiObjectClass = new (...args: any[]) => ApiObject;

/**
 * Makes an imported L1 class apply `addJsonPatch` patches *after* its typed serializer.
 *
 * cdk8s applies JSON patches inside `ApiObject.toJson()`, before the generated `toJson_<Kind>Props` filter runs, so a
 * patch that touches a field the L1 does not model is silently dropped (cdk8s-core#72, cdk8s#2163). Every L1 this
 * library creates is built from a class returned here, so the escape hatch always reaches the YAML.
 */
export function withLatePatches<T extends ApiObjectClass>(base: T): T {
  return class extends base {
    private readonly latePatches: JsonPatch[] = [];

    public addJsonPatch(...ops: JsonPatch[]): void {
      this.latePatches.push(...ops);
    }

    public toJson(): any {
      const serialized = super.toJson();
      if (this.latePatches.length === 0) return serialized;
      try {
        return JsonPatch.apply(serialized, ...this.latePatches);
      } catch (e) {
        throw new Error(`JSON patch on '${this.node.path}' could not be applied: ${(e as Error).message}`);
      }
    }
  };
}
