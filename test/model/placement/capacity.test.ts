import * as fc from 'fast-check';
import { allocatableCpuCounts, CapacityLimit, capacityCountsOf, capacityOf, describeLimit } from '../../../src/model/placement/capacity';
import { VmThreadKind } from '../../../src/model/placement/vm-cpu-assignment';
import { podCpuCount } from '../../../src/model/vm/vm-shape';
import { CpuSet } from '../../../src/values/cpu-set';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HostTopology } from '../../../src/values/host/host-topology';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { seed002Lscpu, seed002Partition, smtHost, vmShape } from '../../plan/helpers';

const cpusOf = (assignments: { cpu: number; vm: number; kind: VmThreadKind }[], vm: number, kind: VmThreadKind) =>
  CpuSet.of(assignments.filter((a) => a.vm === vm && a.kind === kind).map((a) => a.cpu)).toString();

describe('capacityOf on the seed-002 host (2 NUMA x 8 CPUs, no SMT, 26 x 1G pages per node)', () => {
  test('one 4-vCPU VM with an isolated emulator thread per NUMA node, limited by isolated CPUs', () => {
    // GIVEN isolated 2-7,10-15 and a VM that needs 4 + 1 CPUs and 16 x 1Gi pages
    const shape = vmShape({ vcpus: 4, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true });
    const capacity = capacityOf(seed002Partition(), shape);

    // THEN 6 isolated CPUs per node hold one 5-CPU pod, and 26 pages hold one 16-page VM
    expect(capacity.podCpus).toBe(5);
    expect(capacity.emulatorCpus).toBe(1);
    expect(capacity.hugePagesPerVm).toBe(16);
    expect(capacity.total).toBe(2);
    expect(capacity.limitedBy).toEqual([CapacityLimit.ISOLATED_CPUS]);
    expect(capacity.perNumaNode.map((n) => [n.numaNode, n.vms, n.vmsByCpus, n.vmsByHugePages, n.hugePages, n.idleCpus]))
      .toEqual([[0, 1, 1, 1, 26, '7'], [1, 1, 1, 1, 26, '15']]);
    expect(capacity.perNumaNode[0].reason).toBe('NUMA node 0: 1 VM, limited by isolated CPUs: 6 isolated CPUs, 5 per VM '
      + '(4 vCPUs + 1 emulator CPU), 1 left idle (CPU 7); 26 x 1Gi huge pages, 16 per VM, which also allow only 1.');

    // AND the vCPUs land first, the emulator thread on the next CPU of the same NUMA node
    expect(cpusOf(capacity.assignments, 1, VmThreadKind.VCPU)).toBe('2-5');
    expect(cpusOf(capacity.assignments, 1, VmThreadKind.EMULATOR)).toBe('6');
    expect(cpusOf(capacity.assignments, 2, VmThreadKind.VCPU)).toBe('10-13');
    expect(cpusOf(capacity.assignments, 2, VmThreadKind.EMULATOR)).toBe('14');
    expect(capacity.assignments.filter((a) => a.vm === 1).map((a) => a.index)).toEqual([0, 1, 2, 3, 0]);
  });

  test('huge pages limit a small VM: 26 pages hold one 16Gi VM although the CPUs hold three', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 2, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI }));
    expect(capacity.perNumaNode.map((n) => [n.vms, n.vmsByCpus, n.vmsByHugePages, n.limitedBy]))
      .toEqual([[1, 3, 1, CapacityLimit.HUGEPAGES], [1, 3, 1, CapacityLimit.HUGEPAGES]]);
    expect(capacity.limitedBy).toEqual([CapacityLimit.HUGEPAGES]);
    expect(capacity.perNumaNode[1].reason).toBe('NUMA node 1: 1 VM, limited by 1Gi huge pages: 26 x 1Gi huge pages, 16 per VM '
      + '(the CPUs would allow 3: 6 isolated CPUs, 2 per VM (2 vCPUs), 4 left idle (CPUs 12-15)).');
    // only the VMs that fit are placed
    expect(new Set(capacity.assignments.map((a) => a.vm))).toEqual(new Set([1, 2]));
  });

  test('2Mi pages the host declares as 0 allow no VM', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 2, memoryGi: 4, hugePageSize: HugePageSize.TWO_MI }));
    expect(capacity.total).toBe(0);
    expect(capacity.hugePagesPerVm).toBe(2048);
    expect(capacity.perNumaNode[0]).toMatchObject({ vms: 0, hugePages: 0, vmsByHugePages: 0, limitedBy: CapacityLimit.HUGEPAGES });
    expect(capacity.assignments).toEqual([]);
  });

  test('huge pages the host description does not declare (lscpu) are not checked, and the reason says so', () => {
    const capacity = capacityOf(seed002Partition(seed002Lscpu()), vmShape({ vcpus: 2, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI }));
    expect(capacity.perNumaNode[0]).toMatchObject({ vms: 3, limitedBy: CapacityLimit.ISOLATED_CPUS });
    expect(capacity.perNumaNode[0].hugePages).toBeUndefined();
    expect(capacity.perNumaNode[0].vmsByHugePages).toBeUndefined();
    expect(capacity.perNumaNode[0].reason).toContain('1Gi huge pages of this NUMA node not declared by the host description, so not checked');
  });

  test('memory not in huge pages is not checked', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 6 }));
    expect(capacity.hugePageSize).toBeUndefined();
    expect(capacity.perNumaNode[0].reason).toBe('NUMA node 0: 1 VM, limited by isolated CPUs: 6 isolated CPUs, 6 per VM (6 vCPUs); '
      + 'memory not in huge pages, not checked.');
  });

  test('a VM larger than a NUMA node fits nowhere (single-numa-node never spans nodes)', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 8 }));
    expect(capacity.total).toBe(0);
    expect(capacity.perNumaNode[0].reason).toContain('0 VMs, limited by isolated CPUs: 6 isolated CPUs, 8 per VM');
  });

  test('the pool\'s planned huge pages override what the host declares', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 2, memoryGi: 4, hugePageSize: HugePageSize.ONE_GI }), {
      hugePages: [
        { numaNode: 0, size: HugePageSize.ONE_GI, count: 8 },
        { numaNode: 1, size: HugePageSize.TWO_MI, count: 4096 },
      ],
    });
    expect(capacity.perNumaNode.map((n) => [n.hugePages, n.vms])).toEqual([[8, 2], [0, 0]]);
  });

  test('memory that is not a whole number of pages rounds up', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 2, memoryBytes: 2 ** 30 + 1, hugePageSize: HugePageSize.ONE_GI }));
    expect(capacity.hugePagesPerVm).toBe(2);
  });

  test('supplemental-pool IOThreads take CPUs after the vCPUs and before the emulator', () => {
    const capacity = capacityOf(seed002Partition(), vmShape({ vcpus: 2, poolThreads: 1, isolateEmulatorThread: true }));
    expect(capacity.podCpus).toBe(4);
    expect(capacity.emulatorCpus).toBe(1);
    expect(capacity.assignments.filter((a) => a.vm === 1).map((a) => `${a.cpu}:${a.kind}${a.index}`))
      .toEqual(['2:vcpu0', '3:vcpu1', '4:vcpu2', '5:emulator0']);
  });
});

