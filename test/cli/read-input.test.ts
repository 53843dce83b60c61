import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { decodeText, MAX_INPUT_BYTES, readHostFile, readStdin } from '../../src/cli/read-input';
import { MAX_INPUT_CHARS } from '../../src/values/host/topology-data';
import { ValidationError } from '../../src/values/validation-error';

function caught(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('readHostFile (on the real file system)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-input-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the limit is the parsers\' own (1 MiB)', () => {
    expect(MAX_INPUT_BYTES).toBe(MAX_INPUT_CHARS);
    expect(MAX_INPUT_BYTES).toBe(1024 * 1024);
  });

  test('reads a regular file as bytes, up to exactly the limit', () => {
    const file = path.join(dir, 'host.lscpu');
    fs.writeFileSync(file, '0,0,0,0\n');
    expect(Buffer.from(readHostFile(fs, file)).toString()).toBe('0,0,0,0\n');
    fs.writeFileSync(file, Buffer.alloc(64, 0x41));
    expect(readHostFile(fs, file, 64).length).toBe(64);
    expect(caught(() => readHostFile(fs, file, 63)).message).toBe(
      `[CLI_INPUT_TOO_LARGE] host-file: got "${file} (64 bytes)", expected at most 63 bytes (1 MiB: an 8192-CPU virsh capabilities is about 0.8 MiB); `
        + 'fix: pass only the command output of one node, not a log or an endless stream');
  });

  test('a /proc file (size 0 in fstat) is read to its end', () => {
    if (!fs.existsSync('/proc/self/status')) return;
    expect(Buffer.from(readHostFile(fs, '/proc/self/status')).toString()).toContain('Pid:');
  });

  test('a FIFO is refused at once, without waiting for a writer (opened non-blocking, never read)', () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const e = caught(() => readHostFile(fs, fifo));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e.code).toBe('CLI_INPUT_NOT_A_FILE');
    expect(e.message).toContain(`host-file: got "${fifo}", expected a regular file, not a FIFO (named pipe), which may never end`);
  });

  test.each([
    ['/dev/zero', 'a character device, which may never end'],
    ['/dev/null', 'a character device, which may never end'],
  ])('%s is refused (%s)', (device, kind) => {
    if (!fs.existsSync(device)) return;
    expect(caught(() => readHostFile(fs, device)).message).toContain(`[CLI_INPUT_NOT_A_FILE] host-file: got "${device}", expected a regular file, not ${kind}`);
  });

  test('a directory is refused', () => {
    expect(caught(() => readHostFile(fs, dir)).message).toContain(`got "${dir}", expected a regular file, not a directory`);
  });

  test('a missing file is unreadable, with the system\'s code', () => {
    expect(caught(() => readHostFile(fs, path.join(dir, 'nope'))).message)
      .toContain(`[CLI_INPUT_UNREADABLE] host-file: got "${path.join(dir, 'nope')}", expected a readable file (ENOENT)`);
  });

  test('the descriptor is closed whatever happens', () => {
    const closed: number[] = [];
    const spy = { ...fs, closeSync: (fd: number) => { closed.push(fd); fs.closeSync(fd); } } as typeof fs;
    caught(() => readHostFile(spy, dir));
    const file = path.join(dir, 'small');
    fs.writeFileSync(file, 'x');
    readHostFile(spy, file);
    expect(closed).toHaveLength(2);
  });
});

describe('readStdin', () => {
  test('joins the chunks as bytes; strings are taken as UTF-8', async () => {
    const bytes = await readStdin(Readable.from([Buffer.from([0xc3]), 'x', Buffer.from([0xa9])]));
    expect([...bytes]).toEqual([0xc3, 0x78, 0xa9]);
  });

  test('stops past the limit', async () => {
    await expect(readStdin(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15)).rejects.toThrow(
      '[CLI_INPUT_TOO_LARGE] stdin: got "more than 15 bytes"');
    await expect(readStdin(Readable.from([Buffer.alloc(10), Buffer.alloc(5)]), 15)).resolves.toHaveLength(15);
  });
});

describe('decodeText', () => {
  test('decodes the whole input at once; drops a byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFé\n'), 'stdin')).toBe('é\n');
  });

  test('refuses bytes that are not UTF-8', () => {
    expect(() => decodeText(Buffer.from([0xc3]), 'host-file')).toThrow('[CLI_INPUT_NOT_TEXT] host-file: got "1 byte that is not UTF-8 text"');
  });
});
