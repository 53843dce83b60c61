import { error, Finding } from '../finding';
import { CpuPartitionPlanOptions } from './cpu-partition-props';
import { HostTopology } from './host-topology';
import { reservedTargets } from './partition-planner';
import { CpuSet } from '../cpu-set';

// Rules on how a host's CPUs are divided into reserved / isolated / offlined. NTO's webhook checks only empty sets
// and overlaps; a reserved CPU the machine lacks bricks the kubelet (performance-addon-operators#236), a missing CPU
// is silently left to the scheduler, and siblings split between reserved and isolated (openshift-docs#58610) break
// full-pcpus-only and real-time isolation. These rules check all of it against the declared topology.

/** How many split cores a finding lists before summarising. */
const MAX_LISTED_CORES = 8;

/**
 * Checks a partition against the topology: ids exist, the three lists are pairwise disjoint, together they cover
 * every CPU, reserved and isolated are non-empty, and no core's SMT siblings are split between reserved and isolated.
 *
 * @param topology the host as it will run (use `withoutSmt()` when SMT is off)
 */
export function checkPartition(topology: HostTopology, reserved: CpuSet, isolated: CpuSet, offlined: CpuSet): Finding[] {
  const findings: Finding[] = [];
  const all = topology.cpus;
  const lists: Array<[string, CpuSet]> = [['reserved', reserved], ['isolated', isolated], ['offlined', offlined]];

  if (reserved.isEmpty) {
    findings.push(error('PARTITION_RESERVED_EMPTY', 'reserved', '', 'at least one CPU for the OS and kubelet (NTO: "reserved CPUs can not be empty")',
      `reserve at least one whole core, e.g. reserved "${topology.cores()[0]}"`));
  }
  if (isolated.isEmpty) {
    const rest = all.difference(reserved).difference(offlined);
    findings.push(error('PARTITION_ISOLATED_EMPTY', 'isolated', '', 'at least one CPU for real-time workloads (NTO: "isolated CPUs can not be empty")',
      rest.isEmpty ? 'reserve or offline fewer CPUs' : `isolate the remaining CPUs: isolated "${rest}"`));
  }
  for (const [field, set] of lists) {
    const unknown = set.difference(all);
    if (!unknown.isEmpty) {
      findings.push(error('PARTITION_UNKNOWN_CPU', field, set.toString(), `CPUs the host has (${all}); ${unknown} are not`,
        `remove them: ${field} "${set.intersection(all)}"`));
    }
  }
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const [firstName, first] = lists[i];
      const [secondName, second] = lists[j];
      const overlap = first.intersection(second);
      if (!overlap.isEmpty) {
        findings.push(error('PARTITION_OVERLAP', secondName, second.toString(),
          `no CPU that is also ${firstName} (${firstName} and ${secondName} CPUs overlap: ${overlap})`,
          `remove them from one list, e.g. ${secondName} "${second.difference(first)}"`));
      }
    }
  }
  const missing = all.difference(reserved).difference(isolated).difference(offlined);
  if (!missing.isEmpty) {
    findings.push(error('PARTITION_INCOMPLETE', 'isolated', isolated.toString(),
      `reserved, isolated and offlined together to cover every CPU of the host (${all}); ${missing} are in none`,
      `add them to a list, e.g. isolated "${isolated.union(missing).difference(reserved).difference(offlined)}"`));
  }
  const split = topology.smtEnabled ? splitCores(topology, reserved, isolated) : [];
  if (split.length > 0) {
    const whole = CpuSet.unionOf([reserved, ...split]);
    const listed = split.slice(0, MAX_LISTED_CORES).map((core) =>
      `{${core}}: ${core.intersection(reserved)} reserved, ${core.intersection(isolated)} isolated`).join('; ');
    const more = split.length > MAX_LISTED_CORES ? `; and ${split.length - MAX_LISTED_CORES} more` : '';
    findings.push(error('PARTITION_SPLIT_SIBLINGS', 'reserved', reserved.toString(),
      `whole cores, SMT siblings never split between reserved and isolated (split: ${listed}${more})`,
      `reserve whole cores: reserved "${whole}" and isolated "${isolated.difference(whole)}"`));
  }
  return findings;
}

/**
 * Checks the counts of a planned partition the way NTO's performance-profile-creator does, with the same meaning:
 * reserved in `[1, total-1]`, offlined in `[0, total-1]`, their sum at most `total-1`, and with SMT on every
 * (cumulative, per NUMA node when split) reserved count even. `total` counts the CPUs left after `disableSmt`.
 */