describe('capacityOf on an SMT host (2 NUMA x 4 cores x 2 threads, full-pcpus-only)', () => {
  // reserved: one core per NUMA node (0,8 and 4,12); isolated: 3 cores per node
  const partition = () => CpuPartition.plan(smtHost(), { reservedCpuCount: 4, splitAcrossNumaNodes: true });

  test('fails to place a 4-vCPU VM with an isolated emulator thread: 5 CPUs is not whole cores (emulator parity)', () => {
    const capacity = capacityOf(partition(), vmShape({ vcpus: 4, isolateEmulatorThread: true }));
    expect(capacity.podCpus).toBe(5);
    expect(capacity.total).toBe(0);
    expect(capacity.limitedBy).toEqual([CapacityLimit.EMULATOR_PARITY]);
    expect(capacity.perNumaNode[0].reason).toBe('NUMA node 0: 0 VMs: each pod asks for 5 per VM (4 vCPUs + 1 emulator CPU), not a '
      + 'multiple of the 2 threads per core, so the kubelet (full-pcpus-only) refuses it with SMTAlignmentError; enable even-parity '
      + 'completion (KubeVirt AlignCPUs with the EmulatorThreadCompleteToEvenParity annotation) or use an odd vCPU count.');
    expect(describeLimit(CapacityLimit.EMULATOR_PARITY)).toBe('emulator-thread parity (SMTAlignmentError)');
  });

  test('even-parity completion gives the emulator 2 CPUs: one VM per NUMA node on 3 whole cores', () => {
    const capacity = capacityOf(partition(), vmShape({ vcpus: 4, isolateEmulatorThread: true }), { emulatorThreadEvenParity: true });
    expect(capacity.podCpus).toBe(6);
    expect(capacity.emulatorCpus).toBe(2);
    expect(capacity.perNumaNode.map((n) => [n.vms, n.allocatableCpus, n.idleCpus])).toEqual([[1, '1-3,9-11', ''], [1, '5-7,13-15', '']]);
    // vCPUs go core by core (siblings together), the emulator threads take the last core
    expect(capacity.assignments.filter((a) => a.vm === 1).map((a) => `${a.cpu}:${a.kind}${a.index}`))
      .toEqual(['1:vcpu0', '9:vcpu1', '2:vcpu2', '10:vcpu3', '3:emulator0', '11:emulator1']);
  });

  test('fails to place an odd vCPU count without an emulator thread (SMT alignment)', () => {
    const capacity = capacityOf(partition(), vmShape({ vcpus: 3 }));
    expect(capacity.limitedBy).toEqual([CapacityLimit.SMT_ALIGNMENT]);
    expect(capacity.perNumaNode[1].reason).toContain('use a vCPU count that makes the pod a multiple of 2 CPUs');
  });

  test('without full-pcpus-only the kubelet hands out single threads', () => {
    const capacity = capacityOf(partition(), vmShape({ vcpus: 4, isolateEmulatorThread: true }), { fullPcpusOnly: false });
    expect(capacity.perNumaNode.map((n) => n.vms)).toEqual([1, 1]);
  });

  test('two-vCPU VMs fill each NUMA node core by core', () => {
    const capacity = capacityOf(partition(), vmShape({ vcpus: 2 }));
    expect(capacity.perNumaNode.map((n) => n.vms)).toEqual([3, 3]);
    expect(cpusOf(capacity.assignments, 1, VmThreadKind.VCPU)).toBe('1,9');
    expect(cpusOf(capacity.assignments, 4, VmThreadKind.VCPU)).toBe('5,13');
  });

  test('with SMT disabled the pod needs no parity: one thread per core', () => {
    const noSmt = CpuPartition.plan(smtHost(), { reservedCpuCount: 2, splitAcrossNumaNodes: true, disableSmt: true });
    const capacity = capacityOf(noSmt, vmShape({ vcpus: 2, isolateEmulatorThread: true }));
    expect(capacity.perNumaNode.map((n) => [n.isolatedCpus, n.vms])).toEqual([['1-3', 1], ['5-7', 1]]);
  });

  test('offlined CPUs are never handed out', () => {
    const withOfflined = CpuPartition.plan(smtHost(), { reservedCpuCount: 4, splitAcrossNumaNodes: true, offlinedCpuCount: 4 });
    const capacity = capacityOf(withOfflined, vmShape({ vcpus: 1 }));
    const used = CpuSet.of(capacity.assignments.map((a) => a.cpu));
    expect(used.overlaps(withOfflined.offlined)).toBe(false);
    expect(used.isSubsetOf(withOfflined.isolated)).toBe(true);
  });
});

