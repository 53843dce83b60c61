import { isMap, isSeq } from 'yaml';
import { ArchivePart, archiveParts } from './cloud-config-archive';
import {
  bytesToText, DecodedText, decodeFileContent, fileEncodingOf, FileEncoding, gunzip, isGzip, isPrintableText, lenientBase64, looksLikeBase64Blob,
  quotedPrintable, utf8Text,
} from './decoding';
import { MimeEntity, parseMimeEntity, splitMultipart } from './mime';
import { ScanContext } from './scan-context';
import { MAX_MIME_PARTS } from './scan-limits';
import { scanText, scanYamlComments, SettingLines, takeText } from './text-scan';
import { GZIP_TYPES, isMimeMessage, UserDataType, userDataTypeOf, withoutJinja } from './user-data-format';
import { credentialKeysInLines } from './yaml-lines';
import { readYaml, YamlAttempt } from './yaml-reading';
import { walkYamlDocuments } from './yaml-walker';

// User data as cloud-init unpacks it (cloudinit/user_data.py): gzip is decompressed, MIME messages are split into
// parts (base64 and quoted-printable decoded, gzip parts decompressed), `#cloud-config-archive` lists are exploded,
// and each piece is read by its type: cloud-config (YAML), scripts and boothooks (shell), Jinja templates, include
// lists. Text of no known type is ignored by cloud-init but still sits in the manifest, so it is scanned too.

/** Scans user data given as bytes (KubeVirt `userDataBase64` decoded, a decoded part). */
export function scanUserDataBytes(bytes: Uint8Array, ctx: ScanContext): void {
  if (isGzip(bytes)) {
    ctx.open('gzip data')?.later((inner) => {
      const out = gunzip(bytes, inner);
      if (out !== undefined) scanUserDataBytes(out, inner);
    });
    return;
  }
  const text = utf8Text(bytes);
  if (text === undefined) {
    ctx.cannotInspect('binary data that is neither gzip nor UTF-8 text');
    return;
  }
  scanUserDataText(text, ctx);
}

/**
 * Scans user data given as text (KubeVirt `userData`); also the reader of embedded data (write_files contents,
 * archive and MIME parts of plain text, base64 blobs in YAML values): whatever format it has, it is in the manifest.
 */
export function scanUserDataText(text: string, ctx: ScanContext): void {
  const body = text.replace(/^\uFEFF/, '');
  if (isMimeMessage(body)) {
    const entity = parseMimeEntity(body);
    // Without headers, Python's parser gives the whole text as one plain part, typed by its first line: read below
    // (and never as a MIME entity again, which would loop).
    if (entity.headers.size > 0) {
      const type = typeOf(entity, 'text/x-not-multipart');
      // A single-part message opens a container (its body may be a MIME message again); a multipart one opens one per part.
      if (type.startsWith('multipart/')) scanParsedEntity(entity, type, ctx);
      else ctx.open('a MIME message')?.later((inner) => scanParsedEntity(entity, type, inner));
      return;
    }
  }
  scanTyped(body, userDataTypeOf(body), ctx);
}

/** Scans a piece whose type is known (undefined: plain text of no known format). */
function scanTyped(text: string, type: string | undefined, ctx: ScanContext): void {
  switch (type) {
    case UserDataType.CLOUD_CONFIG:
    case UserDataType.CLOUD_CONFIG_JSONP:
      scanCloudConfig(text, ctx);
      return;
    case UserDataType.CLOUD_CONFIG_ARCHIVE:
      scanArchive(text, ctx);
      return;
    case UserDataType.JINJA: {
      const rendered = withoutJinja(text);
      ctx.open('Jinja template')?.later((inner) => scanTyped(rendered, userDataTypeOf(rendered), inner));
      return;
    }
    case UserDataType.SHELL_SCRIPT:
    case UserDataType.BOOTHOOK:
    case UserDataType.UPSTART_JOB:
    case UserDataType.INCLUDE_URL:
    case UserDataType.INCLUDE_ONCE_URL:
    case UserDataType.PART_HANDLER:
      scanText(text, ctx, SettingLines.READ);
      return;
    default:
      if (type !== undefined && type.startsWith('text/x-shellscript')) scanText(text, ctx, SettingLines.READ);
      else scanUnknown(text, ctx);
  }
}

