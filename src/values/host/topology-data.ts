import { Size } from 'cdk8s';
import { CpuSet } from '../cpu-set';
import { error, Finding } from '../finding';
import { ValidationError } from '../validation-error';

// The source-neutral description every parser (lscpu, virsh, uniform shape) produces, and the one place that turns it
// into the indexed layout HostTopology serves from. All consistency checks live here, so the three sources are held
// to the same rules.

/** Refuse inputs over 1 MiB: a 8192-CPU `virsh capabilities` is about 0.8 MiB, lscpu output far less. */
export const MAX_INPUT_CHARS = 1024 * 1024;
/** The kernel's CONFIG_NR_CPUS ceiling on x86_64. */
export const MAX_CPUS = CpuSet.MAX_CPU_ID + 1;
/** The kernel's MAX_NUMNODES ceiling (NODES_SHIFT = 10). */
export const MAX_NUMA_NODE_ID = 1023;
/** Socket and core ids are C ints in sysfs. */
export const MAX_TOPOLOGY_ID = 2 ** 31 - 1;
/** Parsers stop collecting findings after this many, so a garbage file gives a readable error. */
export const MAX_FINDINGS = 20;

/** One logical CPU as a source declares it. */
export interface RawCpu {
  readonly id: number;
  readonly numaNode: number;
  readonly socketId: number;
  /** CPUs with equal keys are SMT siblings of one physical core. */
  readonly coreKey: string;
  /** The core's id as the source numbers it (sysfs core_id, lscpu CORE); orders cores within a socket. */
  readonly physicalCoreId: number;
  /**
   * The source's socket and core ids may be a logical numbering (plain `lscpu -p`) rather than the kernel's
   * `physical_package_id` and `core_id`, which performance-profile-creator orders offlined CPUs by. Unset for sources
   * that carry the kernel's ids (virsh capabilities, `lscpu -y` output that proves it) and for uniform shapes.
   */
  readonly idsMayBeLogical?: boolean;
  /** Where the CPU was declared, for messages: `lscpu line 7`, `virsh capabilities <cpu id='3'> (line 40)`. */
  readonly origin: string;
}

/** What a source says about one NUMA node besides its CPUs. */
export interface RawNumaNode {
  readonly id: number;
  readonly memory?: Size;
  /** Free + used huge pages per size, keyed by HugePageSize.kernelName (`2M`, `1G`). */
  readonly hugePages: ReadonlyMap<string, number>;
}

export interface RawTopology {
  readonly cpus: RawCpu[];
  /** Nodes with their resources; nodes only referenced by CPUs are added with no resources. */
  readonly nodes: RawNumaNode[];
}

export interface CoreLayout {
  /** Position in the host's core order (NUMA node, then lowest CPU): the host-unique core id. */
  readonly index: number;
  /** The core's CPUs, ascending; index = SMT thread index. */
  readonly cpus: number[];
  readonly set: CpuSet;
  readonly numaNode: number;
  readonly socketId: number;
  readonly physicalCoreId: number;
}

export interface CpuLayout {
  readonly id: number;
  readonly core: CoreLayout;
  readonly threadIndex: number;
}

export interface NodeLayout {
  readonly resources: RawNumaNode;
  readonly cpus: CpuSet;
  readonly cores: CoreLayout[];
}

export interface TopologyLayout {
  readonly cpusById: ReadonlyMap<number, CpuLayout>;
  readonly cpuIds: number[];
  readonly cores: CoreLayout[];
  readonly nodes: ReadonlyMap<number, NodeLayout>;
  readonly nodeIds: number[];
  readonly threadsPerCore: number;
  /** Some CPU's socket and core ids may be a logical numbering (`RawCpu.idsMayBeLogical`). */
  readonly coreIdsMayBeLogical: boolean;
}

/** Throws HOST_INPUT_TOO_LARGE for text longer than MAX_INPUT_CHARS (checked before any parsing work). */
export function checkInputSize(text: string, source: string): void {
  if (text.length > MAX_INPUT_CHARS) {
    throw new ValidationError([error('HOST_INPUT_TOO_LARGE', source, `${text.length} characters`,
      `at most ${MAX_INPUT_CHARS} characters (1 MiB)`, 'pass only the command output, not a whole log or sosreport')]);
  }
}

/**
 * Groups CPUs into cores and nodes, checks the description is self-consistent and indexes it. Linear apart from two
 * sorts, so a 8192-CPU host builds in a few milliseconds.
 */
