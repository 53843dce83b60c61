// The synth benchmark (issue #5): spawns one child process per measurement (bench/measure.ts), discards a warm-up
// child per figure, takes the median of the rest, prints one line per figure, PASS/FAIL per budget line, and a last
// summary line. Exits 1 when a budget is missed, 2 when the two sides do not write the same YAML.
//
//   node .bench/bench/run.js [--runs 5] [--lib <dir>] [--skip-verify]
//
// --lib defaults to <repo>/lib (the compiled package, what users load); `.bench/src` (compiled by
// `tsc -p bench/tsconfig.json` with the same compiler options) works when lib/ is stale.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { median, Sample } from './stats';

const REPO = path.resolve(__dirname, '..', '..');
const MEASURE = path.join(__dirname, 'measure.js');

/** What done means (issue #5). */
const BUDGET = {
  ratio5000: 1.15,
  scaling: 5.5,
  rssRatio: 1.3,
  loadMs: 150,
  planMs: 20,
  checkMs: 200,
};

interface Options {
  readonly runs: number;
  readonly lib: string;
  readonly verify: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 5);
  if (!Number.isInteger(runs) || runs < 5) throw new Error('--runs must be a whole number ≥ 5');
  return { runs, lib: path.resolve(value('--lib') ?? path.join(REPO, 'lib')), verify: !argv.includes('--skip-verify') };
}