/** cloud-config (and JSON-patch) documents: walked as YAML; read line by line when the YAML is broken or too big. */
function scanCloudConfig(text: string, ctx: ScanContext): void {
  const reading = readYaml(text, ctx, YamlAttempt.REQUIRED);
  if (reading !== undefined && !reading.hasErrors) {
    walkYamlDocuments(reading.documents, ctx, scanUserDataText);
    scanYamlComments(reading.comments, ctx);
    return;
  }
  if (reading !== undefined) ctx.cannotInspect('cloud-config that is not valid YAML (read line by line instead)');
  if (takeText(text, ctx)) for (const what of credentialKeysInLines(text)) ctx.found(what);
  scanText(text, ctx, SettingLines.SKIP);
}

/** Text of no known format: a base64 blob is decoded and read as user data; YAML is walked; the rest read as text. */
function scanUnknown(text: string, ctx: ScanContext): void {
  if (looksLikeBase64Blob(text)) {
    const inner = ctx.open('base64 text');
    const bytes = inner === undefined ? undefined : lenientBase64(text, inner);
    if (inner !== undefined && bytes !== undefined && (isGzip(bytes) || isPrintableText(utf8Text(bytes) ?? '\u0000'))) {
      inner.later((c) => scanUserDataBytes(bytes, c));
      return;
    }
  }
  const reading = readYaml(text, ctx, YamlAttempt.SPECULATIVE);
  const structured = reading !== undefined && !reading.hasErrors && reading.documents.some((d) => isMap(d.contents) || isSeq(d.contents));
  if (structured) {
    walkYamlDocuments(reading.documents, ctx, scanUserDataText);
    scanYamlComments(reading.comments, ctx);
  } else {
    scanText(text, ctx, SettingLines.READ);
  }
}

/** A MIME entity: multipart bodies are split (recursively), single parts decoded and read by their type. */
function scanParsedEntity(entity: MimeEntity, type: string, ctx: ScanContext): void {
  if (type.startsWith('multipart/')) {
    const boundary = entity.parameters.get('boundary');
    if (boundary === undefined || boundary === '') {
      ctx.cannotInspect('a multipart MIME message without a boundary (read as text instead)');
      scanText(entity.body, ctx, SettingLines.READ);
      return;
    }
    const { parts, outside } = splitMultipart(entity.body, boundary);
    scanText(outside, ctx, SettingLines.READ);
    for (let i = 0; i < parts.length; i++) {
      if (!ctx.budget.takeMimePart()) {
        ctx.cannotInspect(`MIME parts past the ceiling of ${MAX_MIME_PARTS}`);
        return;
      }
      const part = parseMimeEntity(parts[i]);
      const partType = typeOf(part, 'text/plain');
      ctx.open(`MIME part ${i + 1} (${shownType(partType)})`)?.later((inner) => scanParsedEntity(part, partType, inner));
    }
    return;
  }
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const body = transferDecoded(entity.body, encoding, ctx);
  if (body !== undefined) scanPart(body, type, entity.parameters.get('charset'), ctx);
}

function typeOf(entity: MimeEntity, fallbackType: string): string {
  return entity.headers.has('content-type') ? entity.contentType : fallbackType;
}

/** A media type as shown in messages (it is text from the data: only a plain type/subtype is echoed). */
function shownType(type: string): string {
  return /^[a-z0-9.+_-]{1,40}\/[a-z0-9.+_-]{1,60}$/.test(type) ? type : 'an unusual type';
}

/** Undoes a Content-Transfer-Encoding; undefined (recorded) when unknown or over the ceiling. */
function transferDecoded(body: string, encoding: string, ctx: ScanContext): string | Uint8Array | undefined {
  switch (encoding) {
    case '':
    case '7bit':
    case '8bit':
    case 'binary':
      return body;
    case 'base64':
      return lenientBase64(body, ctx);
    case 'quoted-printable':
      return quotedPrintable(body, ctx);
    default:
      ctx.cannotInspect(`a MIME part with the unknown Content-Transfer-Encoding ${/^[a-z0-9.+_-]{1,30}$/.test(encoding) ? `"${encoding}"` : '(unusual text)'}`);
      return undefined;
  }
}

