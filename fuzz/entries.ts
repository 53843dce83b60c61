import { capacityCase, planCase } from './entries-capacity';
import { cliCase } from './entries-cli';
import { appCase, configurationCase, instancetypeCase, poolCase, vmCase } from './entries-constructs';
import {
  cpuSetCase, hostTextCase, partitionCase, realtimeMaskCase, uniformTopologyCase, versionsCase, vmValuesCase,
} from './entries-values';
import { CaseContext } from './harness';
import { Rng } from './rng';

/** One public entry point (or a family of them) and how to run one generated case against it. */
export interface EntryPoint {
  readonly name: string;
  /** What it covers, for the summary. */
  readonly covers: string;
  run(r: Rng, c: CaseContext): void | Promise<void>;
}

/** Every entry point the fuzz task exercises. Each gets about the same share of the run time. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'cpu-set', covers: 'CpuSet.parse/of/range/unionOf and every set operation', run: cpuSetCase },
  { name: 'realtime-mask', covers: 'RealtimeMask.parse/fromText/vcpus/all and its queries', run: realtimeMaskCase },
  { name: 'versions-gates-sizes', covers: 'KubeVirtVersion.of, HcoVersion.of, TalosVersion.of, FeatureGate.custom, HugePageSize.parse', run: versionsCase },
  { name: 'vm-values', covers: 'CpuModel.named, BootDisk.*, DataDisk.*, DiskOptions, CloudInit.*', run: vmValuesCase },
  { name: 'uniform-topology', covers: 'HostTopology.uniform and every topology query', run: uniformTopologyCase },
  { name: 'host-parsers', covers: 'HostTopology.fromLscpu / fromVirshCapabilities on rendered and mutated hosts', run: hostTextCase },
  { name: 'cpu-partition', covers: 'CpuPartition.plan / explicit and their queries', run: partitionCase },
  { name: 'capacity', covers: 'capacityOf, capacityCountsOf, isPodCpuCountAligned, allocatableCpuCounts, podCpuCount', run: capacityCase },
  { name: 'plan-reports', covers: 'planReportOf, renderPlanText, renderPlanSvg, renderReviewPage, cpuMapOf, renderTextMap, renderSvgMap, emittedNodeSettings', run: planCase },
  { name: 'virtual-machine', covers: 'RealtimeVirtualMachine props, JSON patches, synth', run: vmCase },
  { name: 'instancetype', covers: 'RealtimeInstancetype props, VMs referencing it (conflicting props, JSON patches), synth', run: instancetypeCase },
  { name: 'node-pool', covers: 'RealtimeNodePool props (both backends), JSON patches on its objects, synth', run: poolCase },
  { name: 'kubevirt-configuration', covers: 'KubeVirtConfiguration props, JSON patches, synth', run: configurationCase },
  { name: 'app-review-pages', covers: 'an app of all three, placement, synth, ReviewPages.write, capacityFor, podCpuCount, placeOn', run: appCase },
  { name: 'cli', covers: 'main(argv, io) in-process with arbitrary argv, host files and stdin', run: cliCase },
];

/** The entry point named `name`. */
export function entryPoint(name: string): EntryPoint {
  const found = ENTRY_POINTS.find((e) => e.name === name);
  if (!found) throw new Error(`no entry point ${name} (known: ${ENTRY_POINTS.map((e) => e.name).join(', ')})`);
  return found;
}

/** Runs one case: the entry point on the generator seeded `seed`; a throw of the harness itself is recorded too. */
export async function runCase(entry: EntryPoint, seed: number, callLimitMs: number): Promise<CaseContext> {
  const c = new CaseContext(entry.name, seed, callLimitMs);
  try {
    await entry.run(new Rng(seed), c);
  } catch (e) {
    c.fail('harness', 'generator', `the fuzz harness itself threw: ${(e as Error)?.stack ?? String(e)}`.slice(0, 1500));
  }
  return c;
}
