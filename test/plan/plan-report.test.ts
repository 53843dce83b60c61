import { seed002Partition, smtHost, vmShape } from './helpers';
import { planReportOf } from '../../src/plan/plan-report';
import { warning } from '../../src/values/finding';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HugePageSize } from '../../src/values/hugepage-size';

describe('planReportOf', () => {
  test('seed-002 without a VM shape: lists, settings, map, no capacity', () => {
    const report = planReportOf(seed002Partition());
    expect(report.host).toEqual({ cpus: '0-15', cpuCount: 16, numaNodeCount: 2, threadsPerCore: 1 });
    expect([report.reserved, report.isolated, report.offlined, report.smtDisabled]).toEqual(['0-1,8-9', '2-7,10-15', '', false]);
    expect(report.numaNodes).toEqual([
      { numaNode: 0, cpus: '0-7', reserved: '0-1', isolated: '2-7', offlined: '' },
      { numaNode: 1, cpus: '8-15', reserved: '8-9', isolated: '10-15', offlined: '' },
    ]);
    expect(report.kernelArguments[0]).toBe('isolcpus=managed_irq,2-7,10-15');
    expect(report.vmShape).toBeUndefined();
    expect(report.capacity).toBeUndefined();
    expect(report.map.vmCount).toBe(0);
    expect(report.warnings).toEqual([]);
  });

  test('with a VM shape: the shape, the capacity and the VM threads on the map', () => {
    const report = planReportOf(seed002Partition(), {
      vmShape: vmShape({ vcpus: 4, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true }),
      capacity: { emulatorThreadEvenParity: true },
    });
    expect(report.vmShape).toEqual({ vcpus: 4, memoryMebibytes: 16384, hugePageSize: '1Gi', isolateEmulatorThread: true, emulatorThreadEvenParity: true });
    // 4 vCPUs is even, so parity gives the emulator 2 CPUs: 6 per pod, one per NUMA node
    expect(report.capacity).toMatchObject({ podCpus: 6, total: 2 });
    expect(report.map.vmCount).toBe(2);
  });

  test('the full host shows SMT-off siblings; the summary counts every CPU of it', () => {
    const host = smtHost();
    const report = planReportOf(CpuPartition.plan(host, { reservedCpuCount: 2, disableSmt: true }), { host });
    expect(report.host.cpuCount).toBe(16);
    expect(report.smtDisabled).toBe(true);
    expect(report.kernelArguments).toContain('nosmt');
  });

  test('more warnings are listed after the partition\'s own', () => {
    const report = planReportOf(CpuPartition.plan(seed002Partition().topology, { reservedCpuCount: 3, splitAcrossNumaNodes: true }), {
      warnings: [warning('CLI_HUGEPAGES_NOT_STATED', '--hugepages', undefined, 'the pages', 'state them')],
    });
    expect(report.warnings).toHaveLength(2);
    expect(report.warnings[1]).toBe('[CLI_HUGEPAGES_NOT_STATED] --hugepages: got (not set), expected the pages; fix: state them');
  });

  test('planning warnings are reported', () => {
    const report = planReportOf(CpuPartition.plan(seed002Partition().topology, { reservedCpuCount: 3, splitAcrossNumaNodes: true }));
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^\[PARTITION_SPLIT_UNEVEN\] reservedCpuCount: got 3/);
  });
});
