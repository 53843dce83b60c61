import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Size, Testing } from 'cdk8s';
import { KubeVirtConfiguration } from '../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { placedVmsSection, ReviewPages } from '../../src/constructs/review-pages';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { GuestTuning } from '../../src/values/vm/guest-tuning';
import { noSmtPoolProps, smtPoolProps, vmProps } from '../fixtures/placement';
import { guideProps } from '../fixtures/pool';

/** An app with a 1-node SMT pool running three VMs and an empty pool without a node count. */
function app() {
  const chart = Testing.chart();
  new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
  const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ nodeCount: 1 }));
  const plain = new RealtimeNodePool(chart, 'Plain', noSmtPoolProps({ role: 'worker-plain' }));
  new RealtimeVirtualMachine(chart, 'small', vmProps({ nodePool: pool }));
  new RealtimeVirtualMachine(chart, 'big', vmProps({ vcpus: 8, memory: Size.gibibytes(16), nodePool: pool }));
  new RealtimeVirtualMachine(chart, 'medium', vmProps({ vcpus: 5, memory: Size.gibibytes(8), nodePool: pool }));
  return { chart, pool, plain };
}

function withTempDir(fn: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-pages-'));
  try {
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ReviewPages.write', () => {
  test('writes <role>.md and <role>.svg for every pool of the app, in tree order, and nothing else', () => {
    withTempDir((dir) => {
      const written = ReviewPages.write(app().chart, path.join(dir, 'review'));
      expect(written.map((f) => path.relative(dir, f))).toEqual([
        'review/worker-rt.md', 'review/worker-rt.svg', 'review/worker-plain.md', 'review/worker-plain.svg',
      ]);
      expect(fs.readdirSync(path.join(dir, 'review')).sort()).toEqual(['worker-plain.md', 'worker-plain.svg', 'worker-rt.md', 'worker-rt.svg']);
      const page = fs.readFileSync(written[0], 'utf8');
      // The pool's own settings and reboot triggers, the largest VM's capacity, then every VM and the packing.
      expect(page).toContain('Emitted by node pool worker-rt, in this order');
      expect(page).toContain('- MachineConfig 50-worker-rt-realtime: kernelType realtime');
      expect(page).toContain('## Capacity: VM with 8 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread with even-parity completion');
      expect(page).toMatchSnapshot();
      expect(fs.readFileSync(written[2], 'utf8')).toContain('## VMs placed on this pool\n\nNo VM is placed on this pool.\n');
      expect(fs.readFileSync(written[1], 'utf8')).toMatch(/^<svg /);
    });
  });

  test('is deterministic', () => {
    withTempDir((dir) => {
      const a = ReviewPages.write(app().chart, path.join(dir, 'a'));
      const b = ReviewPages.write(app().chart, path.join(dir, 'b'));
      a.forEach((file, i) => expect(fs.readFileSync(b[i], 'utf8')).toBe(fs.readFileSync(file, 'utf8')));
    });
  });

  test('a PerformanceProfile pool reports the settings NTO renders', () => {
    withTempDir((dir) => {
      const chart = Testing.chart();
      const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ backend: PoolBackend.PERFORMANCE_PROFILE, nodeCount: 2 }));
      new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ nodePool: pool }));
      const [md] = ReviewPages.write(chart, dir);
      const page = fs.readFileSync(md, 'utf8');
      expect(page).toContain('Emitted by node pool worker-rt (as NTO renders its PerformanceProfile');
      expect(page).toContain('- **The VM fits.**');
    });
  });

  test('an app without pools writes nothing', () => {
    withTempDir((dir) => {
      expect(ReviewPages.write(Testing.chart(), dir)).toEqual([]);
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });
});

