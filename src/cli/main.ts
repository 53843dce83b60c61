import * as nodeFs from 'fs';
import { hasVmShape, OutputFormat, parseArgs, PlanArgs, usage } from './args';
import { VmShape } from '../model/vm/vm-shape';
import { planReportOf } from '../plan/plan-report';
import { renderPlanText } from '../plan/report-text';
import { renderPlanSvg } from '../plan/svg-map';
import { error, Finding } from '../values/finding';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { HugePageSize } from '../values/hugepage-size';
import { ValidationError } from '../values/validation-error';

/** Where the CLI writes text. */
export interface TextSink {
  write(text: string): unknown;
}

/** The file operations the CLI uses: it reads the host file and writes only the `--svg` file. */
export interface CliFileSystem {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string): void;
}

/** The CLI's whole environment, injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: AsyncIterable<string | Buffer>;
  readonly fs: CliFileSystem;
}

/** Exit codes. */
export const EXIT_OK = 0;
/** The host description, the partition or the VM shape was refused. */
export const EXIT_INVALID_INPUT = 1;
/** The command line itself was wrong. */
export const EXIT_USAGE = 2;

/** The real process streams and file system. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, fs: nodeFs };
}

/**
 * Runs `cdk8s-kubevirt-realtime <argv...>` and resolves to the exit code. Never throws and never calls
 * `process.exit`: errors go to `io.stderr` as the library's finding lines (code, field, value, expected, fix).
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let args: PlanArgs;
  try {
    const parsed = parseArgs(argv);
    if (parsed.help || !parsed.plan) {
      io.stdout.write(usage());
      return EXIT_OK;
    }
    args = parsed.plan;
  } catch (e) {
    io.stderr.write(`error: ${messageOf(e)}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    const output = await plan(args, io);
    io.stdout.write(output);
    return EXIT_OK;
  } catch (e) {
    io.stderr.write(`error: ${messageOf(e)}\n`);
    return EXIT_INVALID_INPUT;
  }
}

async function plan(args: PlanArgs, io: CliIo): Promise<string> {
  const text = await readInput(args.input, io);
  const topology = looksLikeXml(text) ? HostTopology.fromVirshCapabilities(text) : HostTopology.fromLscpu(text);
  const partition = CpuPartition.plan(topology, {
    reservedCpuCount: args.reservedCpus,
    offlinedCpuCount: args.offlinedCpus,
    splitAcrossNumaNodes: args.splitAcrossNuma,
    disableSmt: args.disableSmt,
  });
  const vmShape = hasVmShape(args) ? vmShapeOf(args) : undefined;
  const report = planReportOf(partition, {
    vmShape,
    capacity: { emulatorThreadEvenParity: args.emulatorEvenParity },
    host: topology,
  });
  if (args.svg !== undefined) {
    write(io, args.svg, renderPlanSvg(report));
  }
  return args.format === OutputFormat.JSON ? `${JSON.stringify(report, null, 2)}\n` : renderPlanText(report);
}

async function readInput(input: string, io: CliIo): Promise<string> {
  if (input === '-') {
    let text = '';
    for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    return text;
  }
  try {
    return io.fs.readFileSync(input, 'utf8');
  } catch (e) {
    throw invalid(error('CLI_INPUT_UNREADABLE', 'host-file', input, `a readable file (${systemMessage(e)})`,
      'check the path, or pipe the output in with `-`'));
  }
}

/** `virsh capabilities` is XML; `lscpu -p` output never starts with `<`. */
function looksLikeXml(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

function vmShapeOf(args: PlanArgs): VmShape {
  if (args.vcpus === undefined || args.memory === undefined) {
    const missing = args.vcpus === undefined ? '--vcpus' : '--memory';
    throw invalid(error('CLI_MISSING_OPTION', missing, undefined, 'both --vcpus and --memory to describe a VM shape',
      `add ${missing === '--vcpus' ? '--vcpus 4' : '--memory 8Gi'}, or drop the VM shape options`));
  }
  const memoryBytes = bytesOf(args.memory);
  const hugePageSize = args.hugePageSize === undefined ? undefined : HugePageSize.parse(args.hugePageSize, '--hugepage-size');
  return {
    vcpus: args.vcpus,
    // KubeVirt's own default guest topology for a bare vCPU count: one core per socket.
    sockets: args.vcpus,
    cores: 1,
    threads: 1,
    memoryBytes,
    ...(hugePageSize ? { hugePageSize } : {}),
    dedicatedCpuPlacement: true,
    isolateEmulatorThread: args.isolateEmulatorThread,
    supplementalPoolThreadCount: 0,
    realtime: false,
    realtimeVcpus: [],
    guestMappingPassthrough: hugePageSize !== undefined,
  };
}

const UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A binary Kubernetes quantity (`512Mi`, `16Gi`) in bytes. */
function bytesOf(text: string): number {
  const match = /^([1-9]\d{0,5})(Ki|Mi|Gi|Ti)$/.exec(text);
  if (!match) {
    throw invalid(error('CLI_BAD_SIZE', '--memory', text, 'a whole binary quantity such as 512Mi or 16Gi',
      'write the guest memory with a Ki, Mi, Gi or Ti suffix, e.g. --memory 8Gi'));
  }
  return Number(match[1]) * UNITS[match[2]];
}

function write(io: CliIo, file: string, content: string): void {
  try {
    io.fs.writeFileSync(file, content);
  } catch (e) {
    throw invalid(error('CLI_OUTPUT_UNWRITABLE', '--svg', file, `a writable file path (${systemMessage(e)})`,
      'choose a path in an existing directory you can write to'));
  }
}

function invalid(finding: Finding): ValidationError {
  return new ValidationError([finding]);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function systemMessage(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : messageOf(e);
}
