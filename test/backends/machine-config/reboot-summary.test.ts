import { machineConfigRebootSummary, OPENSHIFT_KUBELET_STATE_LINE } from '../../../src/backends/machine-config/reboot-summary';
import { performanceProfileRebootSummary } from '../../../src/backends/performance-profile/reboot-summary';
import { ResolvedPool, resolvePool } from '../../../src/model/pool/resolve-pool';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { PoolBackend } from '../../../src/values/pool/pool-backend';
import { guideProps, smtTopology } from '../../fixtures/pool';

/** The reboot summary of the pool's backend (what RealtimeNodePool.rebootSummary returns). */
function rebootSummary(pool: ResolvedPool): string[] {
  return pool.model.backend === PoolBackend.PERFORMANCE_PROFILE ? performanceProfileRebootSummary(pool) : machineConfigRebootSummary(pool);
}

describe('rebootSummary', () => {
  test('lists the rollout, the kernel, each argument with its position, the huge pages, the files and the kubelet', () => {
    const lines = rebootSummary(resolvePool(guideProps()));
    expect(lines[0]).toBe('MachineConfigPool worker-rt: maxUnavailable 1 (nodes drain and reboot one at a time), paused false');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: kernelType realtime');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: kernel argument 1 of 13: isolcpus=managed_irq,2-7,10-15 (value and position)');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: huge pages on NUMA node 1: 26 x 1Gi (systemd unit hugepages-allocation-1048576kB-NUMA1.service)');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: file /usr/local/bin/kubevirt-rt-hugepages-allocation.sh');
    expect(lines.some((l) => l.startsWith('KubeletConfig worker-rt-realtime: every field') && l.includes('reservedSystemCPUs 0-1,8-9'))).toBe(true);
    expect(lines[lines.length - 2]).toMatch(/^Tuned worker-rt-realtime: applied live by TuneD, no reboot/);
    expect(lines[lines.length - 1]).toBe(OPENSHIFT_KUBELET_STATE_LINE);
    expect(lines).toMatchSnapshot();
  });

  test('boot-time pages, several nodes at once, paused', () => {
    const lines = rebootSummary(resolvePool(guideProps({
      hugepages: [{ size: HugePageSize.ONE_GI, count: 52 }],
      maxUnavailable: 2,
      paused: true,
      realtimeKernel: false,
    })));
    expect(lines[0]).toBe('MachineConfigPool worker-rt: maxUnavailable 2 (nodes drain and reboot 2 at a time), paused true (nothing is applied until it is unpaused)');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: kernelType default');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: huge pages on NUMA node 0: 26 x 1Gi (boot argument)');
    expect(lines.some((l) => l.includes('kubevirt-rt-hugepages-allocation.sh'))).toBe(false);
  });

  describe('PerformanceProfile backend', () => {
    test('the profile name, the kernel type, each argument NTO renders, the node-computed ones, pages, hints, the kubelet', () => {
      // GIVEN the guide's pool with the PerformanceProfile backend
      const lines = rebootSummary(resolvePool(guideProps({ backend: PoolBackend.PERFORMANCE_PROFILE })));

      // THEN the rollout line is the MachineConfig backend's
      expect(lines[0]).toBe('MachineConfigPool worker-rt: maxUnavailable 1 (nodes drain and reboot one at a time), paused false');
      expect(lines[1]).toMatch(/^PerformanceProfile worker-rt: its name \(NTO names MachineConfig 50-performance-worker-rt, KubeletConfig performance-worker-rt and Tuned openshift-node-performance-worker-rt/);
      expect(lines).toContain('PerformanceProfile worker-rt: realTimeKernel.enabled true (MachineConfig 50-performance-worker-rt: kernelType realtime)');
      expect(lines).toContain('PerformanceProfile worker-rt: kernel argument 5 of 13: isolcpus=managed_irq,2-7,10-15 (NTO renders it into MachineConfig 50-nto-worker-rt)');
      expect(lines.some((l) => l.includes('systemd.cpu_affinity=<non-isolated CPUs>, computed by TuneD'))).toBe(true);
      expect(lines).toContain('PerformanceProfile worker-rt: huge pages on NUMA node 1: 26 x 1Gi (systemd unit hugepages-allocation-1048576kB-NUMA1.service in MachineConfig 50-performance-worker-rt)');
      expect(lines.some((l) => l.startsWith('KubeletConfig performance-worker-rt (rendered by NTO') && l.endsWith('reserved memory 1100Mi on NUMA node 0'))).toBe(true);
      expect(lines[lines.length - 2]).toMatch(/^NTO upgrades: .* reboot the pool/);
      expect(lines.some((l) => l.includes('Tuned worker-rt-realtime') || l.includes('50-worker-rt-realtime'))).toBe(false);
      expect(lines).toMatchSnapshot();
    });

    test('offlined CPUs, boot-time pages, a non-RT kernel, the power hint', () => {
      const topology = smtTopology();
      const lines = rebootSummary(resolvePool({
        role: 'worker-rt',
        backend: PoolBackend.PERFORMANCE_PROFILE,
        topology,
        partition: CpuPartition.plan(topology, { reservedCpuCount: 4, offlinedCpuCount: 2 }),
        hugepages: [{ size: HugePageSize.ONE_GI, count: 160 }],
        realtimeKernel: false,
        highPowerConsumption: true,
      }));
      expect(lines).toContain('PerformanceProfile worker-rt: realTimeKernel.enabled false (MachineConfig 50-performance-worker-rt: kernelType default)');
      expect(lines).toContain('PerformanceProfile worker-rt: huge pages on NUMA node 0: 80 x 1Gi (boot argument)');
      expect(lines.some((l) => /^PerformanceProfile worker-rt: cpu.offlined \S+ \(set-cpus-offline.service in MachineConfig 50-performance-worker-rt\)$/.test(l))).toBe(true);
      expect(lines.some((l) => l.endsWith(': idle=poll (NTO renders it into MachineConfig 50-nto-worker-rt)'))).toBe(true);
      expect(lines).toContain('PerformanceProfile worker-rt: workloadHints realTime true, highPowerConsumption true, perPodPowerManagement false (each hint changes NTO\'s kernel arguments)');
    });
  });
});
