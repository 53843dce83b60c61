import { guideProps } from './fixtures';
import { HugePageSize } from '../../src/model/hugepage-size';
import { rebootSummary } from '../../src/pool/reboot-summary';
import { resolvePool } from '../../src/pool/resolve-pool';

describe('rebootSummary', () => {
  test('lists the rollout, the kernel, each argument with its position, the huge pages, the files and the kubelet', () => {
    const lines = rebootSummary(resolvePool(guideProps()));
    expect(lines[0]).toBe('MachineConfigPool worker-rt: maxUnavailable 1 (nodes drain and reboot one at a time), paused false');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: kernelType realtime');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: kernel argument 1 of 13: isolcpus=managed_irq,2-7,10-15 (value and position)');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: huge pages on NUMA node 1: 26 x 1Gi (systemd unit hugepages-allocation-1048576kB-NUMA1.service)');
    expect(lines).toContain('MachineConfig 50-worker-rt-realtime: file /usr/local/bin/kubevirt-rt-hugepages-allocation.sh');
    expect(lines.some((l) => l.startsWith('KubeletConfig worker-rt-realtime: every field') && l.includes('reservedSystemCPUs 0-1,8-9'))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^Tuned worker-rt-realtime: applied live by TuneD, no reboot/);
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
});
