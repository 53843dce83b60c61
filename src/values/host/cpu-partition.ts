import { CpuSet } from '../cpu-set';
import { Finding, Severity } from '../finding';
import { checkProps, checkValue, Prop } from '../prop-check';
import { checkPartition, checkPlanOptions } from './partition-checks';
import { throwIfErrors } from '../validation-error';
import { CpuPartitionPlanOptions, ExplicitCpuPartitionProps } from './cpu-partition-props';
import { EXPLICIT_PARTITION_SCHEMA, PLAN_OPTIONS_SCHEMA } from './host-props-schema';
import { HostTopology } from './host-topology';
import { planPartition } from './partition-planner';

/** The kernel argument that turns SMT off; PPC adds it to additionalKernelArgs for `--disable-ht`. */
const NOSMT = 'nosmt';

/**
 * How a host's logical CPUs are divided: reserved for the OS and kubelet, isolated for real-time workloads, and
 * offlined. Every CPU of the topology is in exactly one list, and no core is split between reserved and isolated.
 *
 * Plan one from counts (`plan`, the same lists OpenShift's performance-profile-creator computes) or give the lists
 * (`explicit`); both are checked against the topology and throw a ValidationError when they do not fit it.
 */
export class CpuPartition {
  /**
   * Selects the CPUs like OpenShift's performance-profile-creator: whole cores in NUMA node order (cores by lowest
   * CPU), optionally split across NUMA nodes; offlined CPUs from whole unused sockets, then second SMT threads, then
   * any unreserved CPU; everything else isolated. Refuses what PPC refuses (count ranges, odd counts with SMT).
   */
  public static plan(topology: HostTopology, options: CpuPartitionPlanOptions): CpuPartition {
    checkValue(topology, TOPOLOGY, 'CpuPartition.plan(topology)');
    checkProps(options, PLAN_OPTIONS_SCHEMA, ['reservedCpuCount'], 'CpuPartition.plan options');
    throwIfErrors(checkPlanOptions(topology, options));
    const disableSmt = options.disableSmt ?? false;
    const view = disableSmt ? topology.withoutSmt() : topology;
    const planned = planPartition(view, options, topology.coreIdsMayBeLogical);
    throwIfErrors(planned.findings);
    // The planner upholds these by construction; checking again keeps a future change from emitting a bad list.
    throwIfErrors(checkPartition(view, planned.reserved, planned.isolated, planned.offlined));
    const warnings = planned.findings.filter((f) => f.severity === Severity.WARNING);
    return new CpuPartition(view, planned.reserved, planned.isolated, planned.offlined, disableSmt, warnings);
  }

  /**
   * A partition given CPU by CPU. Throws a ValidationError unless every id exists on the topology, the lists are
   * disjoint, they cover every CPU, reserved and isolated are non-empty, and no core is split between reserved and
   * isolated.
   */
  public static explicit(topology: HostTopology, props: ExplicitCpuPartitionProps): CpuPartition {
    checkValue(topology, TOPOLOGY, 'CpuPartition.explicit(topology)');
    checkProps(props, EXPLICIT_PARTITION_SCHEMA, ['reserved'], 'CpuPartition.explicit props');
    const disableSmt = props.disableSmt ?? false;
    const view = disableSmt ? topology.withoutSmt() : topology;
    const reserved = asCpuSet(props.reserved, 'reserved');
    const offlined = props.offlined === undefined ? CpuSet.empty() : asCpuSet(props.offlined, 'offlined');
    const isolated = props.isolated === undefined ? view.cpus.difference(reserved).difference(offlined) : asCpuSet(props.isolated, 'isolated');
    throwIfErrors(checkPartition(view, reserved, isolated, offlined));
    return new CpuPartition(view, reserved, isolated, offlined, disableSmt, []);
  }

  /** Extra kernel arguments the partition needs: `nosmt` when SMT is disabled. */
  public readonly extraKernelArgs: string[];

  private constructor(
    /** The topology the partition was made for: the SMT-off view (`withoutSmt()`) when SMT is disabled. */
    public readonly topology: HostTopology,
    /** CPUs for the OS, kubelet and interrupts (kubelet `reservedSystemCPUs`, NTO `cpu.reserved`). */
    public readonly reserved: CpuSet,
    /** CPUs isolated for real-time workloads (`isolcpus`, `nohz_full`, NTO `cpu.isolated`). */
    public readonly isolated: CpuSet,
    /** CPUs taken offline (NTO `cpu.offlined`); empty when none. */
    public readonly offlined: CpuSet,
    /** True when the host runs with SMT off (`nosmt`). */
    public readonly smtDisabled: boolean,
    /** Advice from planning, e.g. `PARTITION_SPLIT_UNEVEN`; empty for explicit partitions. */
    public readonly warnings: Finding[],
  ) {
    this.extraKernelArgs = smtDisabled ? [NOSMT] : [];
  }

  /** The reserved CPUs on one NUMA node. */
  public reservedOfNumaNode(node: number): CpuSet {
    return this.reserved.intersection(this.topology.cpusOfNumaNode(node));
  }

  /** The isolated CPUs on one NUMA node. */
  public isolatedOfNumaNode(node: number): CpuSet {
    return this.isolated.intersection(this.topology.cpusOfNumaNode(node));
  }

  /** The offlined CPUs on one NUMA node. */
  public offlinedOfNumaNode(node: number): CpuSet {
    return this.offlined.intersection(this.topology.cpusOfNumaNode(node));
  }

  /** `reserved 0-1,40-41; isolated 2-39,42-79; offlined none`. */
  public toString(): string {
    const show = (set: CpuSet) => (set.isEmpty ? 'none' : set.toString());
    return `reserved ${show(this.reserved)}; isolated ${show(this.isolated)}; offlined ${show(this.offlined)}`;
  }
}

/** The partition is planned on the topology's own layout, so it must be a HostTopology of this copy of the library. */
const TOPOLOGY = Prop.satisfies('a HostTopology', (v) => v instanceof HostTopology,
  'pass HostTopology.fromLscpu(...), HostTopology.fromVirshCapabilities(...) or HostTopology.uniform(...)');

/** A CpuSet, or (for JavaScript callers; the boundary allows only these two) a cpulist string, parsed. */
function asCpuSet(value: CpuSet | string, field: string): CpuSet {
  return value instanceof CpuSet ? value : CpuSet.parse(value, field);
}
