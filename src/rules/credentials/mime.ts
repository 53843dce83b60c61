// MIME messages as cloud-init reads multi-part user data (Python's email parser, lenient): headers up to the first
// blank line (or the first line that is not a header), a body, and for multipart types the parts between boundary
// lines. Pure text functions, linear in the input; decoding the parts is the caller's business.

/** One MIME entity: its headers and body. */
export interface MimeEntity {
  /** Header values by lower-case name (the first of each name), continuation lines unfolded. */
  readonly headers: Map<string, string>;
  /** The media type, lower case (`text/plain` when there is no Content-Type, as in Python). */
  readonly contentType: string;
  /** Content-Type parameters by lower-case name (`boundary`, `charset`). */
  readonly parameters: Map<string, string>;
  /** The body, with LF line ends. */
  readonly body: string;
}

/** The parts of a multipart body, and the text outside them (preamble and epilogue). */
export interface MultipartBody {
  /** The parts' raw texts, in order. */
  readonly parts: string[];
  /** The preamble and epilogue, which no part handler reads (but which are in the manifest all the same). */
  readonly outside: string;
}

const HEADER = /^([!-9;-~]{1,128}):[ \t]?(.*)$/;

/** Reads an entity's headers and body. */
export function parseMimeEntity(text: string): MimeEntity {
  const lines = text.split(/\r\n|\r|\n/);
  const headers = new Map<string, string>();
  let last: string | undefined;
  let k = 0;
  if (lines.length > 0 && lines[0].startsWith('From ')) k = 1; // an mbox "From " line
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (line === '') {
      k++;
      break;
    }
    if ((line[0] === ' ' || line[0] === '\t') && k > 0) {
      // A continuation line (of a repeated header when `last` is undefined: Python keeps the first).
      if (last !== undefined) headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const m = HEADER.exec(line);
    if (m === null) break; // not a header: the body starts here
    const name = m[1].toLowerCase();
    last = headers.has(name) ? undefined : name;
    if (last !== undefined) headers.set(last, m[2].trim());
  }
  const { type, parameters } = parseContentType(headers.get('content-type'));
  return { headers, contentType: type, parameters, body: lines.slice(k).join('\n') };
}

/** Splits a multipart body at `--boundary` lines; the part list ends at `--boundary--`. */
export function splitMultipart(body: string, boundary: string): MultipartBody {
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  const parts: string[] = [];
  const outside: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of body.split('\n')) {
    const bare = line.replace(/[ \t\r]+$/, '');
    if (!closed && bare === close) {
      if (current !== undefined) parts.push(current.join('\n'));
      current = undefined;
      closed = true;
    } else if (!closed && bare === open) {
      if (current !== undefined) parts.push(current.join('\n'));
      current = [];
    } else if (current !== undefined) {
      current.push(line);
    } else {
      outside.push(line);
    }
  }
  if (current !== undefined) parts.push(current.join('\n'));
  return { parts, outside: outside.join('\n') };
}

/** `type/subtype; name=value; name="quoted value"` → lower-case type and parameters. */
function parseContentType(value: string | undefined): { type: string; parameters: Map<string, string> } {
  const parameters = new Map<string, string>();
  if (value === undefined) return { type: 'text/plain', parameters };
  const pieces = splitParameters(value);
  const type = (pieces.shift() ?? '').trim().toLowerCase();
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const name = piece.slice(0, eq).trim().toLowerCase();
    let v = piece.slice(eq + 1).trim();
    if (v.length >= 2 && v[0] === '"' && v[v.length - 1] === '"') v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!parameters.has(name)) parameters.set(name, v);
  }
  return { type: type.includes('/') ? type : 'text/plain', parameters };
}

/** Splits at `;` outside double quotes. */
function splitParameters(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (c === ';' && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}
