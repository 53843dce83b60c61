import { execFileSync, spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE } from '../../src/cli/main';
import { SEED_002_LSCPU } from '../plan/seed-002';

// The executable on the real process streams: exit codes, and what a closed pipe, a full disk, a FIFO or an endless
// stdin do to it (one line on stderr and an exit code, never a stack trace or a hang).

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'src', 'cli', 'bin.ts');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only', BIN];
const ENV = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
const PLAN = ['plan', '-', '--reserved-cpus', '4', '--split-across-numa'];

function runBin(args: string[], stdio: { input?: string; stdin?: number; stdout?: number } = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    env: ENV,
    cwd: ROOT,
    timeout: 60_000,
    ...(stdio.input !== undefined ? { input: stdio.input } : {}),
    stdio: [stdio.stdin ?? 'pipe', stdio.stdout ?? 'pipe', 'pipe'],
  });
}

/** One `error: [CODE] ...` line and nothing else: no stack trace. */
function expectOneLine(stderr: string, start: string): void {
  expect(stderr.startsWith(`error: ${start}`)).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Unhandled/);
}

describe('the bin shim', () => {
  test('runs main on the process streams and sets the exit code', () => {
    const help = execFileSync(process.execPath, [...NODE_ARGS, '--help'], { env: ENV, cwd: ROOT }).toString();
    expect(help).toContain('Usage: cdk8s-kubevirt-realtime plan');
    const none = runBin([]);
    expect(none.status).toBe(EXIT_USAGE);
    expect(none.stdout.toString()).toBe('');
    expect(none.stderr.toString()).toMatch(/^error: \[CLI_COMMAND_REQUIRED\][^\n]*\n\nUsage: cdk8s-kubevirt-realtime plan/);
    const bad = runBin([...PLAN, '--bogus'], { input: '' });
    expect(bad.status).toBe(EXIT_USAGE);
    expect(bad.stderr.toString()).toContain('[CLI_UNKNOWN_OPTION]');
    const ok = runBin(PLAN, { input: SEED_002_LSCPU });
    expect(ok.status).toBe(EXIT_OK);
    expect(ok.stdout.toString()).toContain('isolcpus=managed_irq,2-7,10-15');
  });

  test('stdout closed by its reader (EPIPE): one line on stderr, exit 1', async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...PLAN, '--vcpus', '2', '--memory', '2Gi', '--format', 'json'],
      { env: ENV, cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader goes away before the first byte is written
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(SEED_002_LSCPU);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(EXIT_INVALID_INPUT);
    expectOneLine(stderr, '[CLI_OUTPUT_UNWRITABLE] stdout: got "EPIPE", expected output that can be written to the end (EPIPE: the reader closed the pipe)');
  });

  test('stdout on a full disk (ENOSPC, /dev/full): one line on stderr, exit 1', () => {
    if (!fs.existsSync('/dev/full')) return;
    const full = fs.openSync('/dev/full', 'w');
    try {
      const result = runBin([...PLAN, '--format', 'json'], { stdout: full, input: SEED_002_LSCPU });
      expect(result.status).toBe(EXIT_INVALID_INPUT);
      expectOneLine(result.stderr.toString(), '[CLI_OUTPUT_UNWRITABLE] stdout: got "ENOSPC"');
    } finally {
      fs.closeSync(full);
    }
  });

  test('a FIFO as the host file, and /dev/zero as stdin, end at once with one line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bin-'));
    try {
      const fifo = path.join(dir, 'host.fifo');
      execFileSync('mkfifo', [fifo]);
      const fromFifo = runBin(['plan', fifo, '--reserved-cpus', '4']);
      expect(fromFifo.status).toBe(EXIT_INVALID_INPUT);
      expectOneLine(fromFifo.stderr.toString(), `[CLI_INPUT_NOT_A_FILE] host-file: got "${fifo}", expected a regular file, not a FIFO`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (!fs.existsSync('/dev/zero')) return;
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const fromZero = runBin(['plan', '-', '--reserved-cpus', '4'], { stdin: zero });
      expect(fromZero.status).toBe(EXIT_INVALID_INPUT);
      expectOneLine(fromZero.stderr.toString(), '[CLI_INPUT_TOO_LARGE] stdin: got "more than 1048576 bytes"');
    } finally {
      fs.closeSync(zero);
    }
  });
});
