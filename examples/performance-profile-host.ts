import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import { CpuNumbering, CpuPartition, HostTopology, HugePageSize, PoolBackend, RealtimeNodePool } from '../src';

// The SMT host of examples/smt-host.ts (2 sockets = 2 NUMA nodes x 20 cores x 2 threads = 80 CPUs, the sibling of
// CPU n is n+40, 96 GiB per NUMA node as declared), this time tuned by OpenShift's Node Tuning Operator: the pool
// renders its MachineConfigPool and ONE PerformanceProfile, and NTO renders the MachineConfig, KubeletConfig, Tuned
// and RuntimeClass from it. Reserved CPUs, isolated CPUs and huge pages are the same as with the MachineConfig
// backend; single-numa-node makes NTO hand out whole cores only (full-pcpus-only), as SMT requires.

/** One pool of three such servers, tuned through a PerformanceProfile. */
export function buildPerformanceProfileHost(app: App, props: ChartProps = {}): Chart {
  const chart = new Chart(app, 'performance-profile-host', props);
  const topology = HostTopology.uniform({
    numaNodes: 2,
    coresPerSocket: 20,
    threadsPerCore: 2,
    memoryPerNumaNode: Size.gibibytes(96),
    numbering: CpuNumbering.SEQUENTIAL,
  });
  new RealtimeNodePool(chart, 'Pool', {
    role: 'worker-rt',
    backend: PoolBackend.PERFORMANCE_PROFILE,
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
  buildPerformanceProfileHost(app);
  app.synth();
}

if (require.main === module) main();
