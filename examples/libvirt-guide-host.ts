import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import { CpuNumbering, CpuPartition, HostTopology, HugePageSize, RealtimeNodePool, TopologyManagerPolicy } from '../src';

// The host of libvirt's "KVM Real Time Guest Config" guide as a pool of OpenShift nodes: 2 NUMA nodes, each with
// 2 sockets x 4 cores, no SMT ("incompatible with real time"), 32 GiB per node; 2 CPUs per node for the host OS,
// the other 6 isolated (`isolcpus=2-7,10-15`); 26 GiB per node as 1G huge pages, 6 GiB left for the host.

/** The guide's host with the given CPU numbering. */
function guideHost(numbering: CpuNumbering): HostTopology {
  return HostTopology.uniform({
    numaNodes: 2,
    socketsPerNumaNode: 2,
    coresPerSocket: 4,
    threadsPerCore: 1,
    memoryPerNumaNode: Size.gibibytes(32),
    numbering,
  });
}

/**
 * Two charts: the guide's host as the guide numbers it (node 0 = CPUs 0-7), with the huge pages given per NUMA node;
 * and the same host with the interleaved numbering the guide warns about (node 0 = 0-3,8-11), with the same pages
 * given as one total that the kernel spreads evenly.
 */
export function buildLibvirtGuideHost(app: App, props: ChartProps = {}): Chart[] {
  const sequential = new Chart(app, 'libvirt-guide-host', props);
  const topology = guideHost(CpuNumbering.SEQUENTIAL);
  new RealtimeNodePool(sequential, 'Pool', {
    role: 'worker-rt',
    topology,
    // 2 CPUs on each NUMA node for the host: reserved 0-1,8-9.
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [
      { size: HugePageSize.ONE_GI, count: 26, numaNode: 0 },
      { size: HugePageSize.ONE_GI, count: 26, numaNode: 1 },
    ],
    topologyManagerPolicy: TopologyManagerPolicy.SINGLE_NUMA_NODE,
    nodeCount: 2,
  });

  const interleaved = new Chart(app, 'libvirt-guide-host-interleaved', props);
  const interleavedTopology = guideHost(CpuNumbering.INTERLEAVED_BY_SOCKET);
  new RealtimeNodePool(interleaved, 'Pool', {
    role: 'worker-rt-interleaved',
    topology: interleavedTopology,
    // The same plan picks 0-1 on node 0 and 4-5 on node 1: CPU lists follow the numbering, never the other way round.
    partition: CpuPartition.plan(interleavedTopology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    // 52 boot-time pages, spread 26 + 26 by the kernel.
    hugepages: [{ size: HugePageSize.ONE_GI, count: 52 }],
    nodeCount: 2,
  });
  return [sequential, interleaved];
}

/** Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose). */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples'): void {
  const app = new App({ outdir });
  buildLibvirtGuideHost(app);
  app.synth();
}

if (require.main === module) main();