export function buildLayout(raw: RawTopology): TopologyLayout {
  if (raw.cpus.length > MAX_CPUS) {
    throw new ValidationError([error('HOST_INPUT_TOO_LARGE', raw.cpus[MAX_CPUS].origin, `${raw.cpus.length} CPUs`,
      `at most ${MAX_CPUS} CPUs (the kernel's CONFIG_NR_CPUS)`, 'describe one host, not several')]);
  }
  if (raw.cpus.length === 0) {
    throw inconsistent('host', 'no CPUs', 'at least one CPU', 'describe the host\'s CPUs');
  }
  const findings: Finding[] = [];
  const byId = new Map<number, RawCpu>();
  const groups = new Map<string, RawCpu[]>();
  for (const cpu of raw.cpus) {
    const first = byId.get(cpu.id);
    if (first) {
      findings.push(inconsistentFinding(cpu.origin, `CPU ${cpu.id} again`, `each CPU once (CPU ${cpu.id} is already declared at ${first.origin})`,
        'remove the duplicate CPU'));
      continue;
    }
    byId.set(cpu.id, cpu);
    const group = groups.get(cpu.coreKey);
    if (group) group.push(cpu);
    else groups.set(cpu.coreKey, [cpu]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    for (const cpu of group.slice(1)) {
      if (cpu.numaNode !== first.numaNode) {
        findings.push(inconsistentFinding(cpu.origin, `CPU ${cpu.id} on NUMA node ${cpu.numaNode}`,
          `one NUMA node per core: its SMT sibling CPU ${first.id} is on NUMA node ${first.numaNode} (${first.origin}); a core listed in two NUMA nodes`,
          'capture the topology again from the host; a core cannot span NUMA nodes'));
      } else if (cpu.socketId !== first.socketId || cpu.physicalCoreId !== first.physicalCoreId) {
        findings.push(inconsistentFinding(cpu.origin, `CPU ${cpu.id} in socket ${cpu.socketId} core ${cpu.physicalCoreId}`,
          `the socket and core of its SMT sibling CPU ${first.id}: socket ${first.socketId} core ${first.physicalCoreId} (${first.origin})`,
          'capture the topology again from the host'));
      }
    }
    if (findings.length >= MAX_FINDINGS) break;
  }
  if (findings.length > 0) throw new ValidationError(findings.slice(0, MAX_FINDINGS));
  return index(raw, groups);
}

function index(raw: RawTopology, groups: Map<string, RawCpu[]>): TopologyLayout {
  const coreSeeds = [...groups.values()].map((group) => group.map((c) => c.id).sort((a, b) => a - b));
  const firstOf = new Map<number, RawCpu>();
  for (const group of groups.values()) for (const cpu of group) firstOf.set(cpu.id, cpu);
  coreSeeds.sort((a, b) => (firstOf.get(a[0])!.numaNode - firstOf.get(b[0])!.numaNode) || a[0] - b[0]);

  const cpusById = new Map<number, CpuLayout>();
  const cores: CoreLayout[] = coreSeeds.map((ids, i) => {
    const sample = firstOf.get(ids[0])!;
    const core: CoreLayout = {
      index: i,
      cpus: ids,
      set: CpuSet.of(ids),
      numaNode: sample.numaNode,
      socketId: sample.socketId,
      physicalCoreId: sample.physicalCoreId,
    };
    ids.forEach((id, threadIndex) => cpusById.set(id, { id, core, threadIndex }));
    return core;
  });

  const resources = new Map<number, RawNumaNode>();
  for (const node of raw.nodes) resources.set(node.id, node);
  const coresByNode = new Map<number, CoreLayout[]>();
  for (const node of raw.nodes) coresByNode.set(node.id, []);
  for (const core of cores) {
    const list = coresByNode.get(core.numaNode);
    if (list) list.push(core);
    else coresByNode.set(core.numaNode, [core]);
  }
  const nodeIds = [...coresByNode.keys()].sort((a, b) => a - b);
  const nodes = new Map<number, NodeLayout>();
  for (const id of nodeIds) {
    const nodeCores = coresByNode.get(id)!;
    nodes.set(id, {
      resources: resources.get(id) ?? { id, hugePages: new Map() },
      cpus: CpuSet.of(nodeCores.flatMap((c) => c.cpus)),
      cores: nodeCores,
    });
  }
  return {
    cpusById,
    cpuIds: [...cpusById.keys()].sort((a, b) => a - b),
    cores,
    nodes,
    nodeIds,
    threadsPerCore: cores.reduce((max, c) => Math.max(max, c.cpus.length), 1),
    coreIdsMayBeLogical: raw.cpus.some((cpu) => cpu.idsMayBeLogical === true),
  };
}

/** A TOPOLOGY_INCONSISTENT finding. */
export function inconsistentFinding(field: string, got: string, expected: string, fix: string): Finding {
  return { ...error('TOPOLOGY_INCONSISTENT', field, got, expected, fix), value: got };
}

function inconsistent(field: string, got: string, expected: string, fix: string): ValidationError {
  return new ValidationError([inconsistentFinding(field, got, expected, fix)]);
}

/** Chooses the largest whole binary unit for a KiB amount, so `asString()` reads `32Gi` rather than `33554432Ki`. */
export function sizeFromKibibytes(kib: number): Size {
  if (kib % (1024 * 1024) === 0) return Size.gibibytes(kib / (1024 * 1024));
  if (kib % 1024 === 0) return Size.mebibytes(kib / 1024);
  return Size.kibibytes(kib);
}
