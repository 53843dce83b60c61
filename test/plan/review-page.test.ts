import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { seed002Partition, vmShape } from './helpers';
import { parseXml } from './xml-check';
import { planReportOf } from '../../src/plan/plan-report';
import { renderReviewPage, writeReviewPages } from '../../src/plan/review-page';
import { HugePageSize } from '../../src/values/hugepage-size';
import { ValidationError } from '../../src/values/validation-error';

function seedReport() {
  return planReportOf(seed002Partition(), {
    vmShape: vmShape({ vcpus: 4, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true }),
  });
}

describe('renderReviewPage', () => {
  test('has the picture, the map, the lists, the kernel arguments, the kubelet settings, the capacity and what reboots', () => {
    const page = renderReviewPage({ poolName: 'worker-rt', report: seedReport() });
    expect(page).toContain('# Node pool `worker-rt`: CPU plan');
    expect(page).toContain('![CPU map of node pool worker-rt](worker-rt.svg)');
    expect(page).toContain('```text\nLegend: R = reserved');
    expect(page).toContain('| 0 | `0-7` | `0-1` | `2-7` | none |');
    expect(page).toContain('| all | `0-15` | `0-1,8-9` | `2-7,10-15` | none |');
    expect(page).toContain('```text\nisolcpus=managed_irq,2-7,10-15\nnohz=on\n');
    expect(page).toContain('| `reservedSystemCPUs` | `0-1,8-9` |');
    expect(page).toContain('## Capacity: VM with 4 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread');
    expect(page).toContain('- **Node total: 2 VMs** (limited by isolated CPUs)');
    expect(page).toContain('## What reboots the pool');
    expect(page).toMatchSnapshot();
  });

  test('takes the pool\'s own reboot triggers and settings, and leaves out capacity without a VM shape', () => {
    const report = planReportOf(seed002Partition(), {
      settings: { source: 'node pool worker-rt', kernelArguments: ['isolcpus=managed_irq,2-7,10-15', 'hugepagesz=1G'], kubeletSettings: [{ name: 'a|b', value: 'x|y' }] },
    });
    const page = renderReviewPage({ poolName: 'worker-rt', report, rebootTriggers: ['MachineConfig 50-worker-rt: kernel arguments'] });
    expect(page).toContain('Emitted by node pool worker-rt, in this order');
    expect(page).toContain('hugepagesz=1G');
    expect(page).toContain('| `a|b` | `x\\|y` |');
    expect(page).toContain('- MachineConfig 50-worker-rt: kernel arguments\n');
    expect(page).not.toContain('## Capacity');
  });

  test.each(['Worker', '../etc', '', 'a/b', '-rt'])('fails on the pool name %j', (poolName) => {
    expect(() => renderReviewPage({ poolName, report: seedReport() })).toThrow(ValidationError);
    expect(() => renderReviewPage({ poolName, report: seedReport() }))
      .toThrow(`[PLAN_REVIEW_PAGE_NAME] poolName: got ${JSON.stringify(poolName)}, expected a Kubernetes object name`);
  });
});

describe('writeReviewPages', () => {
  test('writes <pool>.md and <pool>.svg per pool into the directory, and nothing else', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
    try {
      const dir = path.join(root, 'review');
      const written = writeReviewPages(dir, [
        { poolName: 'worker-rt', report: seedReport() },
        { poolName: 'worker-rt2', report: planReportOf(seed002Partition()) },
      ]);
      expect(written).toEqual(['worker-rt.md', 'worker-rt.svg', 'worker-rt2.md', 'worker-rt2.svg'].map((f) => path.join(dir, f)));
      expect(fs.readdirSync(dir).sort()).toEqual(['worker-rt.md', 'worker-rt.svg', 'worker-rt2.md', 'worker-rt2.svg']);
      expect(fs.readdirSync(root)).toEqual(['review']);
      const svg = fs.readFileSync(path.join(dir, 'worker-rt.svg'), 'utf8');
      expect(parseXml(svg).attributes['aria-label']).toBe('CPU plan of node pool worker-rt');
      expect(fs.readFileSync(path.join(dir, 'worker-rt.md'), 'utf8')).toBe(renderReviewPage({ poolName: 'worker-rt', report: seedReport() }));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('writes nothing when a page is invalid', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
    try {
      expect(() => writeReviewPages(path.join(root, 'out'), [
        { poolName: 'ok', report: seedReport() },
        { poolName: 'Bad', report: seedReport() },
      ])).toThrow('PLAN_REVIEW_PAGE_NAME');
      expect(fs.readdirSync(root)).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
