import * as fs from 'fs';
import * as path from 'path';
import { HOST_CODES } from '../../src/rules/codes-host';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = [
  ...fs.readdirSync(path.join(ROOT, 'src', 'values', 'host')).map((f) => path.join('src', 'values', 'host', f)),
];
const TESTS = [
  ...fs.readdirSync(path.join(ROOT, 'test', 'values', 'host')).map((f) => path.join('test', 'values', 'host', f)),
  path.join('test', 'fixtures', 'host.ts'),
];
const CODE = /'((?:HOST|LSCPU|VIRSH|TOPOLOGY|UNIFORM|PARTITION)_[A-Z_]+)'/g;

function codesIn(files: string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(CODE)) found.add(match[1]);
  }
  return found;
}

describe('HOST_CODES', () => {
  test('registers every code the host value types and partition rules emit', () => {
    const emitted = [...codesIn(SOURCES)].sort();
    expect(emitted.filter((code) => !(code in HOST_CODES))).toEqual([]);
    expect(Object.keys(HOST_CODES).filter((code) => !emitted.includes(code))).toEqual([]);
  });

  test('every registered code is triggered by a test', () => {
    const testText = TESTS.map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8')).join('\n');
    expect(Object.keys(HOST_CODES).filter((code) => !new RegExp(`\\b${code}\\b`).test(testText))).toEqual([]);
  });

  test('every entry says what it means, what it prevents and how to fix it', () => {
    for (const [code, info] of Object.entries(HOST_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.meaning.length).toBeGreaterThan(20);
      expect(info.prevents.length).toBeGreaterThan(10);
      expect(info.fix.length).toBeGreaterThan(5);
    }
    expect(HOST_CODES.PARTITION_SPLIT_UNEVEN.severity).toBe('warning');
  });
});
