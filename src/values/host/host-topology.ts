import { Size } from 'cdk8s';
import { CpuSet } from '../cpu-set';
import { error } from '../finding';
import { HugePageSize } from '../hugepage-size';
import { checkProps, checkValue, Prop } from '../prop-check';
import { ValidationError } from '../validation-error';
import { UNIFORM_TOPOLOGY_SCHEMA } from './host-props-schema';
import { parseLscpu } from './lscpu';
import { LscpuOptions } from './lscpu-options';
import { buildLayout, CpuLayout, RawTopology, TopologyLayout } from './topology-data';
import { uniformTopology } from './uniform-layout';
import { UniformTopologyProps } from './uniform-topology';
import { parseVirshCapabilities } from './virsh-capabilities';
import { HUGE_PAGE_SIZE } from '../vm/vm-settings-schema';

/**
 * One logical CPU of a host and where it sits.
 */
export interface LogicalCpu {
  /** The logical CPU id the kernel uses (`/sys/devices/system/cpu/cpu<id>`). */
  readonly id: number;
  /** The core's position in `HostTopology.cores()` (NUMA node order, then lowest CPU): unique per host. */
  readonly coreId: number;
  /** The core id as the source reports it (sysfs core_id / lscpu CORE); unique only within a socket. */
  readonly physicalCoreId: number;
  /** The socket (physical package) id. */
  readonly socketId: number;
  /** The NUMA node id. */
  readonly numaNode: number;
  /** Position among the core's SMT siblings in ascending CPU id order: 0 for the first thread. */
  readonly threadIndex: number;
}

/**
 * The CPU and memory layout of a node model: NUMA nodes → sockets → cores → SMT threads.
 *
 * Build it from the real hardware (`fromLscpu`, `fromVirshCapabilities`) or from a shape (`uniform`). Every CPU list
 * the library emits for a node pool is checked against it, so reserved CPUs that the machine does not have, or SMT
 * siblings split between reserved and isolated, are caught at synth instead of bricking a kubelet.
 *
 * Immutable; every lookup is indexed when the topology is built.
 */
export class HostTopology {
  /**
   * Reads `lscpu -p=CPU,CORE,SOCKET,NODE` output (comment lines starting with `#` are skipped; a
   * `# CPU,Core,Socket,Node...` header, as lscpu prints it, decides the column order, so plain `lscpu -p` works too).
   * An empty Node field means NUMA node 0: lscpu prints it that way on kernels without NUMA support.
   *
   * Capture with `lscpu -p=CPU,CORE,SOCKET,NODE -y`: `-y` prints the kernel's core and socket ids, the order
   * OpenShift's performance-profile-creator offlines CPUs in. Without it lscpu numbers cores in CPU order, and a plan
   * that offlines part of a socket warns (PARTITION_CORE_ORDER_UNPROVEN).
   *
   * @param text the command output (at most 1 MiB)
   * @param options how to read the ids
   */
  public static fromLscpu(text: string, options?: LscpuOptions): HostTopology {
    checkValue(text, Prop.string(true), 'HostTopology.fromLscpu(text)');
    return new HostTopology(parseLscpu(text, options));
  }

  /**
   * Reads the `<topology>` of `virsh capabilities` output (the whole document or just the `<topology>` element):
   * CPUs with their socket, core and `siblings`, and per cell the memory and the huge page pools (`<pages>`).
   *
   * @param xml the XML (at most 1 MiB)
   */
  public static fromVirshCapabilities(xml: string): HostTopology {
    checkValue(xml, Prop.string(true), 'HostTopology.fromVirshCapabilities(xml)');
    return new HostTopology(parseVirshCapabilities(xml));
  }

  /**
   * A host described by its shape, for planning before the hardware exists.
   */
  public static uniform(props: UniformTopologyProps): HostTopology {
    checkProps(props, UNIFORM_TOPOLOGY_SCHEMA, ['numaNodes', 'coresPerSocket'], 'HostTopology.uniform props');
    return new HostTopology(uniformTopology(props));
  }

  /** Every logical CPU of the host. */
  public readonly cpus: CpuSet;
  /** The most SMT threads any core has (1 without SMT). */
  public readonly threadsPerCore: number;
  /** True when some core has more than one thread. */
  public readonly smtEnabled: boolean;

  private readonly layout: TopologyLayout;
  private readonly coreSets: CpuSet[];
  private logical?: LogicalCpu[];
  private smtOffView?: HostTopology;

  private constructor(private readonly raw: RawTopology) {
    this.layout = buildLayout(raw);
    this.cpus = CpuSet.of(this.layout.cpuIds);
    this.threadsPerCore = this.layout.threadsPerCore;
    this.smtEnabled = this.threadsPerCore > 1;
    this.coreSets = this.layout.cores.map((c) => c.set);
  }

