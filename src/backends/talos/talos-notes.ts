import { TalosNodeSettings } from './talos-node-settings';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { TalosVersion } from '../../values/cluster/talos-version';
import { kubeletStateResetNote, NO_TUNED_LIMITATION } from '../node-notes/kubelet-state-reset';
import { kubeletSettingsSummary } from '../node-notes/kubelet-summary';

/** What a Talos pool's reviewer needs next to a diff: which change reboots or restarts what. */
export function talosRebootNotes(plan: NodeTuningPlan, settings: TalosNodeSettings, version: TalosVersion, templateName: string): string[] {
  const args = plan.kernelArguments;
  const notes = [
    'Image Factory schematic: any change to customization.extraKernelArgs is a new schematic ID and installer image; a node '
      + `takes it only through talosctl upgrade --image factory.talos.dev/metal-installer/<schematic id>:<Talos ${version.contractVersion}.x release>, `
      + 'which reboots it',
    ...args.map((arg, i) => `schematic: kernel argument ${i + 1} of ${args.length}: ${arg} (value and position)`),
    `machine.kubelet.extraConfig: applied without a reboot (Talos restarts the kubelet): ${kubeletSettingsSummary(settings.kubelet)}`,
  ];
  if (Object.keys(settings.sysctls).length > 0) {
    notes.push(`machine.sysctls: applied live, no reboot: ${Object.entries(settings.sysctls).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  for (const pages of plan.numaHugePages) {
    notes.push(`machine.sysfs: ${pages.count} x ${pages.size} huge pages on NUMA node ${pages.numaNode}: written live and at every boot; `
      + 'on a node with fragmented memory the count can fall short without an error, so reboot the node to get them at boot');
  }
  if (!plan.offlinedCpus.isEmpty) {
    notes.push(`machine.sysfs: CPUs ${plan.offlinedCpus} offline: applied live, under a running kubelet; drain the node first and reset the kubelet state (below)`);
  }
  if (Object.keys(settings.nodeLabels).length > 0) {
    notes.push(`machine.nodeLabels: applied live, no reboot: ${Object.keys(settings.nodeLabels).join(', ')}`);
  }
  if (plan.nodeTaints.length > 0) {
    notes.push('kubelet registerWithTaints: used only when a node registers; add or change the taints of existing nodes with kubectl taint');
  }
  notes.push(
    `TalosConfigTemplate ${templateName} (Cluster API): read only when a Machine is created; roll a change out under a new template `
      + 'name referenced by the MachineDeployment, which replaces every Machine',
    kubeletStateResetNote('on Talos (no shell), before applying the change: kubectl debug node/<node> -it --image=busybox -- '
      + 'rm -f /host/var/lib/kubelet/cpu_manager_state /host/var/lib/kubelet/memory_manager_state (the talos#7504 workaround); '
      + 'Machines that Cluster API creates from a new template start clean'),
  );
  return notes;
}

/** What the Talos backend cannot do, for the review page. */
export function talosLimitations(): string[] {
  return [
    'No PREEMPT_RT kernel on Talos (siderolabs/pkgs#1479): realtimeKernel must be false; Talos kernels are PREEMPT_DYNAMIC, '
      + 'so preempt=full in additionalKernelArgs gives full preemption',
    'Talos kernels have CONFIG_RT_GROUP_SCHED on cgroup v2: SCHED_FIFO in a container can fail with EPERM (siderolabs/pkgs#1484), '
      + 'so KubeVirt\'s real-time vCPU scheduling may fail; check a test VM\'s vCPU threads with chrt -p',
    'No systemd: systemd.cpu_affinity has no effect and Talos services are not pinned to the reserved CPUs; only '
      + 'isolcpus=domain (balanceIsolated: false) keeps unpinned tasks off the isolated CPUs',
    'Kernel arguments only through the Image Factory schematic: one boot-time huge page size (image-factory#154 groups repeated '
      + 'hugepagesz/hugepages keys); the schematic ID is not computed here: POST the schematic to the factory and pass the '
      + 'installer it names as installerImage (machine.install.image), or the nodes boot without the pool\'s kernel arguments',
    'machine.sysfs writes huge pages and CPU offlining without reading them back: verify with talosctl read '
      + '/sys/devices/system/node/node<N>/hugepages/hugepages-<kB>kB/nr_hugepages',
    'Node labels and taints go through NodeRestriction: labels under kubernetes.io/k8s.io (other than node.kubernetes.io and '
      + 'kubelet.kubernetes.io) are refused, taints apply at registration only',
    NO_TUNED_LIMITATION,
  ];
}
