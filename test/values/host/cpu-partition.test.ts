import * as fc from 'fast-check';
import { CpuSet } from '../../../src/values/cpu-set';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { CpuPartitionPlanOptions, ExplicitCpuPartitionProps } from '../../../src/values/host/cpu-partition-props';
import { HostTopology } from '../../../src/values/host/host-topology';
import { CpuNumbering } from '../../../src/values/host/uniform-topology';
import { ValidationError } from '../../../src/values/validation-error';
import { SEED_002_VIRSH_TOPOLOGY, uniformShapes } from '../../fixtures/host';
import { ntoBareMetalLscpu, ntoBareMetalVirsh } from '../../fixtures/nto-bare-metal-host';

function lists(p: CpuPartition): string[] {
  return [p.reserved.toString(), p.isolated.toString(), p.offlined.toString()];
}

function planFailure(topology: HostTopology, options: CpuPartitionPlanOptions): ValidationError {
  try {
    CpuPartition.plan(topology, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected the plan to fail');
}

// Hosts the hand-replayed examples use. Core lists are given to make each replay checkable by eye.
/** 1 NUMA node, 4 cores × 2 threads: cores {0,4} {1,5} {2,6} {3,7}. */
const oneNodeSmt = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 4, threadsPerCore: 2 });
/** 2 NUMA nodes interleaved by core: node 0 cores {0,8} {2,10} {4,12} {6,14}; node 1 {1,9} {3,11} {5,13} {7,15}. */
const twoNodeSmtInterleaved = HostTopology.uniform({
  numaNodes: 2, coresPerSocket: 4, threadsPerCore: 2, numbering: CpuNumbering.INTERLEAVED_BY_CORE,
});
/** The libvirt real-time guide host: node 0 = 0-7 (sockets 0,1), node 1 = 8-15, no SMT. */
const seed002 = HostTopology.fromVirshCapabilities(SEED_002_VIRSH_TOPOLOGY);
/** 2 NUMA nodes = 2 sockets, 4 cores × 2 threads, sequential: socket 0 cores {0,8}..{3,11}; socket 1 {4,12}..{7,15}. */
const twoSocketSmt = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 4, threadsPerCore: 2 });

