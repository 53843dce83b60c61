import { IConstruct } from 'constructs';
import { VmShape } from '../../model/vm/vm-shape';

/** A real-time VM as node pools see it: its name and shape (what capacity questions need). */
export interface IRealtimeVirtualMachine extends IConstruct {
  /** The VirtualMachine name. */
  readonly name: string;
  /** The VM's shape (all defaults applied). */
  readonly shape: VmShape;
}