/** A decoded part (MIME or archive) read by its type, as cloud-init's `_process_msg` does. */
function scanPart(content: string | Uint8Array, declaredType: string, charset: string | undefined, ctx: ScanContext): void {
  let type = declaredType.toLowerCase();
  let data = content;
  if (GZIP_TYPES.has(type)) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    if (!isGzip(bytes)) {
      ctx.cannotInspect(`a part declared ${type} that is not gzip data`);
      return;
    }
    const out = gunzip(bytes, ctx);
    if (out === undefined) return;
    data = out;
    type = '';
  }
  const decoded = typeof data === 'string' ? { text: data, ctx } : decodeText(data, charset, ctx);
  if (decoded === undefined) return;
  const { text } = decoded;
  if (type.startsWith('multipart/')) {
    // A part declared multipart whose body was encoded: its body is a MIME message of its own.
    const entity = parseMimeEntity(text);
    if (entity.headers.size > 0) scanParsedEntity(entity, typeOf(entity, type), decoded.ctx);
    else scanText(text, decoded.ctx, SettingLines.READ);
    return;
  }
  // Like cloud-init, the text decides for untyped, plain and shell-script parts (a script must start with #!). Plain
  // text is read as user data of its own: cloud-init would ignore a MIME message or base64 in it, the manifest holds
  // it all the same.
  if (['', 'text/plain', 'text/x-not-multipart'].includes(type)) {
    scanUserDataText(text, decoded.ctx);
    return;
  }
  if (type === UserDataType.SHELL_SCRIPT) type = userDataTypeOf(text) ?? type;
  scanTyped(text, type, decoded.ctx);
}

/** Bytes in the part's charset (UTF-8 when absent or unknown); gzip data is decompressed; binary is recorded. */
function decodeText(bytes: Uint8Array, charset: string | undefined, ctx: ScanContext): DecodedText | undefined {
  if (charset !== undefined && !/^utf-?8$/i.test(charset) && !isGzip(bytes)) {
    try {
      return { text: new TextDecoder(charset).decode(bytes), ctx };
    } catch {
      // an unknown charset: read as UTF-8 below
    }
  }
  return bytesToText(bytes, ctx, true);
}

/** One archive part: decoded (Content-Transfer-Encoding, then `encoding`) and read by its type. */
function scanArchivePart(part: ArchivePart, ctx: ScanContext): void {
  let content: string | Uint8Array | undefined = part.content;
  if (part.transferEncoding !== undefined && typeof content === 'string') content = transferDecoded(content, part.transferEncoding, ctx);
  const encoding = fileEncodingOf(part.encoding);
  if (content !== undefined && encoding !== FileEncoding.TEXT) content = decodeFileContent(content, encoding, ctx);
  if (content === undefined) return;
  // Untyped parts: cloud-init takes the type from the first line (text/cloud-config by default); read as user data,
  // they get the same reading plus MIME and base64 detection.
  scanPart(content, part.type ?? '', undefined, ctx);
}

/** `#cloud-config-archive`: each part decoded and read by its type. */
function scanArchive(text: string, ctx: ScanContext): void {
  const reading = readYaml(text, ctx, YamlAttempt.REQUIRED);
  if (reading === undefined || reading.hasErrors || reading.documents.length === 0) {
    if (reading !== undefined) ctx.cannotInspect('a cloud-config-archive that is not valid YAML (read as text instead)');
    scanText(text, ctx, SettingLines.READ);
    return;
  }
  const archive = archiveParts(reading.documents[0], MAX_MIME_PARTS);
  if (archive === undefined) {
    scanUnknown(text.replace(/^\s*#cloud-config-archive[^\n]*/i, ''), ctx);
    return;
  }
  for (const part of archive.parts) {
    if (!ctx.budget.takeMimePart()) {
      ctx.cannotInspect(`archive parts past the ceiling of ${MAX_MIME_PARTS}`);
      return;
    }
    ctx.open(`cloud-config-archive part ${part.index + 1}`)?.later((inner) => scanArchivePart(part, inner));
  }
  if (archive.more) ctx.cannotInspect(`archive parts past the ceiling of ${MAX_MIME_PARTS}`);
}
