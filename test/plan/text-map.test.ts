import { seed002Partition, smtHost, vmShape } from './helpers';
import { capacityOf } from '../../src/model/placement/capacity';
import { cpuMapOf } from '../../src/plan/cpu-map-model';
import { coreLabel, renderTextMap } from '../../src/plan/text-map';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';
import { HugePageSize } from '../../src/values/hugepage-size';

describe('renderTextMap', () => {
  test('seed-002 without VMs', () => {
    const text = renderTextMap(cpuMapOf(seed002Partition()));
    expect(text).toContain('Legend: R = reserved (OS, kubelet, IRQs), I = isolated (pinned VM CPUs only)');
    expect(text).toContain('NUMA node 0: reserved 0-1, isolated 2-7');
    expect(text).toContain('  cpu  0 R   1 R   2 I   3 I   4 I   5 I   6 I   7 I');
    expect(text).not.toContain('v1.0');
    expect(text).toMatchSnapshot();
  });

  test('seed-002 with two planned VMs tags their vCPUs and emulator threads', () => {
    const partition = seed002Partition();
    const capacity = capacityOf(partition, vmShape({ vcpus: 4, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true }));
    const text = renderTextMap(cpuMapOf(partition, capacity.assignments));
    expect(text).toContain('v1.0 = VM 1 vCPU 0, e1 = VM 1 emulator thread');
    expect(text).toContain('2 I v1.0');
    expect(text).toContain('14 I e2');
    expect(text).toMatchSnapshot();
  });

  test('an SMT host gets one row per thread; offlined and SMT-off CPUs join the legend only when present', () => {
    const host = smtHost();
    const offlined = renderTextMap(cpuMapOf(CpuPartition.plan(host, { reservedCpuCount: 2, offlinedCpuCount: 2 })));
    expect(offlined).toMatch(/^ {2}t0 {2}/m);
    expect(offlined).toMatch(/^ {2}t1 {2}/m);
    expect(offlined).toContain('O = offlined');
    expect(offlined).not.toContain('nosmt');
    expect(offlined).toMatchSnapshot();

    const noSmt = renderTextMap(cpuMapOf(CpuPartition.plan(host, { reservedCpuCount: 2, disableSmt: true }), [], host));
    expect(noSmt).toContain('- = SMT sibling off (nosmt)');
    expect(noSmt).toContain('8 -');
  });

  test('wide NUMA nodes wrap into bands no wider than 100 columns', () => {
    const big = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 40, threadsPerCore: 2 });
    const text = renderTextMap(cpuMapOf(CpuPartition.plan(big, { reservedCpuCount: 4 })));
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => l.trimStart().startsWith('t0')).length).toBeGreaterThan(1);
    // every CPU appears exactly once
    for (const cpu of [0, 39, 40, 79]) expect(text.match(new RegExp(`(^|\\s)${cpu} [RI]`, 'gm'))).toHaveLength(1);
  });

  test('core labels carry the socket', () => {
    expect(coreLabel(1, 3)).toBe('s1c3');
  });
});
