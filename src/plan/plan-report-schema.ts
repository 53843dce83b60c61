import { CoreCell, CpuMap, CpuRole, NumaNodeMap, ThreadCell } from './cpu-map-model';
import { KubeletSetting } from './emitted-settings';
import { ASSIGNMENT, checkArguments } from './plan-inputs-schema';
import { HostSummary, NumaNodeLists, PlannedVmShape, PlanReport } from './plan-report';
import { CapacityLimit, NumaNodeCapacity, VmCapacity } from '../model/placement/capacity';
import { CpuSet } from '../values/cpu-set';
import { MAX_CPUS, MAX_NUMA_NODE_ID, MAX_TOPOLOGY_ID } from '../values/host/topology-data';
import { Prop, PropSchema } from '../values/prop-check';
import { MAX_VCPUS } from '../values/vcpu-limits';

// The runtime types of a PlanReport, checked by every renderer (text, SVG, review page) before it prints one number.
// planReportOf only builds valid reports; these checks are for reports that come from elsewhere (JSON read back,
// JavaScript callers, hand-built objects): a negative count, NaN or Infinity is refused with a ValidationError naming
// the field instead of being printed as "-2 VMs", "NaN x 1Gi" or "InfinityMi". Lists are bounded by what a host can
// have (CPU ids stop at 8191, NUMA node ids at 1023), so checking and rendering stay linear in a bounded input.

const COUNT = Prop.integer(0);
const CPU_COUNT = Prop.integer(0, MAX_CPUS);
const CPU_ID = Prop.integer(0, CpuSet.MAX_CPU_ID);
const NUMA_NODE = Prop.integer(0, MAX_NUMA_NODE_ID);
const CPU_LIST = Prop.string(true);
const TEXT = Prop.string(true);
const PAGE_SIZE = Prop.satisfies('"1Gi" or "2Mi"', (v) => v === '1Gi' || v === '2Mi', 'use HugePageSize.ONE_GI.quantity or HugePageSize.TWO_MI.quantity');

const HOST_SUMMARY: PropSchema<HostSummary> = {
  cpus: CPU_LIST,
  cpuCount: Prop.integer(1, MAX_CPUS),
  numaNodeCount: Prop.integer(1, MAX_NUMA_NODE_ID + 1),
  threadsPerCore: Prop.integer(1, MAX_CPUS),
};

const NUMA_NODE_LISTS: PropSchema<NumaNodeLists> = {
  numaNode: NUMA_NODE,
  cpus: CPU_LIST,
  reserved: CPU_LIST,
  isolated: CPU_LIST,
  offlined: CPU_LIST,
};

const KUBELET_SETTING: PropSchema<KubeletSetting> = { name: Prop.string(), value: TEXT };

/** A PlannedVmShape: a VM of at least 1 vCPU and 1 MiB. */
export const PLANNED_VM_SHAPE_SCHEMA: PropSchema<PlannedVmShape> = {
  vcpus: Prop.integer(1, MAX_VCPUS),
  memoryMebibytes: Prop.integer(1),
  hugePageSize: PAGE_SIZE,
  isolateEmulatorThread: Prop.boolean(),
  emulatorThreadEvenParity: Prop.boolean(),
};

const LIMIT = Prop.oneOf(CapacityLimit, 'CapacityLimit');

const NUMA_NODE_CAPACITY: PropSchema<NumaNodeCapacity> = {
  numaNode: NUMA_NODE,
  vms: Prop.integer(0, MAX_CPUS),
  limitedBy: LIMIT,
  isolatedCpus: CPU_LIST,
  allocatableCpus: CPU_LIST,
  allocatableCpuCount: CPU_COUNT,
  idleCpus: CPU_LIST,
  vmsByCpus: Prop.integer(0, MAX_CPUS),
  vmsByHugePages: COUNT,
  hugePages: COUNT,
  reason: TEXT,
};

const VM_CAPACITY: PropSchema<VmCapacity> = {
  vcpus: Prop.integer(1, MAX_VCPUS),
  // vCPUs + supplemental-pool IOThreads (each at most MAX_VCPUS) + up to 2 emulator CPUs.
  podCpus: Prop.integer(1, 2 * MAX_VCPUS + 2),
  emulatorCpus: Prop.integer(0, 2),
  hugePageSize: PAGE_SIZE,
  hugePagesPerVm: COUNT,
  perNumaNode: Prop.arrayOf(Prop.struct(NUMA_NODE_CAPACITY, ['numaNode', 'vms', 'limitedBy', 'isolatedCpus', 'allocatableCpus',
    'allocatableCpuCount', 'idleCpus', 'vmsByCpus', 'reason'], 'a NumaNodeCapacity'), MAX_NUMA_NODE_ID + 1),
  total: Prop.integer(0, MAX_CPUS),
  limitedBy: Prop.arrayOf(LIMIT, Object.keys(CapacityLimit).length),
  assignments: Prop.arrayOf(ASSIGNMENT, MAX_CPUS),
};

