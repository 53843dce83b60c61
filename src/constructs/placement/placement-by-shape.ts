import { IConstruct } from 'constructs';
import { ClusterFacts } from './cluster-facts';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';
import { VmShape } from '../../model/vm/vm-shape';
import { nodeSelectorFindings, PlacementInput, shapePlacementFindings } from '../../rules/placement-rules';
import { Finding } from '../../values/finding';
import { HugePageSize } from '../../values/hugepage-size';
import { keptForApp, onceForKey } from '../app/validation-pass';

/**
 * `placementFindings(input)` for a VM, with the shape checks done once for each pool, cluster facts and distinct
 * shape: an app places thousands of VMs of a few dozen shapes. The shape checks are given only the fields of the
 * shape that make up the key (`placementShape`), so VMs with the same key get the same findings; the node selector
 * check, which reads the VM's own selector, runs for every VM.
 *
 * @param key `placementShapeKey(input.shape, input.cpuField)`, which a VM computes once (its shape never changes)
 */
export function placementFindingsOfVm(scope: IConstruct, input: PlacementInput, key: string | undefined): readonly Finding[] {
  // Most VMs have no selector of their own, so nothing to conflict with the pool's.
  const selector = input.nodeSelector === undefined ? [] : nodeSelectorFindings(input);
  if (key === undefined) return [...selector, ...shapePlacementFindings(input)];
  const found = onceForKey(memoOf(scope, input), key, () => Object.freeze(shapePlacementFindings({ ...input, shape: placementShape(input.shape) })));
  return selector.length === 0 ? found : [...selector, ...found];
}

interface PoolMemo {
  readonly cluster: ClusterFacts;
  readonly byShape: Map<string, readonly Finding[]>;
}

/**
 * The findings kept for the input's pool and cluster facts. Kept for the app's lifetime: the checks are pure
 * functions of the shape fields in the key, the pool's model (built once) and the facts (the same object from one
 * validation pass to the next while they do not change); other facts start the pool's memo afresh.
 */
function memoOf(scope: IConstruct, input: PlacementInput): Map<string, readonly Finding[]> {
  const byPool = keptForApp(scope, 'placementByShape', () => new Map<RealtimeNodePoolModel, PoolMemo>());
  let memo = byPool.get(input.pool);
  if (memo === undefined || memo.cluster !== input.cluster) {
    memo = { cluster: input.cluster, byShape: new Map() };
    byPool.set(input.pool, memo);
  }
  return memo.byShape;
}

/** The shape as the placement checks see it: without name, namespace and real-time vCPU ids, which none reads. */
function placementShape(s: VmShape): VmShape {
  return {
    name: '',
    vcpus: s.vcpus,
    sockets: s.sockets,
    cores: s.cores,
    threads: s.threads,
    memoryBytes: s.memoryBytes,
    hugePageSize: s.hugePageSize,
    dedicatedCpuPlacement: s.dedicatedCpuPlacement,
    isolateEmulatorThread: s.isolateEmulatorThread,
    ioThreadsPolicy: s.ioThreadsPolicy,
    supplementalPoolThreadCount: s.supplementalPoolThreadCount,
    realtime: s.realtime,
    realtimeVcpus: [],
    guestMappingPassthrough: s.guestMappingPassthrough,
  };
}

/**
 * Identifies the fields of a VM's shape the placement checks read (those `placementShape` keeps) and its CPU field;
 * undefined when one is not a plain value (no reuse then).
 */
export function placementShapeKey(s: VmShape, cpuField: string | undefined): string | undefined {
  if (typeof s.vcpus !== 'number' || typeof s.sockets !== 'number' || typeof s.cores !== 'number' || typeof s.threads !== 'number'
    || typeof s.memoryBytes !== 'number' || typeof s.supplementalPoolThreadCount !== 'number') return undefined;
  if (typeof s.dedicatedCpuPlacement !== 'boolean' || typeof s.isolateEmulatorThread !== 'boolean'
    || typeof s.realtime !== 'boolean' || typeof s.guestMappingPassthrough !== 'boolean') return undefined;
  // The two page sizes are the only HugePageSize objects (the rules compare them by identity).
  const size = s.hugePageSize === undefined ? '-' : s.hugePageSize === HugePageSize.ONE_GI ? '1Gi' : s.hugePageSize === HugePageSize.TWO_MI ? '2Mi' : undefined;
  if (size === undefined || (s.ioThreadsPolicy !== undefined && typeof s.ioThreadsPolicy !== 'string')) return undefined;
  return `${s.vcpus},${s.sockets},${s.cores},${s.threads},${s.memoryBytes},${s.supplementalPoolThreadCount}|`
    + `${+s.dedicatedCpuPlacement}${+s.isolateEmulatorThread}${+s.realtime}${+s.guestMappingPassthrough}|${size}|`
    + `${s.ioThreadsPolicy ?? '-'}|${cpuField ?? '-'}`;
}
