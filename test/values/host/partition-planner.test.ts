import { Severity } from '../../../src/values/finding';
import { HostTopology } from '../../../src/values/host/host-topology';
import { parseLscpu } from '../../../src/values/host/lscpu';
import { LscpuOptions } from '../../../src/values/host/lscpu-options';
import { planPartition, reservedTargets } from '../../../src/values/host/partition-planner';
import { buildLayout } from '../../../src/values/host/topology-data';
import { CpuNumbering } from '../../../src/values/host/uniform-topology';
import { LSCPU_SMT_TWO_NODES, renderLscpu } from '../../fixtures/host';
import { ntoBareMetalLscpu, ntoBareMetalVirsh, PPC_EXPECTED } from '../../fixtures/nto-bare-metal-host';

/** What the topology's layout says about its ids, as HostTopology would pass it to the planner. */
function idsMayBeLogical(lscpu: string, options?: LscpuOptions): boolean {
  return buildLayout(parseLscpu(lscpu, options)).coreIdsMayBeLogical;
}

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

describe('planPartition: PPC\'s core order (issue 12)', () => {
  // NTO's bare-metal fixture: core_id 0,4,1,3,2,12,8,... in CPU order on each socket.
  const logical = ntoBareMetalLscpu(false);
  const physical = ntoBareMetalLscpu(true);
  const inputs: Array<[string, HostTopology]> = [
    ['virsh capabilities', HostTopology.fromVirshCapabilities(ntoBareMetalVirsh())],
    ['lscpu -p -y', HostTopology.fromLscpu(physical)],
  ];

  test.each(inputs)('from %s, equals PPC\'s expected profiles 1a, 1b and 1c exactly', (_name, host) => {
    const cases: Array<[number, { reserved: string; offlined: string; isolated?: string }]> = [
      [4, PPC_EXPECTED.profile1a], [40, PPC_EXPECTED.profile1b], [41, PPC_EXPECTED.profile1c],
    ];
    for (const [offlinedCpuCount, expected] of cases) {
      const planned = planPartition(host, { reservedCpuCount: 4, offlinedCpuCount }, false);
      expect(planned.reserved.toString()).toBe(expected.reserved);
      expect(planned.offlined.toString()).toBe(expected.offlined);
      if (expected.isolated) expect(planned.isolated.toString()).toBe(expected.isolated);
      expect(planned.findings).toEqual([]);
    }
  });

  test('sparse, non-monotonic core ids change the offlined set: plain lscpu -p gives 44,46,48,50, PPC 44,46,48,52', () => {
    const planned = planPartition(HostTopology.fromLscpu(logical), { reservedCpuCount: 4, offlinedCpuCount: 4 }, true);
    expect(planned.reserved.toString()).toBe(PPC_EXPECTED.profile1a.reserved);
    expect(planned.offlined.toString()).toBe('44,46,48,50');
    expect(PPC_EXPECTED.profile1a.offlined).toBe('44,46,48,52');
  });

  test('PARTITION_CORE_ORDER_UNPROVEN: warns when the input may be logical and a pass chose among its candidates', () => {
    expect(idsMayBeLogical(logical)).toBe(true);
    const planned = planPartition(HostTopology.fromLscpu(logical), { reservedCpuCount: 4, offlinedCpuCount: 4 }, idsMayBeLogical(logical));
    expect(planned.findings).toHaveLength(1);
    const [finding] = planned.findings;
    expect(finding.code).toBe('PARTITION_CORE_ORDER_UNPROVEN');
    expect(finding.severity).toBe(Severity.WARNING);
    expect(finding.field).toBe('offlinedCpuCount');
    expect(finding.value).toBe('4');
    expect(finding.expected).toContain('performance-profile-creator takes from physical_package_id and core_id');
    expect(finding.expected).toContain('("44,46,48,50")');
    expect(finding.fix).toContain('`lscpu -p=CPU,CORE,SOCKET,NODE -y`');
  });

  test('no warning for input with the kernel\'s ids, or when the user asserts them', () => {
    expect(idsMayBeLogical(physical)).toBe(false);
    expect(idsMayBeLogical(logical, { physicalIds: true })).toBe(false);
    const planned = planPartition(HostTopology.fromLscpu(physical), { reservedCpuCount: 4, offlinedCpuCount: 4 }, idsMayBeLogical(physical));
    expect(planned.findings).toEqual([]);
  });

  test('no warning when the offlined set does not depend on the order: none, or whole sockets only', () => {
    const host = HostTopology.fromLscpu(logical);
    expect(planPartition(host, { reservedCpuCount: 4 }, true).findings).toEqual([]);
    expect(planPartition(host, { reservedCpuCount: 4, offlinedCpuCount: 40 }, true).findings).toEqual([]);
    // Every second thread of the unreserved cores (pass 2 takes all its candidates): no choice either.
    expect(planPartition(host, { reservedCpuCount: 4, offlinedCpuCount: 38, offlineWholeSocketsFirst: false }, true).findings).toEqual([]);
    // One more than the second threads: pass 3 chooses one CPU among many.
    expect(planPartition(host, { reservedCpuCount: 4, offlinedCpuCount: 39, offlineWholeSocketsFirst: false }, true).findings
      .map((f) => f.code)).toEqual(['PARTITION_CORE_ORDER_UNPROVEN']);
  });

  test('the socket order matters too: one of two unused sockets', () => {
    const host = HostTopology.uniform({ numaNodes: 3, coresPerSocket: 2 });
    const one = planPartition(host, { reservedCpuCount: 1, offlinedCpuCount: 2 }, true);
    expect(one.offlined.toString()).toBe('2-3');
    expect(one.findings.map((f) => f.code)).toEqual(['PARTITION_CORE_ORDER_UNPROVEN']);
    // Both unused sockets fit: taken whatever the order.
    expect(planPartition(host, { reservedCpuCount: 1, offlinedCpuCount: 4 }, true).findings).toEqual([]);
  });

  test('the plan on a topology with unproven ids is otherwise unchanged', () => {
    const host = HostTopology.fromLscpu(logical);
    const options = { reservedCpuCount: 4, offlinedCpuCount: 6 };
    const a = planPartition(host, options, true);
    const b = planPartition(host, options, false);
    expect([a.reserved, a.isolated, a.offlined].map(String)).toEqual([b.reserved, b.isolated, b.offlined].map(String));
  });
});
