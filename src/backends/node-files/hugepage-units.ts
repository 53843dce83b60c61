import { MODE_EXECUTABLE, NodeFile, NodeUnit } from './node-file';
import { HugePageSize } from '../../values/hugepage-size';

// Huge pages pinned to one NUMA node are written by a oneshot systemd unit to
// /sys/devices/system/node/node<n>/hugepages/hugepages-<kB>kB/nr_hugepages before kubelet.service starts (NTO's
// method; model/pool/hugepages.ts explains why it beats the boot-time `hugepages=0:N,1:M` form). Every backend that
// runs systemd uses this one implementation: the OpenShift MachineConfig (Ignition), the Cluster API KubeadmConfig
// (files[]) and the files of the kubelet drop-in backend.

/** The script the huge page units run. Not NTO's path, so an NTO profile on the same node cannot overwrite it. */
export const HUGEPAGES_SCRIPT_PATH = '/usr/local/bin/kubevirt-rt-hugepages-allocation.sh';

/** Pages of one size on one NUMA node: what one unit allocates. */
export interface HugePageUnitInput {
  readonly size: HugePageSize;
  readonly numaNode: number;
  readonly count: number;
}

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

/** The unit text for pages of one size on one NUMA node. */
export function hugePageUnitContents(pages: HugePageUnitInput): string {
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

/** The allocation script the units run. */
export function hugePagesScript(): NodeFile {
  return { path: HUGEPAGES_SCRIPT_PATH, contents: HUGEPAGES_SCRIPT, mode: MODE_EXECUTABLE };
}

/** One enabled unit per (size, node), in the order given (callers pass them by size, then node). */
export function hugePageUnits(pinned: HugePageUnitInput[]): NodeUnit[] {
  return pinned.map((pages) => ({ name: hugePageUnitName(pages), contents: hugePageUnitContents(pages), enabled: true }));
}

/** The script plus its units; nothing when no pages are pinned to a NUMA node. */
export function hugePageAllocation(pinned: HugePageUnitInput[]): { files: NodeFile[]; units: NodeUnit[] } {
  return pinned.length === 0 ? { files: [], units: [] } : { files: [hugePagesScript()], units: hugePageUnits(pinned) };
}
