import { queryPartition, somePartition } from './entries-values';
import { anyNumber, anyString, maybe, wrongValue } from './gen';
import { CaseContext } from './harness';
import { host, hugePageSize } from './hosts';
import { Rng } from './rng';
import { allocatableCpuCounts, CapacityOptions, capacityCountsOf, capacityOf, isPodCpuCountAligned } from '../src/model/placement/capacity';
import { podCpuCount, VmShape } from '../src/model/vm/vm-shape';
import { cpuMapOf } from '../src/plan/cpu-map-model';
import { emittedNodeSettings } from '../src/plan/emitted-settings';
import { planReportOf } from '../src/plan/plan-report';
import { renderPlanText } from '../src/plan/report-text';
import { renderReviewPage } from '../src/plan/review-page';
import { renderPlanSvg, renderSvgMap } from '../src/plan/svg-map';
import { renderTextMap } from '../src/plan/text-map';
import { IoThreadsPolicy } from '../src/values/vm/io-threads-policy';

// The capacity and plan APIs: a VM shape is a plain struct a JavaScript caller (or the CLI) builds by hand, so shapes
// here are mostly real ones with a field or two broken.

/** A VM shape: a plausible one, with now and then a field of the wrong value or type, missing, or extra. */
export function vmShape(r: Rng, pBreak: number = 0.3): VmShape {
  const vcpus = r.between(1, 12);
  const size = r.chance(0.7) ? hugePageSize(r, 0) : undefined;
  const shape: Record<string, unknown> = {
    vcpus,
    sockets: vcpus,
    cores: 1,
    threads: 1,
    memoryBytes: r.between(1, 16) * 1024 ** 3,
    ...(size ? { hugePageSize: size } : {}),
    dedicatedCpuPlacement: r.chance(0.9),
    isolateEmulatorThread: r.chance(0.7),
    ...(r.chance(0.5) ? { ioThreadsPolicy: r.pick(Object.values(IoThreadsPolicy)) } : {}),
    supplementalPoolThreadCount: r.chance(0.8) ? 0 : r.between(1, 3),
    realtime: r.chance(0.5),
    realtimeVcpus: [],
    guestMappingPassthrough: r.chance(0.5),
  };
  if (r.chance(pBreak)) {
    for (const key of r.many(2, () => r.pick(Object.keys(shape)))) {
      if (r.chance(0.15)) delete shape[key];
      else shape[key] = r.chance(0.7) ? anyNumber(r) : wrongValue(r);
    }
  }
  if (r.chance(0.05)) shape.extra = 1;
  return shape as unknown as VmShape;
}

/** Capacity options, with huge page lists that may be odd. */
export function capacityOptions(r: Rng): CapacityOptions {
  const o: Record<string, unknown> = {};
  if (r.chance(0.5)) o.emulatorThreadEvenParity = maybe(r, 0.05, () => r.chance(0.5));
  if (r.chance(0.4)) o.fullPcpusOnly = maybe(r, 0.05, () => r.chance(0.5));
  if (r.chance(0.4)) {
    o.hugePages = maybe(r, 0.05, () => r.many(4, () => maybe(r, 0.05, () => ({
      numaNode: maybe(r, 0.05, () => (r.chance(0.9) ? r.int(3) : anyNumber(r))),
      size: hugePageSize(r),
      count: maybe(r, 0.05, () => (r.chance(0.8) ? r.int(64) : anyNumber(r))),
    }))));
  }
  return o as CapacityOptions;
}

export function capacityCase(r: Rng, c: CaseContext): void {
  const partition = r.chance(0.97) ? somePartition(r) : wrongValue(r) as never;
  const shape = r.chance(0.97) ? vmShape(r) : wrongValue(r) as VmShape;
  const options = r.chance(0.97) ? capacityOptions(r) : wrongValue(r) as CapacityOptions;
  c.note('partition', partition);
  c.note('shape', shape);
  c.note('options', options);
  const full = c.call('capacityOf', () => capacityOf(partition, shape, options));
  if (full.ok) {
    c.objects('capacityOf', full.value);
    for (const n of full.value.perNumaNode) c.message('capacityOf reason', n.reason);
  }
  const counts = c.call('capacityCountsOf', () => capacityCountsOf(partition, shape, options));
  if (counts.ok) c.objects('capacityCountsOf', counts.value);
  c.call('isPodCpuCountAligned', () => isPodCpuCountAligned(partition, shape, options));
  const full2 = r.chance(0.95) ? r.chance(0.5) : wrongValue(r) as boolean;
  const allocatable = c.call('allocatableCpuCounts', () => allocatableCpuCounts(partition, full2));
  if (allocatable.ok) c.objects('allocatableCpuCounts', allocatable.value);
  const parity = r.chance(0.95) ? r.chance(0.5) : wrongValue(r) as boolean;
  const pod = c.call('podCpuCount', () => podCpuCount(shape, parity));
  if (pod.ok) c.objects('podCpuCount', [pod.value]);
}

export function planCase(r: Rng, c: CaseContext): void {
  const topology = host(r);
  const partition = somePartition(r, topology);
  c.note('partition', partition);
  queryPartition(r, c, partition);
  const options: Record<string, unknown> = {};
  if (r.chance(0.7)) options.vmShape = r.chance(0.97) ? vmShape(r, 0.2) : wrongValue(r);
  if (r.chance(0.5)) options.capacity = r.chance(0.97) ? capacityOptions(r) : wrongValue(r);
  if (r.chance(0.3)) options.host = r.chance(0.9) ? topology : wrongValue(r);
  c.note('options', options);
  const report = c.call('planReportOf', () => planReportOf(partition, r.chance(0.98) ? options : wrongValue(r) as never));
  if (report.ok) {
    c.objects('planReportOf', report.value);
    const text = c.call('renderPlanText', () => renderPlanText(report.value));
    if (text.ok) c.text('renderPlanText', text.value);
    const title = r.chance(0.9) ? undefined : anyString(r);
    const svg = c.call('renderPlanSvg', () => renderPlanSvg(report.value, title));
    if (svg.ok) c.text('renderPlanSvg', svg.value);
    const name = r.chance(0.8) ? 'worker-rt' : anyString(r);
    c.note('poolName', name);
    const page = c.call('renderReviewPage', () => renderReviewPage({ poolName: name, report: report.value }));
    if (page.ok) c.text('renderReviewPage', page.value);
  }
  const map = c.call('cpuMapOf', () => cpuMapOf(partition, [], r.chance(0.5) ? topology : undefined));
  if (map.ok) {
    c.objects('cpuMapOf', map.value);
    const t = c.call('renderTextMap', () => renderTextMap(map.value));
    if (t.ok) c.text('renderTextMap', t.value);
    const s = c.call('renderSvgMap', () => renderSvgMap(map.value, { title: 'x', notes: r.many(2, () => anyString(r).slice(0, 100)) }));
    if (s.ok) c.text('renderSvgMap', s.value);
  }
  const settings = c.call('emittedNodeSettings', () => emittedNodeSettings(partition, r.chance(0.9) ? undefined : topology));
  if (settings.ok) c.objects('emittedNodeSettings', settings.value);
}
