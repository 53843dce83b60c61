import { PlannedVmShape, PlanReport } from './plan-report';
import { checkPlannedVmShape, checkPlanReport } from './plan-report-schema';
import { renderTextMap } from './text-map';
import { describeLimit } from '../model/placement/capacity';
import { CpuSet } from '../values/cpu-set';

const WIDTH = 100;

/**
 * Renders a plan report as the text `cdk8s-kubevirt-realtime plan` prints: host, CPU map, CPU lists, kernel
 * arguments, kubelet settings and, with a VM shape, the capacity and why not more. Throws a ValidationError for a
 * report that is not a PlanReport with whole, in-range counts.
 */
export function renderPlanText(report: PlanReport): string {
  checkPlanReport(report, 'renderPlanText');
  const h = report.host;
  const lines: string[] = [
    `Host: ${h.cpuCount} CPUs (${h.cpus}), ${h.numaNodeCount} NUMA node${h.numaNodeCount === 1 ? '' : 's'}, `
      + `${h.threadsPerCore} thread${h.threadsPerCore === 1 ? '' : 's'} per core${report.smtDisabled ? ', SMT switched off (nosmt)' : ''}`,
    '',
    'CPU map',
    renderTextMap(report.map).trimEnd(),
    '',
    'CPU lists',
    ...cpuLists(report),
    '',
    ...wrap(`Kernel arguments and kubelet settings of ${report.settingsSource}:`, '', ''),
    '',
    'Kernel arguments (a change reboots every node of the pool)',
    ...report.kernelArguments.map((a) => `  ${a}`),
    '',
    'Kubelet settings',
    ...report.kubeletSettings.map((s) => `  ${s.name}: ${s.value}`),
  ];
  if (report.vmShape && report.capacity) {
    const c = report.capacity;
    lines.push('', `Capacity for a VM with ${describeVmShape(report.vmShape)}`);
    const pages = c.hugePageSize ? ` and ${c.hugePagesPerVm} x ${c.hugePageSize} huge pages` : '';
    lines.push(...wrap(`Each VM's launcher pod needs ${c.podCpus} dedicated CPUs (${c.vcpus} vCPUs`
      + `${c.emulatorCpus > 0 ? ` + ${c.emulatorCpus} emulator` : ''}${c.podCpus - c.vcpus - c.emulatorCpus > 0
        ? ` + ${c.podCpus - c.vcpus - c.emulatorCpus} IOThread` : ''}) on one NUMA node (single-numa-node)${pages}.`, '  ', '  '));
    for (const node of c.perNumaNode) lines.push(...wrap(node.reason, '  ', '    '));
    const limits = c.limitedBy.map((l) => describeLimit(l, c.hugePageSize)).join(' and ') || 'nothing';
    lines.push(`  Node total: ${c.total} VM${c.total === 1 ? '' : 's'} (limited by ${limits})`);
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings', ...report.warnings.flatMap((w) => wrap(w, '  ', '    ')));
  }
  return lines.join('\n') + '\n';
}

/** `4 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread`. */
export function describeVmShape(shape: PlannedVmShape): string {
  checkPlannedVmShape(shape, 'describeVmShape');
  const parts = [`${shape.vcpus} vCPU${shape.vcpus === 1 ? '' : 's'}`,
    `${memoryText(shape.memoryMebibytes)} memory${shape.hugePageSize ? ` in ${shape.hugePageSize} huge pages` : ''}`];
  if (shape.isolateEmulatorThread) {
    parts.push(`isolated emulator thread${shape.emulatorThreadEvenParity ? ' with even-parity completion' : ''}`);
  }
  return parts.join(', ');
}

function cpuLists(report: PlanReport): string[] {
  const rows: [string, string, string][] = [
    ['reserved', report.reserved, 'kubelet reservedSystemCPUs: the OS, kubelet and IRQs run here'],
    ['isolated', report.isolated, 'isolcpus, nohz_full, rcu_nocbs: only pinned VM CPUs run here'],
    ['offlined', report.offlined, 'switched off'],
  ];
  const listWidth = Math.max(...rows.map(([, list]) => (list || 'none').length));
  return rows.map(([name, list, what]) => {
    const count = CpuSet.parse(list).size;
    return `  ${name.padEnd(9)}${(list || 'none').padEnd(listWidth + 2)}${`${count} CPU${count === 1 ? '' : 's'}`.padEnd(9)}${what}`;
  });
}

function memoryText(mebibytes: number): string {
  return mebibytes % 1024 === 0 ? `${mebibytes / 1024}Gi` : `${mebibytes}Mi`;
}

/** Wraps `text` at word boundaries within WIDTH columns. */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    const candidate = line.trim() === '' ? line + word : `${line} ${word}`;
    if (candidate.length > WIDTH && line.trim() !== '') {
      lines.push(line);
      line = rest + word;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines;
}
