import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Every example (YAML and review pages), synthesized in two separate processes, must give byte-identical files:
// GitOps diffs must only ever show real changes (a reordered kernel argument or a renamed MachineConfig reboots a
// whole pool). One process runs all examples (test/examples/synth-all-examples.ts).
const ROOT = path.join(__dirname, '..', '..');

/** Every file under `dir`, by path relative to it, with its text. */
function filesOf(dir: string, base: string = dir, out: Map<string, string> = new Map()): Map<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesOf(full, base, out);
    else out.set(path.relative(base, full), fs.readFileSync(full, 'utf8'));
  }
  return out;
}

function synthInFreshProcess(): Map<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvrt-determinism-'));
  execFileSync(process.execPath, ['-r', 'ts-node/register', path.join('test', 'examples', 'synth-all-examples.ts'), outdir], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: 'examples/tsconfig.json', TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: 'pipe',
  });
  const files = filesOf(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return files;
}

describe('examples are deterministic', () => {
  test('every example synthesizes byte-identical files in two processes', () => {
    const first = synthInFreshProcess();
    const second = synthInFreshProcess();
    const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => path.basename(f, '.ts'));
    for (const example of examples) expect([...first.keys()].some((f) => f.startsWith(`${example}${path.sep}`))).toBe(true);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) {
      expect([file, second.get(file)]).toEqual([file, text]);
      expect([file, /undefined|NaN|\[object Object\]/.test(text)]).toEqual([file, false]);
    }
  });
});