describe('CpuPartition.plan (performance-profile-creator replayed by hand)', () => {
  test('1 NUMA node with SMT: whole cores by lowest CPU', () => {
    expect(lists(CpuPartition.plan(oneNodeSmt, { reservedCpuCount: 2 }))).toEqual(['0,4', '1-3,5-7', '']);
    expect(lists(CpuPartition.plan(oneNodeSmt, { reservedCpuCount: 4 }))).toEqual(['0-1,4-5', '2-3,6-7', '']);
  });

  test('2 NUMA nodes, SMT, interleaved: sequential fills node 0 first', () => {
    const p = CpuPartition.plan(twoNodeSmtInterleaved, { reservedCpuCount: 4 });
    expect(lists(p)).toEqual(['0,2,8,10', '1,3-7,9,11-15', '']);
    expect(p.reservedOfNumaNode(0).toString()).toBe('0,2,8,10');
    expect(p.reservedOfNumaNode(1).isEmpty).toBe(true);
    expect(p.isolatedOfNumaNode(1).toString()).toBe('1,3,5,7,9,11,13,15');
    expect(p.warnings).toEqual([]);
    expect(p.extraKernelArgs).toEqual([]);
    expect(p.smtDisabled).toBe(false);
    expect(p.topology).toBe(twoNodeSmtInterleaved);
  });

  test('2 NUMA nodes, SMT, interleaved: split puts one core on each node', () => {
    expect(CpuPartition.plan(twoNodeSmtInterleaved, { reservedCpuCount: 4, splitAcrossNumaNodes: true }).reserved.toString())
      .toBe('0-1,8-9');
    expect(CpuPartition.plan(twoNodeSmtInterleaved, { reservedCpuCount: 8, splitAcrossNumaNodes: true }).reserved.toString())
      .toBe('0-3,8-11');
  });

  test('the libvirt guide host: 2 reserved per node gives its isolcpus=2-7,10-15', () => {
    const p = CpuPartition.plan(seed002, { reservedCpuCount: 4, splitAcrossNumaNodes: true });
    expect(lists(p)).toEqual(['0-1,8-9', '2-7,10-15', '']);
    expect(p.isolatedOfNumaNode(1).toString()).toBe('10-15');
  });

  test('split with a remainder: the first nodes get one more, with a PARTITION_SPLIT_UNEVEN warning', () => {
    // 5 over 2 nodes: per node 2, remainder 1 → cumulative targets 3, 5.
    const p = CpuPartition.plan(seed002, { reservedCpuCount: 5, splitAcrossNumaNodes: true });
    expect(p.reserved.toString()).toBe('0-2,8-9');
    expect(p.warnings.map((w) => w.code)).toEqual(['PARTITION_SPLIT_UNEVEN']);
    expect(p.warnings[0]).toMatchObject({ field: 'reservedCpuCount', value: '5', severity: 'warning' });
    expect(p.warnings[0].fix).toBe('reserve 4 or 6 CPUs to put the same number on every node');
  });

  test('split with a remainder over 4 nodes: PPC\'s own example, 15 CPUs → targets 4, 8, 12, 15', () => {
    const host = HostTopology.uniform({ numaNodes: 4, coresPerSocket: 4 });
    const p = CpuPartition.plan(host, { reservedCpuCount: 15, splitAcrossNumaNodes: true });
    expect(host.numaNodeIds.map((n) => p.reservedOfNumaNode(n).toString())).toEqual(['0-3', '4-7', '8-11', '12-14']);
  });

  test('split with a small remainder over 4 nodes reserves exactly the count (where PPC\'s formula would take 7)', () => {
    const host = HostTopology.uniform({ numaNodes: 4, coresPerSocket: 4 });
    const p = CpuPartition.plan(host, { reservedCpuCount: 5, splitAcrossNumaNodes: true });
    expect(p.reserved.toString()).toBe('0-1,4,8,12');
  });

  test('offlining takes a whole unused socket first', () => {
    expect(lists(CpuPartition.plan(twoSocketSmt, { reservedCpuCount: 2, offlinedCpuCount: 8 })))
      .toEqual(['0,8', '1-3,9-11', '4-7,12-15']);
  });

  test('offlining then takes second SMT threads of unreserved cores', () => {
    // Socket 1 (8 CPUs) does not fit 3: second threads of socket 0's unreserved cores {1,9} {2,10} {3,11}.
    expect(lists(CpuPartition.plan(twoSocketSmt, { reservedCpuCount: 2, offlinedCpuCount: 3 })))
      .toEqual(['0,8', '1-7,12-15', '9-11']);
    // Socket 1 fits 10, then two second threads of socket 0.
    expect(CpuPartition.plan(twoSocketSmt, { reservedCpuCount: 2, offlinedCpuCount: 10 }).offlined.toString()).toBe('4-7,9-10,12-15');
  });

  test('offlining without whole sockets first (PPC ultra-low-latency) goes straight to second threads', () => {
    const p = CpuPartition.plan(twoSocketSmt, { reservedCpuCount: 2, offlinedCpuCount: 4, offlineWholeSocketsFirst: false });
    expect(p.offlined.toString()).toBe('9-12');
  });

  test('offlining finally takes any unreserved CPU', () => {
    const host = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 8 });
    expect(lists(CpuPartition.plan(host, { reservedCpuCount: 2, offlinedCpuCount: 3 }))).toEqual(['0-1', '5-7', '2-4']);
    // With SMT, once every second thread (5, 6, 7) is offline, first threads follow in core order (1).
    expect(lists(CpuPartition.plan(oneNodeSmt, { reservedCpuCount: 2, offlinedCpuCount: 4 }))).toEqual(['0,4', '2-3', '1,5-7']);
  });

  test('disableSmt plans on first threads and adds nosmt', () => {
    const p = CpuPartition.plan(oneNodeSmt, { reservedCpuCount: 1, disableSmt: true });
    expect(lists(p)).toEqual(['0', '1-3', '']);
    expect(p.smtDisabled).toBe(true);
    expect(p.extraKernelArgs).toEqual(['nosmt']);
    expect(p.topology.cpus.toString()).toBe('0-3');
    // PPC adds nosmt for --disable-ht even when the host has no SMT.
    expect(CpuPartition.plan(seed002, { reservedCpuCount: 2, disableSmt: true }).extraKernelArgs).toEqual(['nosmt']);
  });

  test.each([
    [oneNodeSmt, { reservedCpuCount: 0 }, 'PARTITION_RESERVED_COUNT_RANGE', 'reservedCpuCount', '0', 'in the range [1,7]'],
    [oneNodeSmt, { reservedCpuCount: 8 }, 'PARTITION_RESERVED_COUNT_RANGE', 'reservedCpuCount', '8', 'in the range [1,7]'],
    [oneNodeSmt, { reservedCpuCount: 4, disableSmt: true }, 'PARTITION_RESERVED_COUNT_RANGE', 'reservedCpuCount', '4', '[1,3]'],
    [oneNodeSmt, { reservedCpuCount: 2, offlinedCpuCount: 8 }, 'PARTITION_OFFLINED_COUNT_RANGE', 'offlinedCpuCount', '8', '[0,7]'],
    [oneNodeSmt, { reservedCpuCount: 2, offlinedCpuCount: -1 }, 'PARTITION_OFFLINED_COUNT_RANGE', 'offlinedCpuCount', '-1', '[0,7]'],
    [oneNodeSmt, { reservedCpuCount: 4, offlinedCpuCount: 4 }, 'PARTITION_COUNT_SUM', 'offlinedCpuCount', '4', 'got 4 + 4'],
    [oneNodeSmt, { reservedCpuCount: 3 }, 'PARTITION_ODD_WITH_SMT', 'reservedCpuCount', '3',
      'can\'t allocate odd number of CPUs from a NUMA Node'],
    [twoNodeSmtInterleaved, { reservedCpuCount: 6, splitAcrossNumaNodes: true }, 'PARTITION_ODD_WITH_SMT', 'reservedCpuCount', '6',
      '3 after NUMA node 0'],
  ])('fails like PPC: %#', (topology, options, code, field, value, expected) => {
    const e = planFailure(topology, options);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`[${code}] ${field}: got ${value}, expected `);
    expect(e.message).toContain(expected);
  });

  test('a split the last NUMA nodes cannot hold fails with PARTITION_RESERVED_SHORTFALL', () => {
    // Node 0 has 6 CPUs, node 1 has 2: 6 split → targets 3, 6; node 1 can add only 2.
    const host = HostTopology.fromLscpu('0,0,0,0\n1,1,0,0\n2,2,0,0\n3,3,0,0\n4,4,0,0\n5,5,0,0\n6,6,1,1\n7,7,1,1\n');
    const e = planFailure(host, { reservedCpuCount: 6, splitAcrossNumaNodes: true });
    expect(e.message).toContain('[PARTITION_RESERVED_SHORTFALL] reservedCpuCount: got 6, expected a count the NUMA nodes can hold');
    expect(e.message).toContain('got only 5: "0-2,6-7"');
  });

  test('a count ending inside a 4-thread core fails with PARTITION_RESERVED_SPLITS_CORE', () => {
    const smt4 = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 4, threadsPerCore: 4, numbering: CpuNumbering.SEQUENTIAL_ADJACENT_SIBLINGS });
    const e = planFailure(smt4, { reservedCpuCount: 2 });
    expect(e.message).toContain('[PARTITION_RESERVED_SPLITS_CORE] reservedCpuCount: got 2, expected a count that takes whole cores');
    expect(e.message).toContain('core 0-3');
    expect(e.message).toContain('reserve 4 CPUs');
    expect(CpuPartition.plan(smt4, { reservedCpuCount: 4 }).reserved.toString()).toBe('0-3');
  });

  test('refuses a missing topology or options at the typed boundary, not with a TypeError', () => {
    expect(() => CpuPartition.plan(undefined as unknown as HostTopology, { reservedCpuCount: 1 }))
      .toThrow('[PROP_REQUIRED] CpuPartition.plan(topology): got (not set), expected a HostTopology');
    expect(() => CpuPartition.explicit('0-3' as unknown as HostTopology, { reserved: CpuSet.of([0]) }))
      .toThrow('[PROP_TYPE_INVALID] CpuPartition.explicit(topology): got "0-3", expected a HostTopology');
    expect(() => CpuPartition.plan(oneNodeSmt, undefined as unknown as CpuPartitionPlanOptions))
      .toThrow('[PROP_TYPE_INVALID] CpuPartition.plan options: got (not set), expected an object with the CpuPartition.plan options');
    expect(() => CpuPartition.plan(oneNodeSmt, {} as CpuPartitionPlanOptions))
      .toThrow('[PROP_REQUIRED] reservedCpuCount: got (not set), expected a whole number');
    expect(() => CpuPartition.plan(oneNodeSmt, { reservedCpuCount: '2' as unknown as number, disableSmt: 'no' as unknown as boolean }))
      .toThrow('[PROP_TYPE_INVALID] reservedCpuCount: got "2", expected a whole number; fix: write a whole number, without quotes\n'
        + '[PROP_TYPE_INVALID] disableSmt: got "no", expected true or false; fix: write true or false, without quotes');
    expect(() => CpuPartition.plan(oneNodeSmt, { reservedCpuCount: NaN })).toThrow('[PROP_TYPE_INVALID] reservedCpuCount: got NaN');
  });

  test('a 1-CPU host: no count fits, said without an empty range (issue 13: "reserve between 1 and 0 CPUs")', () => {
    const one = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 1 });
    expect(() => CpuPartition.plan(one, { reservedCpuCount: 1 })).toThrow('[PARTITION_RESERVED_COUNT_RANGE] reservedCpuCount: got 1, '
      + 'expected a host with at least 2 CPUs, one to reserve and one to isolate (this host has 1); fix: plan for a host with at least 2 CPUs');
    const smtOff = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 1, threadsPerCore: 2 });
    expect(() => CpuPartition.plan(smtOff, { reservedCpuCount: 1, disableSmt: true })).toThrow(/this host has 1 with SMT off\); fix: keep SMT on/);
  });

  const shapes = uniformShapes;

  test('property: a plan is a valid partition of the requested size, or a ValidationError', () => {
    fc.assert(fc.property(shapes, fc.nat(60), fc.nat(60), fc.boolean(), fc.boolean(), fc.boolean(),
      (shape, reservedCpuCount, offlinedCpuCount, splitAcrossNumaNodes, disableSmt, offlineWholeSocketsFirst) => {
        const host = HostTopology.uniform(shape);
        let p: CpuPartition;
        try {
          p = CpuPartition.plan(host, { reservedCpuCount, offlinedCpuCount, splitAcrossNumaNodes, disableSmt, offlineWholeSocketsFirst });
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect((e as ValidationError).code).toMatch(/^PARTITION_/);
          return;
        }
        const all = p.topology.cpus;
        expect(p.reserved.size).toBe(reservedCpuCount);
        expect(p.offlined.size).toBe(offlinedCpuCount);
        expect(p.reserved.overlaps(p.isolated) || p.reserved.overlaps(p.offlined) || p.isolated.overlaps(p.offlined)).toBe(false);
        expect(CpuSet.unionOf([p.reserved, p.isolated, p.offlined]).sameAs(all)).toBe(true);
        expect(p.isolated.isEmpty).toBe(false);
        if (!disableSmt) {
          expect(p.topology).toBe(host);
          for (const core of host.cores()) expect(core.overlaps(p.reserved) && core.overlaps(p.isolated)).toBe(false);
        } else {
          expect(p.topology.cpus.size).toBe(host.cores().length);
        }
      }), { numRuns: 200 });
  });
});

