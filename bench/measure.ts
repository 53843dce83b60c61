// ONE measurement in a fresh process (bench/run.ts spawns this file once per sample, so no run inherits another's JIT
// state, heap or module cache, and maxRSS is that measurement's own peak). Prints one `BENCH_SAMPLE <json>` line.
//
//   node .bench/bench/measure.js --lib <dir> synth library|raw <N>   construct + app.synthYaml()
//   node .bench/bench/measure.js --lib <dir> checks <N>              node.validate() of every construct, after construction
//   node .bench/bench/measure.js --lib <dir> plan                    HostTopology.fromLscpu + CpuPartition.plan, 512 CPUs
//   node .bench/bench/measure.js --lib <dir> load                    require(<lib>)
//   node .bench/bench/measure.js load-deps                           require('cdk8s') (and constructs) alone
//   node .bench/bench/measure.js --lib <dir> verify <N>              both sides: byte-identical YAML, no errors
import { performance } from 'perf_hooks';
import type { App } from 'cdk8s';
import type { Library } from './library-app';
import { Sample } from './stats';
import { workload } from './workload';

function main(argv: string[]): void {
  const libIndex = argv.indexOf('--lib');
  const libDir = libIndex >= 0 ? argv[libIndex + 1] : undefined;
  const args = libIndex >= 0 ? [...argv.slice(0, libIndex), ...argv.slice(libIndex + 2)] : argv;
  const [mode, a, b] = args;
  switch (mode) {
    case 'synth': return report(synth(a, Number(b), libDir));
    case 'checks': return report(checks(Number(a), requireLib(libDir)));
    case 'plan': return report(plan(requireLib(libDir)));
    case 'load': return report(load(libDir));
    case 'load-deps': return report(loadDeps());
    case 'verify': return verify(Number(a), requireLib(libDir));
    default: throw new Error(`unknown mode ${mode}; see the header of bench/measure.ts`);
  }
}

function report(sample: Sample): void {
  process.stdout.write(`BENCH_SAMPLE ${JSON.stringify(sample)}\n`);
}

/** CPU time (user + system, all threads of the process: GC helpers included) since `start`, in ms. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

/** Loads the library's entry point (the compiled package, as an app would). */
function requireLib(libDir: string | undefined): Library {
  if (!libDir) throw new Error('--lib <dir> is required');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(libDir);
  if (typeof lib.RealtimeNodePool !== 'function' || typeof lib.RealtimeVirtualMachine !== 'function') {
    fail(`${libDir} does not export RealtimeNodePool and RealtimeVirtualMachine: compile the library first (npx projen compile)`);
  }
  return lib;
}

function synth(side: string, n: number, libDir: string | undefined): Sample {
  const w = workload(n);
  // The raw side never loads the library: its process is what a cdk8s app without it costs.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const build: () => App = side === 'library'
    ? ((lib: Library) => () => require('./library-app').buildLibraryApp(lib, w))(requireLib(libDir))
    : side === 'raw' ? () => require('./raw-app').buildRawApp(w) : fail(`unknown side ${side}`);
  /* eslint-enable @typescript-eslint/no-require-imports */
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const app = build();
  const t1 = performance.now();
  const yaml = app.synthYaml();
  const t2 = performance.now();
  return { ms: t2 - t0, cpuMs: cpuMs(cpu0), rssMB: peakRssMB(), constructMs: t1 - t0, synthMs: t2 - t1, bytes: yaml.length };
}

function checks(n: number, lib: Library): Sample {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app: App = require('./library-app').buildLibraryApp(lib, workload(n));
  const constructs = app.node.findAll();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const errors: string[] = [];
  for (const c of constructs) errors.push(...c.node.validate());
  const t1 = performance.now();
  if (errors.length > 0) fail(`the workload has ${errors.length} validation errors, e.g. ${errors[0]}`);
  return { ms: t1 - t0, cpuMs: cpuMs(cpu0), rssMB: peakRssMB(), constructs: constructs.length };
}

