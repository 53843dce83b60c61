import { EventEmitter } from 'events';
import { PassThrough, Writable } from 'stream';
import { systemError } from './io';
import { outputFailed, systemCode, writeText } from '../../src/cli/output';
import { formatFinding } from '../../src/values/finding';

describe('writeText', () => {
  test('resolves once a stream has taken the text', async () => {
    const stream = new PassThrough();
    await writeText(stream, 'plan\n');
    expect(stream.read().toString()).toBe('plan\n');
  });

  test('rejects with the error however the sink reports it', async () => {
    await expect(writeText({ write: () => { throw systemError('EPIPE'); } }, 'x')).rejects.toMatchObject({ code: 'EPIPE' });
    await expect(writeText({ write: (_t, cb) => cb(systemError('ENOSPC')) }, 'x')).rejects.toMatchObject({ code: 'ENOSPC' });
    const emitter = Object.assign(new EventEmitter(), { write: () => setImmediate(() => emitter.emit('error', systemError('EPIPE'))) });
    await expect(writeText(emitter, 'x')).rejects.toMatchObject({ code: 'EPIPE' });
  });

  test('after a success it leaves no listener behind; after an error it keeps hearing the stream\'s later \'error\' event', async () => {
    const ok = Object.assign(new EventEmitter(), { write: (_t: string, cb: () => void) => cb() });
    await writeText(ok, 'x');
    expect(ok.listenerCount('error')).toBe(0);
    const failing = Object.assign(new EventEmitter(), { write: (_t: string, cb: (e: Error) => void) => cb(systemError('ENOSPC')) });
    await expect(writeText(failing, 'x')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(() => failing.emit('error', systemError('ENOSPC'))).not.toThrow();
  });

  test('a destroyed Node stream (a closed pipe) is an error, not an unhandled event', async () => {
    const stream = new Writable({ write: (_c, _e, cb) => cb(systemError('EPIPE')) });
    await expect(writeText(stream, 'x')).rejects.toMatchObject({ code: 'EPIPE' });
  });
});

describe('outputFailed', () => {
  test('names the output, the system code, what it means and the fix, in one line', () => {
    expect(formatFinding(outputFailed('stdout', undefined, systemError('EPIPE')))).toBe('[CLI_OUTPUT_UNWRITABLE] stdout: got "EPIPE", expected output '
      + 'that can be written to the end (EPIPE: the reader closed the pipe); fix: let the reader take the whole output (e.g. `| less` rather '
      + 'than `| head -1`), or redirect it to a file');
    expect(formatFinding(outputFailed('--svg', 'out/x.svg', systemError('ENOENT')))).toBe('[CLI_OUTPUT_UNWRITABLE] --svg: got "out/x.svg", '
      + 'expected a writable file path (ENOENT); fix: write to a device with free space, to a path in an existing directory you can write to');
    expect(outputFailed('stdout', undefined, new Error('boom')).value).toBe('"boom"');
  });

  test('systemCode reads only string codes', () => {
    expect(systemCode(systemError('EIO'))).toBe('EIO');
    expect([systemCode(undefined), systemCode(null), systemCode({ code: 5 })]).toEqual([undefined, undefined, undefined]);
  });
});
