import { HUGEPAGES_SCRIPT_PATH, hugePageUnitName, SCHED_RT_RUNTIME_SYSCTL, SCHED_RT_RUNTIME_UNLIMITED, SCHED_RT_SYSCTL_PATH } from './ignition-config';
import { kubeletConfigName, machineConfigName, machineConfigPoolName, tunedName } from '../../model/pool/pool-names';
import { ResolvedPool } from '../../model/pool/resolve-pool';
import { CPUS_OFFLINE_UNIT_NAME } from '../node-files/cpu-offline-unit';

/**
 * The node-level inputs of a pool whose change drains and reboots its nodes, one line each, plus how the reboots roll
 * out. A reviewer reads it next to a GitOps diff: if a changed line is here, the pool will reboot.
 *
 * The Machine Config Operator reboots a node for any change of the rendered config of its pool: the kernel type, the
 * kernel arguments (even their ORDER), the Ignition files and units, the MachineConfig names, and the MachineConfig it
 * renders from the KubeletConfig. Tuned changes are applied live (their boot command line is kept empty). With the
 * PerformanceProfile backend, the lines name the profile's fields and the objects NTO renders from them.
 */
export function machineConfigRebootSummary(pool: ResolvedPool): string[] {
  const { model } = pool;
  const rollout = rolloutLine(pool);
  const role = model.role;
  const mc = machineConfigName(role);
  const lines: string[] = [
    rollout,
    `MachineConfig ${mc}: its name (a rename replaces it and reboots every node)`,
    `MachineConfig ${mc}: kernelType ${model.realtimeKernel ? 'realtime' : 'default'}`,
  ];
  model.kernelArguments.forEach((arg, i) => {
    lines.push(`MachineConfig ${mc}: kernel argument ${i + 1} of ${model.kernelArguments.length}: ${arg} (value and position)`);
  });
  for (const pages of model.hugepages) {
    const how = pages.allocatedAtBoot ? 'boot argument' : `systemd unit ${hugePageUnitName(pages)}`;
    lines.push(`MachineConfig ${mc}: huge pages on NUMA node ${pages.numaNode}: ${pages.count} x ${pages.size} (${how})`);
  }
  lines.push(`MachineConfig ${mc}: file ${SCHED_RT_SYSCTL_PATH} (${SCHED_RT_RUNTIME_SYSCTL} = ${SCHED_RT_RUNTIME_UNLIMITED})`);
  if (pool.pinned.length > 0) lines.push(`MachineConfig ${mc}: file ${HUGEPAGES_SCRIPT_PATH}`);
  if (!model.partition.offlined.isEmpty) {
    lines.push(`MachineConfig ${mc}: CPUs ${model.partition.offlined} offline (unit ${CPUS_OFFLINE_UNIT_NAME}, before the kubelet)`);
  }
  lines.push(
    `KubeletConfig ${kubeletConfigName(role)}: every field (the MCO renders it into MachineConfig 99-${machineConfigPoolName(role)}-generated-kubelet): `
      + `reservedSystemCPUs ${model.partition.reserved}, topologyManagerPolicy ${model.topologyManagerPolicy}, `
      + `full-pcpus-only ${model.fullPcpusOnly}, reserved memory ${model.reservedMemory.toMebibytes()}Mi`,
    `Tuned ${tunedName(role)}: applied live by TuneD, no reboot (its [bootloader] is emptied, so NTO renders no MachineConfig)`,
    OPENSHIFT_KUBELET_STATE_LINE,
  );
  return lines;
}

/**
 * The kubelet state reset (siderolabs/talos#7504) needs no manual step on OpenShift: every KubeletConfig change
 * reboots the node, and the MCO's kubelet.service deletes the CPU and memory manager checkpoints before each start.
 */
export const OPENSHIFT_KUBELET_STATE_LINE = 'kubelet state reset: none needed; every kubelet change reboots the node and the '
  + 'MCO\'s kubelet.service deletes /var/lib/kubelet/cpu_manager_state and memory_manager_state before each start';

/** How the MachineConfigPool rolls changes out (the same for both OpenShift backends). */
export function rolloutLine(pool: ResolvedPool): string {
  const { model } = pool;
  return `MachineConfigPool ${machineConfigPoolName(model.role)}: maxUnavailable ${model.maxUnavailable} (nodes drain and reboot `
    + `${model.maxUnavailable === 1 ? 'one at a time' : `${model.maxUnavailable} at a time`}), paused ${model.paused}`
    + (model.paused ? ' (nothing is applied until it is unpaused)' : '');
}
