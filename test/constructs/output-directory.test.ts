import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writingInto } from '../../src/constructs/output-directory';
import { ValidationError } from '../../src/values/validation-error';

describe('writingInto', () => {
  test('runs the writer on a usable path and returns what it returns', () => {
    expect(writingInto('dist/x', 'Thing.write', (dir) => `wrote ${dir}`)).toBe('wrote dist/x');
  });

  test.each([[undefined, 'PROP_REQUIRED'], ['', 'PROP_TYPE_INVALID'], ['a\0b', 'PROP_TYPE_INVALID'], [7, 'PROP_TYPE_INVALID']])(
    'refuses %j before writing', (outdir, code) => {
      let ran = false;
      expect(() => writingInto(outdir, 'Thing.write', () => (ran = true))).toThrow(`[${code}] Thing.write(outdir)`);
      expect(ran).toBe(false);
    });

  test('a file system error becomes OUTPUT_DIRECTORY_UNWRITABLE; other errors pass through', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-directory-'));
    try {
      fs.writeFileSync(path.join(dir, 'file'), '');
      let caught: unknown;
      try {
        writingInto(path.join(dir, 'file', 'sub'), 'Thing.write', (d) => fs.mkdirSync(d, { recursive: true }));
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).code).toBe('OUTPUT_DIRECTORY_UNWRITABLE');
      expect((caught as ValidationError).findings[0].expected).toMatch(/^a directory the files can be written to \(ENOTDIR: /);
      expect(() => writingInto(dir, 'Thing.write', () => {
        throw new RangeError('mine');
      })).toThrow(RangeError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
