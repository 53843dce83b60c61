import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Size, Testing } from 'cdk8s';
import { run } from './io';
import { KubeVirtConfiguration } from '../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { ReviewPages } from '../../src/constructs/review-pages';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';
import { CpuNumbering } from '../../src/values/host/uniform-topology';
import { HugePageSize } from '../../src/values/hugepage-size';
import { HugePageAllocation } from '../../src/values/pool/pool-props';
import { BootDisk } from '../../src/values/vm/disk';
import { renderLscpu } from '../fixtures/host';
import { SEED_002_VIRSH_CAPABILITIES } from '../plan/seed-002';

// Issue #12 §4: the plan command tells the same story as the library. For the same host, partition, huge pages and
// VM, `plan` must print the capacity the app's review page (ReviewPages.write) and `pool.capacityFor(vm)` give for a
// RealtimeVirtualMachine placed on a RealtimeNodePool in an app with a current KubeVirtConfiguration, with the CLI's
// defaults against the constructs' defaults, and each CLI flag against the VM prop it stands for.

interface Host {
  readonly name: string;
  /** What the CLI reads (and the app parses the same text). */
  readonly file: string;
  readonly parse: (text: string) => HostTopology;
  readonly reservedCpus: number;
  readonly split: boolean;
  /** The pool's hugepages prop, and the same in --hugepages syntax. */
  readonly hugepages: HugePageAllocation[];
  readonly hugepagesOption: string;
}

const lscpuOf = (props: Parameters<typeof HostTopology.uniform>[0]) => renderLscpu(HostTopology.uniform(props));

const HOSTS: Host[] = [
  {
    name: '1 NUMA node, 8 cores, no SMT',
    file: lscpuOf({ numaNodes: 1, coresPerSocket: 8 }),
    parse: HostTopology.fromLscpu,
    reservedCpus: 2,
    split: false,
    hugepages: [{ size: HugePageSize.ONE_GI, count: 24 }, { size: HugePageSize.TWO_MI, count: 4096 }],
    hugepagesOption: '1Gi:24,2Mi:4096',
  },
  {
    name: '2 NUMA nodes x 12 cores x 2 threads (the issue\'s host)',
    file: lscpuOf({ numaNodes: 2, coresPerSocket: 12, threadsPerCore: 2 }),
    parse: HostTopology.fromLscpu,
    reservedCpus: 4,
    split: true,
    hugepages: [{ size: HugePageSize.ONE_GI, count: 48 }, { size: HugePageSize.TWO_MI, count: 8192 }],
    hugepagesOption: '1Gi:48,2Mi:8192',
  },
  {
    name: 'the seed-002 guide host (virsh capabilities, 26 x 1G per NUMA node)',
    file: SEED_002_VIRSH_CAPABILITIES,
    parse: HostTopology.fromVirshCapabilities,
    reservedCpus: 4,
    split: true,
    hugepages: [{ size: HugePageSize.ONE_GI, count: 52 }, { size: HugePageSize.TWO_MI, count: 2048 }],
    hugepagesOption: '1Gi:52,2Mi:2048',
  },
  {
    name: '2 NUMA nodes x 10 cores x 2 threads, cores interleaved across the nodes, pages per NUMA node',
    file: lscpuOf({ numaNodes: 2, coresPerSocket: 10, threadsPerCore: 2, numbering: CpuNumbering.INTERLEAVED_BY_CORE }),
    parse: HostTopology.fromLscpu,
    reservedCpus: 4,
    split: true,
    hugepages: [
      { size: HugePageSize.ONE_GI, count: 20, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 12, numaNode: 1 },
      { size: HugePageSize.TWO_MI, count: 1024, numaNode: 0 }, { size: HugePageSize.TWO_MI, count: 1024, numaNode: 1 },
    ],
    hugepagesOption: '1Gi:20@0,1Gi:12@1,2Mi:1024@0,2Mi:1024@1',
  },
];

interface Shape {
  readonly name: string;
  readonly vcpus: number;
  readonly memoryGi: number;
  /** The VM props beyond vcpus and memory, and the CLI flags that say the same. */
  readonly props: { isolateEmulatorThread?: boolean; hugePages?: boolean; hugePageSize?: HugePageSize };
  readonly flags: string[];
}

const SHAPES: Shape[] = [
  { name: '4 vCPUs, 8Gi, the defaults', vcpus: 4, memoryGi: 8, props: {}, flags: [] },
  { name: '3 vCPUs, 4Gi, the defaults', vcpus: 3, memoryGi: 4, props: {}, flags: [] },
  { name: '6 vCPUs, 6Gi, emulator thread not isolated', vcpus: 6, memoryGi: 6, props: { isolateEmulatorThread: false }, flags: ['--no-isolate-emulator-thread'] },
  { name: '2 vCPUs, 2Gi in 2Mi pages', vcpus: 2, memoryGi: 2, props: { hugePageSize: HugePageSize.TWO_MI }, flags: ['--hugepage-size', '2Mi'] },
  { name: '4 vCPUs, 8Gi without huge pages', vcpus: 4, memoryGi: 8, props: { hugePages: false }, flags: ['--hugepage-size', 'none'] },
];

