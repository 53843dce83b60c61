import { b64, gzip, indicatorsOf, reasonsOf } from './scan-helpers';
import { MAX_TEXT_CHARS } from '../../../src/rules/credentials/scan-limits';
import { scanText, scanYamlComments, SettingLines, takeText } from '../../../src/rules/credentials/text-scan';

describe('scanText', () => {
  test('patterns, shell commands and settings', () => {
    expect(indicatorsOf((ctx) => scanText('#!/bin/sh\n# -----BEGIN RSA PRIVATE KEY-----\necho root:x | chpasswd\nDB_PASSWORD=x\n', ctx, SettingLines.READ))).toEqual([
      'a private key block', 'a password piped into "chpasswd"', 'a "db_password" setting',
    ]);
    expect(indicatorsOf((ctx) => scanText('password: x', ctx, SettingLines.SKIP))).toEqual([]);
  });

  test('a base64 blob of text (or gzip of text) is decoded; of binary, ignored', () => {
    expect(indicatorsOf((ctx) => scanText(b64('password=x\n'), ctx, SettingLines.READ))).toEqual(['a "password" setting in base64 text']);
    expect(indicatorsOf((ctx) => scanText(b64(gzip('password=x\n')), ctx, SettingLines.READ))).toEqual(['a "password" setting in gzip data in base64 text']);
    expect(reasonsOf((ctx) => scanText(b64(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), ctx, SettingLines.READ))).toEqual([]);
  });

  test('the text ceiling', () => {
    expect(reasonsOf((ctx) => { scanText('x'.repeat(MAX_TEXT_CHARS), ctx, SettingLines.READ); scanText('password=x', ctx, SettingLines.READ); }))
      .toEqual(['text past the reading ceiling']);
    expect(reasonsOf((ctx) => { takeText('x'.repeat(MAX_TEXT_CHARS + 1), ctx); })).toEqual(['text past the reading ceiling']);
  });
});

describe('scanYamlComments', () => {
  test('patterns in comments', () => {
    expect(indicatorsOf((ctx) => scanYamlComments('# -----BEGIN RSA PRIVATE KEY-----\n# password: x', ctx))).toEqual(['a private key block in a YAML comment']);
    expect(indicatorsOf((ctx) => scanYamlComments('', ctx))).toEqual([]);
  });
});
