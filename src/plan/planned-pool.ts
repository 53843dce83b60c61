import { resolvePool } from '../model/pool/resolve-pool';
import { realtimeNodePoolFindings } from '../rules/pool-rules';
import { Finding, Severity } from '../values/finding';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { HugePageAllocation, RealtimeNodePoolProps } from '../values/pool/pool-props';

// A plan describes ONE node pool: the partition given, the huge pages given, every other prop at its default. Its
// props go through the pool's own resolver (`resolvePool`), so the plan's kernel arguments, kubelet settings and
// capacity are those of the RealtimeNodePool the user will write, never a second computation of them.

/** The role of the pool a plan describes (what a review page of a real pool names instead). */
export const PLANNED_POOL_ROLE = 'worker-rt';

/**
 * The props of the pool a plan describes.
 *
 * @param partition the CPU partition
 * @param host the full host topology (the partition's topology is the SMT-off view when SMT is disabled)
 * @param hugepages the pool's `hugepages` (checked with `plannedPoolErrors`)
 */
export function plannedPoolProps(partition: CpuPartition, host?: HostTopology, hugepages?: HugePageAllocation[]): RealtimeNodePoolProps {
  return { role: PLANNED_POOL_ROLE, topology: host ?? partition.topology, partition, ...(hugepages ? { hugepages } : {}) };
}

/**
 * The errors the pool rules find in the pool a plan describes (huge pages on a NUMA node the host lacks, one size both
 * spread and pinned, pages beyond a node's memory ...): what `RealtimeNodePool` would refuse at synth. A plan has no
 * synth, so it refuses them up front, with the same codes.
 *
 * @param props the planned pool's props (`plannedPoolProps`)
 */
export function plannedPoolErrors(props: RealtimeNodePoolProps): Finding[] {
  return realtimeNodePoolFindings(props, resolvePool(props)).filter((f) => f.severity === Severity.ERROR);
}

/** `1Gi:52` (spread at boot) or `1Gi:26@0` (on NUMA node 0): the CLI's `--hugepages` syntax. */
export function hugePageEntryText(a: HugePageAllocation): string {
  return `${a.size.quantity}:${a.count}${a.numaNode === undefined ? '' : `@${a.numaNode}`}`;
}

/** The entries in the CLI's `--hugepages` syntax, comma-separated, in the given order. */
export function hugePagesText(allocations: HugePageAllocation[]): string {
  return allocations.map(hugePageEntryText).join(',');
}
