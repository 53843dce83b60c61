import { Readable } from 'stream';
import { CliIo, main } from '../../src/cli/main';
import { TextSink } from '../../src/cli/output';
import { CliFileSystem, OpenFileStat } from '../../src/cli/read-input';

/** What a run of the CLI wrote. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files written, by path. */
  readonly written: Map<string, string>;
}

export interface RunOptions {
  /** Regular files the in-memory file system holds. */
  readonly files?: Record<string, string | Uint8Array>;
  /** Stdin, as chunks (a string is one chunk). */
  readonly stdin?: string | Uint8Array[];
  /** writeFileSync fails with this system error code. */
  readonly writeError?: string;
  /** Replaces the stdout sink (to inject write errors). */
  readonly stdout?: TextSink;
  /** Replaces the stderr sink. */
  readonly stderr?: TextSink;
}

/** A system error as Node throws it. */
export function systemError(code: string, message: string = code): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** A regular file's stat. */
function fileStat(size: number): OpenFileStat {
  return {
    size,
    isFile: () => true,
    isDirectory: () => false,
    isFIFO: () => false,
    isCharacterDevice: () => false,
    isBlockDevice: () => false,
    isSocket: () => false,
  };
}

/** An in-memory file system of regular files; records what is written. */
export function memoryFs(files: Record<string, string | Uint8Array>, written: Map<string, string>, writeError?: string): CliFileSystem {
  const open = new Map<number, { bytes: Uint8Array; offset: number }>();
  let next = 3;
  return {
    openSync(path) {
      if (!(path in files)) throw systemError('ENOENT', `no such file or directory, open '${path}'`);
      const content = files[path];
      open.set(next, { bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, offset: 0 });
      return next++;
    },
    fstatSync: (fd) => fileStat(open.get(fd)!.bytes.length),
    readSync(fd, buffer, offset, length) {
      const f = open.get(fd)!;
      const n = Math.min(length, f.bytes.length - f.offset);
      buffer.set(f.bytes.subarray(f.offset, f.offset + n), offset);
      f.offset += n;
      return n;
    },
    closeSync: (fd) => {
      open.delete(fd);
    },
    writeFileSync(path, data) {
      if (writeError) throw systemError(writeError, `open '${path}'`);
      written.set(path, data);
    },
  };
}

/** A sink that collects what is written. */
export function collector(): TextSink & { text: string } {
  const sink = {
    text: '',
    write(text: string, callback: (e?: Error | null) => void) {
      sink.text += text;
      callback();
      return true;
    },
  };
  return sink;
}

/** The CLI's environment over an in-memory file system. */
export function memoryIo(options: RunOptions = {}) {
  const written = new Map<string, string>();
  const stdout = collector();
  const stderr = collector();
  const chunks = typeof options.stdin === 'string' ? [Buffer.from(options.stdin)] : options.stdin ?? [];
  const io: CliIo = {
    stdout: options.stdout ?? stdout,
    stderr: options.stderr ?? stderr,
    stdin: Readable.from(chunks),
    fs: memoryFs(options.files ?? {}, written, options.writeError),
  };
  return { io, stdout, stderr, written };
}

/** Runs the CLI in-process against an in-memory file system; records every write. */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const { io, stdout, stderr, written } = memoryIo(options);
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text, written };
}
