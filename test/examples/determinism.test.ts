import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Every example, synthesized in two separate processes, must give byte-identical files: GitOps diffs must only
// ever show real changes (a reordered kernel argument or a renamed MachineConfig reboots a whole pool).
const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.ts')).sort();

function synthInFreshProcess(example: string): Map<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvrt-determinism-'));
  execFileSync(process.execPath, ['-r', 'ts-node/register', path.join('examples', example)], {
    cwd: ROOT,
    env: { ...process.env, CDK8S_OUTDIR: outdir, TS_NODE_PROJECT: 'examples/tsconfig.json', TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: 'pipe',
  });
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(outdir).sort()) files.set(f, fs.readFileSync(path.join(outdir, f), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });
  return files;
}

describe('examples are deterministic', () => {
  test('there are examples to check', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
  });

  test.each(EXAMPLES)('%s synthesizes byte-identical YAML in two processes', (example) => {
    const first = synthInFreshProcess(example);
    const second = synthInFreshProcess(example);
    expect(first.size).toBeGreaterThan(0);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) {
      expect(second.get(file)).toBe(text);
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });
});