/** A small uniform host (1-3 NUMA nodes, with or without SMT) and a VM's CPU demand, for the property tests. */
function smallHostAndVm(minCoresPerSocket: number) {
  return {
    numaNodes: fc.integer({ min: 1, max: 3 }),
    coresPerSocket: fc.integer({ min: minCoresPerSocket, max: 6 }),
    threadsPerCore: fc.integer({ min: 1, max: 2 }),
    reservedCores: fc.integer({ min: 1, max: 2 }),
    vcpus: fc.integer({ min: 1, max: 6 }),
    emulator: fc.boolean(),
    parity: fc.boolean(),
    fullPcpusOnly: fc.boolean(),
  };
}

/** The host of `smallHostAndVm`, planned with its reserved whole cores (and `offlined` CPUs). */
function smallHost(p: { numaNodes: number; coresPerSocket: number; threadsPerCore: number; reservedCores: number }, offlined = 0) {
  const topology = HostTopology.uniform({ numaNodes: p.numaNodes, coresPerSocket: p.coresPerSocket, threadsPerCore: p.threadsPerCore });
  const partition = CpuPartition.plan(topology, { reservedCpuCount: p.reservedCores * p.threadsPerCore, offlinedCpuCount: offlined });
  return { topology, partition };
}

describe('capacityOf invariants', () => {
  test('VMs use only isolated CPUs, never share one, stay on one NUMA node, and the counts add up', () => {
    fc.assert(fc.property(
      fc.record(smallHostAndVm(3)),
      (p) => {
        const { topology, partition } = smallHost(p);
        const shape = vmShape({ vcpus: p.vcpus, isolateEmulatorThread: p.emulator });
        const capacity = capacityOf(partition, shape, { emulatorThreadEvenParity: p.parity, fullPcpusOnly: p.fullPcpusOnly });

        const cpus = capacity.assignments.map((a) => a.cpu);
        expect(new Set(cpus).size).toBe(cpus.length);
        expect(CpuSet.of(cpus).isSubsetOf(partition.isolated)).toBe(true);
        expect(capacity.podCpus).toBe(podCpuCount(shape, p.parity));
        expect(capacity.total).toBe(capacity.perNumaNode.reduce((s, n) => s + n.vms, 0));
        expect(new Set(capacity.assignments.map((a) => a.vm)).size).toBe(capacity.total);
        for (let vm = 1; vm <= capacity.total; vm++) {
          const mine = capacity.assignments.filter((a) => a.vm === vm);
          expect(mine).toHaveLength(capacity.podCpus);
          expect(new Set(mine.map((a) => topology.numaNodeOf(a.cpu))).size).toBe(1);
        }
        for (const node of capacity.perNumaNode) {
          // greedy packing leaves fewer idle CPUs than one more VM needs
          if (node.limitedBy === CapacityLimit.ISOLATED_CPUS) {
            expect(CpuSet.parse(node.idleCpus).size).toBeLessThan(capacity.podCpus);
          }
          if (p.fullPcpusOnly && p.threadsPerCore === 2 && capacity.podCpus % 2 === 1) expect(node.vms).toBe(0);
        }
      },
    ), { numRuns: 150 });
  });

  test('capacityCountsOf gives exactly the counts of capacityOf, without building CPU lists', () => {
    fc.assert(fc.property(
      fc.record({
        ...smallHostAndVm(4),
        offlined: fc.integer({ min: 0, max: 1 }),
        pages: fc.option(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }), { nil: undefined }),
        memoryGi: fc.integer({ min: 1, max: 5 }),
      }),
      (p) => {
        const { partition } = smallHost(p, p.offlined);
        const shape = vmShape({ vcpus: p.vcpus, isolateEmulatorThread: p.emulator, memoryGi: p.memoryGi, hugePageSize: HugePageSize.ONE_GI });
        const hugePages = p.pages?.slice(0, p.numaNodes).map((count, numaNode) => ({ numaNode, size: HugePageSize.ONE_GI, count }));
        const options = { emulatorThreadEvenParity: p.parity, fullPcpusOnly: p.fullPcpusOnly, hugePages };

        const full = capacityOf(partition, shape, options);
        expect(capacityCountsOf(partition, shape, options)).toEqual({
          vcpus: full.vcpus,
          podCpus: full.podCpus,
          emulatorCpus: full.emulatorCpus,
          perNumaNode: full.perNumaNode.map((n) => ({ numaNode: n.numaNode, allocatableCpuCount: n.allocatableCpuCount, vms: n.vms })),
          total: full.total,
          limitedBy: full.limitedBy,
        });
      },
    ), { numRuns: 150 });
  });
});

