import * as fs from 'fs';
import * as path from 'path';
import { ALL_CODES } from '../../src/rules/codes';
import { VM_CODES } from '../../src/rules/codes-vm';

// Every code the VM rules can emit is registered in codes-vm.ts, and every registered code is emitted somewhere.
const SRC = path.join(__dirname, '..', '..', 'src');
const FILES = [
  ...fs.readdirSync(path.join(SRC, 'rules')).filter((f) => f.startsWith('vm-')).map((f) => path.join(SRC, 'rules', f)),
  ...['values/vm', 'model/vm', 'backends/vm', 'constructs/vm'].flatMap((dir) => fs.readdirSync(path.join(SRC, dir)).map((f) => path.join(SRC, dir, f))),
  path.join(SRC, 'values', 'realtime-mask.ts'),
];
const SOURCE = FILES.map((f) => fs.readFileSync(f, 'utf8')).join('\n');

function emitted(kind: 'error' | 'warning'): string[] {
  const re = kind === 'error' ? /(?:error|rejected)\(\s*'([A-Z0-9_]+)'/g : /warning\(\s*'([A-Z0-9_]+)'/g;
  return [...new Set([...SOURCE.matchAll(re)].map((m) => m[1]))];
}

describe('VM code registry', () => {
  test('every emitted code is registered with the severity it is emitted with', () => {
    const registry = ALL_CODES;
    for (const code of emitted('error')) expect([code, registry[code]?.severity]).toEqual([code, 'error']);
    for (const code of emitted('warning')) expect([code, registry[code]?.severity]).toEqual([code, 'warning']);
  });

  test('every registered code is emitted somewhere', () => {
    const all = new Set([...emitted('error'), ...emitted('warning')]);
    for (const code of Object.keys(VM_CODES)) expect([code, all.has(code)]).toEqual([code, true]);
  });

  test('codes are VM_ UPPER_SNAKE and every entry is filled in', () => {
    for (const [code, info] of Object.entries(VM_CODES)) {
      expect(code).toMatch(/^VM_[A-Z0-9]+(_[A-Z0-9]+)*$/);
      for (const text of [info.meaning, info.prevents, info.fix]) expect(text.length).toBeGreaterThan(5);
    }
  });
});
