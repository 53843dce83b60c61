import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { ENTRY_POINTS, runCase } from './entries';
import { caseSeed } from './rng';

// One fuzz process (started by run.ts): runs cases until the deadline, giving each entry point about the same share
// of time, and reports progress and failures to the parent. Before each case it writes the case (entry and seed) to
// a small file, so the parent can name the case when this process hangs or dies.

process.env.KUBEVIRT_REALTIME_QUIET = '1';

interface Stats {
  cases: number;
  calls: number;
  failures: number;
  ms: number;
}

async function work(): Promise<void> {
  const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  const worker = Number(arg('worker'));
  const runSeed = Number(arg('seed'));
  const until = Number(arg('until'));
  const callLimitMs = Number(arg('call-ms'));
  const only = arg('only') === '-' ? undefined : arg('only').split(',');
  let index = Number(arg('start'));
  const current = fs.openSync(arg('current'), 'w');
  const entries = ENTRY_POINTS.filter((e) => only === undefined || only.includes(e.name));
  const stats: Record<string, Stats> = Object.fromEntries(entries.map((e) => [e.name, { cases: 0, calls: 0, failures: 0, ms: 0 }]));
  while (Date.now() < until) {
    const batchEnd = performance.now() + 200;
    while (performance.now() < batchEnd) {
      // The entry point with the least time so far: cheap parsers get millions of cases, app synthesis thousands.
      const entry = entries.reduce((a, b) => (stats[b.name].ms < stats[a.name].ms ? b : a));
      const seed = caseSeed(runSeed, worker, index);
      const record = Buffer.from(`${JSON.stringify({ entry: entry.name, seed, index })}\n`.padEnd(160));
      fs.writeSync(current, record, 0, record.length, 0);
      const start = performance.now();
      const c = await runCase(entry, seed, callLimitMs);
      const s = stats[entry.name];
      s.ms += performance.now() - start;
      s.cases++;
      s.calls += c.calls;
      s.failures += c.failures.length;
      if (c.failures.length > 0) process.send!({ type: 'failures', failures: c.failures });
      index++;
    }
    process.send!({ type: 'progress', stats, index });
    await new Promise((resolve) => setImmediate(resolve));
  }
  process.send!({ type: 'done', stats, index }, () => process.exit(0));
}

work().catch((e) => {
  process.stderr.write(`fuzz worker: ${(e as Error)?.stack ?? e}\n`);
  process.exit(3);
});