describe('placedVmsSection', () => {
  test('lists every VM with its own capacity and where first-fit decreasing puts it', () => {
    const { pool } = app();
    const vms = (pool.node.root.node.findAll().filter((c) => RealtimeVirtualMachine.isRealtimeVirtualMachine(c)) as RealtimeVirtualMachine[])
      .map((vm) => ({ path: vm.node.path, name: vm.name, shape: vm.shape }));
    expect(placedVmsSection(pool, vms, true)).toBe([
      '## VMs placed on this pool',
      '',
      'Pod CPUs count vCPUs, IOThread and emulator CPUs; even-parity emulator completion is on. Capacity keeps each VM inside one NUMA node.',
      '',
      '| VM | vCPUs | pod CPUs | huge pages | VMs per node | per NUMA node |',
      '|---|---|---|---|---|---|',
      '| `small` | 3 | 4 | 4 x 1Gi | 14 | 7, 7 |',
      '| `big` | 8 | 10 | 16 x 1Gi | 4 | 2, 2 |',
      '| `medium` | 5 | 6 | 8 x 1Gi | 8 | 4, 4 |',
      '',
      'First-fit decreasing (most CPUs first, then most huge pages) into the pool\'s 1 node, one NUMA node per VM:',
      '',
      '- node 0, NUMA node 0: `big`, `medium`, `small`',
      '- **All 3 VMs fit.**',
      '',
    ].join('\n'));
  });

  test('names the VMs without room and those that cannot run on the pool, or says there is no node count', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ nodeCount: 1 }));
    const unplanned = new RealtimeNodePool(chart, 'Other', smtPoolProps({ role: 'worker-other' }));
    const vms = [...Array.from({ length: 7 }, (_, i) => new RealtimeVirtualMachine(chart, `vm-${i}`, vmProps({ vcpus: 9 }))),
      new RealtimeVirtualMachine(chart, 'huge', vmProps({ vcpus: 40 }))].map((vm) => ({ path: vm.node.path, name: vm.name, shape: vm.shape }));
    const section = placedVmsSection(pool, vms, false);
    expect(section).toContain('- **No room: `vm-6`** (first-fit decreasing needs 2 nodes)');
    expect(section).toContain('- **Cannot run on this pool: `huge`** (see their placement errors)');
    expect(section).toContain('even-parity emulator completion is off');
    expect(placedVmsSection(unplanned, vms, false)).toContain('The pool declares no `nodeCount`, so the VMs are not packed into its nodes.');
  });
});

describe('the review page names the backend, its files and what it cannot do', () => {
  test.each([
    [PoolBackend.CLUSTER_API_KUBEADM, 'kubeadm cannot set kernel arguments'],
    [PoolBackend.TALOS, 'PREEMPT_RT'],
    [PoolBackend.KUBELET_DROP_IN, 'No TuneD'],
  ])('%s', (backend, limitation) => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', guideProps({ backend, realtimeKernel: false }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-backend-'));
    const page = fs.readFileSync(ReviewPages.write(chart, dir)[0], 'utf8');
    expect(page).toContain(`## Backend: ${backend}\n`);
    expect(page).toContain(limitation);
    for (const f of pool.files) expect(page).toContain(`- \`${f.fileName}\``);
  });

  test('OpenShift backends leave nothing to the user', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'Pool', guideProps());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-backend-'));
    const page = fs.readFileSync(ReviewPages.write(chart, dir)[0], 'utf8');
    expect(page).toContain('## Backend: machine-config\n\nOpenShift: a MachineConfigPool, a MachineConfig, a KubeletConfig and a Tuned');
    expect(page).toContain('What this backend cannot do:\n\n- Nothing the pool asks for.\n');
  });
});

describe('ReviewPages guest tuning section', () => {
  test('lists the placed VMs with guest tuning: profile, isolated and housekeeping vCPUs, delivery, cyclictest', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ nodeCount: 1 }));
    new RealtimeVirtualMachine(chart, 'plain', vmProps({ nodePool: pool }));
    new RealtimeVirtualMachine(chart, 'tuned', vmProps({
      vcpus: 4, realtimeMask: RealtimeMask.parse('1-3'), guestTuning: GuestTuning.realtimeVirtualGuest(), nodePool: pool,
    }));
    withTempDir((dir) => {
      const page = fs.readFileSync(ReviewPages.write(chart, dir)[0], 'utf8');
      const section = page.slice(page.indexOf('## Guest tuning'));
      expect(section).toContain('| `tuned` | `realtime-virtual-guest` | `1-3` | `0` | cloud-init, Secret `tuned-guest-tuning` | '
        + '`cyclictest -m -p95 -a 1-3 -t 3 --mainaffinity 0 -D 1h` |');
      expect(section).not.toContain('`plain`');
    });
  });

  test('no section when no placed VM has guest tuning', () => {
    withTempDir((dir) => {
      expect(fs.readFileSync(ReviewPages.write(app().chart, dir)[0], 'utf8')).not.toContain('## Guest tuning');
    });
  });
});
