import { CapacityOptions, NumaNodeHugePages } from '../model/placement/capacity';
import { VmCpuAssignment, VmThreadKind } from '../model/placement/vm-cpu-assignment';
import { VmShape } from '../model/vm/vm-shape';
import { CpuSet } from '../values/cpu-set';
import { Finding, Severity } from '../values/finding';
import { MAX_CPUS, MAX_NUMA_NODE_ID } from '../values/host/topology-data';
import { HugePageAllocation } from '../values/pool/pool-props';
import { checkProps, Prop, PropRule, PropSchema, propFindings } from '../values/prop-check';
import { MAX_VCPUS } from '../values/vcpu-limits';
import { IoThreadsPolicy } from '../values/vm/io-threads-policy';
import { HUGE_PAGE_SIZE } from '../values/vm/vm-settings-schema';

// The runtime types of what the plan functions take from their callers (planReportOf, emittedNodeSettings): the
// typed boundary of src/values/prop-check.ts, with the ranges that keep every count the reports print a finite,
// non-negative whole number. A VM shape with 0 vCPUs would divide by zero in the capacity arithmetic; NaN memory would
// print "NaN x 1Gi"; a negative count "-2 VMs". They are refused here, where the caller can still be named.

/** A CpuPartition (of any copy of this library). */
export const PARTITION = Prop.withMethod('isolatedOfNumaNode', 'a CpuPartition',
  'pass CpuPartition.plan(topology, ...) or CpuPartition.explicit(topology, ...)');

/** A HostTopology (of any copy of this library). */
export const HOST = Prop.withMethod('cpusOfNumaNode', 'a HostTopology',
  'pass HostTopology.fromLscpu(...), fromVirshCapabilities(...) or uniform(...)');

/**
 * An object checked against `schema` for the keys the schema lists; other keys are left alone. For values that are
 * wider than the type the function reads, e.g. a VM's resolved settings (a VmShape with more fields) or a pool's huge
 * page list (NumaNodeHugePages with `allocatedAtBoot`).
 */
export function objectWith<S>(schema: PropSchema<S>, required: ReadonlyArray<keyof S>, name: string): PropRule {
  return {
    expected: name,
    check(value, field, out) {
      const picked = value !== null && typeof value === 'object' && !Array.isArray(value)
        ? pick(value as Record<string, unknown>, Object.keys(schema)) : value;
      out.push(...propFindings(picked as S, schema, required, name, `${field}.`).map((f) => (f.field === `${field}.` ? { ...f, field } : f)));
    },
  };
}

