import { b64, gzip, reasonsOf, scanWith } from './scan-helpers';
import {
  bytesToText, decodeFileContent, FileEncoding, fileEncodingOf, gunzip, isGzip, isPrintableText, lenientBase64, looksLikeBase64Blob,
  quotedPrintable, strictBase64, utf8Text,
} from '../../../src/rules/credentials/decoding';
import { ScanContext } from '../../../src/rules/credentials/scan-context';

function decoded(run: (ctx: ScanContext) => Uint8Array | undefined): string | undefined {
  let out: Uint8Array | undefined;
  scanWith((ctx) => { out = run(ctx); });
  return out === undefined ? undefined : Buffer.from(out).toString('utf8');
}

describe('base64', () => {
  test('strict, as KubeVirt reads *Base64 fields: standard alphabet, padding, line breaks allowed', () => {
    expect(decoded((ctx) => strictBase64(`${b64('hello world')}`, ctx))).toBe('hello world');
    expect(decoded((ctx) => strictBase64('aGVs\r\nbG8=', ctx))).toBe('hello');
    expect(decoded((ctx) => strictBase64('aGVsbG8', ctx))).toBeUndefined();
    expect(decoded((ctx) => strictBase64('aGVs bG8=', ctx))).toBeUndefined();
    expect(decoded((ctx) => strictBase64('aGV_bG8=', ctx))).toBeUndefined();
  });

  test('lenient, as Python reads write_files content: other characters dropped', () => {
    expect(decoded((ctx) => lenientBase64(' aGVs\n  bG8= ', ctx))).toBe('hello');
  });

  test('a whole text that is one blob', () => {
    expect(looksLikeBase64Blob(b64('#cloud-config\npassword: x\n'))).toBe(true);
    expect(looksLikeBase64Blob(`${b64('a'.repeat(60)).slice(0, 40)}\n${b64('a'.repeat(60)).slice(40)}`)).toBe(true);
    expect(looksLikeBase64Blob('short')).toBe(false);
    expect(looksLikeBase64Blob('not base64 at all, spaces and commas')).toBe(false);
  });
});

describe('gzip', () => {
  test('magic number, decompression, corrupt data and the ceiling', () => {
    expect(isGzip(gzip('x'))).toBe(true);
    expect(isGzip(Buffer.from('x'))).toBe(false);
    expect(decoded((ctx) => gunzip(gzip('hello'), ctx))).toBe('hello');
    expect(reasonsOf((ctx) => gunzip(Buffer.from([0x1f, 0x8b, 0, 0]), ctx))).toEqual(['gzip data that does not decompress']);
    expect(reasonsOf((ctx) => gunzip(gzip(Buffer.alloc(2 * 1024 * 1024)), ctx))).toEqual(['gzip data that expands past the decoded-data ceiling']);
  });
});

describe('quoted-printable and text', () => {
  test('soft line breaks and escapes', () => {
    expect(decoded((ctx) => quotedPrintable('pass=3Dword=\nx =C3=A9', ctx))).toBe('pass=wordx é');
  });

  test('UTF-8 or nothing; printable text', () => {
    expect(utf8Text(Buffer.from('é'))).toBe('é');
    expect(utf8Text(Buffer.from([0xff]))).toBeUndefined();
    expect(isPrintableText('a\tb\r\n')).toBe(true);
    expect(isPrintableText('a\u0000b')).toBe(false);
  });

  test('bytesToText decompresses gzip and reads inside "gzip data"', () => {
    const scan = scanWith((ctx) => {
      const out = bytesToText(gzip('#!/bin/sh\necho root:x | chpasswd'), ctx, true);
      out?.ctx.found(out.text.split('\n')[0]);
    });
    expect(scan.hits.map((h) => h.indicator)).toEqual(['#!/bin/sh in gzip data']);
    expect(reasonsOf((ctx) => bytesToText(Buffer.from([0xc3]), ctx, true))).toEqual(['binary data that is neither gzip nor UTF-8 text']);
    expect(reasonsOf((ctx) => bytesToText(Buffer.from([0xc3]), ctx, false))).toEqual([]);
  });
});

describe('write_files encodings', () => {
  test.each([
    [undefined, FileEncoding.TEXT], ['text/plain', FileEncoding.TEXT], ['rot13', FileEncoding.TEXT], [42, FileEncoding.TEXT],
    ['b64', FileEncoding.BASE64], [' Base64 ', FileEncoding.BASE64], ['gz', FileEncoding.GZIP], ['gzip', FileEncoding.GZIP],
    ['gz+b64', FileEncoding.GZIP_BASE64], ['gzip+b64', FileEncoding.GZIP_BASE64], ['gz+base64', FileEncoding.GZIP_BASE64],
    ['gzip+base64', FileEncoding.GZIP_BASE64],
  ])('%j is %s', (encoding, expected) => {
    expect(fileEncodingOf(encoding)).toBe(expected);
  });

  test('decodeFileContent', () => {
    expect(decoded((ctx) => decodeFileContent('abc', FileEncoding.TEXT, ctx))).toBe('abc');
    expect(decoded((ctx) => decodeFileContent(b64('abc'), FileEncoding.BASE64, ctx))).toBe('abc');
    expect(decoded((ctx) => decodeFileContent(Buffer.from('abc'), FileEncoding.BASE64, ctx))).toBe('abc');
    expect(decoded((ctx) => decodeFileContent(gzip('abc'), FileEncoding.GZIP, ctx))).toBe('abc');
    expect(decoded((ctx) => decodeFileContent(b64(gzip('abc')), FileEncoding.GZIP_BASE64, ctx))).toBe('abc');
    expect(reasonsOf((ctx) => decodeFileContent('abc', FileEncoding.GZIP, ctx))).toEqual(['content declared gzip that is not gzip data']);
  });
});
