import { PinnedHugePages } from '../../model/pool/hugepages';

// The Ignition config (spec 3.2.0, what the Machine Config Operator accepts and NTO emits) of the pool's
// MachineConfig: boot-time node state that is not a kernel argument.

/** The Ignition spec version of the MachineConfig's `spec.config`. */
export const IGNITION_VERSION = '3.2.0';

/** The script the huge page units run. Not NTO's path, so an NTO profile on the same node cannot overwrite it. */
export const HUGEPAGES_SCRIPT_PATH = '/usr/local/bin/kubevirt-rt-hugepages-allocation.sh';

/** The sysctl file that lifts the real-time throttling limit at boot. */
export const SCHED_RT_SYSCTL_PATH = '/etc/sysctl.d/99-kubevirt-realtime.conf';

/** The sysctl that lets SCHED_FIFO/RR threads run without limit; KubeVirt labels a node `kubevirt.io/realtime` only when it is -1. */
export const SCHED_RT_RUNTIME_SYSCTL = 'kernel.sched_rt_runtime_us';
/** Its value on the pool's nodes ("A run time of -1 specifies runtime == period, ie. no limit"). */
export const SCHED_RT_RUNTIME_UNLIMITED = '-1';

const MODE_EXECUTABLE = 0o755;
const MODE_READABLE = 0o644;

// Writes the count, reads it back, and retries for up to a minute (compacting memory in between) because a
// fragmented node may not find enough contiguous memory at once; exits non-zero when the count is still short, so
// the unit shows as failed instead of the kubelet silently advertising fewer pages.
const HUGEPAGES_SCRIPT = `#!/bin/bash
# Written by cdk8s-kubevirt-realtime. Sets the huge pages of one size on one NUMA node.
# Environment: HUGEPAGES_COUNT, HUGEPAGES_SIZE_KB, NUMA_NODE.
set -eu
nr="/sys/devices/system/node/node\${NUMA_NODE}/hugepages/hugepages-\${HUGEPAGES_SIZE_KB}kB/nr_hugepages"
for attempt in $(seq 1 60); do
  echo "\${HUGEPAGES_COUNT}" > "\${nr}"
  got="$(cat "\${nr}")"
  if [ "\${got}" -eq "\${HUGEPAGES_COUNT}" ]; then
    exit 0
  fi
  echo "attempt \${attempt}: \${got} of \${HUGEPAGES_COUNT} pages of \${HUGEPAGES_SIZE_KB}kB on NUMA node \${NUMA_NODE}" >&2
  echo 1 > /proc/sys/vm/compact_memory || true
  sleep 1
done
exit 1
`;

/** The name of the unit that allocates pages of one size on one NUMA node (NTO's naming). */
export function hugePageUnitName(pages: { size: { kibibytes: number }; numaNode: number }): string {
  return `hugepages-allocation-${pages.size.kibibytes}kB-NUMA${pages.numaNode}.service`;
}

function hugePageUnit(pages: PinnedHugePages): string {
  return [
    '[Unit]',
    `Description=Allocate ${pages.count} huge pages of ${pages.size.quantity} on NUMA node ${pages.numaNode}`,
    // Before the kubelet, so it advertises the pages from its first start; early, so memory is least fragmented.
    'Before=kubelet.service',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=true',
    `Environment=HUGEPAGES_COUNT=${pages.count}`,
    `Environment=HUGEPAGES_SIZE_KB=${pages.size.kibibytes}`,
    `Environment=NUMA_NODE=${pages.numaNode}`,
    `ExecStart=${HUGEPAGES_SCRIPT_PATH}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

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

/**
 * The Ignition config: the sysctl file, and for pages pinned to NUMA nodes the allocation script plus one unit per
 * (size, node), by size then node.
 */
export function ignitionConfig(machineConfigName: string, pinned: PinnedHugePages[]): any {
  const files = [file(SCHED_RT_SYSCTL_PATH, MODE_READABLE, schedRtSysctl(machineConfigName))];
  if (pinned.length > 0) files.push(file(HUGEPAGES_SCRIPT_PATH, MODE_EXECUTABLE, HUGEPAGES_SCRIPT));
  const config: any = {
    ignition: { version: IGNITION_VERSION },
    storage: { files },
  };
  if (pinned.length > 0) {
    config.systemd = { units: pinned.map((p) => ({ name: hugePageUnitName(p), enabled: true, contents: hugePageUnit(p) })) };
  }
  return config;
}