export function checkPlanOptions(topology: HostTopology, options: CpuPartitionPlanOptions): Finding[] {
  const view = options.disableSmt ? topology.withoutSmt() : topology;
  const total = view.cpus.size;
  const reserved = options.reservedCpuCount;
  const offlined = options.offlinedCpuCount ?? 0;
  const findings: Finding[] = [];
  if (total < 2) {
    // No count fits: "[1,0]" would be no range at all.
    findings.push(error('PARTITION_RESERVED_COUNT_RANGE', 'reservedCpuCount', reserved,
      `a host with at least 2 CPUs, one to reserve and one to isolate (this host has ${total}${options.disableSmt ? ' with SMT off' : ''})`,
      options.disableSmt ? 'keep SMT on (disableSmt: false), or plan for a larger host' : 'plan for a host with at least 2 CPUs'));
    return findings;
  }
  const reservedOk = Number.isInteger(reserved) && reserved >= 1 && reserved <= total - 1;
  const offlinedOk = Number.isInteger(offlined) && offlined >= 0 && offlined <= total - 1;
  if (!reservedOk) {
    findings.push(error('PARTITION_RESERVED_COUNT_RANGE', 'reservedCpuCount', reserved,
      `a whole number in the range [1,${total - 1}] (PPC: "please specify the reserved CPU count in the range [1,${total - 1}]")`,
      `reserve between 1 and ${total - 1} CPUs; the host has ${total}${options.disableSmt ? ' with SMT off' : ''}`));
  }
  if (!offlinedOk) {
    findings.push(error('PARTITION_OFFLINED_COUNT_RANGE', 'offlinedCpuCount', offlined,
      `a whole number in the range [0,${total - 1}] (PPC: "please specify the offlined CPU count in the range [0,${total - 1}]")`,
      `offline between 0 and ${total - 1} CPUs`));
  }
  if (reservedOk && offlinedOk && reserved + offlined > total - 1) {
    findings.push(error('PARTITION_COUNT_SUM', 'offlinedCpuCount', offlined,
      `reservedCpuCount + offlinedCpuCount in the range [0,${total - 1}] (got ${reserved} + ${offlined}), leaving a CPU to isolate`,
      `offline at most ${total - 1 - reserved} CPUs, or reserve fewer`));
  }
  if (findings.length === 0 && view.smtEnabled) {
    const split = options.splitAcrossNumaNodes ?? false;
    const odd = oddTarget(reserved, view.numaNodeIds.length, split);
    if (odd) {
      const valid = nearestEven(reserved, total - offlined, view.numaNodeIds.length, split);
      findings.push(error('PARTITION_ODD_WITH_SMT', 'reservedCpuCount', reserved,
        `an even number of CPUs${odd.node === undefined ? '' : ` up to each NUMA node (${odd.target} after NUMA node ${view.numaNodeIds[odd.node]})`} so cores are `
        + 'not split between SMT siblings (PPC: "can\'t allocate odd number of CPUs from a NUMA Node")',
        `${valid.length > 0 ? `reserve ${valid.join(' or ')} CPUs` : 'reserve a different count'}, or set disableSmt`));
    }
  }
  return findings;
}

/** The first odd cumulative target, with its NUMA node position when split. */
function oddTarget(count: number, nodeCount: number, split: boolean): { target: number; node?: number } | undefined {
  if (!split) return count % 2 === 0 ? undefined : { target: count };
  const targets = reservedTargets(count, nodeCount, split);
  const i = targets.findIndex((t) => t % 2 !== 0);
  return i < 0 ? undefined : { target: targets[i], node: i };
}

/** The nearest counts below and above `count` (within [1, limit-1]) whose targets are all even. */
function nearestEven(count: number, limit: number, nodeCount: number, split: boolean): number[] {
  const found: number[] = [];
  for (let n = count - 1; n >= 1; n--) if (!oddTarget(n, nodeCount, split)) { found.push(n); break; }
  for (let n = count + 1; n < limit; n++) if (!oddTarget(n, nodeCount, split)) { found.push(n); break; }
  return found;
}

/** Cores with CPUs in both reserved and isolated. */
function splitCores(topology: HostTopology, reserved: CpuSet, isolated: CpuSet): CpuSet[] {
  // Membership by binary search per CPU: linear in the host size, not cores × list length.
  return topology.cores().filter((core) => {
    if (core.size < 2) return false;
    const ids = core.toArray();
    return ids.some((id) => reserved.has(id)) && ids.some((id) => isolated.has(id));
  });
}
