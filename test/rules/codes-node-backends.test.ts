import * as fs from 'fs';
import * as path from 'path';
import { ALL_CODES } from '../../src/rules/codes';
import { NODE_BACKEND_CODES } from '../../src/rules/codes-node-backends';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = [
  'src/rules/node-backend-rules.ts', 'src/rules/talos-rules.ts', 'src/rules/kubeadm-rules.ts', 'src/rules/kubelet-drop-in-rules.ts',
  'src/values/cluster/talos-version.ts', 'src/rules/pool-backend-rules.ts', 'src/constructs/node-files.ts',
];
const TESTS = [
  'test/rules/node-backend-rules.test.ts', 'test/rules/talos-rules.test.ts', 'test/rules/kubeadm-rules.test.ts',
  'test/rules/kubelet-drop-in-rules.test.ts', 'test/values/cluster/talos-version.test.ts', 'test/rules/pool-backend-rules.test.ts',
  'test/constructs/node-files.test.ts',
];
const CODE = /'((?:NODE|TALOS|KUBEADM|KUBELET_DROP_IN)_[A-Z_]+)'/g;

function codesIn(files: string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(CODE)) found.add(match[1]);
  }
  return found;
}

describe('NODE_BACKEND_CODES', () => {
  test('registers every code the node-backend rules and TalosVersion emit, and nothing else', () => {
    const emitted = [...codesIn(SOURCES)].sort();
    expect(emitted.filter((code) => !(code in NODE_BACKEND_CODES))).toEqual([]);
    expect(Object.keys(NODE_BACKEND_CODES).filter((code) => !emitted.includes(code))).toEqual([]);
  });

  test('every registered code is triggered by a test', () => {
    const testText = TESTS.map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8')).join('\n');
    expect(Object.keys(NODE_BACKEND_CODES).filter((code) => !new RegExp(`'${code}'`).test(testText))).toEqual([]);
  });

  test('merged into ALL_CODES, no clash with another area, every entry complete', () => {
    for (const [code, info] of Object.entries(NODE_BACKEND_CODES)) {
      expect(ALL_CODES[code]).toBe(info);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.meaning.length).toBeGreaterThan(20);
      expect(info.prevents.length).toBeGreaterThan(10);
      expect(info.fix.length).toBeGreaterThan(10);
    }
  });
});
