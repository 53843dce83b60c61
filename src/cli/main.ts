import * as nodeFs from 'fs';
import { ParsedCommand, parseArgs, usage } from './args';
import { outputFailed, TextSink, writeText } from './output';
import { planOutput } from './plan-command';
import { CliFileSystem } from './read-input';
import { formatFinding } from '../values/finding';

/** The CLI's whole environment, injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Read as bytes (strings are taken as UTF-8). */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly fs: CliFileSystem;
}

/** Exit codes. */
export const EXIT_OK = 0;
/** The host description, the partition, the huge pages or the VM shape was refused, or the output could not be written. */
export const EXIT_INVALID_INPUT = 1;
/** The command line itself was wrong (printed with the usage, on stderr). */
export const EXIT_USAGE = 2;

/**
 * The real process streams and file system. A late write error on stdout or stderr (the reader of a pipe went away
 * after the last write returned) is ignored instead of crashing the process with an unhandled 'error' event: every
 * write the CLI makes waits for its own result (`writeText`).
 */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) stream.on('error', () => undefined);
  }
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, fs: nodeFs };
}

/**
 * Runs `cdk8s-kubevirt-realtime <argv...>` and resolves to the exit code. Never throws and never calls
 * `process.exit`: errors go to `io.stderr` as the library's finding lines (code, field, value, expected, fix), and an
 * output that cannot be written (EPIPE, ENOSPC) ends the run with one such line and exit code 1.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let parsed: ParsedCommand;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    return complain(io, `error: ${messageOf(e)}\n\n${usage()}`, EXIT_USAGE);
  }
  if (parsed.help || parsed.plan === undefined) return print(io, usage());
  let output: string;
  try {
    output = await planOutput(parsed.plan, io);
  } catch (e) {
    return complain(io, `error: ${messageOf(e)}\n`, EXIT_INVALID_INPUT);
  }
  return print(io, output);
}

/** Writes the result to stdout: exit 0, or 1 with one line on stderr when stdout cannot take it. */
async function print(io: CliIo, text: string): Promise<number> {
  try {
    await writeText(io.stdout, text);
    return EXIT_OK;
  } catch (e) {
    return complain(io, `error: ${formatFinding(outputFailed('stdout', undefined, e))}\n`, EXIT_INVALID_INPUT);
  }
}

/** Writes an error to stderr and returns `code`; when stderr cannot take it either, the exit code is all that is left. */
async function complain(io: CliIo, text: string, code: number): Promise<number> {
  try {
    await writeText(io.stderr, text);
  } catch {
    // Nowhere left to say it.
  }
  return code;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