function pick(value: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const VCPU_COUNT = Prop.integer(1, MAX_VCPUS);

const VM_SHAPE_SCHEMA: PropSchema<VmShape> = {
  vcpus: VCPU_COUNT,
  sockets: VCPU_COUNT,
  cores: VCPU_COUNT,
  threads: VCPU_COUNT,
  memoryBytes: Prop.integer(1),
  hugePageSize: HUGE_PAGE_SIZE,
  dedicatedCpuPlacement: Prop.boolean(),
  isolateEmulatorThread: Prop.boolean(),
  ioThreadsPolicy: Prop.oneOf(IoThreadsPolicy, 'IoThreadsPolicy'),
  supplementalPoolThreadCount: Prop.integer(0, MAX_VCPUS),
  realtime: Prop.boolean(),
  realtimeVcpus: Prop.arrayOf(Prop.integer(0, MAX_VCPUS - 1), MAX_VCPUS),
  guestMappingPassthrough: Prop.boolean(),
};

/** A VmShape (a VM's `shape`, or its resolved settings): every count a whole number in its range. */
export const VM_SHAPE = objectWith(VM_SHAPE_SCHEMA,
  ['vcpus', 'sockets', 'cores', 'threads', 'memoryBytes', 'dedicatedCpuPlacement', 'isolateEmulatorThread',
    'supplementalPoolThreadCount', 'realtime', 'realtimeVcpus', 'guestMappingPassthrough'],
  'a VmShape (RealtimeVirtualMachine.shape)');

const NUMA_NODE = Prop.integer(0, MAX_NUMA_NODE_ID);

const NUMA_NODE_HUGE_PAGES: PropSchema<NumaNodeHugePages> = {
  numaNode: NUMA_NODE,
  size: HUGE_PAGE_SIZE,
  count: Prop.integer(0),
};

const CAPACITY_OPTIONS_SCHEMA: PropSchema<CapacityOptions> = {
  emulatorThreadEvenParity: Prop.boolean(),
  fullPcpusOnly: Prop.boolean(),
  hugePages: Prop.arrayOf(objectWith(NUMA_NODE_HUGE_PAGES, ['numaNode', 'size', 'count'], 'a NumaNodeHugePages { numaNode, size, count }')),
};

/** CapacityOptions: booleans, and huge page counts that are whole numbers ≥ 0 on NUMA nodes that can exist. */
export const CAPACITY_OPTIONS = Prop.struct(CAPACITY_OPTIONS_SCHEMA, [], 'CapacityOptions');

const HUGE_PAGE_ALLOCATION: PropSchema<HugePageAllocation> = {
  size: HUGE_PAGE_SIZE,
  count: Prop.integer(1),
  numaNode: NUMA_NODE,
};

/** A node pool's `hugepages` prop: HugePageAllocation entries with a positive count. */
export const HUGE_PAGE_ALLOCATIONS = Prop.arrayOf(Prop.struct(HUGE_PAGE_ALLOCATION, ['size', 'count'],
  'a HugePageAllocation { size, count, numaNode }'));

const KUBELET_SETTING: PropSchema<{ readonly name: string; readonly value: string }> = {
  name: Prop.string(),
  value: Prop.string(true),
};

/** EmittedNodeSettings: the strings a report prints. */
export const EMITTED_SETTINGS = Prop.struct<{ readonly source: string; readonly kernelArguments: string[]; readonly kubeletSettings: unknown[] }>({
  source: Prop.string(),
  kernelArguments: Prop.arrayOf(Prop.string()),
  kubeletSettings: Prop.arrayOf(Prop.struct(KUBELET_SETTING, ['name', 'value'], 'a KubeletSetting { name, value }')),
}, ['source', 'kernelArguments', 'kubeletSettings'], 'EmittedNodeSettings { source, kernelArguments, kubeletSettings }');

const FINDING_SCHEMA: PropSchema<Finding> = {
  code: Prop.string(),
  severity: Prop.oneOf(Severity, 'Severity'),
  field: Prop.string(),
  value: Prop.string(true),
  expected: Prop.string(),
  fix: Prop.string(),
};

/** A Finding (from a rule or `warning(...)`). */
export const FINDING = Prop.struct(FINDING_SCHEMA, ['code', 'severity', 'field', 'value', 'expected', 'fix'], 'a Finding');

const ASSIGNMENT_SCHEMA: PropSchema<VmCpuAssignment> = {
  cpu: Prop.integer(0, CpuSet.MAX_CPU_ID),
  vm: Prop.integer(1, MAX_CPUS),
  kind: Prop.oneOf(VmThreadKind, 'VmThreadKind'),
  index: Prop.integer(0, MAX_CPUS),
};

/** A VmCpuAssignment (from capacityOf): a CPU id that can exist, a VM numbered from 1. */
export const ASSIGNMENT = Prop.struct(ASSIGNMENT_SCHEMA, ['cpu', 'vm', 'kind', 'index'], 'a VmCpuAssignment { cpu, vm, kind, index }');

/**
 * Checks a function's arguments (named as in its signature) with `checkProps`, prefixing the message with the
 * function's name. A required argument passed as null counts as missing: the advice for a null prop ("leave it out")
 * fits optional props only.
 *
 * @param args the arguments by name, e.g. `{ partition, options }`
 * @param caller the function, for the message
 */
export function checkArguments<P extends object>(args: P, schema: PropSchema<P>, required: ReadonlyArray<keyof P>, caller: string): void {
  const normalized: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  for (const key of required) if (normalized[key as string] === null) normalized[key as string] = undefined;
  checkProps(normalized as P, schema, required, `${caller} arguments`, caller);
}
