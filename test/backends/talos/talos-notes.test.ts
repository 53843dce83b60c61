import { talosNodeSettings } from '../../../src/backends/talos/talos-node-settings';
import { talosLimitations, talosRebootNotes } from '../../../src/backends/talos/talos-notes';
import { TalosVersion } from '../../../src/values/cluster/talos-version';
import { CpuSet } from '../../../src/values/cpu-set';
import { TaintEffect } from '../../../src/values/vm/taint-effect';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('Talos reboot notes and limitations', () => {
  test('seed-002: the schematic (one line per argument), live kubelet/sysctl/sysfs/label changes, the template, the reset step', () => {
    const plan = seed002Plan();
    const notes = talosRebootNotes(plan, talosNodeSettings(plan), TalosVersion.V1_13, 'worker-rt-realtime');
    expect(notes[0]).toContain('talosctl upgrade --image factory.talos.dev/metal-installer/<schematic id>:<Talos v1.13.x release>');
    expect(notes.filter((n) => n.startsWith('schematic: kernel argument'))).toHaveLength(plan.kernelArguments.length);
    expect(notes).toContain(`schematic: kernel argument 1 of ${plan.kernelArguments.length}: isolcpus=domain,managed_irq,2-7,10-15 (value and position)`);
    expect(notes.some((n) => n.startsWith('machine.kubelet.extraConfig: applied without a reboot') && n.includes('reservedSystemCPUs 0-1,8-9'))).toBe(true);
    expect(notes.filter((n) => n.startsWith('machine.sysfs: 26 x 1Gi huge pages on NUMA node'))).toHaveLength(2);
    expect(notes.some((n) => n.startsWith('TalosConfigTemplate worker-rt-realtime'))).toBe(true);
    expect(notes[notes.length - 1]).toContain('/var/lib/kubelet/cpu_manager_state');
    expect(notes[notes.length - 1]).toContain('kubectl debug node/<node>');
  });

  test('offlined CPUs and taints add their lines', () => {
    const plan = seed002Plan({ offlinedCpus: CpuSet.of([15]), nodeTaints: [{ key: 'rt', effect: TaintEffect.NO_SCHEDULE }] });
    const notes = talosRebootNotes(plan, talosNodeSettings(plan), TalosVersion.V1_13, 't');
    expect(notes.some((n) => n.startsWith('machine.sysfs: CPUs 15 offline'))).toBe(true);
    expect(notes.some((n) => n.startsWith('kubelet registerWithTaints'))).toBe(true);
  });

  test('limitations name PREEMPT_RT, the EPERM risk, systemd, the schematic and TuneD', () => {
    const text = talosLimitations().join('\n');
    for (const fact of ['PREEMPT_RT', 'pkgs#1484', 'systemd.cpu_affinity', 'image-factory#154', 'installerImage', 'No TuneD', 'NodeRestriction']) {
      expect(text).toContain(fact);
    }
  });
});
