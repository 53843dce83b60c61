import { RealtimeVirtualMachineProps } from './realtime-virtual-machine-props';
import { Prop, PropSchema } from '../../values/prop-check';
import { GUEST_TUNING, VM_SETTINGS_SCHEMA } from '../../values/vm/vm-settings-schema';
import { METADATA_SCHEMA } from '../metadata-schema';

/** The runtime types of a RealtimeVirtualMachine's props (see prop-check.ts). */
export const VM_PROPS_SCHEMA: PropSchema<RealtimeVirtualMachineProps> = {
  ...VM_SETTINGS_SCHEMA,
  metadata: Prop.struct(METADATA_SCHEMA, [], 'an ApiObjectMetadata { name, namespace, labels, annotations }'),
  podLabels: Prop.record(Prop.string(true)),
  // The placement check names a wrong value itself (PLACEMENT_NOT_A_NODE_POOL).
  nodePool: Prop.any('a RealtimeNodePool'),
  guestTuning: GUEST_TUNING,
};
