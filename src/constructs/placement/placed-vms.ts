import { IConstruct } from 'constructs';
// RealtimeNodePool and VmShape are used as types only (erased at run time).
import { VmShape } from '../../model/vm/vm-shape';
import { constructsDuringValidation, oncePerValidationPass } from '../app/validation-pass';
import { RealtimeNodePool } from '../pool/realtime-node-pool';

// Which pool a VM is placed on is recorded on the VM under a global symbol, so the pool side can find its VMs by
// walking the app, and two copies of this library in one app still agree.
const PLACED_ON = Symbol.for('cdk8s-kubevirt-realtime.placedOn');

/** What the pool side reads from a placed VM. */
export interface PlacedVm extends IConstruct {
  /** The VirtualMachine name. */
  readonly name: string;
  /** Its resolved shape. */
  readonly shape: VmShape;
}

/** Records that `vm` runs on `pool`. */
export function markPlaced(vm: PlacedVm, pool: RealtimeNodePool): void {
  Object.defineProperty(vm, PLACED_ON, { value: pool, enumerable: false, configurable: true });
}

/** The pool `vm` was placed on, if any. */
export function poolOf(vm: IConstruct): RealtimeNodePool | undefined {
  return (vm as any)[PLACED_ON];
}

/** The VMs of the app placed on `pool`, in construct-tree order. */
export function placedVmsOf(pool: RealtimeNodePool): PlacedVm[] {
  return placedVmsByPool(pool).get(pool) ?? [];
}

/** Every placed VM of the app, by pool: one walk per validation pass for all pools. */
function placedVmsByPool(scope: IConstruct): Map<RealtimeNodePool, PlacedVm[]> {
  return oncePerValidationPass(scope, 'placedVmsByPool', () => {
    const byPool = new Map<RealtimeNodePool, PlacedVm[]>();
    for (const c of constructsDuringValidation(scope)) {
      const pool = poolOf(c);
      if (pool === undefined) continue;
      const vms = byPool.get(pool);
      if (vms) vms.push(c as PlacedVm);
      else byPool.set(pool, [c as PlacedVm]);
    }
    return byPool;
  });
}
