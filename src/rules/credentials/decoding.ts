import * as zlib from 'zlib';
import { ScanContext } from './scan-context';

// The encodings cloud-init and KubeVirt undo before data reaches the guest: base64 (KubeVirt's *Base64 fields,
// write_files, MIME parts), gzip (user data, write_files, MIME parts) and quoted-printable (MIME parts). Every decoder
// is bounded by the scan's budget and records why it could not decode instead of throwing.

/** Whether the bytes start with the gzip magic number (what cloud-init tests before decompressing user data). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip data within the budget; undefined (and an uninspectable part) when corrupt or over the cap. */
export function gunzip(bytes: Uint8Array, ctx: ScanContext): Uint8Array | undefined {
  const left = ctx.budget.decodedBytesLeft;
  if (left <= 0) {
    ctx.cannotInspect('gzip data past the decoded-data ceiling');
    return undefined;
  }
  let out: Buffer;
  try {
    out = zlib.gunzipSync(bytes, { maxOutputLength: left });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
      ctx.cannotInspect('gzip data that expands past the decoded-data ceiling');
    } else {
      ctx.cannotInspect('gzip data that does not decompress');
    }
    return undefined;
  }
  if (!ctx.budget.takeDecodedBytes(out.length)) {
    ctx.cannotInspect('gzip data that expands past the decoded-data ceiling');
    return undefined;
  }
  return out;
}

const BASE64_STRICT = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Base64 as KubeVirt's webhook reads `userDataBase64`/`networkDataBase64` (Go's `StdEncoding`: standard alphabet,
 * padding required, CR and LF ignored). Undefined when the text is not valid.
 */
export function strictBase64(text: string, ctx: ScanContext): Uint8Array | undefined {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !BASE64_STRICT.test(clean)) return undefined;
  return takeDecoded(Buffer.from(clean, 'base64'), ctx, 'base64 data');
}

/**
 * Base64 as Python's `base64.b64decode` reads it in cloud-init's `write_files` (characters outside the alphabet are
 * dropped). Undefined when over the budget.
 */
export function lenientBase64(text: string, ctx: ScanContext): Uint8Array | undefined {
  return takeDecoded(Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64'), ctx, 'base64 data');
}

/**
 * Whether a whole text is one base64 blob worth decoding to look inside: at least 16 characters of the standard
 * alphabet (whitespace between lines allowed), correctly padded. Base64 is not encryption: a credential encoded this
 * way is as readable in Git as one in clear.
 */
export function looksLikeBase64Blob(text: string): boolean {
  const clean = text.replace(/\s/g, '');
  return clean.length >= 16 && clean.length % 4 === 0 && BASE64_STRICT.test(clean);
}

/** Decodes quoted-printable text (MIME `Content-Transfer-Encoding: quoted-printable`). */
export function quotedPrintable(text: string, ctx: ScanContext): Uint8Array | undefined {
  const unfolded = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const c = unfolded.charCodeAt(i);
    if (c === 0x3d && i + 2 < unfolded.length + 0 && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      for (const b of Buffer.from(unfolded[i], 'utf8')) bytes.push(b);
    }
  }
  return takeDecoded(Buffer.from(bytes), ctx, 'quoted-printable data');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8 (binary data). */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether decoded text reads as text (no control characters other than tab, CR, LF, FF). */
export function isPrintableText(text: string): boolean {
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
}

/** Decoded text and the context to read it in (inside "gzip data" when it was compressed). */
export interface DecodedText {
  readonly text: string;
  readonly ctx: ScanContext;
}

/**
 * Decoded bytes as text, gunzipping first when they are gzip data (as cloud-init does for user data and MIME parts).
 * Undefined when they are neither (binary), with the reason recorded if `reportBinary`.
 */
export function bytesToText(bytes: Uint8Array, ctx: ScanContext, reportBinary: boolean): DecodedText | undefined {
  if (isGzip(bytes)) {
    const inner = ctx.open('gzip data');
    if (inner === undefined) return undefined;
    const out = gunzip(bytes, inner);
    return out === undefined ? undefined : bytesToText(out, inner, reportBinary);
  }
  const text = utf8Text(bytes);
  if (text === undefined && reportBinary) ctx.cannotInspect('binary data that is neither gzip nor UTF-8 text');
  return text === undefined ? undefined : { text, ctx };
}

/** The encodings of a `write_files` entry, as cloud-init's `canonicalize_extraction` reads `encoding`. */
export enum FileEncoding {
  /** Written as is (no `encoding`, `text/plain`, or an unknown value, which cloud-init treats as text). */
  TEXT = 'text',
  /** `b64`, `base64`. */
  BASE64 = 'base64',
  /** `gz`, `gzip`. */
  GZIP = 'gzip',
  /** `gz+b64`, `gz+base64`, `gzip+b64`, `gzip+base64`: base64 first, then gzip. */
  GZIP_BASE64 = 'gzip+base64',
}

/** Reads a `write_files` `encoding` value the way cloud-init does (case-insensitive, trimmed). */
export function fileEncodingOf(encoding: unknown): FileEncoding {
  if (typeof encoding !== 'string') return FileEncoding.TEXT;
  const e = encoding.trim().toLowerCase();
  if (e === 'gz' || e === 'gzip') return FileEncoding.GZIP;
  if (['gz+base64', 'gzip+base64', 'gz+b64', 'gzip+b64'].includes(e)) return FileEncoding.GZIP_BASE64;
  if (e === 'b64' || e === 'base64') return FileEncoding.BASE64;
  return FileEncoding.TEXT;
}

/**
 * Undoes a `write_files` encoding on content given as text or as YAML `!!binary` bytes. Undefined (with the reason
 * recorded) when it cannot.
 */
export function decodeFileContent(content: string | Uint8Array, encoding: FileEncoding, ctx: ScanContext): Uint8Array | undefined {
  const raw = (): Uint8Array => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  switch (encoding) {
    case FileEncoding.TEXT:
      return raw();
    case FileEncoding.BASE64:
      return typeof content === 'string' ? lenientBase64(content, ctx) : content;
    case FileEncoding.GZIP:
      return gunzipOrReport(raw(), ctx);
    case FileEncoding.GZIP_BASE64: {
      const bytes = typeof content === 'string' ? lenientBase64(content, ctx) : content;
      return bytes === undefined ? undefined : gunzipOrReport(bytes, ctx);
    }
  }
}

function gunzipOrReport(bytes: Uint8Array, ctx: ScanContext): Uint8Array | undefined {
  if (!isGzip(bytes)) {
    ctx.cannotInspect('content declared gzip that is not gzip data');
    return undefined;
  }
  return gunzip(bytes, ctx);
}

function takeDecoded(bytes: Buffer, ctx: ScanContext, what: string): Buffer | undefined {
  if (!ctx.budget.takeDecodedBytes(bytes.length)) {
    ctx.cannotInspect(`${what} past the decoded-data ceiling`);
    return undefined;
  }
  return bytes;
}
