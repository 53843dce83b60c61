import { HostTopology } from '../../../src/values/host/host-topology';
import { planPartition, reservedTargets } from '../../../src/values/host/partition-planner';
import { CpuNumbering } from '../../../src/values/host/uniform-topology';
import { LSCPU_SMT_TWO_NODES, renderLscpu } from '../../fixtures/host';

describe('reservedTargets', () => {
  test('sequential: the whole count for every node (fill node 0, spill over)', () => {
    expect(reservedTargets(6, 3, false)).toEqual([6, 6, 6]);
  });

  test('split: cumulative targets, the first `remainder` nodes get one more', () => {
    expect(reservedTargets(8, 2, true)).toEqual([4, 8]);
    expect(reservedTargets(5, 2, true)).toEqual([3, 5]);
    expect(reservedTargets(15, 4, true)).toEqual([4, 8, 12, 15]);
    expect(reservedTargets(5, 4, true)).toEqual([2, 3, 4, 5]);
    expect(reservedTargets(3, 4, true)).toEqual([1, 2, 3, 3]);
  });

  test('split agrees with PPC\'s formula wherever that formula reserves the requested count', () => {
    // PPC: max = (i+1)*perNuma + (nodes - remainder) while remainder > 0 (decremented each node), else max += perNuma.
    const ppc = (count: number, nodes: number): number[] => {
      const per = Math.floor(count / nodes);
      let remainder = count % nodes;
      let max = 0;
      return Array.from({ length: nodes }, (_, i) => {
        if (remainder !== 0) {
          max = (i + 1) * per + (nodes - remainder);
          remainder--;
        } else {
          max += per;
        }
        return max;
      });
    };
    for (let nodes = 1; nodes <= 8; nodes++) {
      for (let count = 1; count <= 64; count++) {
        const theirs = ppc(count, nodes);
        if (theirs[nodes - 1] === count) expect(reservedTargets(count, nodes, true)).toEqual(theirs);
      }
    }
    // Where it does not (≥ 3 nodes, remainder other than 0 or nodes-1), PPC over-reserves: 5 over 4 nodes → 7.
    expect(ppc(5, 4)).toEqual([4, 5, 6, 7]);
  });
});

describe('planPartition', () => {
  test('orders cores within a socket by physical core id, as PPC\'s sorted CPU info does', () => {
    // Socket 0 holds CPUs 0-3; core ids put CPU 3's core first.
    const host = HostTopology.fromLscpu('0,5,0,0\n1,6,0,0\n2,7,0,0\n3,1,0,0\n4,9,1,0\n');
    const planned = planPartition(host, { reservedCpuCount: 1, offlinedCpuCount: 2, offlineWholeSocketsFirst: false });
    expect(planned.reserved.toString()).toBe('0');
    expect(planned.offlined.toString()).toBe('1,3');
  });

  test('offlines whole sockets in socket id order and only when they fit', () => {
    const host = HostTopology.uniform({ numaNodes: 3, coresPerSocket: 2 });
    expect(planPartition(host, { reservedCpuCount: 1, offlinedCpuCount: 4 }).offlined.toString()).toBe('2-5');
    expect(planPartition(host, { reservedCpuCount: 1, offlinedCpuCount: 3 }).offlined.toString()).toBe('1-3');
  });

  test('plans a 512-CPU, 8-NUMA-node SMT host (the benchmark planner case) with whole cores per node', () => {
    // Its speed is measured by `npx projen bench`, not here.
    const big = HostTopology.uniform({ numaNodes: 8, coresPerSocket: 32, threadsPerCore: 2, numbering: CpuNumbering.INTERLEAVED_BY_CORE });
    const host = HostTopology.fromLscpu(renderLscpu(big));
    const planned = planPartition(host, { reservedCpuCount: 16, offlinedCpuCount: 8, splitAcrossNumaNodes: true });
    expect(planned.reserved.size).toBe(16);
    for (const node of host.numaNodeIds) {
      expect(planned.reserved.intersection(host.cpusOfNumaNode(node)).size).toBe(2);
    }
    expect(planned.offlined.size).toBe(8);
  });

  test('reads the SMT lscpu fixture and plans one core per node when split', () => {
    const planned = planPartition(HostTopology.fromLscpu(LSCPU_SMT_TWO_NODES), { reservedCpuCount: 4, splitAcrossNumaNodes: true });
    expect(planned.reserved.toString()).toBe('0-1,8-9');
    expect(planned.isolated.toString()).toBe('2-7,10-15');
    expect(planned.findings).toEqual([]);
  });
});