/** `lscpu -p=CPU,CORE,SOCKET,NODE` of a 4-socket host, 2 NUMA nodes per socket, 32 cores per node, SMT (512 CPUs). */
export function lscpu512(): string {
  const lines = ['# The following is the parsable format, which can be fed to other', '# programs. Each different item in every column has an unique ID', '# starting from zero.', '# CPU,Core,Socket,Node'];
  const cores = 256;
  for (let thread = 0; thread < 2; thread++) {
    for (let core = 0; core < cores; core++) {
      const node = Math.floor(core / 32);
      lines.push(`${thread * cores + core},${core},${Math.floor(node / 2)},${node}`);
    }
  }
  return lines.join('\n') + '\n';
}

function plan(lib: Library): Sample {
  const text = lscpu512();
  const t0 = performance.now();
  const topology = lib.HostTopology.fromLscpu(text);
  const t1 = performance.now();
  const partition = lib.CpuPartition.plan(topology, { reservedCpuCount: 16, splitAcrossNumaNodes: true, offlinedCpuCount: 32 });
  const t2 = performance.now();
  if (topology.cpus.size !== 512 || topology.numaNodeIds.length !== 8 || partition.reserved.size !== 16) fail(`unexpected plan: ${partition}`);
  return { ms: t2 - t0, rssMB: peakRssMB(), parseMs: t1 - t0, planMs: t2 - t1 };
}

function load(libDir: string | undefined): Sample {
  if (!libDir) fail('--lib <dir> is required');
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(libDir!);
  const t1 = performance.now();
  return { ms: t1 - t0, rssMB: peakRssMB() };
}

function loadDeps(): Sample {
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('constructs'); require('cdk8s');
  const t1 = performance.now();
  return { ms: t1 - t0, rssMB: peakRssMB() };
}

/** Both sides must write the same bytes: object by object (to name the first difference), then the whole stream. */
function verify(n: number, lib: Library): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { buildLibraryApp } = require('./library-app');
  const { buildRawApp } = require('./raw-app');
  const { Yaml } = require('cdk8s');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const w = workload(n);
  const libraryApp: App = buildLibraryApp(lib, w);
  const rawApp: App = buildRawApp(w);
  let libraryYaml: string;
  try {
    libraryYaml = libraryApp.synthYaml();
  } catch (e) {
    return fail(`the library side does not synthesize:\n${(e as Error).message.split('\n').slice(0, 10).join('\n')}`);
  }
  const rawYaml = rawApp.synthYaml();
  const libraryObjects: any[] = libraryApp.charts[0].toJson();
  const rawObjects: any[] = rawApp.charts[0].toJson();
  if (libraryObjects.length !== rawObjects.length) {
    fail(`library side has ${libraryObjects.length} objects, raw side ${rawObjects.length}`);
  }
  const differing: string[] = [];
  libraryObjects.forEach((obj, i) => {
    const a = Yaml.stringify(obj);
    const b = Yaml.stringify(rawObjects[i]);
    if (a !== b) differing.push(`${obj.kind}/${obj.metadata?.name} (object ${i}):\n${firstDifference(a, b)}`);
  });
  if (differing.length > 0) fail(`${differing.length} objects differ; first ones:\n${differing.slice(0, 3).join('\n')}`);
  if (libraryYaml !== rawYaml) fail('objects match but the YAML streams differ (document order or separators)');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const warnings: string[] = lib.Warnings.of(libraryApp).list();
  const kinds = countBy(libraryObjects.map((o) => o.kind));
  const warningCodes = countBy(warnings.map((line) => /\] \[([A-Z0-9_]+)\]/.exec(line)?.[1] ?? line));
  process.stdout.write(`BENCH_VERIFY ${JSON.stringify({ n, objects: libraryObjects.length, bytes: libraryYaml.length, kinds, warnings: warnings.length, warningCodes, firstWarning: warnings[0] })}\n`);
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      const from = Math.max(0, i - 3);
      return `  line ${i + 1}\n  library: ${al.slice(from, i + 2).join('\n           ')}\n  raw:     ${bl.slice(from, i + 2).join('\n           ')}`;
    }
  }
  return '  (no line differs)';
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

main(process.argv.slice(2));
