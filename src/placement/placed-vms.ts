import { IConstruct } from 'constructs';
import { constructsDuringValidation } from './cluster-facts';
// Used as types only (erased at run time).
import { RealtimeNodePool } from '../pool/realtime-node-pool';
import { VmShape } from '../vm/vm-shape';

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
  return constructsDuringValidation(pool).filter((c) => poolOf(c) === pool) as unknown as PlacedVm[];
}
