import { error, Finding } from '../values/finding';

/** Where the CLI writes text: a Node stream (`process.stdout`) or anything with the same `write` contract. */
export interface TextSink {
  /** Writes `text` and calls `callback` once it is written, with the error if it could not be. */
  write(text: string, callback: (error?: Error | null) => void): unknown;
  /** Streams report some write errors (EPIPE, ENOSPC) as an 'error' event as well. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Writes `text` to `sink` and resolves once it is written; rejects with the error otherwise, however the sink reports
 * it (a throw, the callback, or an 'error' event). A closed pipe (EPIPE) or a full disk (ENOSPC) thus becomes an
 * error the CLI can report in one line, never an unhandled 'error' event with a stack trace.
 */
export function writeText(sink: TextSink, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (e?: unknown): void => {
      if (settled) return;
      settled = true;
      if (e) {
        // Kept: a Node stream calls back with the error first and emits it as 'error' next; unheard, that event would
        // crash the process with a stack trace. Settled, the listener does nothing.
        reject(e);
      } else {
        sink.removeListener?.('error', settle);
        resolve();
      }
    };
    sink.on?.('error', settle);
    try {
      sink.write(text, (e) => settle(e ?? undefined));
    } catch (e) {
      settle(e ?? new Error('write failed'));
    }
  });
}

/**
 * The finding for output that could not be written, with the system's reason.
 *
 * @param field `stdout`, or the option that named the file (`--svg`)
 * @param file the file, when the output is one
 */
export function outputFailed(field: string, file: string | undefined, e: unknown): Finding {
  const code = systemCode(e);
  const why = code === 'EPIPE' ? 'EPIPE: the reader closed the pipe'
    : code === 'ENOSPC' ? 'ENOSPC: no space left on the device'
      : code ?? (e instanceof Error ? e.message : String(e));
  const fix = code === 'EPIPE' ? 'let the reader take the whole output (e.g. `| less` rather than `| head -1`), or redirect it to a file'
    : 'write to a device with free space, to a path in an existing directory you can write to';
  return file === undefined
    ? error('CLI_OUTPUT_UNWRITABLE', field, code ?? why, `output that can be written to the end (${why})`, fix)
    : error('CLI_OUTPUT_UNWRITABLE', field, file, `a writable file path (${why})`, fix);
}

/** The `code` of a system error (`EPIPE`, `ENOENT` ...), if it has one. */
export function systemCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
