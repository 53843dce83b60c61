import { cpuCountFindings, cpuFeatureFindings, ioThreadFindings } from './vm-cpu';
import { cloudInitFindings } from './vm-credentials';
import { diskFindings } from './vm-disks';
import { identityFindings } from './vm-identity';
import { maskFindings } from './vm-mask';
import { memoryFindings } from './vm-memory';
import { schedulingFindings } from './vm-scheduling';
import { memoKeyOf } from '../model/vm/memo-key';
import { ResolvedVm } from '../model/vm/resolve';
import { Finding } from '../values/finding';
import { HugePageSize } from '../values/hugepage-size';
import { RealtimeMask } from '../values/realtime-mask';

/**
 * The library's own rules on a VM's props: the checks KubeVirt leaves to runtime (the real-time mask, guest memory
 * vs page size, inline credentials ...) and input sanity, reported on the prop that needs fixing.
 *
 * @param shapeFindings `shapePropFindings(vm)`, when the caller has it already (for another VM with the same
 * `shapePropKey`)
 */
export function vmPropFindings(vm: ResolvedVm, shapeFindings: readonly Finding[] = shapePropFindings(vm)): Finding[] {
  // Runs for every VM of the app, nearly always finding nothing: append, without a spread per rule.
  const out: Finding[] = [...identityFindings(vm)];
  for (const f of shapeFindings) out.push(f);
  for (const rule of VOLUME_AND_SCHEDULING_RULES) {
    for (const f of rule(vm)) out.push(f);
  }
  return out;
}

/** The rules on the CPU, memory and real-time props: what VMs of one shape share (see `shapePropKey`). */
export function shapePropFindings(vm: ResolvedVm): Finding[] {
  const out: Finding[] = [];
  for (const rule of SHAPE_RULES) {
    for (const f of rule(vm)) out.push(f);
  }
  return out;
}

/** In reporting order, after the identity rules. */
const SHAPE_RULES: ReadonlyArray<(vm: ResolvedVm) => Finding[]> = [
  cpuCountFindings,
  ioThreadFindings,
  cpuFeatureFindings,
  maskFindings,
  memoryFindings,
];

/** In reporting order, after the shape rules. */
const VOLUME_AND_SCHEDULING_RULES: ReadonlyArray<(vm: ResolvedVm) => Finding[]> = [
  diskFindings,
  cloudInitFindings,
  schedulingFindings,
];

/**
 * Identifies what the shape rules read: VMs with the same key get the same `shapePropFindings`. Undefined when a
 * prop is not a plain value, or when a message would show more than the key holds (a topology object next to a
 * vCPU count, a memory size that is no number of bytes): such VMs are checked on their own.
 */
export function shapePropKey(vm: ResolvedVm): string | undefined {
  return memoKeyOf(() => keyParts(vm));
}

function keyParts(vm: ResolvedVm): unknown[] | undefined {
  const p = vm.props;
  const topology = p.topology;
  if (topology === null || (topology !== undefined && (typeof topology !== 'object' || p.vcpus != null))) return undefined;
  const mask = p.realtimeMask;
  if (mask !== undefined && !(mask instanceof RealtimeMask)) return undefined;
  const size = p.hugePageSize;
  if (size !== undefined && size !== HugePageSize.ONE_GI && size !== HugePageSize.TWO_MI) return undefined;
  if (!Number.isFinite(vm.memoryBytes)) return undefined;
  const parts: unknown[] = [
    // cpuCountFindings
    p.vcpus, topology !== undefined, topology?.sockets, topology?.cores, topology?.threads, vm.dedicatedCpuPlacement,
    // ioThreadFindings
    p.ioThreads, p.ioThreadsPolicy, p.supplementalPoolThreadCount, vm.ioThreadsPolicy,
    // cpuFeatureFindings
    vm.cpuModel?.model, vm.cpuFeatures.length,
    // maskFindings (a mask is its text: it is parsed from it), with vm.vcpus
    vm.realtime, mask === undefined ? undefined : mask.text, vm.vcpus,
    // memoryFindings
    vm.memoryBytes, p.hugePages, size === undefined ? undefined : size.quantity,
  ];
  for (const f of vm.cpuFeatures) {
    if (f === null || typeof f !== 'object') return undefined;
    parts.push(f.name, f.policy);
  }
  return parts;
}
