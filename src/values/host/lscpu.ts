import { LscpuOptions } from './lscpu-options';
import { CpuSet } from '../cpu-set';
import { error, Finding } from '../finding';
import { checkProps, Prop, PropSchema } from '../prop-check';
import { ValidationError } from '../validation-error';
import {
  checkInputSize, MAX_CPUS, MAX_FINDINGS, MAX_NUMA_NODE_ID, MAX_TOPOLOGY_ID, RawCpu, RawNumaNode, RawTopology,
} from './topology-data';

// Reads `lscpu -p=CPU,CORE,SOCKET,NODE -y` (or without -y, or plain `lscpu -p`, whose default columns start with the
// same four). lscpu prints a `# CPU,Core,Socket,Node` header as its last comment line; when present it decides which
// column is which, so any column order or extra columns (caches, Book, Drawer) work. Without a header the four columns
// are assumed in that order. An EMPTY Node field (lscpu on kernels without NUMA support prints `0,0,0,`) means NUMA
// node 0, the kernel's single implicit node; a MISSING Node column is refused rather than guessed.
//
// CAPTURE WITH -y (--physical). Without it lscpu numbers cores and sockets LOGICALLY: the index of each sibling set in
// CPU order, host-wide (util-linux lscpu.c `__fill_id`, "logical core number"). With it, CORE and SOCKET are the
// kernel's `topology/core_id` and `physical_package_id`, which OpenShift's performance-profile-creator sorts by when
// it picks the CPUs to take offline; on many Xeon hosts core_id is sparse and out of CPU order, so only the kernel's
// ids give PPC's offlined set. The header is the same either way, so the text cannot say which it is: ids that are
// not lscpu's logical numbering must be physical, but logical-looking ids may be either (or physical ids that happen
// to follow CPU order). Such input is marked `idsMayBeLogical`, and the planner warns when its result depends on it.

const SOURCE = 'lscpu';
const REQUIRED = ['cpu', 'core', 'socket', 'node'] as const;
/** The capture this parser asks for: CORE and SOCKET are then the kernel's core_id and physical_package_id. */
export const LSCPU_COMMAND = 'lscpu -p=CPU,CORE,SOCKET,NODE -y';
const RERUN = `paste the complete output of \`${LSCPU_COMMAND}\``;

const OPTIONS_SCHEMA: PropSchema<LscpuOptions> = { physicalIds: Prop.boolean() };

interface Columns {
  readonly count: number;
  readonly cpu: number;
  readonly core: number;
  readonly socket: number;
  readonly node: number;
  readonly names: string;
}

const DEFAULT_COLUMNS: Columns = { count: 4, cpu: 0, core: 1, socket: 2, node: 3, names: 'CPU,Core,Socket,Node' };

/** Parses lscpu parsable output into the source-neutral description; throws a ValidationError naming the line. */
export function parseLscpu(text: string, options?: LscpuOptions): RawTopology {
  if (options !== undefined) checkProps(options, OPTIONS_SCHEMA, [], 'lscpu options');
  if (typeof text !== 'string') {
    throw new ValidationError([error('LSCPU_SYNTAX', SOURCE, text, 'the text printed by lscpu -p', RERUN)]);
  }
  checkInputSize(text, SOURCE);
  const findings: Finding[] = [];
  const cpus: RawCpu[] = [];
  const nodeIds = new Set<number>();
  const lines = text.split('\n');
  let columns: Columns = DEFAULT_COLUMNS;
  for (let i = 0; i < lines.length && findings.length < MAX_FINDINGS; i++) {
    const line = lines[i].replace(/\r$/, '');
    const where = `${SOURCE} line ${i + 1}`;
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('#')) {
      const header = readHeader(line, where, findings);
      if (header) columns = header;
      continue;
    }
    if (cpus.length >= MAX_CPUS) {
      throw new ValidationError([error('HOST_INPUT_TOO_LARGE', where, `more than ${MAX_CPUS} CPU lines`,
        `at most ${MAX_CPUS} CPUs (the kernel's CONFIG_NR_CPUS)`, 'describe one host, not several')]);
    }
    const cpu = readCpu(line, where, columns, findings);
    if (cpu) {
      cpus.push(cpu);
      nodeIds.add(cpu.numaNode);
    }
  }
  if (findings.length === 0 && cpus.length === 0) {
    findings.push(syntax(`${SOURCE} input`, text.length > 60 ? `${text.slice(0, 60)}...` : text,
      'at least one CPU line such as "0,0,0,0"', RERUN));
  }
  if (findings.length > 0) throw new ValidationError(findings.slice(0, MAX_FINDINGS));
  const nodes: RawNumaNode[] = [...nodeIds].map((id) => ({ id, hugePages: new Map() }));
  const unproven = !(options?.physicalIds ?? false) && idsLookLogical(cpus);
  return { cpus: unproven ? cpus.map((cpu) => ({ ...cpu, idsMayBeLogical: true })) : cpus, nodes };
}

