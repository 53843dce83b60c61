// Instance types, emitted and consumed. A platform team publishes one real-time size for its SMT pool as a
// RealtimeInstancetype (a VirtualMachineClusterInstancetype plus a VirtualMachineClusterPreference of the same name):
// dedicated CPUs, isolated emulator thread, NUMA passthrough, 1Gi pages, vCPUs 1-3 real-time, IOThreads, no CPU
// hot-plug slots, host-passthrough with tsc-deadline, laid out as 2-thread cores like the hosts. Two PLC VMs reference
// it and carry none of those fields; their guests isolate the type's real-time vCPUs (guest tuning). A third VM uses
// KubeVirt's own `rt1.xlarge` with the `rhel.9.realtime` preference: the library checks it on the shape KubeVirt will
// give it, writes what rt1 leaves out (host-passthrough, tsc-deadline, ioThreadsPolicy, maxSockets) and says so in a
// warning, acknowledged here.
//
// Run: npx ts-node --project examples/tsconfig.json examples/instancetypes.ts → dist/examples/instancetypes.k8s.yaml
import { App, Chart, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import {
  BootDisk, CommonInstancetype, CommonPreference, CpuNumbering, GuestTuning, CpuPartition, HostTopology, HugePageSize, KubeVirtConfiguration,
  KubeVirtVersion, PreferredCpuTopology, RealtimeInstancetype, RealtimeMask, RealtimeNodePool, RealtimeVirtualMachine, SpreadAcross,
  Warnings,
} from '../src';

const IMAGE = 'quay.io/containerdisks/centos-stream:9';

/** Builds the example's chart in `app`. */
export function buildInstancetypes(app: App): Chart {
  const chart = new Chart(app, 'instancetypes', { namespace: 'plc' });
  new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
  const topology = HostTopology.uniform({
    numaNodes: 2,
    socketsPerNumaNode: 1,
    coresPerSocket: 12,
    threadsPerCore: 2,
    memoryPerNumaNode: Size.gibibytes(96),
    numbering: CpuNumbering.SEQUENTIAL,
  });
  const pool = new RealtimeNodePool(chart, 'Pool', {
    role: 'worker-rt',
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [{ size: HugePageSize.ONE_GI, count: 64, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 64, numaNode: 1 }],
    nodeCount: 2,
  });

  // 4 vCPUs as 1 socket × 2 cores × 2 threads (the hosts' SMT layout); vCPU 0 stays for the guest's housekeeping.
  const plcSize = new RealtimeInstancetype(chart, 'Plc', {
    metadata: { name: 'rt-plc.4c8g' },
    vcpus: 4,
    memory: Size.gibibytes(8),
    realtimeMask: RealtimeMask.parse('1-3'),
    preferredTopology: PreferredCpuTopology.SPREAD,
    spreadAcross: SpreadAcross.SOCKETS_CORES_THREADS,
  });
  // Each PLC guest isolates the type's real-time vCPUs (1-3) with TuneD's realtime-virtual-guest profile.
  for (const line of ['line-1', 'line-2']) {
    new RealtimeVirtualMachine(chart, `plc-${line}`, {
      instancetype: plcSize, bootDisk: BootDisk.containerDisk(IMAGE), nodePool: pool, guestTuning: GuestTuning.realtimeVirtualGuest(),
    });
  }

  // KubeVirt's common rt1.xlarge (4 vCPUs, 16Gi, all vCPUs real-time) with its real-time RHEL preference.
  const hmi = new RealtimeVirtualMachine(chart, 'hmi', {
    instancetype: CommonInstancetype.named('rt1.xlarge'),
    preference: CommonPreference.named('rhel.9.realtime'),
    bootDisk: BootDisk.containerDisk(IMAGE),
    nodePool: pool,
  });
  Warnings.acknowledge(hmi, 'VM_INSTANCETYPE_INCOMPLETE', 'rt1 leaves host-passthrough, tsc-deadline, IOThreads and maxSockets to the VM, which writes them');
  return chart;
}

/** Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose). */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples'): void {
  const app = new App({ outdir });
  buildInstancetypes(app);
  app.synth();
}

if (require.main === module) main();
