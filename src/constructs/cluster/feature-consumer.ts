import { IConstruct } from 'constructs';
import { KubeVirtFeatureUse } from '../../values/cluster/feature-use';

/**
 * A construct that relies on KubeVirt features (a VM, a node pool). The cluster configuration finds every consumer
 * of the app at synth time and enables the gates their uses need.
 *
 * Implementations must also call `KubeVirtFeatureConsumer.register(this)` (TypeScript: `markKubeVirtFeatureConsumer`)
 * in their constructor: the configuration recognises consumers by that mark, not by the method name.
 */
export interface IKubeVirtFeatureConsumer extends IConstruct {
  /**
   * The KubeVirt features this construct relies on (duplicates allowed). Called at synth time; must not throw, even
   * when the construct's own props are invalid (it reports those itself).
   */
  kubevirtFeatureUses(): KubeVirtFeatureUse[];
}

// Symbol.for: the mark survives when two copies of this library end up in one app (nested node_modules).
const CONSUMER_MARK = Symbol.for('cdk8s-kubevirt-realtime.IKubeVirtFeatureConsumer');

/** Marks an object as an `IKubeVirtFeatureConsumer`, so `isKubeVirtFeatureConsumer` recognises it. */
export function markKubeVirtFeatureConsumer(consumer: IKubeVirtFeatureConsumer): void {
  Object.defineProperty(consumer, CONSUMER_MARK, { value: true, enumerable: false, configurable: false });
}

/** Whether `x` was marked as a consumer and has the `kubevirtFeatureUses` method. */
export function isKubeVirtFeatureConsumer(x: unknown): x is IKubeVirtFeatureConsumer {
  return x !== null && typeof x === 'object' && (x as any)[CONSUMER_MARK] === true
    && typeof (x as any).kubevirtFeatureUses === 'function';
}

/**
 * Registration of feature consumers, for languages other than TypeScript (which can also use the free functions).
 */
export class KubeVirtFeatureConsumer {
  /** Marks a construct as a consumer; call it in the constructor of every `IKubeVirtFeatureConsumer`. */
  public static register(consumer: IKubeVirtFeatureConsumer): void {
    markKubeVirtFeatureConsumer(consumer);
  }

  /** Whether `x` is a registered consumer. */
  public static isConsumer(x: any): boolean {
    return isKubeVirtFeatureConsumer(x);
  }

  private constructor() {}
}
