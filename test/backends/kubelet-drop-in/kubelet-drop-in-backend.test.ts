import { spawnSync } from 'child_process';
import { renderKubeletDropIn } from '../../../src/backends/kubelet-drop-in/kubelet-drop-in-backend';
import { K3S_KUBELET_DROP_IN_DIR } from '../../../src/backends/kubelet-drop-in/kubelet-drop-in-file';
import { CPUS_OFFLINE_UNIT_NAME } from '../../../src/backends/node-files/cpu-offline-unit';
import { CpuSet } from '../../../src/values/cpu-set';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { expectNoLostValues } from '../../schema-validator';

describe('renderKubeletDropIn', () => {
  test('seed-002: the drop-in, the kernel-argument line, the flags, the node files and units', () => {
    const plan = seed002Plan();
    const out = renderKubeletDropIn(plan);
    expect(out.kubeletDropIn.path).toBe('/etc/kubernetes/kubelet.conf.d/90-kubevirt-realtime.conf');
    expect(out.kernelArgumentLine).toBe(plan.kernelArguments.join(' '));
    expect(out.kubeletFlags).toEqual(['--config-dir=/etc/kubernetes/kubelet.conf.d', '--node-labels=node.kubernetes.io/worker-rt=']);
    expect(out.nodeFiles.map((f) => f.path)).toEqual([
      '/etc/sysctl.d/99-kubevirt-realtime.conf',
      '/usr/local/bin/kubevirt-rt-hugepages-allocation.sh',
      '/etc/systemd/system/kubevirt-rt-kubelet-state-cleanup.service',
      '/etc/systemd/system/hugepages-allocation-1048576kB-NUMA0.service',
      '/etc/systemd/system/hugepages-allocation-1048576kB-NUMA1.service',
    ]);
    expect(out.nodeUnits.map((u) => u.name)).toEqual([
      'kubevirt-rt-kubelet-state-cleanup.service', 'hugepages-allocation-1048576kB-NUMA0.service', 'hugepages-allocation-1048576kB-NUMA1.service',
    ]);
    expectNoLostValues([out]);
    for (const script of out.nodeFiles.filter((f) => f.mode === 0o755)) expect(spawnSync('bash', ['-n'], { input: script.contents }).status).toBe(0);
  });

  test('k3s directory, no labels flag without labels, the offline unit with offlined CPUs', () => {
    const out = renderKubeletDropIn(seed002Plan({ nodeLabels: {}, offlinedCpus: CpuSet.of([15]) }), { directory: K3S_KUBELET_DROP_IN_DIR });
    expect(out.kubeletFlags).toEqual([`--config-dir=${K3S_KUBELET_DROP_IN_DIR}`]);
    expect(out.kubeletDropIn.path.startsWith(K3S_KUBELET_DROP_IN_DIR)).toBe(true);
    expect(out.nodeUnits[1].name).toBe(CPUS_OFFLINE_UNIT_NAME);
  });
});
