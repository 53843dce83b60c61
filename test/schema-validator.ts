import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import * as YAML from 'yaml';

/**
 * Validates synthesized objects against the CRD schemas vendored in crds/ (never ../shared).
 *
 * Kubernetes structural-schema extensions are honoured: `x-kubernetes-int-or-string` accepts an integer or a
 * string, `x-kubernetes-preserve-unknown-fields` keeps unknown fields, and every other object rejects fields the
 * schema does not list (what the API server would prune or refuse under strict field validation).
 */
const CRD_DIR = path.join(__dirname, '..', 'crds');

interface Loaded {
  readonly ajv: Ajv;
  /** group/version/Kind → its openAPIV3Schema, rewritten for ajv; compiled on first use. */
  readonly schemas: Map<string, any>;
  /** group/version/Kind → the CRD's scope (`Namespaced` or `Cluster`). */
  readonly scopes: Map<string, string>;
  readonly validators: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

function crdFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? crdFiles(path.join(dir, e.name)) : e.name.endsWith('.crd.yaml') ? [path.join(dir, e.name)] : []);
}

/** Rewrites a structural schema into plain JSON-schema that ajv understands, closing objects without properties. */
function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' || k === 'x-kubernetes-validations' || k.startsWith('x-kubernetes-list') || k === 'x-kubernetes-map-type') continue;
    if (k === 'properties') {
      out.properties = Object.fromEntries(Object.entries(v as any).map(([p, s]) => [p, toJsonSchema(s)]));
    } else if (k === 'nullable') {
      continue;
    } else {
      out[k] = toJsonSchema(v);
    }
  }
  if (node['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable && out.type) out.type = [out.type, 'null'];
  const isObject = node.type === 'object';
  if (isObject && node.properties && !node['x-kubernetes-preserve-unknown-fields'] && node.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  delete out['x-kubernetes-preserve-unknown-fields'];
  delete out['x-kubernetes-int-or-string'];
  delete out['x-kubernetes-embedded-resource'];
  return out;
}

function load(): Loaded {
  if (loaded) return loaded;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // OpenAPI number formats: ranges enforced like the API server does; string formats are not checked by it either.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const f of ['double', 'float']) ajv.addFormat(f, { type: 'number', validate: () => true });
  for (const f of ['date-time', 'byte', 'duration', 'uri', 'quantity']) ajv.addFormat(f, () => true);
  const schemas = new Map<string, any>();
  const scopes = new Map<string, string>();
  for (const file of crdFiles(CRD_DIR)) {
    const crd = YAML.parse(fs.readFileSync(file, 'utf8'));
    for (const version of crd.spec.versions) {
      const schema = toJsonSchema(version.schema.openAPIV3Schema);
      // metadata is validated by the API server itself, not by the CRD schema.
      if (schema.properties) schema.properties.metadata = { type: 'object' };
      const kind = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      schemas.set(kind, schema);
      scopes.set(kind, crd.spec.scope);
    }
  }
  loaded = { ajv, schemas, scopes, validators: new Map() };
  return loaded;
}

function validatorFor(kind: string): ValidateFunction | undefined {
  const { ajv, schemas, validators } = load();
  if (!validators.has(kind) && schemas.has(kind)) validators.set(kind, ajv.compile(schemas.get(kind)));
  return validators.get(kind);
}

/** The kinds (group/version/Kind) the vendored CRDs define. */
export function knownKinds(): string[] {
  return [...load().schemas.keys()].sort();
}

/**
 * Returns the schema errors of one object (empty when valid). Objects of built-in kinds (v1 Secret, ...) are not
 * checked here and return no error; objects of an unknown custom group are an error.
 */
export function schemaErrors(obj: any): string[] {
  const apiVersion: string = obj?.apiVersion ?? '';
  if (!apiVersion.includes('/') || apiVersion.endsWith('.k8s.io/v1') || apiVersion.startsWith('apps/')) return [];
  const kind = `${apiVersion}/${obj.kind}`;
  const validate = validatorFor(kind);
  if (!validate) return [`no vendored CRD for ${apiVersion} ${obj.kind}`];
  // The API server refuses a namespace on a cluster-scoped kind (and GitOps tools show a permanent diff).
  const scope = load().scopes.get(kind) === 'Cluster' && obj.metadata?.namespace !== undefined
    ? [`${obj.kind}/${obj.metadata?.name} /metadata/namespace is set (${obj.metadata.namespace}) on a cluster-scoped kind`] : [];
  if (validate(obj)) return scope;
  return [...scope, ...(validate.errors ?? []).map((e) => `${obj.kind}/${obj.metadata?.name} ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${(e.params as any).additionalProperty})` : ''}`)];
}

/** Throws with every schema error of every object in a synthesized manifest list. */
export function expectValidAgainstCrds(objects: any[]): void {
  const errors = objects.flatMap(schemaErrors);
  if (errors.length > 0) {
    throw new Error(`synthesized objects do not validate against the vendored CRDs:\n${errors.join('\n')}`);
  }
}

/** Fails when a manifest contains text that means a value was lost on the way: undefined, NaN, [object Object]. */
export function expectNoLostValues(objects: any[]): void {
  const yaml = objects.map((o) => YAML.stringify(o)).join('---\n');
  for (const bad of ['undefined', 'NaN', '[object Object]']) {
    if (yaml.includes(bad)) throw new Error(`manifest contains "${bad}":\n${yaml}`);
  }
}
