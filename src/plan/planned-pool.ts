import { error, Finding } from '../values/finding';
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
 * @param hugepages the pool's `hugepages` (checked with `hugePageAllocationFindings` first)
 */
export function plannedPoolProps(partition: CpuPartition, host?: HostTopology, hugepages?: HugePageAllocation[]): RealtimeNodePoolProps {
  return { role: PLANNED_POOL_ROLE, topology: host ?? partition.topology, partition, ...(hugepages ? { hugepages } : {}) };
}

/**
 * What would make the pool's resolver leave huge page entries out or count them wrongly, as findings: a NUMA node the
 * host does not have (the entry would be dropped), one size both spread at boot and pinned to nodes (a node's unit
 * replaces its boot-time share), the same size twice on one node or twice without a node. The pool rules report the
 * same at synth (POOL_HUGEPAGE_*); a plan has no synth, so it refuses them here.
 *
 * @param allocations the entries (their types checked)
 * @param numaNodeIds the host's NUMA nodes
 * @param field the name of the entries for messages (`hugepages`, `--hugepages`)
 */
export function hugePageAllocationFindings(allocations: HugePageAllocation[], numaNodeIds: number[], field: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  allocations.forEach((a, i) => {
    const at = `${field}[${i}]`;
    const entry = hugePageEntryText(a);
    if (a.numaNode !== undefined && !numaNodeIds.includes(a.numaNode)) {
      findings.push(error('PLAN_HUGEPAGES_NUMA_NODE_UNKNOWN', at, entry, `a NUMA node of the host (${numaNodeIds.join(', ')})`,
        `use a NUMA node the host has, or leave "@${a.numaNode}" out to spread the pages over every node`));
    }
    const key = `${a.size.quantity}@${a.numaNode ?? '*'}`;
    if (seen.has(key)) {
      findings.push(error('PLAN_HUGEPAGES_DUPLICATE', at, entry,
        `each size once per NUMA node${a.numaNode === undefined ? ' (and once without a node)' : ''}`, 'add the counts up into one entry'));
    }
    seen.add(key);
  });
  for (const size of new Set(allocations.map((a) => a.size))) {
    const ofSize = allocations.filter((a) => a.size === size);
    if (ofSize.some((a) => a.numaNode === undefined) && ofSize.some((a) => a.numaNode !== undefined)) {
      findings.push(error('PLAN_HUGEPAGES_MIXED_PLACEMENT', field, hugePagesText(ofSize),
        `every ${size} entry with a NUMA node, or one ${size} total without (pinned pages replace a node's boot-time share)`,
        `write ${size}:N to spread N pages over the NUMA nodes, or ${size}:N@0,${size}:M@1 for each node`));
    }
  }
  return findings;
}

/** `1Gi:52` (spread at boot) or `1Gi:26@0` (on NUMA node 0): the CLI's `--hugepages` syntax. */
export function hugePageEntryText(a: HugePageAllocation): string {
  return `${a.size.quantity}:${a.count}${a.numaNode === undefined ? '' : `@${a.numaNode}`}`;
}

/** The entries in the CLI's `--hugepages` syntax, comma-separated, in the given order. */
export function hugePagesText(allocations: HugePageAllocation[]): string {
  return allocations.map(hugePageEntryText).join(',');
}
