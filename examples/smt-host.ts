import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import { CpuNumbering, CpuPartition, HostTopology, HugePageSize, RealtimeNodePool } from '../src';

// A typical 2-socket server with SMT on: 2 NUMA nodes x 20 cores x 2 threads = 80 CPUs, the sibling of CPU n is
// n+40 (node 0 = 0-19,40-59). 96 GiB per NUMA node is this example's declared memory; declare your own hardware's.
// The partition is planned like OpenShift's performance-profile-creator: 4 reserved CPUs (two whole cores), one core
// per NUMA node. With SMT on, the kubelet hands out whole cores only (full-pcpus-only).

/** One pool of three such servers. */
export function buildSmtHost(app: App, props: ChartProps = {}): Chart {
  const chart = new Chart(app, 'smt-host', props);
  const topology = HostTopology.uniform({
    numaNodes: 2,
    coresPerSocket: 20,
    threadsPerCore: 2,
    memoryPerNumaNode: Size.gibibytes(96),
    numbering: CpuNumbering.SEQUENTIAL,
  });
  new RealtimeNodePool(chart, 'Pool', {
    role: 'worker-rt',
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [
      { size: HugePageSize.ONE_GI, count: 80, numaNode: 0 },
      { size: HugePageSize.ONE_GI, count: 80, numaNode: 1 },
    ],
    defaultHugePageSize: HugePageSize.ONE_GI,
    nodeCount: 3,
  });
  return chart;
}

/** Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose). */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples'): void {
  const app = new App({ outdir });
  buildSmtHost(app);
  app.synth();
}

if (require.main === module) main();
