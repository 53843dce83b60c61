import { CoreCell, CpuMap, CpuRole, NumaNodeMap, ThreadCell } from './cpu-map-model';
import { checkArguments } from './plan-inputs-schema';
import { PlanReport } from './plan-report';
import { checkCpuMap, checkPlanReport } from './plan-report-schema';
import { describeVmShape } from './report-text';
import { ROLE_LEGEND, ROLE_PALETTE, vmColour } from './svg-palette';
import { coreLabel } from './text-map';
import { describeLimit } from '../model/placement/capacity';
import { VmThreadKind } from '../model/placement/vm-cpu-assignment';
import { Prop, PropSchema } from '../values/prop-check';

/** Options of the SVG picture. */
export interface SvgMapOptions {
  /**
   * The heading of the picture.
   * @default "CPU partition"
   */
  readonly title?: string;
  /**
   * Extra lines under the heading (for example the planned VM shape and how many fit).
   * @default - only the host summary line
   */
  readonly notes?: string[];
}

const SVG_OPTIONS: PropSchema<SvgMapOptions> = { title: Prop.string(true), notes: Prop.arrayOf(Prop.string(true)) };

const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
const MARGIN = 24;
const THREAD_W = 108;
const THREAD_H = 38;
const BAND_H = 18;
const CORE_PAD = 6;
const CORE_LABEL_H = 16;
const CORE_GAP = 10;
const BOX_PAD = 14;
const BOX_HEADER_H = 44;
const BOX_GAP = 18;
const MAX_COLUMNS = 8;
const LEGEND_SWATCH = 16;
const LEGEND_ROW_H = 24;

/**
 * Renders a CPU map as a standalone SVG document: one box per NUMA node, one cell per core with its SMT threads
 * inside, coloured by role, with the planned VM threads as a labelled band, and a legend.
 *
 * Pure string generation: no ids, no timestamps, integer coordinates, every text escaped, so the same map always
 * gives the same bytes (snapshot-testable, diff-friendly in a GitOps repo).
 */
