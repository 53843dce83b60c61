import { Size, Testing } from 'cdk8s';
import { CpuPartition } from '../../src/host/cpu-partition';
import { HostTopology } from '../../src/host/host-topology';
import { CpuNumbering } from '../../src/host/uniform-topology';
import { HugePageSize } from '../../src/model/hugepage-size';
import { RealtimeNodePoolProps } from '../../src/pool/pool-props';
import { RealtimeNodePool } from '../../src/pool/realtime-node-pool';

/** The libvirt real-time guide's host: 2 NUMA nodes x (2 sockets x 4 cores), no SMT, 32 GiB per node. */
export function guideTopology(numbering: CpuNumbering = CpuNumbering.SEQUENTIAL): HostTopology {
  return HostTopology.uniform({ numaNodes: 2, socketsPerNumaNode: 2, coresPerSocket: 4, memoryPerNumaNode: Size.gibibytes(32), numbering });
}

/** 2 NUMA nodes x 20 cores x 2 threads, sibling of n is n+40, 96 GiB per node. */
export function smtTopology(): HostTopology {
  return HostTopology.uniform({ numaNodes: 2, coresPerSocket: 20, threadsPerCore: 2, memoryPerNumaNode: Size.gibibytes(96) });
}

/** The guide's pool props: reserved 0-1,8-9, 26 x 1G per NUMA node. */
export function guideProps(overrides: Partial<RealtimeNodePoolProps> = {}): RealtimeNodePoolProps {
  const topology = overrides.topology ?? guideTopology();
  return {
    role: 'worker-rt',
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [
      { size: HugePageSize.ONE_GI, count: 26, numaNode: 0 },
      { size: HugePageSize.ONE_GI, count: 26, numaNode: 1 },
    ],
    ...overrides,
  };
}

/** Synthesizes one pool in a fresh chart. */
export function synthPool(props: RealtimeNodePoolProps): { pool: RealtimeNodePool; objects: any[] } {
  const chart = Testing.chart();
  const pool = new RealtimeNodePool(chart, 'Pool', props);
  return { pool, objects: Testing.synth(chart) };
}

/** The object of a kind from a synthesized list. */
export function ofKind(objects: any[], kind: string): any {
  const found = objects.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind} in ${objects.map((o) => o.kind).join(', ')}`);
  return found;
}

/** The text of a base64 data: URL. */
export function decodeDataUrl(url: string): string {
  const base64 = url.replace(/^data:[^,]*;base64,/, '');
  return Buffer.from(base64, 'base64').toString('utf8');
}
