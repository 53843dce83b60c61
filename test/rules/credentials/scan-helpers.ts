import * as zlib from 'zlib';
import { CredentialScan } from '../../../src/rules/credentials/credential-scan';
import { ScanContext, ScanSink } from '../../../src/rules/credentials/scan-context';
import { ScanBudget } from '../../../src/rules/credentials/scan-limits';

/** Runs a scanner on a fresh context (field `f`), then the readings it deferred, and returns the scan. */
export function scanWith(run: (ctx: ScanContext) => void, budget: ScanBudget = ScanBudget.standard()): CredentialScan {
  const sink = new ScanSink();
  run(ScanContext.root('f', budget, sink));
  sink.runDeferred();
  return sink.result();
}

/** The indicators a scanner reports. */
export function indicatorsOf(run: (ctx: ScanContext) => void): string[] {
  return scanWith(run).hits.map((h) => h.indicator);
}

/** The uninspectable reasons a scanner reports. */
export function reasonsOf(run: (ctx: ScanContext) => void): string[] {
  return scanWith(run).uninspectable.map((u) => u.reason);
}

export function b64(text: string | Buffer): string {
  return Buffer.from(text).toString('base64');
}

export function gzip(text: string | Buffer): Buffer {
  return zlib.gzipSync(Buffer.from(text));
}

/** A two-part MIME message as cloud-init's make-mime writes it. */
export function mime(parts: Array<{ type: string; body: string; encoding?: string }>, boundary = '===============1234=='): string {
  const lines = ['Content-Type: multipart/mixed; boundary="' + boundary + '"', 'MIME-Version: 1.0', ''];
  for (const p of parts) {
    lines.push(`--${boundary}`, `Content-Type: ${p.type}; charset="us-ascii"`, 'MIME-Version: 1.0');
    if (p.encoding !== undefined) lines.push(`Content-Transfer-Encoding: ${p.encoding}`);
    lines.push('', p.body);
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\n');
}

/** A SHA-512 crypt hash (shape only). */
export const SHA512_HASH = '$6$rounds=4096$saltsalt$' + 'a'.repeat(86);
/** The secret used in tests: no indicator or reason may ever contain it. */
export const SECRET = 'S3cretValue42';
