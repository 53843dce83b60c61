import { IConstruct } from 'constructs';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';

/**
 * A real-time node pool as the rest of the app sees it: its role and the model of its nodes. VMs are placed on it
 * through this interface, so the VM construct does not depend on the pool construct (or the other way round).
 */
export interface IRealtimeNodePool extends IConstruct {
  /** The pool's role (node-role label and MachineConfigPool name). */
  readonly role: string;
  /** What every node of the pool looks like; VMs are checked against it. */
  readonly model: RealtimeNodePoolModel;
}

// Symbol.for: the mark survives when two copies of this library end up in one app (nested node_modules).
const NODE_POOL_MARK = Symbol.for('cdk8s-kubevirt-realtime.RealtimeNodePool');

/** Marks a construct as a real-time node pool (what `isRealtimeNodePool` recognises). */
export function markRealtimeNodePool(pool: IRealtimeNodePool): void {
  Object.defineProperty(pool, NODE_POOL_MARK, { value: true });
}

/** True when `x` is a real-time node pool (of any copy of this library). */
export function isRealtimeNodePool(x: unknown): x is IRealtimeNodePool {
  return x !== null && typeof x === 'object' && NODE_POOL_MARK in x;
}
