import { dataUrl, HUGEPAGES_SCRIPT_PATH, hugePageUnitName, ignitionConfig, IGNITION_VERSION, SCHED_RT_SYSCTL_PATH } from '../../../src/backends/machine-config/ignition-config';
import { CPUS_OFFLINE_SCRIPT_PATH, CPUS_OFFLINE_UNIT_NAME } from '../../../src/backends/node-files/cpu-offline-unit';
import { CpuSet } from '../../../src/values/cpu-set';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { decodeDataUrl } from '../../fixtures/pool';

describe('ignitionConfig', () => {
  test('without pinned pages: only the sysctl file', () => {
    const config = ignitionConfig('50-worker-rt-realtime', [], CpuSet.parse(''));
    expect(config.ignition).toEqual({ version: '3.2.0' });
    expect(IGNITION_VERSION).toBe('3.2.0');
    expect(config.storage.files.map((f: any) => f.path)).toEqual([SCHED_RT_SYSCTL_PATH]);
    expect(config.systemd).toBeUndefined();
    const sysctl = decodeDataUrl(config.storage.files[0].contents.source);
    expect(sysctl).toContain('\nkernel.sched_rt_runtime_us = -1\n');
    expect(config.storage.files[0].mode).toBe(0o644);
  });

  test('pinned pages: the script and one oneshot unit per size and node, before the kubelet', () => {
    const config = ignitionConfig('50-worker-rt-realtime', [
      { size: HugePageSize.TWO_MI, numaNode: 0, count: 512 },
      { size: HugePageSize.ONE_GI, numaNode: 1, count: 26 },
    ], CpuSet.parse(''));
    expect(config.storage.files.map((f: any) => f.path)).toEqual([SCHED_RT_SYSCTL_PATH, HUGEPAGES_SCRIPT_PATH]);
    const script = decodeDataUrl(config.storage.files[1].contents.source);
    expect(script).toMatch(/^#!\/bin\/bash\n/);
    expect(script).toContain('/sys/devices/system/node/node${NUMA_NODE}/hugepages/hugepages-${HUGEPAGES_SIZE_KB}kB/nr_hugepages');
    expect(script).toContain('exit 1');
    expect(config.storage.files[1].mode).toBe(0o755);
    expect(config.systemd.units.map((u: any) => u.name)).toEqual([
      'hugepages-allocation-2048kB-NUMA0.service',
      'hugepages-allocation-1048576kB-NUMA1.service',
    ]);
    const unit = config.systemd.units[1];
    expect(unit.enabled).toBe(true);
    expect(unit.contents).toContain('Before=kubelet.service');
    expect(unit.contents).toContain('Type=oneshot');
    expect(unit.contents).toContain('Environment=HUGEPAGES_COUNT=26');
    expect(unit.contents).toContain('Environment=HUGEPAGES_SIZE_KB=1048576');
    expect(unit.contents).toContain('Environment=NUMA_NODE=1');
    expect(unit.contents).toContain(`ExecStart=${HUGEPAGES_SCRIPT_PATH}`);
    expect(unit.contents).toContain('WantedBy=multi-user.target');
  });

  test('data URLs are byte-stable base64', () => {
    expect(dataUrl('a\n')).toBe('data:text/plain;charset=utf-8;base64,YQo=');
    expect(hugePageUnitName({ size: HugePageSize.ONE_GI, numaNode: 3 })).toBe('hugepages-allocation-1048576kB-NUMA3.service');
  });

  test('offlined CPUs: the script and its unit, ordered before the kubelet, after the huge page units', () => {
    const config = ignitionConfig('50-worker-rt-realtime', [{ size: HugePageSize.ONE_GI, numaNode: 0, count: 4 }], CpuSet.parse('14-15'));
    expect(config.storage.files.map((f: any) => f.path)).toEqual([SCHED_RT_SYSCTL_PATH, HUGEPAGES_SCRIPT_PATH, CPUS_OFFLINE_SCRIPT_PATH]);
    expect(config.storage.files[2].mode).toBe(0o755);
    expect(config.systemd.units.map((u: any) => u.name)).toEqual(['hugepages-allocation-1048576kB-NUMA0.service', CPUS_OFFLINE_UNIT_NAME]);
    const unit = config.systemd.units[1];
    expect(unit.enabled).toBe(true);
    expect(unit.contents).toContain('Before=kubelet.service');
    expect(unit.contents).toContain('Environment="OFFLINE_CPUS=14 15"');
  });
});
