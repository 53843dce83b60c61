import { isMimeMessage, UserDataType, userDataTypeOf, withoutJinja } from '../../../src/rules/credentials/user-data-format';

describe('userDataTypeOf', () => {
  test.each([
    ['#cloud-config\n', UserDataType.CLOUD_CONFIG],
    ['  #Cloud-Config\n', UserDataType.CLOUD_CONFIG],
    ['#cloud-config-archive\n', UserDataType.CLOUD_CONFIG_ARCHIVE],
    ['#cloud-config-jsonp\n', UserDataType.CLOUD_CONFIG_JSONP],
    ['#!/bin/bash\n', UserDataType.SHELL_SCRIPT],
    ['#cloud-boothook\n', UserDataType.BOOTHOOK],
    ['#include\n', UserDataType.INCLUDE_URL],
    ['#include-once\n', UserDataType.INCLUDE_ONCE_URL],
    ['#part-handler\n', UserDataType.PART_HANDLER],
    ['## template: jinja\n', UserDataType.JINJA],
    ['#upstart-job\n', UserDataType.UPSTART_JOB],
    ['password: x', undefined],
    ['', undefined],
  ])('%j', (text, type) => {
    expect(userDataTypeOf(text)).toBe(type);
  });

  test('MIME messages are recognised by a MIME-Version header in the first 4096 characters', () => {
    expect(isMimeMessage('Content-Type: multipart/mixed\nMIME-Version: 1.0\n')).toBe(true);
    expect(isMimeMessage(`${'x'.repeat(4096)}MIME-Version: 1.0`)).toBe(false);
  });
});

describe('withoutJinja', () => {
  test('drops the header line and the template syntax, linearly', () => {
    expect(withoutJinja('## template: jinja\n#cloud-config\na: {{ x }}\n{% if y %}b: 1{% endif %}{# c #}\n')).toBe('#cloud-config\na: \nb: 1\n');
    expect(withoutJinja('## template: jinja\nkeep {{ unclosed')).toBe('keep {{ unclosed');
    const started = Date.now();
    withoutJinja(`## template: jinja\n${'{{{%{#'.repeat(100_000)}`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
