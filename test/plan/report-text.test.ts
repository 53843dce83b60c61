import { seed002Partition, vmShape } from './helpers';
import { planReportOf } from '../../src/plan/plan-report';
import { describeVmShape, renderPlanText } from '../../src/plan/report-text';
import { HugePageSize } from '../../src/values/hugepage-size';

describe('renderPlanText', () => {
  test('sections in order, lines within 100 columns', () => {
    const text = renderPlanText(planReportOf(seed002Partition(), {
      vmShape: vmShape({ vcpus: 2, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI }),
    }));
    const headings = ['Host: ', 'CPU map', 'CPU lists', 'Kernel arguments (', 'Kubelet settings', 'Capacity for a VM with 2 vCPUs'];
    const positions = headings.map((h) => text.indexOf(`\n${h}`) >= 0 ? text.indexOf(`\n${h}`) : text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(130);
    expect(text).toContain('Node total: 2 VMs (limited by 1Gi huge pages)');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('describeVmShape', () => {
  test.each([
    [{ vcpus: 1, memoryMebibytes: 512, isolateEmulatorThread: false, emulatorThreadEvenParity: false }, '1 vCPU, 512Mi memory'],
    [{ vcpus: 4, memoryMebibytes: 16384, hugePageSize: '1Gi', isolateEmulatorThread: true, emulatorThreadEvenParity: true },
      '4 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread with even-parity completion'],
  ])('%j', (shape, text) => {
    expect(describeVmShape(shape)).toBe(text);
  });
});
