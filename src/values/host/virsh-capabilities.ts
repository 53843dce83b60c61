import { CpuSet } from '../cpu-set';
import { error, Finding } from '../finding';
import { HugePageSize } from '../hugepage-size';
import { ValidationError } from '../validation-error';
import {
  checkInputSize, inconsistentFinding, MAX_CPUS, MAX_FINDINGS, MAX_NUMA_NODE_ID, MAX_TOPOLOGY_ID, RawCpu, RawNumaNode,
  RawTopology, sizeFromKibibytes,
} from './topology-data';
import { describeElement, parseXml, XmlElement } from './xml-reader';

// Reads the host NUMA topology from `virsh capabilities` (the whole document, `<capabilities><host><topology>`) or
// from just its `<topology>` element, as the libvirt real-time guide shows it. SMT siblings are grouped by each
// CPU's `siblings` attribute (the kernel's thread_siblings_list), which is authoritative: libvirt's core_id and
// socket_id need not be unique across cells (the guide's own example reuses socket_id 0 in both cells).
//
// core_id and socket_id are the kernel's: libvirt reads `topology/core_id` and `physical_package_id` from sysfs
// (virhostcpu.c), the ids performance-profile-creator orders offlined CPUs by, so a plan from this source is PPC's
// and the CPUs are never marked `idsMayBeLogical`. (Only a libvirt without NUMA information synthesizes sequential
// core ids, virCapabilitiesHostNUMAInitFake; such a host has one NUMA node and no sysfs topology to be true to.)

const SOURCE = 'virsh capabilities';
const CODE = 'VIRSH_XML_SYNTAX';
const RECAPTURE = 'paste the output of `virsh capabilities` unchanged';

/** Binary units libvirt writes for scaled integers, in KiB. */
const UNIT_KIB: Record<string, number> = { KiB: 1, k: 1, K: 1, MiB: 1024, M: 1024, GiB: 1024 ** 2, G: 1024 ** 2, TiB: 1024 ** 3, T: 1024 ** 3 };

/** Parses the XML into the source-neutral description; throws a ValidationError naming the element and line. */
export function parseVirshCapabilities(xml: string): RawTopology {
  if (typeof xml !== 'string') {
    throw new ValidationError([error(CODE, SOURCE, xml, 'the XML text printed by virsh capabilities', RECAPTURE)]);
  }
  checkInputSize(xml, SOURCE);
  const root = parseXml(xml, SOURCE, CODE);
  const topology = findTopology(root);
  const reader = new CellReader();
  const cells = only(topology, 'cells', true)!;
  const cellElements = cells.children.filter((c) => c.name === 'cell');
  reader.checkCount(cells, cellElements.length);
  if (cellElements.length === 0) {
    reader.fail(cells, 'no <cell>', 'one <cell> per NUMA node', RECAPTURE);
  }
  for (const cell of cellElements) {
    if (reader.findings.length >= MAX_FINDINGS) break;
    reader.readCell(cell);
  }
  reader.checkSiblings();
  if (reader.findings.length === 0 && reader.cpus.length === 0) {
    reader.fail(cells, 'no <cpu> in any <cell>', 'the host CPUs under <cell><cpus>', RECAPTURE);
  }
  if (reader.findings.length > 0) throw new ValidationError(reader.findings.slice(0, MAX_FINDINGS));
  return { cpus: reader.cpus, nodes: reader.nodes };
}

function findTopology(root: XmlElement): XmlElement {
  if (root.name === 'topology') return root;
  if (root.name !== 'capabilities') {
    throw fail(root, `<${root.name}>`, '<capabilities> (virsh capabilities) or <topology> as the root element', RECAPTURE);
  }
  const host = only(root, 'host', true)!;
  return only(host, 'topology', true)!;
}

/** The single child named `name`; throws if there are several, or none when `required`. */
function only(parent: XmlElement, name: string, required: boolean): XmlElement | undefined {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length > 1) throw fail(found[1], `a second <${name}>`, `one <${name}> in ${describeElement(parent)}`, RECAPTURE);
  if (found.length === 0 && required) {
    throw fail(parent, `no <${name}>`, `a <${name}> element in ${describeElement(parent)}`, RECAPTURE);
  }
  return found[0];
}

function fail(element: XmlElement, got: string, expected: string, fix: string): ValidationError {
  return new ValidationError([finding(element, got, expected, fix)]);
}

function finding(element: XmlElement, got: string, expected: string, fix: string): Finding {
  return { ...error(CODE, `${SOURCE} ${describeElement(element)}`, got, expected, fix), value: got };
}