/**
 * True when the CORE and SOCKET ids could be lscpu's logical numbering: in CPU id order each id is either one seen
 * before (a core's other thread; a core id never in two sockets) or the next unused number from 0. Kernel ids fail
 * this as soon as they skip a number, restart in the next socket or appear out of CPU order. Linear after one sort.
 */
export function idsLookLogical(cpus: RawCpu[]): boolean {
  const byId = [...cpus].sort((a, b) => a.id - b.id);
  const socketOfCore = new Map<number, number>();
  const sockets = new Set<number>();
  for (const cpu of byId) {
    const socket = socketOfCore.get(cpu.physicalCoreId);
    if (socket === undefined) {
      if (cpu.physicalCoreId !== socketOfCore.size) return false;
      socketOfCore.set(cpu.physicalCoreId, cpu.socketId);
    } else if (socket !== cpu.socketId) {
      return false;
    }
    if (!sockets.has(cpu.socketId)) {
      if (cpu.socketId !== sockets.size) return false;
      sockets.add(cpu.socketId);
    }
  }
  return true;
}

/** The column layout from a `# CPU,Core,Socket,Node[,...]` header, or undefined for any other comment. */
function readHeader(line: string, where: string, findings: Finding[]): Columns | undefined {
  const names = line.trimStart().slice(1).trim().split(',').map((n) => n.trim().toLowerCase());
  if (names[0] !== 'cpu' || !names.every((n) => /^[a-z0-9]*$/.test(n))) return undefined;
  const missing = REQUIRED.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    findings.push(syntax(where, line, `a header with the columns CPU, Core, Socket and Node (missing ${missing.join(', ')})`,
      `run \`${LSCPU_COMMAND}\`; the NUMA node of each CPU cannot be guessed`));
    return undefined;
  }
  const [cpu, core, socket, node] = REQUIRED.map((name) => names.indexOf(name));
  return { count: names.length, cpu, core, socket, node, names: line.trimStart().slice(1).trim() };
}

function readCpu(line: string, where: string, columns: Columns, findings: Finding[]): RawCpu | undefined {
  const fields = line.split(',');
  if (fields.length !== columns.count) {
    findings.push(syntax(where, line, `${columns.count} comma-separated fields ${columns.names} (got ${fields.length}${
      fields.length < columns.count ? ': the line is truncated' : ''})`, RERUN));
    return undefined;
  }
  const value = (column: number, name: string, max: number, emptyMeans?: number): number | undefined => {
    const field = fields[column].trim();
    if (field === '' && emptyMeans !== undefined) return emptyMeans;
    const n = /^\d{1,10}$/.test(field) ? Number(field) : NaN;
    if (!(n <= max)) {
      findings.push(syntax(where, line, `${name} as a whole number from 0 to ${max} (got ${JSON.stringify(field)})`, RERUN));
      return undefined;
    }
    return n;
  };
  const id = value(columns.cpu, 'CPU', CpuSet.MAX_CPU_ID);
  const core = value(columns.core, 'Core', MAX_TOPOLOGY_ID);
  const socket = value(columns.socket, 'Socket', MAX_TOPOLOGY_ID);
  const node = value(columns.node, 'Node', MAX_NUMA_NODE_ID, 0);
  if (id === undefined || core === undefined || socket === undefined || node === undefined) return undefined;
  // lscpu numbers cores host-wide, but keying by socket too keeps this right for versions that restart per socket.
  return { id, numaNode: node, socketId: socket, coreKey: `${socket}/${core}`, physicalCoreId: core, origin: where };
}

function syntax(field: string, got: string, expected: string, fix: string): Finding {
  const shown = got.length > 80 ? `${got.slice(0, 80)}...` : got;
  return error('LSCPU_SYNTAX', field, shown, expected, fix);
}
