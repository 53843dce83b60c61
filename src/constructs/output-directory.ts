import { error } from '../values/finding';
import { checkValue, Prop } from '../values/prop-check';
import { ValidationError } from '../values/validation-error';

// The typed boundary of the entry points that write files into a directory (ReviewPages.write, NodeFiles.write): the
// path is a string the file system accepts (a NUL character makes Node throw a TypeError), and a file system error
// (ENOTDIR, EACCES, ENOSPC ...) is the library's error, naming the directory and the system's reason.

/** A path the file system accepts. */
const DIRECTORY = Prop.satisfies('a directory path (a non-empty string without NUL characters)',
  (v) => typeof v === 'string' && v !== '' && !v.includes('\0'), 'pass the directory to write into, e.g. "dist/review"');

/**
 * Checks `outdir` and runs `write`, turning a file system error into OUTPUT_DIRECTORY_UNWRITABLE.
 *
 * @param where the entry point, for messages (`ReviewPages.write`)
 */
export function writingInto<T>(outdir: unknown, where: string, write: (dir: string) => T): T {
  checkValue(outdir, DIRECTORY, `${where}(outdir)`);
  try {
    return write(outdir as string);
  } catch (e) {
    const code = (e as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw e;
    throw new ValidationError([error('OUTPUT_DIRECTORY_UNWRITABLE', `${where}(outdir)`, outdir,
      `a directory the files can be written to (${code}: ${(e as Error).message})`,
      'pass a directory path you can write to (it is created if missing)')]);
  }
}
