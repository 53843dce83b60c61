import { RealtimeNodePool } from '../pool/realtime-node-pool';
import { poolCapacityFindings } from '../rules/placement-rules';
import { reportFindings } from '../warnings';
import { clusterFactsDuringValidation } from './cluster-facts';
import { placedVmsOf } from './placed-vms';

const POOL_CHECKS = Symbol.for('cdk8s-kubevirt-realtime.poolPlacementChecks');

/**
 * Registers, once per pool, the check of all VMs placed on it against its declared node count. It runs at synth,
 * when every VM of the app has been placed, and fails on the pool (its construct path prefixes the message).
 */
export function ensurePoolChecks(pool: RealtimeNodePool): void {
  if ((pool as any)[POOL_CHECKS] === true) return;
  Object.defineProperty(pool, POOL_CHECKS, { value: true, enumerable: false });
  reportFindings(pool, () => poolCapacityFindings(
    pool.model,
    placedVmsOf(pool).map((vm) => ({ path: vm.node.path, shape: vm.shape })),
    clusterFactsDuringValidation(pool),
  ));
}