  /**
   * True when the socket and core ids may be lscpu's logical numbering (plain `lscpu -p`) instead of the kernel's
   * physical_package_id and core_id, which performance-profile-creator orders offlined CPUs by.
   */
  public get coreIdsMayBeLogical(): boolean {
    return this.layout.coreIdsMayBeLogical;
  }

  /** The NUMA node ids, ascending. */
  public get numaNodeIds(): number[] {
    return [...this.layout.nodeIds];
  }

  /** True when the host has logical CPU `cpu`. */
  public hasCpu(cpu: number): boolean {
    return this.layout.cpusById.has(cpu);
  }

  /** The CPUs of a NUMA node; empty for a node the host does not have (or a memory-only node). */
  public cpusOfNumaNode(node: number): CpuSet {
    return this.layout.nodes.get(node)?.cpus ?? CpuSet.empty();
  }

  /** The NUMA node of a CPU; throws for a CPU the host does not have. */
  public numaNodeOf(cpu: number): number {
    return this.cpu(cpu).core.numaNode;
  }

  /** The socket of a CPU; throws for a CPU the host does not have. */
  public socketOf(cpu: number): number {
    return this.cpu(cpu).core.socketId;
  }

  /** The CPU's whole core: the CPU and its SMT siblings. Throws for a CPU the host does not have. */
  public siblingsOf(cpu: number): CpuSet {
    return this.cpu(cpu).core.set;
  }

  /** Every core's CPUs, in NUMA node order, then by lowest CPU id (the order NTO's profile creator walks). */
  public cores(): CpuSet[] {
    return [...this.coreSets];
  }

  /** The cores of one NUMA node, by lowest CPU id; empty for a node the host does not have. */
  public coresOfNumaNode(node: number): CpuSet[] {
    return (this.layout.nodes.get(node)?.cores ?? []).map((c) => c.set);
  }

  /** Every logical CPU with its core, socket, NUMA node and thread index, by ascending id. */
  public logicalCpus(): LogicalCpu[] {
    if (!this.logical) {
      this.logical = this.layout.cpuIds.map((id) => {
        const { core, threadIndex } = this.layout.cpusById.get(id)!;
        return { id, coreId: core.index, physicalCoreId: core.physicalCoreId, socketId: core.socketId, numaNode: core.numaNode, threadIndex };
      });
    }
    return [...this.logical];
  }

  /** The memory of a NUMA node, when the source declared it (virsh `<memory>`, uniform `memoryPerNumaNode`). */
  public memoryOfNumaNode(node: number): Size | undefined {
    return this.layout.nodes.get(node)?.resources.memory;
  }

  /**
   * The huge pages of one size a NUMA node has, when the source declared them (virsh `<pages>`); undefined otherwise.
   */
  public hugePagesOfNumaNode(node: number, size: HugePageSize): number | undefined {
    checkValue(size, HUGE_PAGE_SIZE, 'HostTopology.hugePagesOfNumaNode(size)');
    return this.layout.nodes.get(node)?.resources.hugePages.get(size.kernelName);
  }

  /**
   * The host as it runs with SMT off (`nosmt`): each core keeps only its first thread. Memory and huge pages are
   * unchanged. Returns this topology when it has no SMT.
   */
  public withoutSmt(): HostTopology {
    if (!this.smtEnabled) return this;
    if (!this.smtOffView) {
      const cpus = this.raw.cpus.filter((c) => this.layout.cpusById.get(c.id)?.threadIndex === 0);
      this.smtOffView = new HostTopology({ cpus, nodes: this.raw.nodes });
    }
    return this.smtOffView;
  }

  /** A one-line summary, e.g. `2 NUMA nodes, 32 CPUs (0-31), 16 cores, 2 threads per core`. */
  public toString(): string {
    const nodes = this.layout.nodeIds.length;
    return `${nodes} NUMA node${nodes === 1 ? '' : 's'}, ${this.cpus.size} CPUs (${this.cpus}), ${this.coreSets.length} cores, `
      + `${this.threadsPerCore} thread${this.threadsPerCore === 1 ? '' : 's'} per core`;
  }

  private cpu(id: number): CpuLayout {
    const found = this.layout.cpusById.get(id);
    if (!found) {
      throw new ValidationError([error('TOPOLOGY_UNKNOWN_CPU', 'cpu', id, `a CPU of the host (${this.cpus})`,
        'use a CPU id the host has; check the topology source')]);
    }
    return found;
  }
}
