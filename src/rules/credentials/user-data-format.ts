// How cloud-init tells user-data formats apart: a MIME message when "mime-version:" appears in the first 4096
// characters, otherwise the first characters of the (left-trimmed, lower-cased) text, longest prefix first
// (cloud-init's `handlers.type_from_starts_with`). Jinja templates are also reduced to their plain text here.

/** The MIME types cloud-init gives to user-data formats, and the other types it handles. */
export enum UserDataType {
  CLOUD_CONFIG = 'text/cloud-config',
  CLOUD_CONFIG_ARCHIVE = 'text/cloud-config-archive',
  CLOUD_CONFIG_JSONP = 'text/cloud-config-jsonp',
  SHELL_SCRIPT = 'text/x-shellscript',
  BOOTHOOK = 'text/cloud-boothook',
  INCLUDE_URL = 'text/x-include-url',
  INCLUDE_ONCE_URL = 'text/x-include-once-url',
  PART_HANDLER = 'text/part-handler',
  JINJA = 'text/jinja2',
  UPSTART_JOB = 'text/upstart-job',
}

/** Prefixes, longest first, as cloud-init matches them. */
const STARTS: Array<[string, UserDataType]> = ([
  ['## template: jinja', UserDataType.JINJA],
  ['#cloud-config-archive', UserDataType.CLOUD_CONFIG_ARCHIVE],
  ['#cloud-config-jsonp', UserDataType.CLOUD_CONFIG_JSONP],
  ['#cloud-boothook', UserDataType.BOOTHOOK],
  ['#include-once', UserDataType.INCLUDE_ONCE_URL],
  ['#part-handler', UserDataType.PART_HANDLER],
  ['#cloud-config', UserDataType.CLOUD_CONFIG],
  ['#upstart-job', UserDataType.UPSTART_JOB],
  ['#include', UserDataType.INCLUDE_URL],
  ['#!', UserDataType.SHELL_SCRIPT],
] as Array<[string, UserDataType]>).sort((a, b) => b[0].length - a[0].length);

/** The gzip media types cloud-init decompresses in MIME parts (`DECOMP_TYPES`). */
export const GZIP_TYPES = new Set([
  'application/gzip', 'application/gzip-compressed', 'application/gzipped', 'application/x-compress',
  'application/x-compressed', 'application/x-gunzip', 'application/x-gzip', 'application/x-gzip-compressed',
]);

/** Whether cloud-init reads the text as a MIME message. */
export function isMimeMessage(text: string): boolean {
  return text.slice(0, 4096).toLowerCase().includes('mime-version:');
}

/** The format the text's first characters announce, or undefined (cloud-init then ignores plain text). */
export function userDataTypeOf(text: string): UserDataType | undefined {
  const head = text.slice(0, 256).replace(/^\s+/, '').slice(0, 32).toLowerCase();
  return STARTS.find(([prefix]) => head.startsWith(prefix))?.[1];
}

/** The text of a Jinja template with its header line and template syntax removed (values from instance data are not inline). */
export function withoutJinja(text: string): string {
  const body = text.replace(/^\s+/, '');
  const nl = body.indexOf('\n');
  const rest = nl < 0 ? '' : body.slice(nl + 1);
  let out = '';
  let i = 0;
  // One forward pass with indexOf: linear even on unbalanced `{{`.
  while (i < rest.length) {
    const open = nextOpening(rest, i);
    if (open < 0) break;
    const closer = rest[open + 1] === '{' ? '}}' : rest[open + 1] === '%' ? '%}' : '#}';
    const close = rest.indexOf(closer, open + 2);
    if (close < 0) break;
    out += rest.slice(i, open);
    i = close + 2;
  }
  return out + rest.slice(i);
}

function nextOpening(text: string, from: number): number {
  let k = text.indexOf('{', from);
  while (k >= 0 && k + 1 < text.length && !'{%#'.includes(text[k + 1])) k = text.indexOf('{', k + 1);
  return k >= 0 && k + 1 < text.length ? k : -1;
}