describe('CpuPartition.explicit', () => {
  test('isolates everything not reserved or offlined by default', () => {
    const p = CpuPartition.explicit(seed002, { reserved: CpuSet.parse('0-1,8-9') });
    expect(lists(p)).toEqual(['0-1,8-9', '2-7,10-15', '']);
    expect(p.toString()).toBe('reserved 0-1,8-9; isolated 2-7,10-15; offlined none');
    expect(p.warnings).toEqual([]);
  });

  test('accepts consistent explicit lists, and offlined CPUs', () => {
    const p = CpuPartition.explicit(twoSocketSmt, {
      reserved: CpuSet.parse('0,8'), isolated: CpuSet.parse('1-3,9-11'), offlined: CpuSet.parse('4-7,12-15'),
    });
    expect(p.offlinedOfNumaNode(1).toString()).toBe('4-7,12-15');
  });

  test('checks against the SMT-off view with disableSmt', () => {
    const p = CpuPartition.explicit(oneNodeSmt, { reserved: CpuSet.of([0]), disableSmt: true });
    expect(lists(p)).toEqual(['0', '1-3', '']);
    expect(p.extraKernelArgs).toEqual(['nosmt']);
    expect(() => CpuPartition.explicit(oneNodeSmt, { reserved: CpuSet.of([0, 4]), disableSmt: true }))
      .toThrow(/\[PARTITION_UNKNOWN_CPU\] reserved: got "0,4"/);
  });

  test('fails on the openshift-docs#58610 example: reserved 0-4 splits SMT siblings', () => {
    const host = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 8, threadsPerCore: 2 });
    expect(() => CpuPartition.explicit(host, { reserved: CpuSet.parse('0-4'), isolated: CpuSet.parse('5-15') }))
      .toThrow(/\[PARTITION_SPLIT_SIBLINGS\] reserved: got "0-4".*reserved "0-4,8-12" and isolated "5-7,13-15"/);
  });

  test('fails on the performance-addon-operators#236 example: reserved CPUs the machine does not have', () => {
    const host = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 8 });
    expect(() => CpuPartition.explicit(host, { reserved: CpuSet.parse('9-15'), isolated: CpuSet.parse('0-7') }))
      .toThrow(/\[PARTITION_UNKNOWN_CPU\] reserved: got "9-15"/);
  });

  test('accepts cpulist strings from JavaScript callers, and refuses other values at the typed boundary', () => {
    const p = CpuPartition.explicit(seed002, { reserved: '0,8' as unknown as CpuSet });
    expect(p.reserved.toString()).toBe('0,8');
    expect(() => CpuPartition.explicit(seed002, { reserved: 7 as unknown as CpuSet }))
      .toThrow('[PROP_TYPE_INVALID] reserved: got 7, expected a CpuSet (or a cpulist string such as "0-3")');
    expect(() => CpuPartition.explicit(seed002, { reserved: '0-x' as unknown as CpuSet })).toThrow(/\[CPUSET_SYNTAX\] reserved/);
    expect(() => CpuPartition.explicit(seed002, { reserved: CpuSet.of([0]), isolated: null as unknown as CpuSet }))
      .toThrow('[PROP_TYPE_INVALID] isolated: got null');
    expect(() => CpuPartition.explicit(seed002, null as unknown as ExplicitCpuPartitionProps)).toThrow(/PROP_TYPE_INVALID/);
    expect(() => CpuPartition.explicit(seed002, { reserved: CpuSet.of([0]), disableSmt: 1 as unknown as boolean })).toThrow(/\[PROP_TYPE_INVALID\] disableSmt/);
  });

  test('reads a 1 MiB cpulist string of repeated ranges without expanding it (issue 13: V8 aborted with "invalid size")', () => {
    const reserved = `${'0-7,'.repeat(260000)}0,8`;
    expect(reserved.length).toBeLessThanOrEqual(CpuSet.MAX_TEXT_CHARS);
    const p = CpuPartition.explicit(seed002, { reserved: reserved as unknown as CpuSet });
    expect(lists(p)).toEqual(['0-8', '9-15', '']);
    const hostile = '0-8191,'.repeat(149796);
    expect(() => CpuPartition.explicit(seed002, { reserved: hostile as unknown as CpuSet })).toThrow(/\[CPUSET_SYNTAX\] reserved/);
    expect(() => CpuPartition.explicit(seed002, { reserved: `${hostile}0-8191,0` as unknown as CpuSet }))
      .toThrow(/\[CPUSET_TOO_LONG\] reserved/);
  });
});

