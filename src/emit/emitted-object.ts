import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { CORE_SCOPES } from './core-scopes';
import { describePatch, jsonPatchFindings, missingSource } from './json-patch-checks';
import { API_KEYS, isSynthesized, NOT_PLAIN, plainJson, usesBuiltInResolversOnly } from './synthesized-json';
import { CRD_SCOPES } from '../imports/crd-scopes';
import { error } from '../values/finding';
import { ValidationError } from '../values/validation-error';

/** Props of an object the library writes. */
export interface EmittedObjectProps {
  /** apiVersion and kind (the generated L1 class's `GVK`). */
  readonly gvk: GroupVersionKind;
  /** The metadata. A cluster-scoped kind never carries a namespace, whatever the chart says. */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The object's other top-level fields (`spec` ...) as JSON: the API server's field names and values, which the
   * backends produce with the generated `toJson_*` serializers of the typed L1 specs, or a `freshLazy` that renders
   * them at synthesis.
   */
  readonly fields: { readonly [key: string]: unknown };
}

/**
 * Every Kubernetes object this library writes: an `ApiObject` that
 * - takes its namespace rule from the vendored CRD of its kind (cluster-scoped kinds are written without one; a
 *   namespaced object keeps the namespace it is given, else the chart's),
 * - applies `addJsonPatch` patches AFTER rendering, so a patch can set any field (a generated L1's serializer would
 *   drop fields its schema does not model: cdk8s-core#72), refusing patches that change the object's identity,
 * - writes keys sorted like a plain `ApiObject` (byte-identical output for the same input),
 * - synthesizes plain-JSON props without cdk8s's resolver chain when that cannot change the result.
 */
export class EmittedObject extends ApiObject {
  /** Whether the kind is cluster-scoped according to its vendored CRD. */
  public static isClusterScoped(gvk: GroupVersionKind): boolean {
    return scopeOf(gvk) === 'Cluster';
  }

  private readonly fields: { readonly [key: string]: unknown };
  private readonly latePatches: JsonPatch[] = [];

  constructor(scope: Construct, id: string, props: EmittedObjectProps) {
    super(scope, id, { ...props.fields, apiVersion: props.gvk.apiVersion, kind: props.gvk.kind, metadata: props.metadata });
    this.fields = props.fields;
    if (scopeOf(props.gvk) === 'Cluster') {
      // cdk8s gives every object the chart's namespace; the API server would refuse it on a cluster-scoped kind and
      // GitOps tools would show a permanent diff.
      (this.metadata as { namespace?: string }).namespace = undefined;
    }
  }

  /**
   * Applies RFC-6902 JSON patches to the object after it is rendered, whatever fields they touch. Patches that would
   * change its apiVersion, kind or name, or whose value is not JSON, are refused at once.
   *
   * @throws ValidationError OBJECT_PATCH_IDENTITY, OBJECT_PATCH_SELF_REFERENCE or OBJECT_PATCH_INVALID
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    const findings = jsonPatchFindings(ops, `${this.kind} ${this.name}`);
    if (findings.length > 0) throw new ValidationError(findings, this);
    this.latePatches.push(...ops);
  }

  /** True when the object has late JSON patches (the checks then read the rendered object). */
  public get hasJsonPatches(): boolean {
    return this.latePatches.length > 0;
  }

  /** The object as cdk8s writes it: keys sorted, JSON patches applied last. */
  public toJson(): any {
    const rendered = this.latePatches.length === 0 && !process.env.CDK8S_DISABLE_SORT && usesBuiltInResolversOnly(this)
      ? this.plainObject() : undefined;
    return rendered ?? this.patched(ApiObject.prototype.toJson.call(this));
  }

  /** The rendered object with the late patches applied (they cannot touch its identity: addJsonPatch refuses that). */
  private patched(json: Record<string, unknown>): Record<string, unknown> {
    if (this.latePatches.length === 0) return json;
    let patched: Record<string, unknown> = json;
    this.latePatches.forEach((patch, i) => {
      // The JSON-patch library copies `undefined` when a move/copy source does not exist; RFC 6902 says it must fail.
      const missing = missingSource(patched, patch);
      if (missing !== undefined) {
        throw new ValidationError([error('OBJECT_PATCH_INVALID', `addJsonPatch(#${i + 1}) from`, missing,
          `a path that exists in the rendered ${this.kind} when the patch applies`, 'fix the "from" pointer, or add the value first')], this);
      }
      try {
        patched = JsonPatch.apply(patched, patch);
      } catch (e) {
        // The library's own messages are about its internals ("Cannot read properties of undefined"): say what it means.
        const why = e instanceof TypeError ? 'a parent on the path does not exist' : (e as Error).message;
        throw new ValidationError([error('OBJECT_PATCH_INVALID', `addJsonPatch(#${i + 1})`, describePatch(patch),
          `a patch that applies to the rendered ${this.kind} (${why})`, 'fix the patch path (JSON pointer) or add the parent objects first')], this);
      }
    });
    const ordered: Record<string, unknown> = {};
    for (const key of [...API_KEYS, ...Object.keys(patched)]) if (key in patched && !(key in ordered)) ordered[key] = patched[key];
    return ordered;
  }

  /**
   * What `ApiObject.toJson()` returns, built from the plain-JSON fields and the metadata without cdk8s's resolver
   * chain: apiVersion, kind and metadata first, then the fields sorted. Undefined when a field holds anything a
   * resolver would act on besides a `Lazy` (cdk8s's own path then decides).
   */
  private plainObject(): Record<string, unknown> | undefined {
    let metadata: unknown;
    try {
      metadata = this.metadata.toJson(); // a new object each time
    } catch {
      return undefined; // cdk8s's path reports it with the object's path
    }
    const out: Record<string, unknown> = { apiVersion: this.apiVersion, kind: this.kind };
    const head = isSynthesized(metadata) ? metadata : plainJson(metadata);
    if (head === NOT_PLAIN) return undefined;
    if (head !== undefined) out.metadata = head;
    for (const key of Object.keys(this.fields).sort()) {
      if (API_KEYS.includes(key)) continue;
      let value: unknown;
      try {
        value = plainJson(this.fields[key]);
      } catch {
        return undefined;
      }
      if (value === NOT_PLAIN) return undefined;
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
}

function scopeOf(gvk: GroupVersionKind): 'Namespaced' | 'Cluster' {
  const group = gvk.apiVersion.includes('/') ? gvk.apiVersion.split('/')[0] : '';
  const scope = CRD_SCOPES[`${group}/${gvk.kind}`] ?? CORE_SCOPES[`${group}/${gvk.kind}`];
  if (scope === undefined) {
    // A library bug, never user input: every kind the library writes has its CRD vendored under crds/ (or, for a
    // core kind, its entry in core-scopes.ts).
    throw new Error(`no vendored CRD for ${gvk.apiVersion} ${gvk.kind}: add it to crds/ and run npx projen import (core kinds: emit/core-scopes.ts)`);
  }
  return scope;
}
