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

const RULE_SOURCES = sourceFiles(path.join(ROOT, 'src')).filter((f) => !/codes(-[a-z]+)?\.ts$/.test(path.basename(f)));

/** Codes the source certainly emits: the first argument of error('...') / warning('...') calls. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of RULE_SOURCES) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\b(?:error|warning)\(\s*'([A-Z0-9_]+)'/g)) codes.add(m[1]);
  }
  return codes;
}

/** Every UPPER_SNAKE string literal in the rule sources (codes may also be passed around as constants). */
function codeLiterals(): Set<string> {
  const literals = new Set<string>();
  for (const file of RULE_SOURCES) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) literals.add(m[1]);
  }
  return literals;
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

  test('every registered code is used by some rule source (no stale entries)', () => {
    const emitted = codeLiterals();
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
