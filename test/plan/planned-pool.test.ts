import { seed002, seed002Partition } from './helpers';
import { hugePageAllocationFindings, hugePageEntryText, hugePagesText, PLANNED_POOL_ROLE, plannedPoolProps } from '../../src/plan/planned-pool';
import { formatFinding } from '../../src/values/finding';
import { HugePageSize } from '../../src/values/hugepage-size';

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

describe('hugePageAllocationFindings', () => {
  test('usable entries: none', () => {
    expect(hugePageAllocationFindings([{ size: GI, count: 52 }, { size: MI, count: 4, numaNode: 1 }, { size: MI, count: 4, numaNode: 0 }], [0, 1], 'x'))
      .toEqual([]);
  });

  test('what the pool resolver would drop or miscount: unknown node, duplicate, one size both spread and pinned', () => {
    const findings = hugePageAllocationFindings([
      { size: GI, count: 4, numaNode: 7 },
      { size: MI, count: 2 },
      { size: MI, count: 2 },
      { size: GI, count: 8 },
    ], [0, 1], '--hugepages').map(formatFinding);
    expect(findings).toEqual([
      '[PLAN_HUGEPAGES_NUMA_NODE_UNKNOWN] --hugepages[0]: got "1Gi:4@7", expected a NUMA node of the host (0, 1); fix: use a NUMA node the host '
        + 'has, or leave "@7" out to spread the pages over every node',
      '[PLAN_HUGEPAGES_DUPLICATE] --hugepages[2]: got "2Mi:2", expected each size once per NUMA node (and once without a node); fix: add the '
        + 'counts up into one entry',
      '[PLAN_HUGEPAGES_MIXED_PLACEMENT] --hugepages: got "1Gi:4@7,1Gi:8", expected every 1Gi entry with a NUMA node, or one 1Gi total without '
        + '(pinned pages replace a node\'s boot-time share); fix: write 1Gi:N to spread N pages over the NUMA nodes, or 1Gi:N@0,1Gi:M@1 for each node',
    ]);
  });
});

describe('hugePagesText', () => {
  test('the CLI\'s --hugepages syntax, in the given order', () => {
    expect(hugePageEntryText({ size: GI, count: 26, numaNode: 0 })).toBe('1Gi:26@0');
    expect(hugePagesText([{ size: GI, count: 52 }, { size: MI, count: 1024, numaNode: 1 }])).toBe('1Gi:52,2Mi:1024@1');
    expect(hugePagesText([])).toBe('');
  });
});