export function renderSvgMap(map: CpuMap, options: SvgMapOptions = {}): string {
  checkCpuMap(map, 'renderSvgMap');
  checkArguments({ options }, { options: Prop.struct(SVG_OPTIONS, [], 'SvgMapOptions { title, notes }') }, [], 'renderSvgMap');
  const hasVms = map.vmCount > 0;
  const threadH = THREAD_H + (hasVms ? BAND_H : 0);
  const threads = Math.max(1, ...map.numaNodes.flatMap((n) => n.cores.map((c) => c.threads.length)));
  const coreW = THREAD_W + 2 * CORE_PAD;
  const coreH = CORE_LABEL_H + threads * threadH + (threads - 1) * 4 + 2 * CORE_PAD;
  const columns = Math.min(MAX_COLUMNS, Math.max(1, ...map.numaNodes.map((n) => n.cores.length)));
  const boxW = 2 * BOX_PAD + columns * coreW + (columns - 1) * CORE_GAP;

  const title = options.title ?? 'CPU partition';
  const notes = [summaryLine(map), ...(options.notes ?? [])];
  const legendItems = legendOf(map);
  const width = Math.max(boxW, textWidth(title, 18), ...notes.map((n) => textWidth(n, 13)), 560) + 2 * MARGIN;
  const contentW = width - 2 * MARGIN;

  // With even parity a VM's emulator gets 2 CPUs: number them ("emu 1", "emu 2") so both labels fit the cell.
  const twoEmulators = new Set(map.numaNodes.flatMap((n) => n.cores.flatMap((c) => c.threads
    .filter((t) => t.assignment?.kind === VmThreadKind.EMULATOR && t.assignment.index > 0).map((t) => t.assignment!.vm))));
  const body: string[] = [];
  let y = MARGIN + 18;
  body.push(text(MARGIN, y, title, { size: 18, weight: 'bold', fill: '#111111' }));
  for (const note of notes) {
    y += 20;
    body.push(text(MARGIN, y, note, { size: 13, fill: '#333333' }));
  }
  y += 18;

  for (const node of map.numaNodes) {
    const rows = Math.max(1, Math.ceil(node.cores.length / columns));
    const boxH = BOX_HEADER_H + rows * coreH + (rows - 1) * CORE_GAP + BOX_PAD;
    body.push(numaBox(node, MARGIN, y, boxW, boxH));
    node.cores.forEach((core, i) => {
      const cx = MARGIN + BOX_PAD + (i % columns) * (coreW + CORE_GAP);
      const cy = y + BOX_HEADER_H + Math.floor(i / columns) * (coreH + CORE_GAP);
      body.push(coreCell(core, cx, cy, coreW, coreH, threadH, twoEmulators));
    });
    y += boxH + BOX_GAP;
  }

  const legend = legendBlock(legendItems, MARGIN, y, contentW);
  body.push(legend.svg);
  const height = y + legend.height + MARGIN;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
      + ` role="img" aria-label="${escapeXml(title)}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * The picture of a plan report: its map, titled, with the VM shape and capacity as notes when one was planned.
 */
export function renderPlanSvg(report: PlanReport, title: string = 'CPU plan'): string {
  checkPlanReport(report, 'renderPlanSvg');
  const notes: string[] = [];
  if (report.vmShape && report.capacity) {
    const c = report.capacity;
    notes.push(`VM: ${describeVmShape(report.vmShape)} (${c.podCpus} dedicated CPUs per pod)`);
    notes.push(`Fit: ${c.total} per node (${c.perNumaNode.map((n) => `NUMA ${n.numaNode}: ${n.vms}`).join(', ')}),`
      + ` limited by ${c.limitedBy.map((l) => describeLimit(l, c.hugePageSize)).join(' and ') || 'nothing'}`);
  }
  return renderSvgMap(report.map, { title, notes });
}

/** Escapes the five XML special characters (text and attribute values). */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' })[c] as string);
}


function summaryLine(map: CpuMap): string {
  const smt = map.threadsPerCore > 1
    ? `${map.threadsPerCore} threads per core${map.smtDisabled ? ', SMT switched off (nosmt)' : ''}`
    : '1 thread per core (no SMT)';
  const nodes = map.numaNodes.length;
  return `${map.cpuCount} CPUs, ${nodes} NUMA node${nodes === 1 ? '' : 's'}, ${smt}`;
}

function numaBox(node: NumaNodeMap, x: number, y: number, w: number, h: number): string {
  const lists = [`reserved ${node.reserved || 'none'}`, `isolated ${node.isolated || 'none'}`];
  if (node.offlined) lists.push(`offlined ${node.offlined}`);
  return [
    `<g aria-label="${escapeXml(`NUMA node ${node.id}`)}">`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="#f7f8fa" stroke="#4a5568" stroke-width="1.5"/>`,
    text(x + BOX_PAD, y + 20, `NUMA node ${node.id}`, { size: 15, weight: 'bold', fill: '#111111' }),
    text(x + BOX_PAD, y + 36, lists.join('  ·  '), { size: 12, fill: '#333333' }),
    '</g>',
  ].join('\n');
}

