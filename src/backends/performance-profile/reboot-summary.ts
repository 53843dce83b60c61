import { NTO_NODE_COMPUTED_KERNEL_ARGS, NTO_REFERENCE_RELEASE, NTO_RESERVED_MEMORY_NUMA_NODE } from '../../model/pool/nto-rendering';
import {
  machineConfigPoolName, ntoBootloaderMachineConfigName, ntoKubeletConfigName, ntoMachineConfigName, ntoTunedName,
  performanceProfileName,
} from '../../model/pool/pool-names';
import { ResolvedPool } from '../../model/pool/resolve-pool';
import { hugePageUnitName } from '../machine-config/ignition-config';
import { OPENSHIFT_KUBELET_STATE_LINE, rolloutLine } from '../machine-config/reboot-summary';

/** The reboot summary of a PerformanceProfile pool: the MachineConfigPool's rollout, then `performanceProfileRebootLines`. */
export function performanceProfileRebootSummary(pool: ResolvedPool): string[] {
  return [rolloutLine(pool), ...performanceProfileRebootLines(pool)];
}

/**
 * The reboot summary of a PerformanceProfile pool (after the MachineConfigPool line). NTO turns the profile into
 * MachineConfigs, and the Machine Config Operator reboots a node for any change of them: the kernel type and the
 * huge page units (MachineConfig `50-performance-<p>`), the kernel arguments TuneD computes (MachineConfig
 * `50-nto-<pool>`, even a new ORDER), and the kubelet settings (KubeletConfig `performance-<p>`).
 */
export function performanceProfileRebootLines(pool: ResolvedPool): string[] {
  const { model } = pool;
  const pp = `PerformanceProfile ${performanceProfileName(model.role)}`;
  const profile = performanceProfileName(model.role);
  const ntoMc = ntoMachineConfigName(profile);
  const lines: string[] = [
    `${pp}: its name (NTO names MachineConfig ${ntoMc}, KubeletConfig ${ntoKubeletConfigName(profile)} and Tuned `
      + `${ntoTunedName(profile)} after it: a rename replaces them and reboots every node)`,
    `${pp}: realTimeKernel.enabled ${model.realtimeKernel} (MachineConfig ${ntoMc}: kernelType ${model.realtimeKernel ? 'realtime' : 'default'})`,
  ];
  const bootloaderMc = ntoBootloaderMachineConfigName(machineConfigPoolName(model.role));
  model.kernelArguments.forEach((arg, i) => {
    lines.push(`${pp}: kernel argument ${i + 1} of ${model.kernelArguments.length}: ${arg} (NTO renders it into MachineConfig ${bootloaderMc})`);
  });
  for (const computed of NTO_NODE_COMPUTED_KERNEL_ARGS) lines.push(`${pp}: also in MachineConfig ${bootloaderMc}: ${computed}`);
  for (const pages of model.hugepages) {
    const how = pages.allocatedAtBoot ? 'boot argument' : `systemd unit ${hugePageUnitName(pages)} in MachineConfig ${ntoMc}`;
    lines.push(`${pp}: huge pages on NUMA node ${pages.numaNode}: ${pages.count} x ${pages.size} (${how})`);
  }
  if (!model.partition.offlined.isEmpty) {
    lines.push(`${pp}: cpu.offlined ${model.partition.offlined} (set-cpus-offline.service in MachineConfig ${ntoMc})`);
  }
  lines.push(
    `${pp}: workloadHints realTime true, highPowerConsumption ${pool.highPowerConsumption}, perPodPowerManagement `
      + `${pool.perPodPowerManagement} (each hint changes NTO's kernel arguments)`,
    `KubeletConfig ${ntoKubeletConfigName(profile)} (rendered by NTO; the MCO renders it into MachineConfig `
      + `99-${machineConfigPoolName(model.role)}-generated-kubelet): reservedSystemCPUs ${model.partition.reserved}, `
      + `topologyManagerPolicy ${model.topologyManagerPolicy}, full-pcpus-only ${model.fullPcpusOnly}, reserved memory `
      + `${model.reservedMemory.toMebibytes()}Mi on NUMA node ${NTO_RESERVED_MEMORY_NUMA_NODE}`,
    'NTO upgrades: another NTO release may render other kernel arguments, or the same ones in another order, and reboot '
      + `the pool (OCPBUGS-43666); this summary describes ${NTO_REFERENCE_RELEASE}`,
    OPENSHIFT_KUBELET_STATE_LINE,
  );
  return lines;
}
