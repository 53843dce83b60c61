import { secretSettingsIn } from './config-lines';
import { bytesToText, isPrintableText, lenientBase64, looksLikeBase64Blob } from './decoding';
import { ScanContext } from './scan-context';
import { shellCredentialsIn } from './shell-commands';
import { textPatternsIn } from './text-patterns';

/** What a text scan looks for besides the patterns and shell commands it always checks. */
export enum SettingLines {
  /** Also read `name = value` / `name: value` lines as settings (scripts, files, single YAML values). */
  READ = 'read',
  /** The text was read as YAML already: its keys were judged as keys, do not read them again as lines. */
  SKIP = 'skip',
}

/**
 * Scans free text (a script, a file, a YAML value): credential patterns, shell commands, setting lines, and, when the
 * whole text is one base64 blob that decodes to text (or gzip of text), the decoded text too.
 */
export function scanText(text: string, ctx: ScanContext, settings: SettingLines): void {
  if (!takeText(text, ctx)) return;
  for (const what of textPatternsIn(text)) ctx.found(what);
  for (const what of shellCredentialsIn(text)) ctx.found(what);
  if (settings === SettingLines.READ) {
    for (const what of secretSettingsIn(text)) ctx.found(what);
  }
  if (looksLikeBase64Blob(text)) scanBase64Blob(text, ctx);
}

/** Decodes a text that looks like base64 and scans it when it turns out to be text; binary results are ignored. */
function scanBase64Blob(text: string, ctx: ScanContext): void {
  const inner = ctx.open('base64 text');
  if (inner === undefined) return;
  const bytes = lenientBase64(text, inner);
  if (bytes === undefined) return;
  const decoded = bytesToText(bytes, inner, false);
  if (decoded !== undefined && isPrintableText(decoded.text)) decoded.ctx.later((c) => scanText(decoded.text, c, SettingLines.READ));
}

/** The credential patterns in YAML comments: the parser drops them, the manifest keeps them. */
export function scanYamlComments(comments: string, ctx: ScanContext): void {
  if (comments === '' || !takeText(comments, ctx)) return;
  for (const what of textPatternsIn(comments)) ctx.found(`${what} in a YAML comment`);
}

/** Takes the text's length from the budget; false (recorded) when the scan has read all the text it may. */
export function takeText(text: string, ctx: ScanContext): boolean {
  if (ctx.budget.takeTextChars(text.length)) return true;
  ctx.cannotInspect('text past the reading ceiling');
  return false;
}
