import { seed002Partition, smtHost } from './helpers';
import { VmThreadKind } from '../../src/model/placement/vm-cpu-assignment';
import { CpuRole, assignmentTag, cpuMapOf, cpusWithRole } from '../../src/plan/cpu-map-model';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';

describe('cpuMapOf', () => {
  test('seed-002: two NUMA nodes of eight single-thread cores, reserved and isolated per node', () => {
    const map = cpuMapOf(seed002Partition());
    expect(map).toMatchObject({ cpuCount: 16, threadsPerCore: 1, smtDisabled: false, vmCount: 0 });
    expect(map.numaNodes.map((n) => [n.id, n.reserved, n.isolated, n.offlined])).toEqual([[0, '0-1', '2-7', ''], [1, '8-9', '10-15', '']]);
    // cores keep the socket and the core id the host reports (virsh numbers cores per socket)
    expect(map.numaNodes[0].cores.map((c) => `${c.socket}/${c.core}:${c.threads.map((t) => t.cpu)}`))
      .toEqual(['0/0:0', '0/1:1', '0/2:2', '0/3:3', '1/0:4', '1/1:5', '1/2:6', '1/3:7']);
    expect(map.numaNodes[1].cores[0].threads[0]).toEqual({ cpu: 8, thread: 0, role: CpuRole.RESERVED });
    expect(map.numaNodes[1].cores[2].threads[0]).toEqual({ cpu: 10, thread: 0, role: CpuRole.ISOLATED });
    expect(cpusWithRole(map, CpuRole.ISOLATED).toString()).toBe('2-7,10-15');
  });

  test('SMT siblings sit in one core, by thread index', () => {
    const map = cpuMapOf(CpuPartition.plan(smtHost(), { reservedCpuCount: 2 }));
    expect(map.threadsPerCore).toBe(2);
    expect(map.numaNodes[0].cores[0].threads.map((t) => [t.cpu, t.thread, t.role]))
      .toEqual([[0, 0, CpuRole.RESERVED], [8, 1, CpuRole.RESERVED]]);
    expect(map.numaNodes[1].cores[0].threads.map((t) => t.cpu)).toEqual([4, 12]);
  });

  test('offlined CPUs are marked', () => {
    const partition = CpuPartition.plan(smtHost(), { reservedCpuCount: 2, offlinedCpuCount: 2 });
    const map = cpuMapOf(partition);
    expect(cpusWithRole(map, CpuRole.OFFLINED).toString()).toBe(partition.offlined.toString());
    expect(partition.offlined.size).toBe(2);
  });

  test('with SMT disabled, the full host shows the switched-off siblings', () => {
    const host = smtHost();
    const partition = CpuPartition.plan(host, { reservedCpuCount: 2, disableSmt: true });
    // the partition's own topology is the SMT-off view: one thread per core
    expect(cpuMapOf(partition).numaNodes[0].cores[0].threads).toHaveLength(1);
    const map = cpuMapOf(partition, [], host);
    expect(map.smtDisabled).toBe(true);
    expect(map.cpuCount).toBe(16);
    expect(cpusWithRole(map, CpuRole.SMT_DISABLED).toString()).toBe('8-15');
    expect(cpusWithRole(map, CpuRole.RESERVED).toString()).toBe('0-1');
  });

  test('CPUs of the drawn host that the partition does not know are unassigned, not guessed', () => {
    const partition = seed002Partition();
    const bigger = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 9 });
    expect(cpusWithRole(cpuMapOf(partition, [], bigger), CpuRole.UNASSIGNED).toString()).toBe('16-17');
  });

  test('VM threads are attached to their CPUs and counted', () => {
    const map = cpuMapOf(seed002Partition(), [
      { cpu: 2, vm: 1, kind: VmThreadKind.VCPU, index: 0 },
      { cpu: 3, vm: 1, kind: VmThreadKind.EMULATOR, index: 0 },
      { cpu: 10, vm: 2, kind: VmThreadKind.VCPU, index: 0 },
    ]);
    expect(map.vmCount).toBe(2);
    expect(map.numaNodes[0].cores[3].threads[0].assignment).toEqual({ cpu: 3, vm: 1, kind: VmThreadKind.EMULATOR, index: 0 });
    expect(map.numaNodes[0].cores[4].threads[0].assignment).toBeUndefined();
  });

  test('assignment tags', () => {
    expect(assignmentTag({ cpu: 0, vm: 3, kind: VmThreadKind.VCPU, index: 2 })).toBe('v3.2');
    expect(assignmentTag({ cpu: 0, vm: 3, kind: VmThreadKind.EMULATOR, index: 0 })).toBe('e3');
    expect(assignmentTag({ cpu: 0, vm: 3, kind: VmThreadKind.EMULATOR, index: 1 })).toBe('e3.1');
  });
});

describe('cpuMapOf arguments', () => {
  test('a missing partition or a bad assignment is a ValidationError', () => {
    expect(() => cpuMapOf(null as any)).toThrow('[cpuMapOf] [PROP_REQUIRED] partition: got (not set), expected a CpuPartition');
    expect(() => cpuMapOf(seed002Partition(), [{ cpu: -1, vm: 1, kind: VmThreadKind.VCPU, index: 0 }]))
      .toThrow('[cpuMapOf] [PROP_TYPE_INVALID] assignments[0].cpu: got -1, expected a whole number from 0 to 8191');
  });
});