interface DeclaredCpu extends RawCpu {
  readonly siblings: CpuSet;
}

class CellReader {
  public readonly findings: Finding[] = [];
  public readonly cpus: DeclaredCpu[] = [];
  public readonly nodes: RawNumaNode[] = [];
  private readonly cellLines = new Map<number, number>();

  public readCell(cell: XmlElement): void {
    const id = this.integer(cell, 'id', MAX_NUMA_NODE_ID);
    if (id === undefined) return;
    const previous = this.cellLines.get(id);
    if (previous !== undefined) {
      this.fail(cell, `cell id ${id} again`, `each NUMA cell once (cell ${id} is already at line ${previous})`, RECAPTURE);
      return;
    }
    this.cellLines.set(id, cell.line);
    const memoryElement = this.optional(cell, 'memory');
    const memory = memoryElement ? this.amountKib(memoryElement, memoryElement.text, 'memory') : undefined;
    const hugePages = new Map<string, number>();
    for (const pages of cell.children.filter((c) => c.name === 'pages')) this.readPages(pages, hugePages);
    this.nodes.push({ id, hugePages, memory: memory === undefined ? undefined : sizeFromKibibytes(memory) });

    const cpusElement = this.optional(cell, 'cpus');
    if (!cpusElement) return;
    const cpuElements = cpusElement.children.filter((c) => c.name === 'cpu');
    this.checkCount(cpusElement, cpuElements.length);
    for (const cpu of cpuElements) {
      if (this.findings.length >= MAX_FINDINGS) return;
      if (this.cpus.length >= MAX_CPUS) {
        throw new ValidationError([error('HOST_INPUT_TOO_LARGE', `${SOURCE} ${describeElement(cpu)}`,
          `more than ${MAX_CPUS} <cpu> elements`, `at most ${MAX_CPUS} CPUs (the kernel's CONFIG_NR_CPUS)`, 'describe one host')]);
      }
      this.readCpu(cpu, id);
    }
  }

  /**
   * Every CPU's siblings must be declared CPUs that list exactly the same siblings. Each finding names the lowest
   * sibling that breaks the rule. Worked out once per distinct siblings list with set algebra, never id by id, so
   * 8192 CPUs that each list siblings='0-8191' cost 8192 steps, not 8192².
   */
  public checkSiblings(): void {
    const byId = new Map<number, DeclaredCpu>();
    for (const cpu of this.cpus) if (!byId.has(cpu.id)) byId.set(cpu.id, cpu);
    const idsByKey = new Map<string, number[]>();
    for (const [id, cpu] of byId) {
      const ids = idsByKey.get(cpu.coreKey);
      if (ids) ids.push(id);
      else idsByKey.set(cpu.coreKey, [id]);
    }
    const firstMismatch = new Map<string, number | undefined>();
    for (const cpu of this.cpus) {
      if (this.findings.length >= MAX_FINDINGS) return;
      if (!firstMismatch.has(cpu.coreKey)) {
        // The siblings that are not CPUs listing these same siblings (CPUs are keyed by their first <cpu> element).
        const agreeing = CpuSet.of(idsByKey.get(cpu.coreKey) ?? []);
        firstMismatch.set(cpu.coreKey, cpu.siblings.difference(agreeing).min);
      }
      const sibling = firstMismatch.get(cpu.coreKey);
      if (sibling === undefined) continue;
      const other = byId.get(sibling);
      if (!other) {
        this.findings.push(inconsistentFinding(cpu.origin, `siblings='${cpu.siblings}'`,
          `siblings that are CPUs of the host (CPU ${sibling} has no <cpu> element)`, RECAPTURE));
      } else {
        this.findings.push(inconsistentFinding(cpu.origin, `siblings='${cpu.siblings}'`,
          `the same siblings as CPU ${sibling}, which lists siblings='${other.siblings}' (${other.origin})`, RECAPTURE));
      }
    }
  }

  public checkCount(element: XmlElement, actual: number): void {
    if (!element.attributes.has('num')) return;
    const declared = this.integer(element, 'num', MAX_CPUS);
    const child = element.name === 'cells' ? 'cell' : 'cpu';
    if (declared !== undefined && declared !== actual) {
      this.fail(element, `num='${declared}' with ${actual} <${child}> elements`, `num equal to the number of <${child}> elements`,
        'paste the complete, unedited output (elements seem to be missing)');
    }
  }