/** Runs one child and returns its sample (or its BENCH_VERIFY line). */
function child(args: string[], tag = 'BENCH_SAMPLE'): any {
  const result = spawnSync(process.execPath, [MEASURE, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith(`${tag} `));
  if (result.status !== 0 || !line) {
    process.stderr.write(`bench: child "${args.join(' ')}" failed (exit ${result.status})\n${result.stderr}\n`);
    process.exit(2);
  }
  return JSON.parse(line.slice(tag.length + 1));
}

/** One discarded warm-up run, then `runs` samples of each measurement, interleaved so drift hits every side alike. */
function measureAll(measurements: string[][], runs: number): Sample[][] {
  for (const args of measurements) child(args);
  const samples: Sample[][] = measurements.map(() => []);
  for (let r = 0; r < runs; r++) measurements.forEach((args, i) => samples[i].push(child(args)));
  return samples;
}

function med(samples: Sample[], key = 'ms'): number {
  return median(samples.map((s) => s[key]));
}

/** Warns when lib/ was compiled before the newest source file changed. */
function checkFreshness(lib: string): void {
  const entry = path.join(lib, 'index.js');
  if (!fs.existsSync(entry)) {
    process.stderr.write(`bench: ${entry} does not exist; compile the library first (npx projen compile)\n`);
    process.exit(2);
  }
  if (!lib.startsWith(path.join(REPO, 'lib'))) return;
  const newest = newestMtime(path.join(REPO, 'src'));
  if (newest > fs.statSync(entry).mtimeMs) {
    process.stdout.write('WARNING: lib/ is older than src/; the figures describe the last compiled library (run npx projen compile)\n');
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function machine(): string {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown CPU';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cores = require('os').availableParallelism?.() ?? require('os').cpus().length;
  return `Node ${process.version}, ${cores} cores, ${model}`;
}

/** Other processes competing for the CPUs make wall-clock figures meaningless; say so. */
function warnIfBusy(when: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('os');
  const load = os.loadavg()[0];
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (load > cores / 2 + 0.5) {
    process.stdout.write(`WARNING: load average ${load.toFixed(2)} on ${cores} cores ${when} the runs: other processes compete for the CPUs; wall-clock figures are noisy (CPU-time ratios are printed too)\n`);
  }
}

function fmt(x: number, digits = 1): string {
  return x.toFixed(digits);
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  checkFreshness(opts.lib);
  const lib = ['--lib', opts.lib];
  process.stdout.write(`bench: ${machine()}; library ${path.relative(REPO, opts.lib) || '.'}; ${opts.runs} runs per figure after 1 warm-up; medians\n`);
  warnIfBusy('before');

  if (opts.verify) {
    for (const n of [1000, 5000]) {
      const v = child([...lib, 'verify', String(n)], 'BENCH_VERIFY');
      process.stdout.write(`verify N=${n}: ${v.objects} objects, ${fmt(v.bytes / 1024 / 1024, 2)} MiB of YAML, byte-identical on both sides; ${v.warnings} warnings\n`);
    }
  }

  const [lib1k, raw1k, lib5k, raw5k, checks, plan, load, loadDeps] = measureAll([
    [...lib, 'synth', 'library', '1000'],
    [...lib, 'synth', 'raw', '1000'],
    [...lib, 'synth', 'library', '5000'],
    [...lib, 'synth', 'raw', '5000'],
    [...lib, 'checks', '5000'],
    [...lib, 'plan'],
    [...lib, 'load'],
    ['load-deps'],
  ], opts.runs);

  const ratio1k = med(lib1k) / med(raw1k);
  const ratio5k = med(lib5k) / med(raw5k);
  const scaling = med(lib5k) / med(lib1k);
  const rssLib = med(lib5k, 'rssMB');
  const rssRaw = med(raw5k, 'rssMB');
  const rssRatio = rssLib / rssRaw;
  const loadMs = med(load);
  const planMs = med(plan);
  const checkMs = med(checks);

  const phases = (s: Sample[]) => `construct ${fmt(med(s, 'constructMs'))} + synthYaml ${fmt(med(s, 'synthMs'))} ms; CPU ${fmt(med(s, 'cpuMs'))} ms`;
  const cpuRatio = (library: Sample[], raw: Sample[]) => fmt(med(library, 'cpuMs') / med(raw, 'cpuMs'), 2);
  const out = [
    `synth N=1000: library ${fmt(med(lib1k))} ms (${phases(lib1k)}), raw ${fmt(med(raw1k))} ms (${phases(raw1k)}); ratio ${fmt(ratio1k, 2)} (CPU time ${cpuRatio(lib1k, raw1k)})`,
    `synth N=5000: library ${fmt(med(lib5k))} ms (${phases(lib5k)}), raw ${fmt(med(raw5k))} ms (${phases(raw5k)}); ratio ${fmt(ratio5k, 2)} (CPU time ${cpuRatio(lib5k, raw5k)})`,
    `scaling t(5000)/t(1000): library ${fmt(scaling, 2)}, raw ${fmt(med(raw5k) / med(raw1k), 2)}`,
    `peak RSS N=5000 library: ${fmt(rssLib)} MB`,
    `peak RSS N=5000 raw: ${fmt(rssRaw)} MB`,
    `peak RSS ratio library/raw: ${fmt(rssRatio, 2)}`,
    `load require(lib): ${fmt(loadMs)} ms (of which constructs + cdk8s alone: ${fmt(med(loadDeps))} ms)`,
    `planner 512 CPUs / 8 NUMA nodes: ${fmt(planMs, 2)} ms (lscpu parse ${fmt(med(plan, 'parseMs'), 2)} ms + plan ${fmt(med(plan, 'planMs'), 2)} ms)`,
    `checks N=5000 over 20 pools (validate ${med(checks, 'constructs')} constructs): ${fmt(checkMs)} ms`,
  ];
  for (const line of out) process.stdout.write(`${line}\n`);
  warnIfBusy('after');

  const budget: Array<[string, number, number]> = [
    ['ratio5000', ratio5k, BUDGET.ratio5000],
    ['scaling', scaling, BUDGET.scaling],
    ['rssRatio', rssRatio, BUDGET.rssRatio],
    ['loadMs', loadMs, BUDGET.loadMs],
    ['planMs', planMs, BUDGET.planMs],
    ['checkMs', checkMs, BUDGET.checkMs],
  ];
  let failed = 0;
  for (const [name, value, limit] of budget) {
    const ok = value <= limit;
    if (!ok) failed++;
    process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${name} ${fmt(value, 2)} <= ${limit}\n`);
  }
  process.stdout.write(`bench: ratio5000=${fmt(ratio5k, 2)} scaling=${fmt(scaling, 2)} rssMB=${fmt(rssLib)} loadMs=${fmt(loadMs)} planMs=${fmt(planMs, 2)} checkMs=${fmt(checkMs)}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
