import { constants } from 'fs';
import { error } from '../values/finding';
import { MAX_INPUT_CHARS } from '../values/host/topology-data';
import { ValidationError } from '../values/validation-error';

// The host description is read as bytes, at most MAX_INPUT_BYTES of them, and decoded once as a whole: a chunk
// boundary inside a UTF-8 character must not turn it into two replacement characters, and an endless source
// (/dev/zero, `yes |`) must end in an error, not fill the memory. A named file must be a regular file: opening a FIFO
// for reading waits for a writer, and reading one (or a character device) may never end, so those are refused before
// any read; the file is opened non-blocking so that even the open cannot wait.

/** The most bytes read from a host description: the parsers' own limit (1 MiB). */
export const MAX_INPUT_BYTES = MAX_INPUT_CHARS;

/** What `fstatSync` tells about an open file (Node's `fs.Stats`). */
export interface OpenFileStat {
  readonly size: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}

/** The file operations the CLI uses (Node's `fs`): it reads the host file and writes only the `--svg` file. */
export interface CliFileSystem {
  openSync(path: string, flags: number): number;
  fstatSync(fd: number): OpenFileStat;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  closeSync(fd: number): void;
  writeFileSync(path: string, data: string): void;
}

const FIX = 'pass the saved output of `lscpu -p=CPU,CORE,SOCKET,NODE -y` or `virsh capabilities`, or pipe it in with `-`';

/**
 * Reads a host file: a regular file of at most `limit` bytes. Throws a ValidationError for a file that cannot be
 * opened, is not a regular file (directory, FIFO, device, socket), or is larger.
 */
export function readHostFile(fs: CliFileSystem, path: string, limit: number = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    // eslint-disable-next-line no-bitwise -- open(2) flags are a bit set (O_NONBLOCK is undefined on Windows)
    fd = fs.openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      throw new ValidationError([error('CLI_INPUT_NOT_A_FILE', 'host-file', path, `a regular file, not ${kindOf(stat)}`,
        `${FIX} (stdin is read up to ${limit} bytes)`)]);
    }
    if (stat.size > limit) throw tooLarge('host-file', `${path} (${stat.size} bytes)`, limit);
    // Read one byte more than the limit: a file that grew since fstat (or a /proc file, whose size reads 0) is caught.
    const buffer = new Uint8Array(limit + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n <= 0) break;
      length += n;
      if (length > limit) throw tooLarge('host-file', `${path} (more than ${limit} bytes)`, limit);
    }
    return buffer.subarray(0, length);
  } catch (e) {
    throw e instanceof ValidationError ? e : unreadable(path, e);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Closing a descriptor opened for reading loses nothing.
    }
  }
}

/** Reads stdin as bytes, at most `limit` of them (stops reading, and throws, past it). */
export async function readStdin(stdin: AsyncIterable<string | Uint8Array>, limit: number = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    length += bytes.length;
    // Leaving the loop destroys the stream: nothing more is read.
    if (length > limit) throw tooLarge('stdin', `more than ${limit} bytes`, limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, length);
}

/** Decodes the whole input as UTF-8 (a leading byte-order mark is dropped); throws a ValidationError if it is not. */
export function decodeText(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError([error('CLI_INPUT_NOT_TEXT', source, `${bytes.length} byte${bytes.length === 1 ? '' : 's'} that ${bytes.length === 1 ? 'is' : 'are'} not UTF-8 text`,
      'the text printed by lscpu -p or virsh capabilities', FIX)]);
  }
}

function kindOf(stat: OpenFileStat): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe), which may never end';
  if (stat.isCharacterDevice()) return 'a character device, which may never end';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

function tooLarge(field: string, got: string, limit: number): ValidationError {
  return new ValidationError([error('CLI_INPUT_TOO_LARGE', field, got,
    `at most ${limit} bytes (1 MiB: an 8192-CPU virsh capabilities is about 0.8 MiB)`,
    'pass only the command output of one node, not a log or an endless stream')]);
}

function unreadable(path: string, e: unknown): ValidationError {
  const code = (e as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  return new ValidationError([error('CLI_INPUT_UNREADABLE', 'host-file', path, `a readable file (${why})`,
    'check the path and its permissions, or pipe the output in with `-`')]);
}
