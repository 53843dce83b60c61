import { Size, SizeRoundingBehavior } from 'cdk8s';
import { error, Finding } from '../finding';
import { ValidationError } from '../validation-error';
import { MAX_CPUS, MAX_NUMA_NODE_ID, RawCpu, RawNumaNode, RawTopology } from './topology-data';
import { CpuNumbering, UniformTopologyProps } from './uniform-topology';

/** Highest SMT width accepted (POWER9/10 go up to 8). */
const MAX_THREADS_PER_CORE = 8;

/**
 * Builds the CPU list of a uniform shape; throws UNIFORM_TOPOLOGY_INVALID for impossible shapes. The props' types
 * have been checked (HostTopology.uniform): counts are whole numbers, the numbering a CpuNumbering member.
 */
export function uniformTopology(p: UniformTopologyProps): RawTopology {
  const findings: Finding[] = [];
  const nodes = count(findings, 'numaNodes', p.numaNodes, MAX_NUMA_NODE_ID + 1);
  const sockets = count(findings, 'socketsPerNumaNode', p.socketsPerNumaNode ?? 1, MAX_CPUS);
  const cores = count(findings, 'coresPerSocket', p.coresPerSocket, MAX_CPUS);
  const threads = count(findings, 'threadsPerCore', p.threadsPerCore ?? 1, MAX_THREADS_PER_CORE);
  const numbering = p.numbering ?? CpuNumbering.SEQUENTIAL;
  const memory = checkMemory(findings, p.memoryPerNumaNode);
  if (findings.length === 0 && nodes * sockets * cores * threads > MAX_CPUS) {
    findings.push(error('UNIFORM_TOPOLOGY_INVALID', 'numaNodes*socketsPerNumaNode*coresPerSocket*threadsPerCore',
      nodes * sockets * cores * threads, `at most ${MAX_CPUS} logical CPUs (the kernel's CONFIG_NR_CPUS)`, 'describe a smaller host'));
  }
  if (findings.length > 0) throw new ValidationError(findings);

  const totalCores = nodes * sockets * cores;
  const cpus: RawCpu[] = [];
  for (let n = 0; n < nodes; n++) {
    for (let s = 0; s < sockets; s++) {
      for (let c = 0; c < cores; c++) {
        const socketId = n * sockets + s;
        const first = firstThreadNumber(numbering, { n, s, c, nodes, sockets, cores, threads });
        for (let t = 0; t < threads; t++) {
          const id = numbering === CpuNumbering.SEQUENTIAL_ADJACENT_SIBLINGS ? first + t : first + t * totalCores;
          cpus.push({
            id,
            numaNode: n,
            socketId,
            coreKey: `${socketId}/${c}`,
            physicalCoreId: c,
            origin: `uniform topology: NUMA node ${n}, socket ${socketId}, core ${c}, thread ${t}`,
          });
        }
      }
    }
  }
  const nodeList: RawNumaNode[] = [];
  for (let n = 0; n < nodes; n++) nodeList.push({ id: n, memory, hugePages: new Map() });
  return { cpus, nodes: nodeList };
}

interface Slot {
  readonly n: number;
  readonly s: number;
  readonly c: number;
  readonly nodes: number;
  readonly sockets: number;
  readonly cores: number;
  readonly threads: number;
}

/** The CPU id of thread 0 of core (n, s, c); see the CpuNumbering member docs. */
function firstThreadNumber(numbering: CpuNumbering, x: Slot): number {
  switch (numbering) {
    case CpuNumbering.INTERLEAVED_BY_SOCKET:
      return (x.s * x.nodes + x.n) * x.cores + x.c;
    case CpuNumbering.INTERLEAVED_BY_CORE:
      return (x.s * x.cores + x.c) * x.nodes + x.n;
    case CpuNumbering.SEQUENTIAL_ADJACENT_SIBLINGS:
      return ((x.n * x.sockets + x.s) * x.cores + x.c) * x.threads;
    default:
      return (x.n * x.sockets + x.s) * x.cores + x.c;
  }
}

function count(findings: Finding[], field: string, value: number, max: number): number {
  if (value < 1 || value > max) {
    findings.push(error('UNIFORM_TOPOLOGY_INVALID', field, value, `a whole number from 1 to ${max}`,
      `set ${field} to the host's real value (see lscpu)`));
    return 1;
  }
  return value;
}

function checkMemory(findings: Finding[], memory: Size | undefined): Size | undefined {
  if (memory === undefined) return undefined;
  let kib = NaN;
  try {
    kib = memory.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  } catch {
    // a Size of another unit system that cannot convert: reported below
  }
  if (!(kib > 0) || !Number.isFinite(kib)) {
    findings.push(error('UNIFORM_TOPOLOGY_INVALID', 'memoryPerNumaNode', Number.isNaN(kib) ? 'a Size that is not a number' : `${kib} KiB`,
      'a positive Size such as Size.gibibytes(32)', 'set memoryPerNumaNode to the memory of one NUMA node, or leave it unset'));
    return undefined;
  }
  return memory;
}