const THREAD_CELL: PropSchema<ThreadCell> = {
  cpu: CPU_ID,
  thread: Prop.integer(0, MAX_CPUS - 1),
  role: Prop.oneOf(CpuRole, 'CpuRole'),
  assignment: ASSIGNMENT,
};

const CORE_CELL: PropSchema<CoreCell> = {
  socket: Prop.integer(0, MAX_TOPOLOGY_ID),
  core: Prop.integer(0, MAX_TOPOLOGY_ID),
  threads: Prop.arrayOf(Prop.struct(THREAD_CELL, ['cpu', 'thread', 'role'], 'a ThreadCell { cpu, thread, role }'), MAX_CPUS),
};

const NUMA_NODE_MAP: PropSchema<NumaNodeMap> = {
  id: NUMA_NODE,
  cores: Prop.arrayOf(Prop.struct(CORE_CELL, ['socket', 'core', 'threads'], 'a CoreCell { socket, core, threads }'), MAX_CPUS),
  reserved: CPU_LIST,
  isolated: CPU_LIST,
  offlined: CPU_LIST,
};

const CPU_MAP_SCHEMA: PropSchema<CpuMap> = {
  cpuCount: CPU_COUNT,
  threadsPerCore: Prop.integer(1, MAX_CPUS),
  smtDisabled: Prop.boolean(),
  numaNodes: Prop.arrayOf(Prop.struct(NUMA_NODE_MAP, ['id', 'cores', 'reserved', 'isolated', 'offlined'], 'a NumaNodeMap'), MAX_NUMA_NODE_ID + 1),
  vmCount: Prop.integer(0, MAX_CPUS),
};

const CPU_MAP = Prop.struct(CPU_MAP_SCHEMA, ['cpuCount', 'threadsPerCore', 'smtDisabled', 'numaNodes', 'vmCount'], 'a CpuMap (from cpuMapOf)');

const PLAN_REPORT_SCHEMA: PropSchema<PlanReport> = {
  host: Prop.struct(HOST_SUMMARY, ['cpus', 'cpuCount', 'numaNodeCount', 'threadsPerCore'], 'a HostSummary'),
  reserved: CPU_LIST,
  isolated: CPU_LIST,
  offlined: CPU_LIST,
  smtDisabled: Prop.boolean(),
  numaNodes: Prop.arrayOf(Prop.struct(NUMA_NODE_LISTS, ['numaNode', 'cpus', 'reserved', 'isolated', 'offlined'], 'a NumaNodeLists'),
    MAX_NUMA_NODE_ID + 1),
  settingsSource: TEXT,
  kernelArguments: Prop.arrayOf(TEXT),
  kubeletSettings: Prop.arrayOf(Prop.struct(KUBELET_SETTING, ['name', 'value'], 'a KubeletSetting { name, value }')),
  vmShape: Prop.struct(PLANNED_VM_SHAPE_SCHEMA, ['vcpus', 'memoryMebibytes', 'isolateEmulatorThread', 'emulatorThreadEvenParity'],
    'a PlannedVmShape'),
  capacity: Prop.struct(VM_CAPACITY, ['vcpus', 'podCpus', 'emulatorCpus', 'perNumaNode', 'total', 'limitedBy', 'assignments'], 'a VmCapacity'),
  warnings: Prop.arrayOf(TEXT),
  map: CPU_MAP,
};

/** A PlanReport (from planReportOf). */
export const PLAN_REPORT = Prop.struct(PLAN_REPORT_SCHEMA, ['host', 'reserved', 'isolated', 'offlined', 'smtDisabled', 'numaNodes',
  'settingsSource', 'kernelArguments', 'kubeletSettings', 'warnings', 'map'], 'a PlanReport (from planReportOf)');

/**
 * Throws a ValidationError unless `report` is a PlanReport whose every count is a whole number in range.
 *
 * @param report the report
 * @param caller the function checking it, for the message (`renderPlanText`)
 */
export function checkPlanReport(report: PlanReport, caller: string): void {
  checkArguments({ report }, { report: PLAN_REPORT }, ['report'], caller);
}

/** Throws a ValidationError unless `map` is a CpuMap whose every count is a whole number in range. */
export function checkCpuMap(map: CpuMap, caller: string): void {
  checkArguments({ map }, { map: CPU_MAP }, ['map'], caller);
}

/** Throws a ValidationError unless `shape` is a PlannedVmShape whose counts are whole numbers in range. */
export function checkPlannedVmShape(shape: PlannedVmShape, caller: string): void {
  checkArguments({ shape }, {
    shape: Prop.struct(PLANNED_VM_SHAPE_SCHEMA,
      ['vcpus', 'memoryMebibytes', 'isolateEmulatorThread', 'emulatorThreadEvenParity'], 'a PlannedVmShape'),
  }, ['shape'], caller);
}
