import { CpuSet } from '../cpu-set';
import { Prop, PropSchema } from '../prop-check';
import { CpuPartitionPlanOptions, ExplicitCpuPartitionProps } from './cpu-partition-props';
import { CpuNumbering, UniformTopologyProps } from './uniform-topology';
import { SIZE } from '../vm/vm-settings-schema';

// The runtime types of the host value types' props (see prop-check.ts). Ranges (a NUMA node count of 0, a reserved
// count larger than the host) are the rules' business, reported with their own codes (UNIFORM_TOPOLOGY_INVALID,
// PARTITION_*).

/** The props of `HostTopology.uniform`. */
export const UNIFORM_TOPOLOGY_SCHEMA: PropSchema<UniformTopologyProps> = {
  numaNodes: Prop.wholeNumber(),
  socketsPerNumaNode: Prop.wholeNumber(),
  coresPerSocket: Prop.wholeNumber(),
  threadsPerCore: Prop.wholeNumber(),
  memoryPerNumaNode: SIZE,
  numbering: Prop.oneOf(CpuNumbering, 'CpuNumbering'),
};

/** The options of `CpuPartition.plan`. */
export const PLAN_OPTIONS_SCHEMA: PropSchema<CpuPartitionPlanOptions> = {
  reservedCpuCount: Prop.wholeNumber(),
  offlinedCpuCount: Prop.wholeNumber(),
  splitAcrossNumaNodes: Prop.boolean(),
  disableSmt: Prop.boolean(),
  offlineWholeSocketsFirst: Prop.boolean(),
};

/** A CpuSet, or a cpulist string (JavaScript callers): strings are parsed with CpuSet.parse, which names bad parts. */
const CPU_LIST = Prop.satisfies('a CpuSet (or a cpulist string such as "0-3")', (v) => v instanceof CpuSet || typeof v === 'string',
  'use CpuSet.parse("0-3"), CpuSet.of([...]) or CpuSet.range(first, last)');

/** The props of `CpuPartition.explicit`. */
export const EXPLICIT_PARTITION_SCHEMA: PropSchema<ExplicitCpuPartitionProps> = {
  reserved: CPU_LIST,
  isolated: CPU_LIST,
  offlined: CPU_LIST,
  disableSmt: Prop.boolean(),
};
