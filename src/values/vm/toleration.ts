import { TaintEffect } from './taint-effect';

/**
 * A toleration of the VM's launcher pod (KubeVirt `spec.template.spec.tolerations`), e.g. for a tainted real-time
 * node pool.
 */
export interface VmToleration {
  /**
   * The taint key.
   *
   * @default - every key (only with `exists: true`)
   */
  readonly key?: string;

  /**
   * The taint value to match (operator `Equal`).
   *
   * @default - no value
   */
  readonly value?: string;

  /**
   * Match any value of the key (operator `Exists`) instead of `value`.
   *
   * @default false
   */
  readonly exists?: boolean;

  /**
   * The taint effect to match.
   *
   * @default - every effect
   */
  readonly effect?: TaintEffect;

  /**
   * For `NoExecute` taints: how long the pod stays bound after the taint appears.
   *
   * @default - forever
   */
  readonly tolerationSeconds?: number;
}
