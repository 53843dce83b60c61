// The fuzz task (issue 13): generated cases against every public entry point for a fixed time, each held to the same
// invariants (fuzz/harness.ts). Not part of build or test: `npx projen fuzz` (or `node .fuzz/fuzz/run.js`).
//
//   node .fuzz/fuzz/run.js [--seconds 180] [--jobs <cpus>] [--seed N] [--call-ms 2000] [--hang-ms 30000]
//                          [--only cpu-set,cli] [--out .fuzz/failures]
//
// Each worker process runs cases until the deadline; a case is a pure function of (entry point, seed), so every
// failure is written as `<out>/<entry>-<seed>.json` with the seed, the broken invariant and the generated input, and
// `node .fuzz/fuzz/repro.js <file>` replays it. A worker that stops answering for --hang-ms (a call that never
// returns) or dies (V8 aborts on "invalid size", out of memory) is recorded against the case it was running, and a
// new worker carries on after that case. Exits 1 when any invariant broke.
import { fork, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENTRY_POINTS } from './entries';
import { Failure } from './harness';

interface Options {
  readonly seconds: number;
  readonly jobs: number;
  readonly seed: number;
  readonly callMs: number;
  readonly hangMs: number;
  readonly only?: string[];
  readonly out: string;
}

interface Stats {
  cases: number;
  calls: number;
  failures: number;
  ms: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positive = (flag: string, fallback: number) => {
    const n = Number(value(flag) ?? fallback);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} must be a whole number ≥ 1`);
    return n;
  };
  const only = value('--only')?.split(',');
  for (const name of only ?? []) {
    if (!ENTRY_POINTS.some((e) => e.name === name)) throw new Error(`--only: no entry point ${name} (known: ${ENTRY_POINTS.map((e) => e.name).join(', ')})`);
  }
  return {
    seconds: positive('--seconds', 180),
    jobs: positive('--jobs', Math.max(1, os.cpus().length)),
    seed: value('--seed') !== undefined ? seedOf(value('--seed')!) : (Date.now() + process.pid) % 2 ** 32,
    callMs: positive('--call-ms', 2000),
    hangMs: positive('--hang-ms', 30000),
    only,
    out: path.resolve(value('--out') ?? path.join(__dirname, '..', 'failures')),
  };
}

/** A 32-bit seed from the command line. */
function seedOf(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0 || n >= 2 ** 32) throw new Error('--seed must be a whole number from 0 to 4294967295');
  return n;
}

/** One failure class: the entry point, the invariant, the call, and the detail's first line without numbers. */
function classOf(f: Failure): string {
  const head = f.detail.split('\n')[0].replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 160);
  return `${f.entry} | ${f.kind} | ${f.call} | ${head}`;
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const until = Date.now() + o.seconds * 1000;
  const totals = new Map<string, Stats>(ENTRY_POINTS.map((e) => [e.name, { cases: 0, calls: 0, failures: 0, ms: 0 }]));
  const classes = new Map<string, { count: number; first: Failure[] }>();
  fs.mkdirSync(o.out, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-run-'));
  process.stdout.write(`fuzz: seed ${o.seed}, ${o.jobs} worker${o.jobs === 1 ? '' : 's'}, ${o.seconds} s, call bound ${o.callMs} ms, `
    + `hang bound ${o.hangMs} ms${o.only ? `, only ${o.only.join(',')}` : ''}\n`);

  const record = (f: Failure) => {
    const key = classOf(f);
    const entry = classes.get(key) ?? { count: 0, first: [] };
    entry.count++;
    if (entry.first.length < 3) {
      entry.first.push(f);
      fs.writeFileSync(path.join(o.out, `${f.entry}-${f.seed}.json`), `${JSON.stringify(f, null, 2)}\n`);
    }
    classes.set(key, entry);
  };

  const runWorker = (worker: number, start: number): Promise<void> => new Promise((resolve) => {
    const current = path.join(runDir, `current-${worker}.json`);
    let last: Record<string, Stats> = {};
    let index = start;
    let lastMessage = Date.now();
    let finished = false;
    const child: ChildProcess = fork(path.join(__dirname, 'worker.js'), [
      '--worker', String(worker), '--seed', String(o.seed), '--until', String(until), '--call-ms', String(o.callMs),
      '--start', String(start), '--current', current, '--only', o.only?.join(',') ?? '-',
    ], { execArgv: ['--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: runDir });
    const merge = (stats: Record<string, Stats>) => {
      for (const [name, s] of Object.entries(stats)) {
        const before = last[name] ?? { cases: 0, calls: 0, failures: 0, ms: 0 };
        const t = totals.get(name)!;
        t.cases += s.cases - before.cases;
        t.calls += s.calls - before.calls;
        t.failures += s.failures - before.failures;
        t.ms += s.ms - before.ms;
      }
      last = stats;
    };
    child.on('message', (m: { type: string; stats?: Record<string, Stats>; index?: number; failures?: Failure[] }) => {
      lastMessage = Date.now();
      if (m.type === 'failures') m.failures!.forEach(record);
      if (m.stats) merge(m.stats);
      if (m.index !== undefined) index = m.index;
      if (m.type === 'done') finished = true;
    });
    const watchdog = setInterval(() => {
      if (Date.now() - lastMessage > o.hangMs) {
        clearInterval(watchdog);
        child.kill('SIGKILL');
      }
    }, 500);
    child.on('exit', (code, signal) => {
      clearInterval(watchdog);
      if (finished) {
        resolve();
        return;
      }
      // The case it was running when it hung or died.
      let running: { entry: string; seed: number; index: number } | undefined;
      try {
        running = JSON.parse(fs.readFileSync(current, 'utf8').trim());
      } catch {
        running = undefined;
      }
      const hung = Date.now() - lastMessage > o.hangMs;
      if (running) {
        const t = totals.get(running.entry);
        if (t) {
          t.cases++;
          t.failures++;
        }
        record({
          entry: running.entry,
          seed: running.seed,
          kind: hung ? 'hang' : 'crash',
          call: 'the case',
          detail: hung ? `no answer for ${o.hangMs} ms` : `the worker died (exit ${code}, signal ${signal})`,
        });
      }
      const next = running ? running.index + 1 : index;
      if (Date.now() < until - 1000) runWorker(worker, next).then(resolve, resolve);
      else resolve();
    });
  });

  const progress = setInterval(() => {
    const cases = [...totals.values()].reduce((n, s) => n + s.cases, 0);
    const failures = [...classes.values()].reduce((n, c) => n + c.count, 0);
    process.stdout.write(`fuzz: ${Math.max(0, Math.round((until - Date.now()) / 1000))} s left, ${cases} cases, ${failures} failures\n`);
  }, 30_000);
  await Promise.all(Array.from({ length: o.jobs }, (_, w) => runWorker(w, 0)));
  clearInterval(progress);
  fs.rmSync(runDir, { recursive: true, force: true });

  const width = Math.max(...ENTRY_POINTS.map((e) => e.name.length), 'entry point'.length);
  const row = (a: string, b: string, c: string, d: string) => `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(11)}  ${d.padStart(8)}\n`;
  process.stdout.write(`\n${row('entry point', 'cases', 'calls', 'failures')}`);
  let cases = 0;
  let calls = 0;
  let failures = 0;
  for (const e of ENTRY_POINTS) {
    const s = totals.get(e.name)!;
    if (o.only && !o.only.includes(e.name)) continue;
    process.stdout.write(row(e.name, String(s.cases), String(s.calls), String(s.failures)));
    cases += s.cases;
    calls += s.calls;
    failures += s.failures;
  }
  process.stdout.write(row('total', String(cases), String(calls), String(failures)));
  process.stdout.write(`\nfuzz: ${cases} cases, ${calls} calls, ${failures} failures in ${classes.size} classes (seed ${o.seed})\n`);
  for (const [key, c] of [...classes.entries()].sort((a, b) => b[1].count - a[1].count)) {
    process.stdout.write(`  ${c.count} x ${key}\n    e.g. ${path.join(o.out, `${c.first[0].entry}-${c.first[0].seed}.json`)}\n`);
  }
  return failures === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`fuzz: ${(e as Error)?.message ?? e}\n`);
  process.exit(2);
});
