import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { AppCheck } from './app/app-check';
import { CONSTRUCT } from './construct-rule';
import { writingInto } from './output-directory';
import { RealtimeNodePool } from './pool/realtime-node-pool';
import { error, Finding, Severity } from '../values/finding';
import { checkValue } from '../values/prop-check';
import { ValidationError } from '../values/validation-error';

/**
 * The files the node pools of an app leave for you: what the Talos, Cluster API and kubelet drop-in backends cannot
 * hand to the API server (a Talos machine-config patch and Image Factory schematic, an image-builder vars file, a
 * kubelet drop-in, sysctl and systemd files for the node). Kept out of the synthesized YAML directory on purpose: a
 * GitOps tool applying every `.yaml` there would try to apply a Talos patch as a Kubernetes object.
 */
export class NodeFiles {
  /**
   * Writes every file of every RealtimeNodePool of the app `scope` belongs to, as `<outdir>/<role>/<path>`, in
   * construct-tree order. Pools of the OpenShift backends have no files. Files of an earlier run that the pools no
   * longer produce are left in place.
   *
   * @param scope any construct of the app
   * @param outdir the directory to write into (created if missing)
   * @returns the paths written
   * @throws ValidationError when a pool with files has errors (nothing is written then)
   */
  public static write(scope: IConstruct, outdir: string): string[] {
    checkValue(scope, CONSTRUCT, 'NodeFiles.write(scope)');
    return writingInto(outdir, 'NodeFiles.write', (dir) => writeFiles(scope, dir));
  }

  private constructor() {}
}

function writeFiles(scope: IConstruct, outdir: string): string[] {
  const pools = scope.node.root.node.findAll()
    .filter((c) => RealtimeNodePool.isRealtimeNodePool(c) && c.files.length > 0) as RealtimeNodePool[];
  const check = AppCheck.of(scope);
  const errors = pools.flatMap((pool) => check.findingsOf(pool)
    .filter((f) => f.severity === Severity.ERROR)
    .map((f): Finding => ({ ...f, field: `${pool.node.path}: ${f.field}` })));
  if (errors.length > 0) throw new ValidationError(errors);

  const root = path.resolve(outdir);
  const targets = pools.flatMap((pool) => pool.files.map((file) => ({ target: nodeFilePath(root, pool.role, file.fileName), file })));
  const written: string[] = [];
  for (const { target, file } of targets) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.contents);
    written.push(target);
  }
  return written;
}

/**
 * `<root>/<role>/<relative>`, refused when it would leave the pool's directory. The pool rules already refuse roles
 * and drop-in directories that could; this is the last line, so a bug there cannot write over a user's files.
 */
export function nodeFilePath(root: string, role: string, relative: string): string {
  const poolDir = path.join(root, role);
  const target = path.resolve(poolDir, relative);
  if (path.isAbsolute(relative) || !target.startsWith(poolDir + path.sep) || path.dirname(poolDir) !== root) {
    throw new ValidationError([error('NODE_FILE_PATH_OUTSIDE', `files (pool ${role})`, relative, `a path inside ${poolDir}`,
      'report this as a bug: pool files are always relative paths without ".."')]);
  }
  return target;
}
