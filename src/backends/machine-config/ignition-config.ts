import { PinnedHugePages } from '../../model/pool/hugepages';
import { SCHED_RT_RUNTIME_SYSCTL, SCHED_RT_RUNTIME_UNLIMITED } from '../../model/pool/realtime-sysctls';
import { CpuSet } from '../../values/cpu-set';
import { cpusOffline } from '../node-files/cpu-offline-unit';
import { hugePageAllocation } from '../node-files/hugepage-units';
import { MODE_READABLE, NodeFile } from '../node-files/node-file';

// The Ignition config (spec 3.2.0, what the Machine Config Operator accepts and NTO emits) of the pool's
// MachineConfig: boot-time node state that is not a kernel argument.

// The huge page script and units are shared with the other node backends (backends/node-files); re-exported here for
// the modules that name them in reboot summaries.
export { HUGEPAGES_SCRIPT_PATH, hugePageUnitName } from '../node-files/hugepage-units';

/** The Ignition spec version of the MachineConfig's `spec.config`. */
export const IGNITION_VERSION = '3.2.0';

/** The sysctl file that lifts the real-time throttling limit at boot. */
export const SCHED_RT_SYSCTL_PATH = '/etc/sysctl.d/99-kubevirt-realtime.conf';

export { SCHED_RT_RUNTIME_SYSCTL, SCHED_RT_RUNTIME_UNLIMITED };

function schedRtSysctl(machineConfigName: string): string {
  return [
    `# Written by cdk8s-kubevirt-realtime (MachineConfig ${machineConfigName}).`,
    '# No run-time limit for SCHED_FIFO/RR threads: real-time vCPUs must not be throttled, and KubeVirt labels the',
    '# node kubevirt.io/realtime only when this is -1. The Tuned profile of the pool sets the same value.',
    `${SCHED_RT_RUNTIME_SYSCTL} = ${SCHED_RT_RUNTIME_UNLIMITED}`,
    '',
  ].join('\n');
}

/** A data: URL of a text, base64-encoded like the MCO writes them (byte-stable). */
export function dataUrl(text: string): string {
  return `data:text/plain;charset=utf-8;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

function file(path: string, mode: number, text: string): any {
  return { path, mode, overwrite: true, contents: { source: dataUrl(text) } };
}

function ignitionFile(f: NodeFile): any {
  return file(f.path, f.mode, f.contents);
}

/**
 * The Ignition config: the sysctl file; for pages pinned to NUMA nodes the allocation script plus one unit per
 * (size, node), by size then node; for offlined CPUs the script and unit that switch them off before the kubelet.
 */
export function ignitionConfig(machineConfigName: string, pinned: PinnedHugePages[], offlined: CpuSet): any {
  const hugePages = hugePageAllocation(pinned);
  const offline = cpusOffline(offlined);
  const files = [
    file(SCHED_RT_SYSCTL_PATH, MODE_READABLE, schedRtSysctl(machineConfigName)),
    ...hugePages.files.map(ignitionFile),
    ...offline.files.map(ignitionFile),
  ];
  const units = [...hugePages.units, ...offline.units];
  const config: any = {
    ignition: { version: IGNITION_VERSION },
    storage: { files },
  };
  if (units.length > 0) {
    config.systemd = { units: units.map((u) => ({ name: u.name, enabled: u.enabled, contents: u.contents })) };
  }
  return config;
}
