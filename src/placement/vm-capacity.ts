import { clusterFactsOf } from './cluster-facts';
import { PoolCapacity, poolCapacityFor } from './pool-capacity';
import { RealtimeNodePool } from '../pool/realtime-node-pool';
import { VmShape } from '../vm/vm-shape';

/**
 * How many VMs like `vm` fit on `pool` (`poolCapacityFor`), counting even-parity emulator CPUs when the app's
 * KubeVirtConfiguration turns them on. What `RealtimeNodePool.capacityFor(vm)` returns.
 */
export function poolCapacityOfVm(pool: RealtimeNodePool, vm: { readonly shape: VmShape }): PoolCapacity {
  return poolCapacityFor(pool.model, vm.shape, { emulatorThreadEvenParity: clusterFactsOf(pool).evenParityCompletion });
}
