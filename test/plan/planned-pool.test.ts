import { Size } from 'cdk8s';
import { seed002, seed002Partition } from './helpers';
import { hugePageEntryText, hugePagesText, PLANNED_POOL_ROLE, plannedPoolErrors, plannedPoolProps } from '../../src/plan/planned-pool';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';
import { HugePageSize } from '../../src/values/hugepage-size';
import { HugePageAllocation } from '../../src/values/pool/pool-props';

const GI = HugePageSize.ONE_GI;
const MI = HugePageSize.TWO_MI;

describe('plannedPoolProps', () => {
  test('the partition, the full host and the huge pages, every other prop left to its default', () => {
    const partition = seed002Partition();
    expect(plannedPoolProps(partition)).toEqual({ role: PLANNED_POOL_ROLE, topology: partition.topology, partition });
    const host = seed002();
    const hugepages = [{ size: GI, count: 52 }];
    expect(plannedPoolProps(partition, host, hugepages)).toEqual({ role: 'worker-rt', topology: host, partition, hugepages });
  });
});

describe('plannedPoolErrors: the pool rules on the planned pool', () => {
  const host = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 8, memoryPerNumaNode: Size.gibibytes(32) });
  const partition = CpuPartition.plan(host, { reservedCpuCount: 4, splitAcrossNumaNodes: true });
  const errors = (hugepages: HugePageAllocation[]) => plannedPoolErrors(plannedPoolProps(partition, host, hugepages)).map((f) => f.code);

  test('usable entries: none (warnings are not errors)', () => {
    expect(errors([{ size: GI, count: 26 }, { size: MI, count: 4, numaNode: 1 }, { size: MI, count: 4, numaNode: 0 }])).toEqual([]);
    expect(errors([])).toEqual([]);
  });

  test('what RealtimeNodePool refuses at synth, with its codes: unknown node, duplicate, mixed placement, beyond memory', () => {
    expect(errors([{ size: GI, count: 4, numaNode: 7 }, { size: MI, count: 2 }, { size: MI, count: 2 }, { size: GI, count: 8 }]))
      .toEqual(['POOL_HUGEPAGE_NUMA_NODE_UNKNOWN', 'POOL_HUGEPAGE_DUPLICATE', 'POOL_HUGEPAGE_MIXED_PLACEMENT']);
    expect(errors([{ size: GI, count: 40, numaNode: 0 }])).toEqual(['POOL_HUGEPAGES_EXCEED_NUMA_MEMORY']);
  });
});

describe('hugePagesText', () => {
  test('the CLI\'s --hugepages syntax, in the given order', () => {
    expect(hugePageEntryText({ size: GI, count: 26, numaNode: 0 })).toBe('1Gi:26@0');
    expect(hugePagesText([{ size: GI, count: 52 }, { size: MI, count: 1024, numaNode: 1 }])).toBe('1Gi:52,2Mi:1024@1');
    expect(hugePagesText([])).toBe('');
  });
});
