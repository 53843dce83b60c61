import * as fs from 'fs';
import * as path from 'path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';

// Validates Talos backend output against the schemas vendored in schemas/talos (never ../shared): the machine-config
// JSON schema of Talos v1.13.9 (draft 2020-12, every object closed, deprecated fields absent) and the Image Factory
// schematic shape. The Talos schema carries editor keywords (markdownDescription, x-intellij-html-description) that
// strict mode would reject, so strict is off; unknown properties are still refused by the schema itself.

const SCHEMA_DIR = path.join(__dirname, '..', 'schemas', 'talos');

let machineConfig: ValidateFunction | undefined;
let schematic: ValidateFunction | undefined;

function compile(file: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // The one format the machine-config schema uses (controlPlane.endpoint); the backend never writes it.
  ajv.addFormat('uri', (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text));
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')));
}

function errorsOf(validate: ValidateFunction, doc: unknown, what: string): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${what} ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${(e.params as any).additionalProperty})` : ''}`);
}

/** Schema errors of one Talos machine-config document (v1alpha1 config or patch, or a multi-document kind). */
export function talosConfigErrors(doc: unknown): string[] {
  machineConfig ??= compile('config.schema.v1.13.9.json');
  return errorsOf(machineConfig, doc, 'talos machine config');
}

/** Schema errors of an Image Factory schematic. */
export function schematicErrors(doc: unknown): string[] {
  schematic ??= compile('image-factory-schematic.schema.json');
  return errorsOf(schematic, doc, 'schematic');
}