/** What the app says about the VM: the review page's capacity, the pool's capacityFor, and the pool's settings. */
function appCapacity(host: Host, shape: Shape) {
  const chart = Testing.chart();
  new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
  const topology = host.parse(host.file);
  const pool = new RealtimeNodePool(chart, 'Pool', {
    role: 'worker-rt',
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: host.reservedCpus, splitAcrossNumaNodes: host.split }),
    hugepages: host.hugepages,
  });
  const vm = new RealtimeVirtualMachine(chart, 'vm', {
    vcpus: shape.vcpus,
    memory: Size.gibibytes(shape.memoryGi),
    bootDisk: BootDisk.containerDisk('quay.io/example/rt:1'),
    nodePool: pool,
    ...shape.props,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-story-'));
  try {
    const [md] = ReviewPages.write(chart, dir);
    const page = fs.readFileSync(md, 'utf8');
    const total = /^- \*\*Node total: (\d+) VMs?\*\*/m.exec(page);
    const heading = /^## Capacity: VM with (.*)$/m.exec(page);
    const row = /^\| `vm` \| (\d+) \| (\d+) \| ([^|]+) \| (\d+) \| ([\d, ]+) \|$/m.exec(page);
    expect(total && heading && row).toBeTruthy();
    return {
      reviewPageTotal: Number(total![1]),
      reviewPageShape: heading![1],
      reviewPageRow: { podCpus: Number(row![2]), pages: row![3].trim(), perNode: Number(row![4]), perNumaNode: row![5].split(', ').map(Number) },
      capacityFor: pool.capacityFor(vm),
      settings: pool.emittedSettings(),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function cliPlan(host: Host, shape: Shape, hugepages: boolean) {
  const argv = ['plan', 'host', '--reserved-cpus', String(host.reservedCpus), ...(host.split ? ['--split-across-numa'] : []),
    ...(hugepages ? ['--hugepages', host.hugepagesOption] : []), '--vcpus', String(shape.vcpus), '--memory', `${shape.memoryGi}Gi`, ...shape.flags];
  const [json, text] = await Promise.all([
    run([...argv, '--format', 'json'], { files: { host: host.file } }),
    run(argv, { files: { host: host.file } }),
  ]);
  expect(json.stderr).toBe('');
  expect(json.code).toBe(0);
  return { report: JSON.parse(json.stdout), text: text.stdout };
}

describe('the CLI\'s capacity is the review page\'s capacity for the same VM', () => {
  describe.each(HOSTS.map((h) => [h.name, h] as const))('%s', (_name, host) => {
    test.each(SHAPES.map((s) => [s.name, s] as const))('%s', async (_shapeName, shape) => {
      const app = appCapacity(host, shape);
      const { report, text } = await cliPlan(host, shape, true);
      const c = report.capacity;

      expect(c.total).toBe(app.reviewPageTotal);
      expect(c.total).toBe(app.capacityFor.perNode);
      expect(c.perNumaNode.map((n: any) => n.vms)).toEqual(app.reviewPageRow.perNumaNode);
      expect(c.perNumaNode.map((n: any) => n.vms)).toEqual(app.capacityFor.capacity.perNumaNode.map((n) => n.vms));
      expect(c.podCpus).toBe(app.reviewPageRow.podCpus);
      expect(c.limitedBy).toEqual(app.capacityFor.capacity.limitedBy);
      expect(c.perNumaNode.map((n: any) => n.hugePages)).toEqual(app.capacityFor.capacity.perNumaNode.map((n) => n.hugePages));
      expect(c.hugePageSize === undefined ? 'none' : `${c.hugePagesPerVm} x ${c.hugePageSize}`).toBe(app.reviewPageRow.pages);
      // The same words for the VM (emulator thread, pages, even-parity completion) ...
      expect(text).toContain(`Capacity for a VM with ${app.reviewPageShape}\n`);
      // ... and the node settings the pool emits.
      expect(report.kernelArguments).toEqual(app.settings.kernelArguments);
      expect(report.kubeletSettings).toEqual(app.settings.kubeletSettings);
    });
  });

  test('the issue\'s case: 2 x 12 x 2, 4 reserved CPUs split, 4 vCPUs and 8Gi give 6 VMs (not 10), with or without --hugepages', async () => {
    const host = HOSTS[1];
    const shape = SHAPES[0];
    const app = appCapacity(host, shape);
    expect(app.reviewPageTotal).toBe(6);
    expect(app.capacityFor.perNode).toBe(6);
    for (const hugepages of [true, false]) {
      const { report } = await cliPlan(host, shape, hugepages);
      expect(report.capacity).toMatchObject({ total: 6, podCpus: 6, emulatorCpus: 2 });
      expect(report.vmShape).toMatchObject({ isolateEmulatorThread: true, emulatorThreadEvenParity: true, hugePageSize: '1Gi' });
    }
    // The opt-in defaults of the old CLI gave 10: no isolated emulator thread, no huge pages.
    const old = await run(['plan', 'host', '--reserved-cpus', '4', '--split-across-numa', '--vcpus', '4', '--memory', '8Gi',
      '--no-isolate-emulator-thread', '--hugepage-size', 'none', '--format', 'json'], { files: { host: host.file } });
    expect(JSON.parse(old.stdout).capacity.total).toBe(10);
  });
});
