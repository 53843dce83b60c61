import * as fc from 'fast-check';
import { HostTopology } from '../../../src/values/host/host-topology';
import { CpuNumbering } from '../../../src/values/host/uniform-topology';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { ValidationError } from '../../../src/values/validation-error';
import { expectConsistent, LSCPU_SMT_TWO_NODES, SEED_002_VIRSH_TOPOLOGY } from '../../fixtures/host';

describe('HostTopology', () => {
  const smt = HostTopology.fromLscpu(LSCPU_SMT_TWO_NODES);

  test('lists cores in NUMA node order, then by lowest CPU', () => {
    expect(smt.cores().map(String)).toEqual(['0,8', '2,10', '4,12', '6,14', '1,9', '3,11', '5,13', '7,15']);
    // CPUs 1,3,...,15 of node 1 belong to cores 4-7 (their positions in cores()).
    expect(smt.logicalCpus().filter((c) => c.numaNode === 1).map((c) => c.coreId)).toEqual([4, 5, 6, 7, 4, 5, 6, 7]);
  });

  test('returns copies, so callers cannot change the topology', () => {
    smt.cores().pop();
    smt.numaNodeIds.pop();
    smt.logicalCpus().pop();
    expect(smt.cores()).toHaveLength(8);
    expect(smt.numaNodeIds).toEqual([0, 1]);
    expect(smt.logicalCpus()).toHaveLength(16);
  });

  test('answers empty for NUMA nodes it does not have', () => {
    expect(smt.cpusOfNumaNode(7).isEmpty).toBe(true);
    expect(smt.coresOfNumaNode(7)).toEqual([]);
    expect(smt.memoryOfNumaNode(7)).toBeUndefined();
    expect(smt.hugePagesOfNumaNode(7, HugePageSize.ONE_GI)).toBeUndefined();
    expect(smt.hasCpu(15)).toBe(true);
    expect(smt.hasCpu(16)).toBe(false);
  });

  test.each([
    ['numaNodeOf', (h: HostTopology) => h.numaNodeOf(16)],
    ['siblingsOf', (h: HostTopology) => h.siblingsOf(99)],
    ['socketOf', (h: HostTopology) => h.socketOf(-1)],
  ])('fails on %s of a CPU the host does not have', (_name, lookup) => {
    expect(() => lookup(smt)).toThrow(ValidationError);
    expect(() => lookup(smt)).toThrow(/\[TOPOLOGY_UNKNOWN_CPU\] cpu: got -?\d+, expected a CPU of the host \(0-15\)/);
  });

  test('withoutSmt keeps each core\'s first thread, memory and huge pages', () => {
    const off = expectConsistent(smt.withoutSmt());
    expect(off.cpus.toString()).toBe('0-7');
    expect(off.threadsPerCore).toBe(1);
    expect(off.smtEnabled).toBe(false);
    expect(off.cpusOfNumaNode(1).toString()).toBe('1,3,5,7');
    expect(smt.withoutSmt()).toBe(off);
    expect(off.withoutSmt()).toBe(off);

    const virsh = HostTopology.fromVirshCapabilities(SEED_002_VIRSH_TOPOLOGY);
    expect(virsh.withoutSmt()).toBe(virsh);
  });

  test('withoutSmt keeps the lowest CPU of each core, whatever the numbering', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }),
      fc.constantFrom(...Object.values(CpuNumbering)),
      (numaNodes, coresPerSocket, threadsPerCore, numbering) => {
        const host = HostTopology.uniform({ numaNodes, coresPerSocket, threadsPerCore, numbering });
        const off = expectConsistent(host.withoutSmt());
        expect(off.cpus.toArray()).toEqual(host.cores().map((c) => c.toArray()[0]).sort((a, b) => a - b));
        expect(off.numaNodeIds).toEqual(host.numaNodeIds);
      }), { numRuns: 50 });
  });
});
