// Profiles one measurement: runs bench/measure.ts once under `node --cpu-prof` and prints where the time went,
// self time summed by function and by file (node_modules packages collapsed).
//
//   node .bench/bench/profile.js [--top 25] -- --lib <dir> synth library 5000
//   node .bench/bench/profile.js --summarise <file.cpuprofile>
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: number[];
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** Self time (ms) per key, largest first. */
function selfTimes(profile: CpuProfile, keyOf: (node: ProfileNode) => string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = keyOf(byId.get(id)!);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time (ms) per key: every sample counts once for each distinct key on its stack. */
function totalTimes(profile: CpuProfile, keyOf: (node: ProfileNode) => string): Array<[string, number]> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

function shortFile(url: string): string {
  if (url === '') return '(native/vm)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) return file.slice(nm + 'node_modules/'.length).split('/').slice(0, 1).join('/') + ' (package)';
  return path.relative(process.cwd(), file);
}

/** Prints the summary of a .cpuprofile. */
export function summarise(file: string, top: number): void {
  const profile: CpuProfile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
  const show = (title: string, rows: Array<[string, number]>) => {
    process.stdout.write(`\n${title} (of ${total.toFixed(0)} ms sampled)\n`);
    for (const [key, ms] of rows.slice(0, top)) process.stdout.write(`${ms.toFixed(1).padStart(9)} ms ${(100 * ms / total).toFixed(1).padStart(5)}%  ${key}\n`);
  };
  const fn = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${shortFile(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  show('self time by function', selfTimes(profile, fn));
  show('self time by file', selfTimes(profile, (n) => shortFile(n.callFrame.url)));
  // Inclusive time of this project's own functions (callees included): where a slow call path starts.
  show('total time by function of this project (callees included)', totalTimes(profile, fn)
    .filter(([key]) => !key.includes('(package)') && !key.includes('node:') && !key.includes('(native/vm)') && !key.includes('(root)')));
}

function main(argv: string[]): void {
  const topIndex = argv.indexOf('--top');
  const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
  const summariseIndex = argv.indexOf('--summarise');
  if (summariseIndex >= 0) return summarise(argv[summariseIndex + 1], top);
  const dashes = argv.indexOf('--');
  const measureArgs = dashes >= 0 ? argv.slice(dashes + 1) : [];
  const dir = path.resolve(__dirname, '..', 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const name = `${measureArgs.filter((a) => !a.startsWith('/') && a !== '--lib').join('-') || 'run'}-${Date.now()}.cpuprofile`;
  const result = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, path.join(__dirname, 'measure.js'), ...measureArgs],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
  process.stdout.write(`profile: ${path.join(dir, name)}\n`);
  summarise(path.join(dir, name), top);
}

main(process.argv.slice(2));