  public fail(element: XmlElement, got: string, expected: string, fix: string): void {
    this.findings.push(finding(element, got, expected, fix));
  }

  private readCpu(element: XmlElement, numaNode: number): void {
    const before = this.findings.length;
    const id = this.integer(element, 'id', CpuSet.MAX_CPU_ID);
    const socketId = this.integer(element, 'socket_id', MAX_TOPOLOGY_ID);
    const coreId = this.integer(element, 'core_id', MAX_TOPOLOGY_ID);
    const siblingsText = this.attribute(element, 'siblings');
    if (this.findings.length > before || id === undefined || socketId === undefined || coreId === undefined || siblingsText === undefined) return;
    let siblings: CpuSet;
    try {
      siblings = CpuSet.parse(siblingsText, 'siblings');
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      this.fail(element, `siblings='${siblingsText}'`, 'a cpulist such as "0,40"', RECAPTURE);
      return;
    }
    const origin = `${SOURCE} ${describeElement(element)}`;
    if (!siblings.has(id)) {
      this.findings.push(inconsistentFinding(origin, `siblings='${siblingsText}'`, `a siblings list that includes the CPU itself (${id})`, RECAPTURE));
      return;
    }
    this.cpus.push({ id, numaNode, socketId, coreKey: siblings.toString(), physicalCoreId: coreId, origin, siblings });
  }

  private readPages(element: XmlElement, into: Map<string, number>): void {
    const sizeText = this.attribute(element, 'size');
    const sizeKib = sizeText === undefined ? undefined : this.amountKib(element, sizeText, 'size');
    const count = this.wholeNumber(element, element.text, 'the page count', MAX_TOPOLOGY_ID * 1024);
    if (sizeKib === undefined || count === undefined) return;
    const size = HugePageSize.all().find((s) => s.kibibytes === sizeKib);
    if (!size) return; // base pages, or a size other architectures have
    if (into.has(size.kernelName)) {
      this.fail(element, `a second <pages size='${sizeText}'>`, 'one <pages> element per size in a cell', RECAPTURE);
      return;
    }
    into.set(size.kernelName, count);
  }

  /** A scaled integer in KiB: the number (element text or `size` attribute) times the element's `unit`. */
  private amountKib(element: XmlElement, text: string, what: string): number | undefined {
    const unit = this.attribute(element, 'unit');
    const amount = this.wholeNumber(element, text, what, Number.MAX_SAFE_INTEGER);
    if (unit === undefined || amount === undefined) return undefined;
    const factor = UNIT_KIB[unit];
    if (factor === undefined) {
      this.fail(element, `unit='${unit}'`, 'a binary unit: KiB (what libvirt prints), MiB, GiB or TiB', 'write unit=\'KiB\' and the amount in KiB');
      return undefined;
    }
    const kib = amount * factor;
    if (!Number.isSafeInteger(kib)) {
      this.fail(element, `${text.trim()} ${unit}`, 'an amount below 2^53 KiB', RECAPTURE);
      return undefined;
    }
    return kib;
  }

  private optional(parent: XmlElement, name: string): XmlElement | undefined {
    const found = parent.children.filter((c) => c.name === name);
    if (found.length > 1) this.fail(found[1], `a second <${name}>`, `one <${name}> in ${describeElement(parent)}`, RECAPTURE);
    return found[0];
  }

  private attribute(element: XmlElement, name: string): string | undefined {
    const value = element.attributes.get(name);
    if (value === undefined) {
      const offline = element.name === 'cpu' && element.attributes.size === 1 && element.attributes.has('id');
      this.fail(element, `no ${name} attribute`, `<${element.name}> with attribute ${name}`, offline
        ? 'libvirt prints only the id of an OFFLINE CPU: bring every CPU online (or describe the host another way) and capture again'
        : RECAPTURE);
    }
    return value;
  }

  private integer(element: XmlElement, name: string, max: number): number | undefined {
    const text = this.attribute(element, name);
    return text === undefined ? undefined : this.wholeNumber(element, text, `attribute ${name}`, max, `${name}='${text}'`);
  }

  private wholeNumber(element: XmlElement, text: string, what: string, max: number, shown?: string): number | undefined {
    const trimmed = text.trim();
    const n = /^\d{1,16}$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!(n <= max)) {
      this.fail(element, shown ?? JSON.stringify(trimmed.slice(0, 40)), `${what} as a whole number from 0 to ${max}`, RECAPTURE);
      return undefined;
    }
    return n;
  }
}
