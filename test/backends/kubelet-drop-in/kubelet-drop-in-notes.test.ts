import { kubeletDropInLimitations, kubeletDropInRebootNotes } from '../../../src/backends/kubelet-drop-in/kubelet-drop-in-notes';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('kubelet drop-in reboot notes and limitations', () => {
  test('kubelet restart, one line per kernel argument, files and units, labels, the reset step', () => {
    const plan = seed002Plan();
    const notes = kubeletDropInRebootNotes(plan, '/etc/kubernetes/kubelet.conf.d/90-kubevirt-realtime.conf');
    expect(notes[0]).toMatch(/^kubelet drop-in \/etc\/kubernetes\/kubelet.conf.d\/90-kubevirt-realtime.conf: restart the kubelet/);
    expect(notes.filter((n) => n.startsWith('kernel argument'))).toHaveLength(plan.kernelArguments.length);
    expect(notes).toContain('file /etc/sysctl.d/99-kubevirt-realtime.conf');
    expect(notes.some((n) => n.startsWith('node labels (--node-labels)'))).toBe(true);
    expect(notes[notes.length - 1]).toContain('systemctl stop kubelet');
    expect(notes[notes.length - 1]).toContain('kubevirt-rt-kubelet-state-cleanup.service deletes the checkpoints at every boot');
    expect(kubeletDropInRebootNotes(seed002Plan({ realtimeKernel: true, nodeLabels: {} }), 'x')[1]).toContain('real-time kernel');
  });

  test('limitations: the OS tooling, --config-dir, flags override drop-ins, labels, TuneD', () => {
    const text = kubeletDropInLimitations('/etc/kubernetes/kubelet.conf.d').join('\n');
    for (const fact of ['OS tooling', '--config-dir=/etc/kubernetes/kubelet.conf.d', 'flags override drop-ins', '--node-labels', 'No TuneD']) {
      expect(text).toContain(fact);
    }
  });
});
