import * as fs from 'fs';
import * as path from 'path';
import { checkArguments } from './plan-inputs-schema';
import { PlanReport } from './plan-report';
import { PLAN_REPORT } from './plan-report-schema';
import { describeVmShape } from './report-text';
import { renderPlanSvg } from './svg-map';
import { renderTextMap } from './text-map';
import { describeLimit } from '../model/placement/capacity';
import { error } from '../values/finding';
import { Prop, PropSchema } from '../values/prop-check';
import { ValidationError } from '../values/validation-error';

/** The inputs of one node pool's review page, as plain values. */
export interface ReviewPageProps {
  /** The node pool's name (a Kubernetes name); the page is `<name>.md`, its picture `<name>.svg`. */
  readonly poolName: string;
  /** The pool's plan (from `planReportOf`). */
  readonly report: PlanReport;
  /**
   * What reboots the pool's nodes when it changes, one item each (e.g. "MachineConfig 50-rt-kernel-args: kernel
   * arguments").
   * @default - kernel arguments, kernel type and kubelet settings, as the Machine Config Operator applies them
   */
  readonly rebootTriggers?: string[];
}

const DEFAULT_REBOOT_TRIGGERS = [
  'any kernel argument above (including its order): the Machine Config Operator renders a new MachineConfig and reboots every node',
  'the kernel type (realtime or default)',
  'any kubelet setting above (KubeletConfig): the node is drained and rebooted, and the CPU manager state is reset',
];

const REVIEW_PAGE_PROPS_SCHEMA: PropSchema<ReviewPageProps> = {
  poolName: Prop.string(true),
  report: PLAN_REPORT,
  rebootTriggers: Prop.arrayOf(Prop.string()),
};

const REVIEW_PAGE_PROPS = Prop.struct(REVIEW_PAGE_PROPS_SCHEMA, ['poolName', 'report'], 'ReviewPageProps { poolName, report, rebootTriggers }');

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Renders one node pool's review page as Markdown: the picture, the CPU map as a code block, the CPU lists, the
 * kernel arguments, the kubelet settings, the capacity for the planned VM shape, and what reboots the pool.
 * Deterministic, so it can be committed next to the synthesized YAML and reviewed in a pull request.
 */
export function renderReviewPage(props: ReviewPageProps): string {
  checkArguments({ props }, { props: REVIEW_PAGE_PROPS }, ['props'], 'renderReviewPage');
  checkPoolName(props.poolName);
  const r = props.report;
  const h = r.host;
  const lines = [
    `# Node pool \`${props.poolName}\`: CPU plan`,
    '',
    `![CPU map of node pool ${props.poolName}](${svgFileName(props.poolName)})`,
    '',
    `Host: ${h.cpuCount} CPUs (${h.cpus}), ${h.numaNodeCount} NUMA node${h.numaNodeCount === 1 ? '' : 's'}, `
      + `${h.threadsPerCore} thread${h.threadsPerCore === 1 ? '' : 's'} per core${r.smtDisabled ? ', SMT switched off (nosmt)' : ''}.`,
    '',
    '## CPU map',
    '',
    '```text',
    renderTextMap(r.map).trimEnd(),
    '```',
    '',
    '## CPU lists',
    '',
    '| NUMA node | CPUs | reserved | isolated | offlined |',
    '|---|---|---|---|---|',
    ...r.numaNodes.map((n) => `| ${n.numaNode} | ${cell(n.cpus)} | ${cell(n.reserved)} | ${cell(n.isolated)} | ${cell(n.offlined)} |`),
    `| all | ${cell(h.cpus)} | ${cell(r.reserved)} | ${cell(r.isolated)} | ${cell(r.offlined)} |`,
    '',
    'Reserved CPUs run the OS, the kubelet and IRQs (`reservedSystemCPUs`); isolated CPUs run only pinned VM CPUs.',
    '',
    '## Kernel arguments',
    '',
    `Emitted by ${r.settingsSource}, in this order (a change, even of the order, reboots the pool):`,
    '',
    '```text',
    ...r.kernelArguments,
    '```',
    '',
    '## Kubelet settings',
    '',
    '| setting | value |',
    '|---|---|',
    ...r.kubeletSettings.map((s) => `| \`${s.name}\` | \`${s.value.replace(/\|/g, '\\|')}\` |`),
    '',
  ];
  if (r.vmShape && r.capacity) {
    const c = r.capacity;
    lines.push(`## Capacity: VM with ${describeVmShape(r.vmShape)}`, '',
      `Each VM's launcher pod needs ${c.podCpus} dedicated CPUs on one NUMA node`
        + `${c.hugePageSize ? ` and ${c.hugePagesPerVm} x ${c.hugePageSize} huge pages` : ''}.`,
      '',
      ...c.perNumaNode.map((n) => `- ${n.reason}`),
      `- **Node total: ${c.total} VM${c.total === 1 ? '' : 's'}** (limited by ${c.limitedBy.map((l) => describeLimit(l, c.hugePageSize)).join(' and ') || 'nothing'})`,
      '');
  }
  lines.push('## What reboots the pool', '', 'A change to any of these reboots every node of the pool (one `maxUnavailable` batch at a time):', '',
    ...(props.rebootTriggers ?? DEFAULT_REBOOT_TRIGGERS).map((t) => `- ${t}`), '');
  return lines.join('\n');
}

/**
 * Writes `<poolName>.md` and `<poolName>.svg` for each pool into `dir` (created if missing) and returns the paths
 * written, in order. Writes nothing else.
 */
export function writeReviewPages(dir: string, pages: ReviewPageProps[]): string[] {
  checkArguments({ dir, pages }, { dir: Prop.string(), pages: Prop.arrayOf(REVIEW_PAGE_PROPS) }, ['dir', 'pages'], 'writeReviewPages');
  const rendered = pages.map((p) => ({ p, md: renderReviewPage(p), svg: renderPlanSvg(p.report, `CPU plan of node pool ${p.poolName}`) }));
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const { p, md, svg } of rendered) {
    const mdPath = path.join(dir, `${p.poolName}.md`);
    const svgPath = path.join(dir, svgFileName(p.poolName));
    fs.writeFileSync(mdPath, md);
    fs.writeFileSync(svgPath, svg);
    written.push(mdPath, svgPath);
  }
  return written;
}

function svgFileName(poolName: string): string {
  return `${poolName}.svg`;
}

function checkPoolName(name: string): void {
  if (typeof name !== 'string' || name.length > 253 || !NAME.test(name)) {
    throw new ValidationError([error('PLAN_REVIEW_PAGE_NAME', 'poolName', name,
      'a Kubernetes object name (lower-case letters, digits, "-" and "."; used as the file name)',
      'use the node pool\'s name, e.g. "worker-rt"')]);
  }
}

function cell(list: string): string {
  return list === '' ? 'none' : `\`${list}\``;
}
