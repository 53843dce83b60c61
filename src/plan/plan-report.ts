import { CpuMap, cpuMapOf } from './cpu-map-model';
import { EmittedNodeSettings, emittedNodeSettings, KubeletSetting } from './emitted-settings';
import { CAPACITY_OPTIONS, checkArguments, EMITTED_SETTINGS, FINDING, HOST, PARTITION, VM_SHAPE } from './plan-inputs-schema';
import { CapacityOptions, capacityOf, VmCapacity } from '../model/placement/capacity';
import { VmShape } from '../model/vm/vm-shape';
import { Finding, formatFinding } from '../values/finding';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { Prop, PropSchema } from '../values/prop-check';

/** The host a plan was made for, in numbers. */
export interface HostSummary {
  /** All logical CPUs (cpulist). */
  readonly cpus: string;
  /** Number of logical CPUs. */
  readonly cpuCount: number;
  /** Number of NUMA nodes. */
  readonly numaNodeCount: number;
  /** SMT threads per core. */
  readonly threadsPerCore: number;
}

/** The CPU lists of one NUMA node. */
export interface NumaNodeLists {
  /** The NUMA node id. */
  readonly numaNode: number;
  /** Its CPUs (cpulist). */
  readonly cpus: string;
  /** Reserved CPUs (cpulist). */
  readonly reserved: string;
  /** Isolated CPUs (cpulist). */
  readonly isolated: string;
  /** Offlined CPUs (cpulist). */
  readonly offlined: string;
}

/** A planned VM shape, as the report describes it. */
export interface PlannedVmShape {
  /** Guest vCPUs. */
  readonly vcpus: number;
  /** Guest memory in MiB. */
  readonly memoryMebibytes: number;
  /** Huge page size backing the memory (`2Mi`, `1Gi`), if any. */
  readonly hugePageSize?: string;
  /** The emulator thread has dedicated CPU(s). */
  readonly isolateEmulatorThread: boolean;
  /** KubeVirt even-parity emulator completion is assumed on. */
  readonly emulatorThreadEvenParity: boolean;
}

/**
 * Everything `plan` prints, as plain values: the host, the partition lists, the map, the kernel arguments and
 * kubelet settings the library emits, and the capacity for a VM shape. The text, JSON, SVG and Markdown renderings
 * all read this one model, so they never disagree.
 */
export interface PlanReport {
  /** The host. */
  readonly host: HostSummary;
  /** All reserved CPUs (cpulist). */
  readonly reserved: string;
  /** All isolated CPUs (cpulist). */
  readonly isolated: string;
  /** All offlined CPUs (cpulist). */
  readonly offlined: string;
  /** SMT switched off with `nosmt`. */
  readonly smtDisabled: boolean;
  /** The lists per NUMA node. */
  readonly numaNodes: NumaNodeLists[];
  /** What the kernel arguments and kubelet settings below are those of. */
  readonly settingsSource: string;
  /** The kernel arguments the node pool emits, in emitted order. */
  readonly kernelArguments: string[];
  /** The kubelet settings the node pool emits, flattened to dotted names, in emitted order. */
  readonly kubeletSettings: KubeletSetting[];
  /** The planned VM shape, when one was given. */
  readonly vmShape?: PlannedVmShape;
  /** How many VMs of that shape fit, when one was given. */
  readonly capacity?: VmCapacity;
  /** Advice from planning the partition (formatted findings, e.g. `[PARTITION_SPLIT_UNEVEN] ...`). */
  readonly warnings: string[];
  /** The CPU map (with the planned VM threads when a shape was given). */
  readonly map: CpuMap;
}

/** Options of a plan report. */
export interface PlanReportOptions {
  /**
   * A VM shape to compute the capacity for.
   * @default - no capacity section
   */
  readonly vmShape?: VmShape;
  /**
   * How the kubelet and KubeVirt place that VM.
   * @default - see CapacityOptions
   */
  readonly capacity?: CapacityOptions;
  /**
   * The full host topology, so the map shows the SMT siblings a `disableSmt` partition switches off.
   * @default - the partition's topology (the SMT-off view when SMT is disabled)
   */
  readonly host?: HostTopology;
  /**
   * The kernel arguments and kubelet settings to report (a node pool passes what it emits).
   * @default - what a pool with this partition and default props emits (`emittedNodeSettings`)
   */
  readonly settings?: EmittedNodeSettings;
  /**
   * More advice to list after the partition's own warnings (for example what the plan command could not check).
   * @default - none
   */
  readonly warnings?: Finding[];
}

const OPTIONS_SCHEMA: PropSchema<PlanReportOptions> = {
  vmShape: VM_SHAPE,
  capacity: CAPACITY_OPTIONS,
  host: HOST,
  settings: EMITTED_SETTINGS,
  warnings: Prop.arrayOf(FINDING),
};

/**
 * Builds the report of a partition: lists, emitted settings, capacity and map.
 *
 * Throws a ValidationError for arguments of the wrong runtime type, and for a VM shape or huge page counts that are
 * not whole numbers in range (0, negative, fractional, NaN or infinite counts), so the report never holds them.
 */
export function planReportOf(partition: CpuPartition, options: PlanReportOptions = {}): PlanReport {
  checkArguments({ partition, options }, { partition: PARTITION, options: Prop.struct(OPTIONS_SCHEMA, [], 'PlanReportOptions') }, ['partition'],
    'planReportOf');
  const topology = options.host ?? partition.topology;
  const settings = options.settings ?? emittedNodeSettings(partition, options.host);
  const shape = options.vmShape;
  const capacity = shape ? capacityOf(partition, shape, options.capacity) : undefined;
  return {
    host: {
      cpus: topology.cpus.toString(),
      cpuCount: topology.cpus.size,
      numaNodeCount: topology.numaNodeIds.length,
      threadsPerCore: topology.threadsPerCore,
    },
    reserved: partition.reserved.toString(),
    isolated: partition.isolated.toString(),
    offlined: partition.offlined.toString(),
    smtDisabled: partition.smtDisabled,
    numaNodes: topology.numaNodeIds.map((numaNode) => {
      const cpus = topology.cpusOfNumaNode(numaNode);
      return {
        numaNode,
        cpus: cpus.toString(),
        reserved: partition.reserved.intersection(cpus).toString(),
        isolated: partition.isolated.intersection(cpus).toString(),
        offlined: partition.offlined.intersection(cpus).toString(),
      };
    }),
    settingsSource: settings.source,
    kernelArguments: settings.kernelArguments,
    kubeletSettings: settings.kubeletSettings,
    ...(shape ? {
      vmShape: {
        vcpus: shape.vcpus,
        memoryMebibytes: Math.ceil(shape.memoryBytes / (1024 * 1024)),
        ...(shape.hugePageSize ? { hugePageSize: shape.hugePageSize.quantity } : {}),
        isolateEmulatorThread: shape.isolateEmulatorThread,
        emulatorThreadEvenParity: options.capacity?.emulatorThreadEvenParity ?? false,
      },
    } : {}),
    ...(capacity ? { capacity } : {}),
    warnings: [...partition.warnings, ...options.warnings ?? []].map(formatFinding),
    map: cpuMapOf(partition, capacity?.assignments ?? [], options.host),
  };
}
