import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { NodeFiles, nodeFilePath } from '../../src/constructs/node-files';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { ValidationError } from '../../src/values/validation-error';
import { guideProps } from '../fixtures/pool';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'node-files-'));
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as any).path, e.name)))
    .sort();
}

describe('NodeFiles.write', () => {
  test('writes every pool\'s files under <outdir>/<role>/, byte for byte; OpenShift pools have none', () => {
    const chart = Testing.chart();
    const talos = new RealtimeNodePool(chart, 'Talos', guideProps({ role: 'rt-talos', backend: PoolBackend.TALOS }));
    const dropIn = new RealtimeNodePool(chart, 'DropIn', guideProps({ role: 'rt-k3s', backend: PoolBackend.KUBELET_DROP_IN }));
    new RealtimeNodePool(chart, 'OpenShift', guideProps({ role: 'rt-ocp' }));
    const out = path.join(tmp(), 'nodes');

    const written = NodeFiles.write(chart, out);

    expect(written).toEqual([
      ...talos.files.map((f) => path.join(out, 'rt-talos', f.fileName)),
      ...dropIn.files.map((f) => path.join(out, 'rt-k3s', f.fileName)),
    ]);
    expect(listFiles(out)).toEqual(written.map((w) => path.relative(out, w)).sort());
    for (const f of talos.files) expect(fs.readFileSync(path.join(out, 'rt-talos', f.fileName), 'utf8')).toBe(f.contents);
    expect(fs.existsSync(path.join(out, 'rt-ocp'))).toBe(false);
    // The same app writes the same bytes again.
    const again = tmp();
    NodeFiles.write(chart, again);
    for (const w of written) expect(fs.readFileSync(path.join(again, path.relative(out, w)), 'utf8')).toBe(fs.readFileSync(w, 'utf8'));
  });

  test('a pool with errors writes nothing and names the pool and the finding', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'Bad', guideProps({ backend: PoolBackend.KUBELET_DROP_IN, kubeletDropInDirectory: '/etc/../../home' }));
    const out = path.join(tmp(), 'nodes');
    expect(() => NodeFiles.write(chart, out)).toThrow(ValidationError);
    expect(() => NodeFiles.write(chart, out)).toThrow(/\[KUBELET_DROP_IN_DIRECTORY_INVALID\] test\/Bad: kubeletDropInDirectory/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an app without files writes nothing', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'Pool', guideProps());
    expect(NodeFiles.write(chart, path.join(tmp(), 'x'))).toEqual([]);
  });

  test('NODE_FILE_PATH_OUTSIDE: the last guard refuses a path that leaves the pool directory', () => {
    const root = tmp();
    expect(nodeFilePath(root, 'rt', 'root/etc/x.conf')).toBe(path.join(root, 'rt', 'root', 'etc', 'x.conf'));
    const code = 'NODE_FILE_PATH_OUTSIDE';
    for (const [role, relative] of [['rt', '../x'], ['rt', '/etc/passwd'], ['rt', 'root/../../x'], ['..', 'x'], ['a/b', 'x']]) {
      expect(() => nodeFilePath(root, role, relative)).toThrow(`[${code}] files (pool ${role}): got ${JSON.stringify(relative)}`);
    }
  });
});