describe('CpuPartition.plan and the order of cores (PARTITION_CORE_ORDER_UNPROVEN)', () => {
  const options = { reservedCpuCount: 4, offlinedCpuCount: 4 };
  const codes = (p: CpuPartition) => p.warnings.map((w) => w.code);

  test('plain lscpu -p ids may be lscpu\'s own numbering: an offlining plan warns', () => {
    const topology = HostTopology.fromLscpu(ntoBareMetalLscpu(false));
    expect(topology.coreIdsMayBeLogical).toBe(true);
    expect(codes(CpuPartition.plan(topology, options))).toContain('PARTITION_CORE_ORDER_UNPROVEN');
  });

  test('lscpu -y, physicalIds: true and virsh capabilities are the kernel\'s ids: no warning', () => {
    for (const topology of [
      HostTopology.fromLscpu(ntoBareMetalLscpu(true)),
      HostTopology.fromLscpu(ntoBareMetalLscpu(false), { physicalIds: true }),
      HostTopology.fromVirshCapabilities(ntoBareMetalVirsh()),
    ]) {
      expect(topology.coreIdsMayBeLogical).toBe(false);
      expect(codes(CpuPartition.plan(topology, options))).not.toContain('PARTITION_CORE_ORDER_UNPROVEN');
    }
  });

  test('without offlined CPUs the order of cores does not matter: no warning', () => {
    const topology = HostTopology.fromLscpu(ntoBareMetalLscpu(false));
    expect(codes(CpuPartition.plan(topology, { reservedCpuCount: 4 }))).not.toContain('PARTITION_CORE_ORDER_UNPROVEN');
  });
});