function coreCell(core: CoreCell, x: number, y: number, w: number, h: number, threadH: number, twoEmulators: Set<number>): string {
  const parts = [
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="#ffffff" stroke="#a0aec0"/>`,
    text(x + CORE_PAD, y + CORE_PAD + 10, `core ${coreLabel(core.socket, core.core)}`, { size: 11, fill: '#4a5568' }),
  ];
  core.threads.forEach((thread, i) => {
    parts.push(threadCell(thread, x + CORE_PAD, y + CORE_PAD + CORE_LABEL_H + i * (threadH + 4), threadH, twoEmulators));
  });
  return parts.join('\n');
}

function threadCell(cell: ThreadCell, x: number, y: number, h: number, twoEmulators: Set<number>): string {
  const p = ROLE_PALETTE[cell.role];
  const dash = p.dashed ? ' stroke-dasharray="4 3"' : '';
  const parts = [
    `<rect x="${x}" y="${y}" width="${THREAD_W}" height="${h}" rx="4" fill="${p.fill}" stroke="${p.stroke}" stroke-width="1.5"${dash}/>`,
    text(x + 7, y + 17, `CPU ${cell.cpu}`, { size: 14, weight: 'bold', fill: p.text }),
    text(x + 7, y + 32, p.label, { size: 11, fill: p.text }),
  ];
  const a = cell.assignment;
  if (a) {
    // vCPUs: a solid band in the VM's colour; emulator threads: the same colour outlined, so the two read apart.
    const vcpu = a.kind === VmThreadKind.VCPU;
    const label = vcpu ? `VM ${a.vm} vCPU ${a.index}`
      : twoEmulators.has(a.vm) ? `VM ${a.vm} emu ${a.index + 1}` : `VM ${a.vm} emulator`;
    const by = y + h - BAND_H;
    const colour = vmColour(a.vm);
    parts.push(vcpu
      ? `<rect x="${x + 1}" y="${by}" width="${THREAD_W - 2}" height="${BAND_H - 1}" rx="3" fill="${colour}"/>`
      : `<rect x="${x + 2}" y="${by}" width="${THREAD_W - 4}" height="${BAND_H - 2}" rx="3" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`);
    parts.push(text(x + 6, by + 13, label, { size: 11, weight: 'bold', fill: vcpu ? '#ffffff' : colour }));
  }
  return parts.join('\n');
}

interface LegendItem {
  readonly fill: string;
  readonly stroke: string;
  readonly dashed?: boolean;
  readonly label: string;
  /** A second, outlined swatch in the stroke colour (VM emulator threads). */
  readonly outlined?: boolean;
}

function legendOf(map: CpuMap): LegendItem[] {
  const present = new Set(map.numaNodes.flatMap((n) => n.cores.flatMap((c) => c.threads.map((t) => t.role))));
  const roles = [CpuRole.RESERVED, CpuRole.ISOLATED, CpuRole.OFFLINED, CpuRole.SMT_DISABLED, CpuRole.UNASSIGNED]
    .filter((r) => r === CpuRole.RESERVED || r === CpuRole.ISOLATED || present.has(r));
  const items: LegendItem[] = roles.map((r) => ({ ...ROLE_PALETTE[r], label: ROLE_LEGEND[r] }));
  const emulators = new Set(map.numaNodes.flatMap((n) => n.cores.flatMap((c) => c.threads
    .filter((t) => t.assignment?.kind === VmThreadKind.EMULATOR).map((t) => t.assignment!.vm))));
  for (let vm = 1; vm <= map.vmCount; vm++) {
    const outlined = emulators.has(vm);
    items.push({ fill: vmColour(vm), stroke: vmColour(vm), outlined, label: `VM ${vm}: vCPUs${outlined ? ' (solid), emulator (outlined)' : ''}` });
  }
  return items;
}

function legendBlock(items: LegendItem[], x: number, y: number, width: number): { svg: string; height: number } {
  const parts = [text(x, y + 14, 'Legend', { size: 13, weight: 'bold', fill: '#111111' })];
  let cx = x;
  let cy = y + 24;
  for (const item of items) {
    const swatches = item.outlined ? 2 * LEGEND_SWATCH + 4 : LEGEND_SWATCH;
    const itemW = swatches + 8 + textWidth(item.label, 12) + 22;
    if (cx > x && cx + itemW > x + width) {
      cx = x;
      cy += LEGEND_ROW_H;
    }
    const dash = item.dashed ? ' stroke-dasharray="4 3"' : '';
    parts.push(`<rect x="${cx}" y="${cy}" width="${LEGEND_SWATCH}" height="${LEGEND_SWATCH}" rx="3" fill="${item.fill}" stroke="${item.stroke}" stroke-width="1.5"${dash}/>`);
    if (item.outlined) {
      parts.push(`<rect x="${cx + LEGEND_SWATCH + 5}" y="${cy + 1}" width="${LEGEND_SWATCH - 2}" height="${LEGEND_SWATCH - 2}" rx="3" fill="#ffffff" stroke="${item.stroke}" stroke-width="2"/>`);
    }
    parts.push(text(cx + swatches + 8, cy + 13, item.label, { size: 12, fill: '#222222' }));
    cx += itemW;
  }
  return { svg: parts.join('\n'), height: cy + LEGEND_SWATCH - y };
}

interface TextStyle {
  readonly size: number;
  readonly fill: string;
  readonly weight?: string;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const weight = style.weight ? ` font-weight="${style.weight}"` : '';
  return `<text x="${x}" y="${y}" font-size="${style.size}"${weight} fill="${style.fill}">${escapeXml(content)}</text>`;
}

/** A generous width estimate (average glyph ≈ 0.62 em in DejaVu Sans) so text never overflows the layout. */
function textWidth(content: string, size: number): number {
  return Math.ceil(content.length * size * 0.62);
}
