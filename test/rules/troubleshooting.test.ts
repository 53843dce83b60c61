import * as fs from 'fs';
import * as path from 'path';
import { ALL_CODES } from '../../src/rules/codes';
import { renderTroubleshootingGuide } from '../../src/rules/troubleshooting';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'imports' ? [] : sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Codes the source can emit: the first argument of error('...') / warning('...') calls. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\b(?:error|warning)\(\s*'([A-Z0-9_]+)'/g)) codes.add(m[1]);
  }
  return codes;
}

describe('troubleshooting guide', () => {
  test('docs/troubleshooting.md is the rendering of the code registry (run `npx projen docs` after changing codes)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');
    expect(committed).toBe(renderTroubleshootingGuide());
  });

  test('every code the source emits is registered', () => {
    const missing = [...emittedCodes()].filter((c) => !(c in ALL_CODES));
    expect(missing).toEqual([]);
  });

  test('every registered code is emitted somewhere (no stale entries)', () => {
    const emitted = emittedCodes();
    const stale = Object.keys(ALL_CODES).filter((c) => !emitted.has(c));
    expect(stale).toEqual([]);
  });

  test('every entry says what it means, what it prevents and the fix', () => {
    for (const [code, info] of Object.entries(ALL_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      for (const text of [info.meaning, info.prevents, info.fix]) expect(text.length).toBeGreaterThan(10);
    }
  });
});
