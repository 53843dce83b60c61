import { reasonsOf, scanWith } from './scan-helpers';
import { MAX_YAML_CHARS, MAX_YAML_DEPTH, MAX_YAML_DOCUMENTS, ScanBudget } from '../../../src/rules/credentials/scan-limits';
import { readYaml, YamlAttempt } from '../../../src/rules/credentials/yaml-reading';

describe('readYaml', () => {
  test('YAML 1.1 as PyYAML reads it: merge keys, !!binary, duplicate keys; comments kept aside', () => {
    let docs: ReturnType<typeof readYaml>;
    scanWith((ctx) => { docs = readYaml('# top\na: &a {x: 1}\nb: {<<: *a}\nc: !!binary aGk=\nd: 1\nd: 2 # dup\n---\ne: 1\n', ctx, YamlAttempt.REQUIRED); });
    expect(docs!.hasErrors).toBe(false);
    expect(docs!.documents).toHaveLength(2);
    expect(docs!.documents[0].toJS()).toMatchObject({ b: { x: 1 }, d: 2 });
    expect(docs!.documents[0].toJS().c).toBeInstanceOf(Uint8Array);
    expect(docs!.comments).toBe('# top\n# dup');
  });

  test('errors are reported by the reading, not thrown', () => {
    let hasErrors: boolean | undefined;
    scanWith((ctx) => { hasErrors = readYaml('a: [', ctx, YamlAttempt.REQUIRED)?.hasErrors; });
    expect(hasErrors).toBe(true);
  });

  test('ceilings: documents, nesting (flow and block), characters', () => {
    const many = 'a: 1\n---\n'.repeat(MAX_YAML_DOCUMENTS + 1);
    expect(reasonsOf((ctx) => readYaml(many, ctx, YamlAttempt.REQUIRED))).toEqual([`YAML with more than ${MAX_YAML_DOCUMENTS} documents`]);
    const deepFlow = `${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}`;
    expect(reasonsOf((ctx) => readYaml(deepFlow, ctx, YamlAttempt.REQUIRED))).toEqual([`YAML nested more than ${MAX_YAML_DEPTH} levels deep`]);
    const deepBlock = Array.from({ length: MAX_YAML_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(reasonsOf((ctx) => readYaml(deepBlock, ctx, YamlAttempt.REQUIRED))).toEqual([`YAML nested more than ${MAX_YAML_DEPTH} levels deep`]);
    expect(reasonsOf((ctx) => readYaml('a: 1\n'.repeat(MAX_YAML_CHARS / 5 + 1), ctx, YamlAttempt.REQUIRED))).toEqual(['YAML past the parsing ceiling']);
    expect(reasonsOf((ctx) => readYaml(many, ctx, YamlAttempt.SPECULATIVE))).toEqual([]);
  });

  test('thousands of nested brackets cost nothing and never reach the recursive composer', () => {
    // Regression: composing ~5000 nested flow sequences after a deep parse aborted the whole process ("RegExpCompiler
    // Allocation failed") in V8; the nesting is now refused before composing.
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      expect(reasonsOf((ctx) => readYaml('['.repeat(100_000), ctx, YamlAttempt.REQUIRED))).toEqual([`YAML nested more than ${MAX_YAML_DEPTH} levels deep`]);
      expect(reasonsOf((ctx) => readYaml(`${'['.repeat(5000)}${']'.repeat(5000)}`, ctx, YamlAttempt.REQUIRED))).toHaveLength(1);
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('the character ceiling is shared by a scan', () => {
    const budget = ScanBudget.standard();
    expect(reasonsOf((ctx) => { readYaml('a'.repeat(MAX_YAML_CHARS - 1), ctx, YamlAttempt.REQUIRED); readYaml('ab', ctx, YamlAttempt.REQUIRED); })).toEqual(['YAML past the parsing ceiling']);
    expect(budget.takeYamlChars(MAX_YAML_CHARS)).toBe(true);
  });
});
