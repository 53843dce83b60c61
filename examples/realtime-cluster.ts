// A whole real-time KubeVirt cluster in one program: the KubeVirt configuration, one real-time node pool on SMT
// servers, and three VMs of different shapes placed on it. Because the library sees the VMs, the nodes that run them
// and the cluster configuration together, it
//  - enables exactly the feature gates the VMs need for the targeted KubeVirt release (NUMA only before v1.4;
//    AlignCPUs and the even-parity annotation because rt-dataplane's pod would otherwise be half an SMT core short);
//  - checks at synth that every VM's pod fits the isolated CPUs and 1Gi pages of one NUMA node as whole SMT cores,
//    and that all three fit the pool's three nodes.
// The same cluster is rendered for KubeVirt v1.3 and v1.9 to show how the gates differ.
//
// Run: npx ts-node --project examples/tsconfig.json examples/realtime-cluster.ts
// → dist/examples/realtime-cluster-kubevirt-v1-3.k8s.yaml, dist/examples/realtime-cluster-kubevirt-v1-9.k8s.yaml and the
//   pool's review page dist/examples/review/worker-rt.md (+ worker-rt.svg)
import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import {
  BootDisk, CpuNumbering, CpuPartition, HostTopology, HugePageSize, IoThreadsPolicy, KubeVirtConfiguration, KubeVirtVersion,
  RealtimeMask, RealtimeNodePool, RealtimeVirtualMachine, ReviewPages,
} from '../src';

/** The KubeVirt releases the example is rendered for: the last one with the NUMA gate, and a current one. */
export const EXAMPLE_VERSIONS = [KubeVirtVersion.V1_3, KubeVirtVersion.V1_9];

const IMAGE = 'quay.io/kubevirt/fedora-realtime-container-disk:20211008_5a22acb18';
const NAMESPACE = 'realtime';

/** The chart id for a release: `realtime-cluster-kubevirt-v1-9`. */
export function chartIdFor(version: KubeVirtVersion): string {
  return `realtime-cluster-kubevirt-v${version.major}-${version.minor}`;
}

/** Adds the cluster, rendered for KubeVirt `version`, to `app` (one app per release: the configuration is app-wide). */
export function buildRealtimeCluster(app: App, version: KubeVirtVersion, props: ChartProps = {}): Chart {
  const chart = new Chart(app, chartIdFor(version), props);
  new KubeVirtConfiguration(chart, 'KubeVirt', { version });

  // This example's declared hardware: 2 NUMA nodes x 16 cores x 2 threads = 64 CPUs (sibling of CPU n is n+32),
  // 64 GiB per NUMA node. 4 reserved CPUs, one whole core per NUMA node, leave 15 whole cores (30 CPUs) per NUMA node
  // for VMs; 32 x 1Gi pages per NUMA node back their memory.
  const topology = HostTopology.uniform({
    numaNodes: 2,
    socketsPerNumaNode: 1,
    coresPerSocket: 16,
    threadsPerCore: 2,
    memoryPerNumaNode: Size.gibibytes(64),
    numbering: CpuNumbering.SEQUENTIAL,
  });
  const pool = new RealtimeNodePool(chart, 'Pool', {
    role: 'worker-rt',
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [
      { size: HugePageSize.ONE_GI, count: 32, numaNode: 0 },
      { size: HugePageSize.ONE_GI, count: 32, numaNode: 1 },
    ],
    defaultHugePageSize: HugePageSize.ONE_GI,
    nodeCount: 3,
  });

  // 3 vCPUs + 1 emulator CPU = 4 CPUs, two whole cores: vCPUs 0-1 on one, vCPU 2 and the emulator thread on the
  // other. vCPU 2 shares its core with the emulator, so it stays non-real-time, for the guest's housekeeping.
  new RealtimeVirtualMachine(chart, 'rt-control', {
    metadata: { name: 'rt-control', namespace: NAMESPACE },
    vcpus: 3,
    memory: Size.gibibytes(4),
    realtimeMask: RealtimeMask.parse('0-1'),
    bootDisk: BootDisk.containerDisk(IMAGE),
    nodePool: pool,
  });

  // 8 vCPUs as 4 cores x 2 threads (the hosts' SMT layout) + the isolated emulator thread = 9 CPUs, which the
  // kubelet's full-pcpus-only refuses ("SMT Alignment Error"). The VM therefore declares even-parity completion, and
  // the configuration enables AlignCPUs with the EmulatorThreadCompleteToEvenParity annotation: 8 + 2 = 10 CPUs.
  new RealtimeVirtualMachine(chart, 'rt-dataplane', {
    metadata: { name: 'rt-dataplane', namespace: NAMESPACE },
    topology: { sockets: 1, cores: 4, threads: 2 },
    memory: Size.gibibytes(16),
    isolateEmulatorThread: true,
    bootDisk: BootDisk.containerDisk(IMAGE),
    nodePool: pool,
  });

  // A non-real-time I/O VM on the same nodes: 4 vCPUs + 1 supplemental IOThread + 1 emulator CPU = 6 CPUs.
  new RealtimeVirtualMachine(chart, 'io-gateway', {
    metadata: { name: 'io-gateway', namespace: NAMESPACE },
    topology: { sockets: 1, cores: 2, threads: 2 },
    memory: Size.gibibytes(8),
    realtime: false,
    ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL,
    supplementalPoolThreadCount: 1,
    bootDisk: BootDisk.containerDisk(IMAGE),
    nodePool: pool,
  });
  return chart;
}

/**
 * Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose), one app
 * per KubeVirt release, and the review pages of the current release into `reviewDir` when given.
 */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples',
  reviewDir: string | undefined = process.env.CDK8S_REVIEW_OUTDIR ?? (process.env.CDK8S_OUTDIR === undefined ? 'dist/examples/review' : undefined)): void {
  for (const version of EXAMPLE_VERSIONS) {
    // One app per release: each has its own KubeVirt configuration.
    const app = new App({ outdir });
    const chart = buildRealtimeCluster(app, version);
    app.synth();
    // The node side is the same on every release, so one set of pages (for the current release) is enough.
    if (reviewDir !== undefined && version === EXAMPLE_VERSIONS[EXAMPLE_VERSIONS.length - 1]) ReviewPages.write(chart, reviewDir);
  }
}

if (require.main === module) main();