describe('allocatableCpuCounts', () => {
  test('the isolated CPUs each NUMA node hands out, whatever the VM (what the pool packing uses)', () => {
    expect(allocatableCpuCounts(seed002Partition())).toEqual([{ numaNode: 0, allocatableCpuCount: 6 }, { numaNode: 1, allocatableCpuCount: 6 }]);
    const smt = CpuPartition.plan(smtHost(), { reservedCpuCount: 2 });
    const whole = allocatableCpuCounts(smt, true).map((n) => n.allocatableCpuCount);
    const any = allocatableCpuCounts(smt, false).map((n) => n.allocatableCpuCount);
    expect(whole.reduce((a, b) => a + b)).toBeLessThanOrEqual(any.reduce((a, b) => a + b));
  });

  test('refuses a partition that is not a CpuPartition and a flag that is not a boolean', () => {
    expect(() => allocatableCpuCounts({} as CpuPartition)).toThrow('[PROP_TYPE_INVALID] allocatableCpuCounts(partition): got an object, expected a CpuPartition');
    expect(() => allocatableCpuCounts(seed002Partition(), 'yes' as unknown as boolean)).toThrow('[PROP_TYPE_INVALID] allocatableCpuCounts(fullPcpusOnly)');
  });
});

describe('the capacity functions\' typed boundary (issue 13)', () => {
  test('refuses a partition, a shape or options of the wrong type before any arithmetic', () => {
    const shape = vmShape({ vcpus: 2 });
    expect(() => capacityOf(undefined as unknown as CpuPartition, shape)).toThrow('[PROP_REQUIRED] capacityOf(partition)');
    expect(() => capacityCountsOf(seed002Partition(), shape, { fullPcpusOnly: 'yes' as unknown as boolean }))
      .toThrow('[PROP_TYPE_INVALID] fullPcpusOnly: got "yes", expected true or false');
    expect(() => capacityOf(seed002Partition(), shape, { hugePages: [{ numaNode: -1, size: HugePageSize.ONE_GI, count: 4 }] }))
      .toThrow('[PROP_TYPE_INVALID] hugePages[0].numaNode: got -1, expected a whole number ≥ 0 (a NUMA node id)');
    expect(() => capacityOf(seed002Partition(), shape, { hugePages: [{ numaNode: 0, size: HugePageSize.ONE_GI, count: 4, extra: 1 } as never] }))
      .not.toThrow();
  });
});
