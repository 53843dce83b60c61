import { kubeadmLimitations, kubeadmRebootNotes } from '../../../src/backends/cluster-api/kubeadm-notes';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('kubeadm reboot notes and limitations', () => {
  test('a template change replaces Machines; each kernel argument is in the image; files, units, the kubelet patch, the reset', () => {
    const plan = seed002Plan();
    const notes = kubeadmRebootNotes(plan, 'worker-rt-realtime', 'worker-rt.image-builder.json');
    expect(notes[0]).toContain('KubeadmConfigTemplate worker-rt-realtime: read only when a Machine is created');
    expect(notes.filter((n) => n.startsWith('node image (worker-rt.image-builder.json): kernel argument'))).toHaveLength(plan.kernelArguments.length);
    expect(notes.some((n) => n.includes('systemd unit hugepages-allocation-1048576kB-NUMA0.service'))).toBe(true);
    expect(notes.some((n) => n.includes('kubelet patch /etc/kubernetes/patches/kubeletconfiguration0+strategic.json'))).toBe(true);
    expect(notes[notes.length - 1]).toContain('/var/lib/kubelet/cpu_manager_state');
    expect(notes.some((n) => n.includes('real-time kernel'))).toBe(false);
    expect(kubeadmRebootNotes(seed002Plan({ realtimeKernel: true }), 't', 'v.json')[1]).toContain('real-time kernel');
  });

  test('limitations: kubeadm cannot set kernel arguments (the vars file), join-time patch, unit timing, labels, TuneD', () => {
    const text = kubeadmLimitations('worker-rt.image-builder.json').join('\n');
    for (const fact of ['kubeadm cannot set kernel arguments', 'worker-rt.image-builder.json', 'kubeadm join only', 'preKubeadmCommands', '--node-labels', 'No TuneD']) {
      expect(text).toContain(fact);
    }
  });
});
