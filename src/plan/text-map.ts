import { assignmentTag, CpuMap, CpuRole, NumaNodeMap, ThreadCell } from './cpu-map-model';
import { checkCpuMap } from './plan-report-schema';

/** The letter that marks each role in the text map. */
const ROLE_LETTER: Record<CpuRole, string> = {
  [CpuRole.RESERVED]: 'R',
  [CpuRole.ISOLATED]: 'I',
  [CpuRole.OFFLINED]: 'O',
  [CpuRole.SMT_DISABLED]: '-',
  [CpuRole.UNASSIGNED]: '?',
};

const ROLE_LEGEND: Record<CpuRole, string> = {
  [CpuRole.RESERVED]: 'reserved (OS, kubelet, IRQs)',
  [CpuRole.ISOLATED]: 'isolated (pinned VM CPUs only)',
  [CpuRole.OFFLINED]: 'offlined',
  [CpuRole.SMT_DISABLED]: 'SMT sibling off (nosmt)',
  [CpuRole.UNASSIGNED]: 'in no list',
};

/** Lines are kept within this many columns by wrapping a NUMA node's cores onto several bands. */
const MAX_WIDTH = 100;
const INDENT = '  ';

/**
 * Renders a CPU map as monospace ASCII text: a legend, then per NUMA node a header with its CPU lists and a grid
 * with one column per core and one row per SMT thread. Each cell is `<cpu> <role letter>` plus, when a VM is
 * planned there, its tag (`v1.0` = VM 1 vCPU 0, `e1` = VM 1 emulator thread).
 *
 * ```
 * NUMA node 0: reserved 0-1, isolated 2-7
 *        s0c0  s0c1  s0c2  s0c3  s1c0  s1c1  s1c2  s1c3
 *   cpu  0 R   1 R   2 I   3 I   4 I   5 I   6 I   7 I
 * ```
 */
export function renderTextMap(map: CpuMap): string {
  checkCpuMap(map, 'renderTextMap');
  const cells = map.numaNodes.flatMap((n) => n.cores.flatMap((c) => [coreLabel(c.socket, c.core), ...c.threads.map(cellText)]));
  const columnWidth = Math.max(...cells.map((c) => c.length), 1) + 2;
  const rowLabels = rowLabelsOf(map);
  const labelWidth = Math.max(...rowLabels.map((l) => l.length)) + 2;
  const perBand = Math.max(1, Math.floor((MAX_WIDTH - INDENT.length - labelWidth) / columnWidth));

  const lines = [...legend(map), ''];
  for (const node of map.numaNodes) {
    lines.push(nodeHeader(node));
    for (let start = 0; start < node.cores.length; start += perBand) {
      const band = node.cores.slice(start, start + perBand);
      lines.push(trimEnd(INDENT + ''.padEnd(labelWidth) + band.map((c) => coreLabel(c.socket, c.core).padEnd(columnWidth)).join('')));
      rowLabels.forEach((label, thread) => {
        const row = band.map((c) => (c.threads[thread] ? cellText(c.threads[thread]) : '').padEnd(columnWidth)).join('');
        lines.push(trimEnd(INDENT + label.padEnd(labelWidth) + row));
      });
    }
    lines.push('');
  }
  return lines.join('\n');
}

function legend(map: CpuMap): string[] {
  const present = new Set(map.numaNodes.flatMap((n) => n.cores.flatMap((c) => c.threads.map((t) => t.role))));
  const roles = [CpuRole.RESERVED, CpuRole.ISOLATED, CpuRole.OFFLINED, CpuRole.SMT_DISABLED, CpuRole.UNASSIGNED]
    .filter((r) => r === CpuRole.RESERVED || r === CpuRole.ISOLATED || present.has(r));
  const lines = [`Legend: ${roles.map((r) => `${ROLE_LETTER[r]} = ${ROLE_LEGEND[r]}`).join(', ')}`];
  if (map.vmCount > 0) {
    lines.push('        v1.0 = VM 1 vCPU 0, e1 = VM 1 emulator thread (placed as the kubelet\'s static CPU manager would)');
  }
  return lines;
}

function nodeHeader(node: NumaNodeMap): string {
  const parts = [`reserved ${node.reserved || 'none'}`, `isolated ${node.isolated || 'none'}`];
  if (node.offlined) parts.push(`offlined ${node.offlined}`);
  return `NUMA node ${node.id}: ${parts.join(', ')}`;
}

function rowLabelsOf(map: CpuMap): string[] {
  const rows = Math.max(1, ...map.numaNodes.flatMap((n) => n.cores.map((c) => c.threads.length)));
  return rows === 1 ? ['cpu'] : Array.from({ length: rows }, (_, i) => `t${i}`);
}

function cellText(cell: ThreadCell): string {
  const base = `${cell.cpu} ${ROLE_LETTER[cell.role]}`;
  return cell.assignment ? `${base} ${assignmentTag(cell.assignment)}` : base;
}

/** `s0c3`: the core id alone is ambiguous on multi-socket hosts (every socket numbers its cores from 0). */
export function coreLabel(socket: number, core: number): string {
  return `s${socket}c${core}`;
}

function trimEnd(line: string): string {
  return line.replace(/\s+$/, '');
}
