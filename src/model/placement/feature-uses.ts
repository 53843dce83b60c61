import { KubeVirtFeatureUse } from '../../values/cluster/feature-use';
import { RealtimeNodePoolModel } from '../pool/pool-model';
import { podCpuCount, VmShape } from '../vm/vm-shape';

/**
 * The KubeVirt features a VM relies on, given the pool it is placed on (if any):
 * - DEDICATED_CPUS with `dedicatedCpuPlacement` (the CPUManager gate);
 * - GUEST_MAPPING_PASSTHROUGH with `numa.guestMappingPassthrough` (the NUMA gate before v1.4);
 * - IGNITION with Ignition guest tuning, COMMON_INSTANCETYPES with a common instance type or preference;
 * - EMULATOR_THREAD_EVEN_PARITY when the VM isolates its emulator thread on a pool with SMT and full-pcpus-only AND
 *   only even-parity completion makes its pod a whole number of cores (vCPUs + pool IOThreads even; with an odd
 *   count the single emulator CPU already completes the last core, so the Alpha AlignCPUs gate is not asked for).
 *
 * The VM has no hook-sidecar prop, so it never declares SIDECAR. Never throws (the VM reports its own bad props).
 */
export function vmFeatureUses(shape: VmShape, pool?: RealtimeNodePoolModel, vm: VmDeliveryUses = {}): KubeVirtFeatureUse[] {
  const uses: KubeVirtFeatureUse[] = [];
  try {
    if (shape.dedicatedCpuPlacement) uses.push(KubeVirtFeatureUse.DEDICATED_CPUS);
    if (shape.guestMappingPassthrough) uses.push(KubeVirtFeatureUse.GUEST_MAPPING_PASSTHROUGH);
    if (pool && needsEvenParity(shape, pool)) uses.push(KubeVirtFeatureUse.EMULATOR_THREAD_EVEN_PARITY);
    if (vm.ignition === true) uses.push(KubeVirtFeatureUse.IGNITION);
    if (vm.commonInstancetypes === true) uses.push(KubeVirtFeatureUse.COMMON_INSTANCETYPES);
  } catch {
    // A pool or shape from JavaScript with unusable values: declare what is known so far.
  }
  return uses;
}

/** What a VM uses besides its shape: Ignition guest tuning, a common instance type or preference. */
export interface VmDeliveryUses {
  readonly ignition?: boolean;
  readonly commonInstancetypes?: boolean;
}

/** Whether even-parity completion is what turns the VM's pod into whole cores on the pool. */
export function needsEvenParity(shape: VmShape, pool: RealtimeNodePoolModel): boolean {
  if (!shape.dedicatedCpuPlacement || !shape.isolateEmulatorThread) return false;
  if (!pool.smtEnabled || !pool.fullPcpusOnly) return false;
  const threads = pool.partition.topology.threadsPerCore;
  return podCpuCount(shape, false) % threads !== 0 && podCpuCount(shape, true) % threads === 0;
}
