import { clusterFactsOf } from './cluster-facts';
import { PoolCapacity, poolCapacityFor } from '../../model/placement/pool-capacity';
import { VmShape } from '../../model/vm/vm-shape';
import { RealtimeNodePool } from '../pool/realtime-node-pool';

/**
 * How many VMs like `vm` fit on `pool` (`poolCapacityFor`), counting even-parity emulator CPUs when the app's
 * KubeVirtConfiguration turns them on. What `RealtimeNodePool.capacityFor(vm)` returns.
 */
export function poolCapacityOfVm(pool: RealtimeNodePool, vm: { readonly shape: VmShape }): PoolCapacity {
  return poolCapacityFor(pool.model, vm.shape, { emulatorThreadEvenParity: clusterFactsOf(pool).evenParityCompletion });
}
