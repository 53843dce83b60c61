import { IConstruct } from 'constructs';
import { error } from '../../values/finding';
import { ValidationError } from '../../values/validation-error';
import { IRealtimeNodePool, isRealtimeNodePool } from '../pool/node-pool-interface';

/** Short description of a value that should have been a pool (never dumps a whole object graph). */
export function describeNonPool(x: unknown): string {
  if (x === null || typeof x !== 'object') return typeof x === 'string' ? x : String(x);
  const name = (x as { constructor?: { name?: unknown } })?.constructor?.name;
  return `an object${typeof name === 'string' && name !== 'Object' ? ` of class ${name}` : ''}`;
}

/**
 * Refuses a placement at once (a method call, so the mistake is reported where it is made): not a pool, a pool of
 * another app, or a second pool for a VM that is already placed. Placing on the same pool again is allowed.
 */
export function checkPlacement(vm: IConstruct, pool: unknown, current: IRealtimeNodePool | undefined): asserts pool is IRealtimeNodePool {
  if (!isRealtimeNodePool(pool)) {
    throw new ValidationError([error('PLACEMENT_NOT_A_NODE_POOL', 'nodePool', describeNonPool(pool), 'a RealtimeNodePool',
      'pass the RealtimeNodePool construct the VM should run on')], vm);
  }
  if (pool.node.root !== vm.node.root) {
    throw new ValidationError([error('PLACEMENT_POOL_IN_OTHER_APP', 'nodePool', pool.node.path,
      'a RealtimeNodePool of the same app as the VM (the checks and the dependency need both in one construct tree)',
      'create the pool in the VM\'s app (a pool in another chart of the same app is fine)')], vm);
  }
  if (current !== undefined && current !== pool) {
    throw new ValidationError([error('PLACEMENT_ALREADY_PLACED', 'nodePool', pool.role,
      `no second pool: the VM is already placed on pool ${current.role} (a VM's pod runs on the nodes of one pool)`,
      'place the VM on one pool only: drop the nodePool prop or the extra placeOn() call')], vm);
  }
}
