import { TaintEffect } from '../vm/taint-effect';

/** A taint every node of the pool registers with. */
export interface NodeTaint {
  /** The taint key. */
  readonly key: string;
  /**
   * The taint value.
   *
   * @default - no value
   */
  readonly value?: string;
  /** The taint effect. */
  readonly effect: TaintEffect;
}
