import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Size } from 'cdk8s';
import { renderLscpu } from './fixtures/host';
import { HostTopology } from '../src/values/host/host-topology';

// The README's example must stay true: it is type-checked and run against a real lscpu file, and what it writes must
// be the VM, the pool and the KubeVirt configuration it promises.
const ROOT = path.join(__dirname, '..');

function readmeExample(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = /```ts\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README.md has no ```ts example');
  return match[1].replace(/'cdk8s-kubevirt-realtime'/g, JSON.stringify(path.join(ROOT, 'src')));
}

describe('README example', () => {
  test('compiles, runs on a 2-NUMA SMT node and synthesizes the promised objects', () => {
    // Inside node_modules/.cache so the example resolves 'cdk8s' like a user's project (and git ignores it).
    const cache = path.join(ROOT, 'node_modules', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    const dir = fs.mkdtempSync(path.join(cache, 'kvrt-readme-'));
    const host = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 16, threadsPerCore: 2, memoryPerNumaNode: Size.gibibytes(64) });
    fs.writeFileSync(path.join(dir, 'node.lscpu'), renderLscpu(host));
    const file = path.join(dir, 'readme-example.ts');
    fs.writeFileSync(file, readmeExample());

    // Type-checked (no transpile-only): a README that drifts from the API fails here.
    execFileSync(process.execPath, ['-r', require.resolve('ts-node/register'), file], {
      cwd: dir,
      env: { ...process.env, CDK8S_OUTDIR: path.join(dir, 'out'), TS_NODE_PROJECT: path.join(ROOT, 'examples', 'tsconfig.json'), TS_NODE_SKIP_IGNORE: 'true' },
      stdio: 'pipe',
    });

    const yaml = fs.readFileSync(path.join(dir, 'out', 'plc.k8s.yaml'), 'utf8');
    for (const kind of ['KubeVirt', 'MachineConfigPool', 'MachineConfig', 'KubeletConfig', 'Tuned', 'VirtualMachine']) {
      expect(yaml).toContain(`kind: ${kind}\n`);
    }
    expect(yaml).toContain('node-role.kubernetes.io/worker-rt: ""');
    expect(yaml).toContain('mask: 1-3');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
