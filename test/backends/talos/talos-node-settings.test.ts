import {
  cpuOnlineSysfsKey, hugePagesSysfsKey, TALOS_SYSTEM_RESERVED_DEFAULTS, talosKubeletConfig, talosNodeSettings,
} from '../../../src/backends/talos/talos-node-settings';
import { CpuSet } from '../../../src/values/cpu-set';
import { TaintEffect } from '../../../src/values/vm/taint-effect';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('Talos node settings', () => {
  test('seed-002: huge pages per NUMA node through sysfs, sorted sysctls and labels', () => {
    const settings = talosNodeSettings(seed002Plan());
    expect(settings.sysfs).toEqual({
      'devices.system.node.node0.hugepages.hugepages-1048576kB.nr_hugepages': '26',
      'devices.system.node.node1.hugepages.hugepages-1048576kB.nr_hugepages': '26',
    });
    expect(Object.keys(settings.sysctls)).toEqual([...Object.keys(settings.sysctls)].sort());
    expect(settings.sysctls['kernel.sched_rt_runtime_us']).toBe('-1');
    expect(settings.nodeLabels).toEqual({ 'node.kubernetes.io/worker-rt': '' });
  });

  test('offlined CPUs: one online=0 key per CPU, ascending, after the huge pages', () => {
    const settings = talosNodeSettings(seed002Plan({ offlinedCpus: CpuSet.parse('7,15') }));
    expect(Object.keys(settings.sysfs).slice(2)).toEqual([cpuOnlineSysfsKey(7), cpuOnlineSysfsKey(15)]);
    expect(settings.sysfs['devices.system.cpu.cpu15.online']).toBe('0');
    expect(hugePagesSysfsKey(1, 2048)).toBe('devices.system.node.node1.hugepages.hugepages-2048kB.nr_hugepages');
  });

  test('kubelet: the plan\'s fields in order, systemReserved with Talos\' pid and ephemeral-storage defaults restated', () => {
    const plan = seed002Plan();
    const kubelet = talosKubeletConfig(plan);
    expect(Object.keys(kubelet)).toEqual(Object.keys(plan.kubelet));
    expect(kubelet.systemReserved).toEqual({ ...TALOS_SYSTEM_RESERVED_DEFAULTS, memory: '500Mi' });
    expect(kubelet.reservedSystemCPUs).toBe('0-1,8-9');
    expect(kubelet.memoryManagerPolicy).toBe('Static');
    expect(kubelet.registerWithTaints).toBeUndefined();
  });

  test('taints become registerWithTaints (NodeRestriction refuses nodeTaints changes by a worker)', () => {
    const kubelet = talosKubeletConfig(seed002Plan({ nodeTaints: [{ key: 'kubevirt.io/realtime', effect: TaintEffect.NO_SCHEDULE }] }));
    expect(kubelet.registerWithTaints).toEqual([{ key: 'kubevirt.io/realtime', effect: 'NoSchedule' }]);
  });
});
