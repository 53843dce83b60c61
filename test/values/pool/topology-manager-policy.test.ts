import { isStrictTopologyPolicy, TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';

describe('TopologyManagerPolicy', () => {
  test('kubelet spellings', () => {
    expect(Object.values(TopologyManagerPolicy)).toEqual(['none', 'best-effort', 'restricted', 'single-numa-node']);
  });

  test('strict policies reject unaligned pods', () => {
    expect(isStrictTopologyPolicy(TopologyManagerPolicy.SINGLE_NUMA_NODE)).toBe(true);
    expect(isStrictTopologyPolicy(TopologyManagerPolicy.RESTRICTED)).toBe(true);
    expect(isStrictTopologyPolicy(TopologyManagerPolicy.BEST_EFFORT)).toBe(false);
    expect(isStrictTopologyPolicy(TopologyManagerPolicy.NONE)).toBe(false);
  });
});
