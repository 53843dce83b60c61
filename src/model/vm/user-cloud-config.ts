import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { CloudInit } from '../../values/vm/cloud-init';

// The user's own cloud-init data, read for the guest tuning merge. Guest tuning writes one `#cloud-config` into a
// Secret; the user's inline cloud-config goes into that same document (their keys kept, lists extended), so the
// library must read it. It is read as a YAML node tree, not as JavaScript values, so what is written back keeps the
// user's scalars exactly as they wrote them (`yes`, `0755`, dates: PyYAML reads them as YAML 1.1, and a round trip
// through JavaScript values would change their type), their key order, anchors and comments.

/** What the user's `cloudInit` is, as far as the guest tuning merge is concerned. */
export enum UserCloudConfigKind {
  /** No `cloudInit`: the guest tuning is the whole user data. */
  NONE = 'none',
  /** `CloudInit.fromSecret`: data the library cannot read, so cannot merge into. */
  SECRET = 'secret',
  /** Inline `#cloud-config` whose YAML is a mapping (or empty). */
  CLOUD_CONFIG = 'cloud-config',
  /** Inline data of another kind (shell script, MIME multipart, `#include` ...) or a cloud-config that does not parse. */
  NOT_CLOUD_CONFIG = 'not-cloud-config',
}

/** The user's cloud-init data, read. */
export interface UserCloudConfig {
  readonly kind: UserCloudConfigKind;
  /** The parsed document (CLOUD_CONFIG only). Never modified: a renderer merges into a clone. */
  readonly document?: Document.Parsed;
  /** The inline text (CLOUD_CONFIG and NOT_CLOUD_CONFIG). */
  readonly text?: string;
  /** Why the data is not a cloud-config the merge can read (NOT_CLOUD_CONFIG only). */
  readonly problem?: string;
}

/** The first line cloud-init requires of cloud-config user data. */
export const CLOUD_CONFIG_HEADER = '#cloud-config';

/**
 * The most user-data characters read for the merge. cloud-init itself reads far less in practice, and a bound keeps
 * the parse cheap on any input (the credential scan has its own ceilings).
 */
export const MAX_USER_CLOUD_CONFIG_CHARS = 1024 * 1024;

/** How the YAML is read: as cloud-init's PyYAML reads it (YAML 1.1, duplicate keys allowed), with alias expansion bounded. */
const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, maxAliasCount: 100, logLevel: 'silent' } as const;

/**
 * What user data without the `#cloud-config` header is, in words: never a quote of it (the data may hold a
 * credential, and a finding's value is printed).
 */
function userDataKind(firstLine: string): string {
  if (firstLine.startsWith('#!')) return 'a shell script (#!)';
  if (firstLine.startsWith('#cloud-config-archive')) return 'a #cloud-config-archive';
  if (firstLine.startsWith('#include')) return 'an #include list';
  if (firstLine.startsWith('#cloud-boothook')) return 'a #cloud-boothook';
  if (/^(content-type|mime-version):/i.test(firstLine)) return 'a MIME multipart message';
  return 'user data whose first line is not "#cloud-config"';
}

/** Reads the user's cloud-init for the merge. Never throws. */
export function readUserCloudConfig(cloudInit: CloudInit | undefined): UserCloudConfig {
  if (cloudInit === undefined) return { kind: UserCloudConfigKind.NONE };
  if (cloudInit.secretName !== undefined) return { kind: UserCloudConfigKind.SECRET };
  const text = cloudInit.inlineUserData;
  if (typeof text !== 'string') return notCloudConfig('', 'no user data text');
  if (text.length > MAX_USER_CLOUD_CONFIG_CHARS) {
    return notCloudConfig(text, `user data of ${text.length} characters (more than ${MAX_USER_CLOUD_CONFIG_CHARS})`);
  }
  const firstLine = text.split('\n', 1)[0].replace(/\r$/, '').trimEnd();
  if (firstLine !== CLOUD_CONFIG_HEADER) {
    return notCloudConfig(text, userDataKind(firstLine));
  }
  let document: Document.Parsed;
  try {
    document = parseDocument(text, YAML_OPTIONS);
  } catch {
    return notCloudConfig(text, 'a #cloud-config whose YAML does not parse');
  }
  if (document.errors.length > 0) return notCloudConfig(text, 'a #cloud-config whose YAML does not parse');
  const contents = document.contents;
  const empty = contents === null || (isScalar(contents) && contents.value === null);
  if (!empty && !isMap(contents)) return notCloudConfig(text, 'a #cloud-config whose YAML is not a mapping');
  return { kind: UserCloudConfigKind.CLOUD_CONFIG, document, text };
}

/**
 * How a top-level key of the user's cloud-config is written: absent (or empty, `runcmd:` with nothing, which
 * cloud-init reads as not set), a list, or something else.
 */
export function topLevelShape(config: UserCloudConfig, key: string): 'absent' | 'list' | 'other' {
  const contents = config.document?.contents;
  if (!isMap(contents) || !contents.has(key)) return 'absent';
  const value = contents.get(key, true);
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) return 'absent';
  return isSeq(value) ? 'list' : 'other';
}

/**
 * How often each top-level key is written (`<<` counts as a key: a merge key that brings others in). PyYAML keeps
 * the LAST of duplicate keys, the merge reads the first: the rules refuse both for the keys the merge touches.
 */
export function topLevelKeyCounts(config: UserCloudConfig): Map<string, number> {
  const counts = new Map<string, number>();
  const contents = config.document?.contents;
  if (!isMap(contents)) return counts;
  for (const pair of contents.items) {
    // The YAML 1.1 merge key `<<` is read as a symbol.
    const key = isScalar(pair.key) ? (typeof pair.key.value === 'symbol' ? '<<' : String(pair.key.value)) : String(pair.key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The user's cloud-config as plain values (aliases expanded, bounded); undefined when it has none or cannot be. */
export function plainCloudConfig(config: UserCloudConfig): Record<string, unknown> | undefined {
  if (config.document === undefined) return undefined;
  try {
    const js = config.document.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
    return js !== null && typeof js === 'object' && !Array.isArray(js) ? js as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

function notCloudConfig(text: string, problem: string): UserCloudConfig {
  return { kind: UserCloudConfigKind.NOT_CLOUD_CONFIG, text, problem };
}
