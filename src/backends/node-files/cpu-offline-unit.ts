import { MODE_EXECUTABLE, NodeFile, NodeUnit } from './node-file';
import { CpuSet } from '../../values/cpu-set';

// Offlined CPUs are switched off by a oneshot unit ordered before kubelet.service, like NTO's set-cpus-offline.service
// (PerformanceProfile `cpu.offlined`): the kubelet must never see them, or its CPU manager counts them as allocatable
// and its checkpoint no longer matches the CPUs that exist. The CPU list is written out at synth time from the declared
// topology, never computed on the node.
//
// Our own script and unit name (not NTO's /usr/local/bin/set-cpus-offline.sh), so an NTO profile on the same node cannot
// overwrite them. Unlike NTO's script it is idempotent (an already offline CPU is left alone), and it reads every state
// back, so a CPU that refused to go offline fails the unit visibly instead of reaching the kubelet.

/** The script the unit runs. */
export const CPUS_OFFLINE_SCRIPT_PATH = '/usr/local/bin/kubevirt-rt-cpus-offline.sh';

/** The unit that switches the offlined CPUs off before the kubelet starts. */
export const CPUS_OFFLINE_UNIT_NAME = 'kubevirt-rt-cpus-offline.service';

// Checks every CPU first (a missing online file means the CPU does not exist or cannot be hot-unplugged, e.g. CPU 0 on
// x86), so a wrong list changes nothing; then writes 0 and reads it back.
const CPUS_OFFLINE_SCRIPT = `#!/bin/bash
# Written by cdk8s-kubevirt-realtime. Switches CPUs off before the kubelet starts.
# Environment: OFFLINE_CPUS (CPU ids separated by spaces).
set -eu
for cpu in \${OFFLINE_CPUS}; do
  if [ ! -w "/sys/devices/system/cpu/cpu\${cpu}/online" ]; then
    echo "CPU \${cpu} cannot be switched off: /sys/devices/system/cpu/cpu\${cpu}/online is missing or read-only" >&2
    exit 1
  fi
done
for cpu in \${OFFLINE_CPUS}; do
  online="/sys/devices/system/cpu/cpu\${cpu}/online"
  if [ "$(cat "\${online}")" != "0" ]; then
    echo 0 > "\${online}"
  fi
  if [ "$(cat "\${online}")" != "0" ]; then
    echo "CPU \${cpu} is still online" >&2
    exit 1
  fi
done
`;

/** The unit text for the given CPUs. */
export function cpusOfflineUnitContents(offlined: CpuSet): string {
  return [
    '[Unit]',
    `Description=Switch off CPUs ${offlined} (offlined by the pool's CPU partition)`,
    // The kubelet reads the online CPUs once at start-up; its CPU manager must never see these.
    'Before=kubelet.service',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=true',
    `Environment="OFFLINE_CPUS=${offlined.toArray().join(' ')}"`,
    `ExecStart=${CPUS_OFFLINE_SCRIPT_PATH}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/** The script plus its unit; nothing when no CPU is offlined. */
export function cpusOffline(offlined: CpuSet): { files: NodeFile[]; units: NodeUnit[] } {
  if (offlined.isEmpty) return { files: [], units: [] };
  return {
    files: [{ path: CPUS_OFFLINE_SCRIPT_PATH, contents: CPUS_OFFLINE_SCRIPT, mode: MODE_EXECUTABLE }],
    units: [{ name: CPUS_OFFLINE_UNIT_NAME, contents: cpusOfflineUnitContents(offlined), enabled: true }],
  };
}
