import { Document, isAlias, isMap, isScalar, isSeq } from 'yaml';

// `#cloud-config-archive`: a YAML list of parts, each a text (its content) or a mapping with `content` and optionally
// `type` (a MIME type), `filename`, `launch-index` and other keys that cloud-init turns into MIME headers, so
// `Content-Transfer-Encoding: base64` applies to the content. `encoding` (as in write_files) is not a cloud-init
// feature here, but a part written that way is decoded all the same: what matters is what the manifest holds.

const READ_KEYS = new Set(['content', 'type', 'encoding', 'content-transfer-encoding']);

/** One part of an archive. */
export interface ArchivePart {
  /** The part's position in the list. */
  readonly index: number;
  /** The content: text, or bytes when written as `!!binary`. */
  readonly content: string | Uint8Array;
  /** The `type` key, lower case, if any. */
  readonly type?: string;
  /** The `encoding` key, if any. */
  readonly encoding?: string;
  /** A `Content-Transfer-Encoding` key (any case), lower case, if any. */
  readonly transferEncoding?: string;
}

/**
 * The parts of an archive document (undefined when the document is not a list, which cloud-init ignores). Reads at
 * most `maxParts` parts; `more` tells whether there were more.
 */
export function archiveParts(doc: Document.Parsed, maxParts: number): { parts: ArchivePart[]; more: boolean } | undefined {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const list = resolve(doc.contents);
  if (!isSeq(list)) return undefined;
  const parts: ArchivePart[] = [];
  for (let index = 0; index < list.items.length && parts.length < maxParts; index++) {
    const entry = resolve(list.items[index]);
    if (isScalar(entry)) {
      const content = contentOf(entry.value);
      if (content !== undefined) parts.push({ index, content });
      continue;
    }
    if (!isMap(entry)) continue;
    // Only the four keys read here have their aliases resolved (each resolution walks the document).
    const fields = new Map<string, unknown>();
    for (const pair of entry.items) {
      const name = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value.toLowerCase() : undefined;
      if (name === undefined || !READ_KEYS.has(name) || fields.has(name)) continue;
      const value = resolve(pair.value);
      fields.set(name, isScalar(value) ? value.value : undefined);
    }
    const text = (name: string): string | undefined => {
      const v = fields.get(name);
      return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
    };
    parts.push({
      index,
      content: contentOf(fields.get('content')) ?? '',
      type: text('type'),
      encoding: text('encoding'),
      transferEncoding: text('content-transfer-encoding'),
    });
  }
  return { parts, more: list.items.length > parts.length && parts.length >= maxParts };
}

function contentOf(value: unknown): string | Uint8Array | undefined {
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
