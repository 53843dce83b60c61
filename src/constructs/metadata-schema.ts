import { ApiObjectMetadata } from 'cdk8s';
import { Prop, PropSchema } from '../values/prop-check';

/** The runtime types of the cdk8s metadata a construct takes (names are checked by each construct's rules). */
export const METADATA_SCHEMA: PropSchema<ApiObjectMetadata> = {
  name: Prop.string(true),
  namespace: Prop.string(true),
  labels: Prop.record(Prop.string(true)),
  annotations: Prop.record(Prop.string(true)),
  finalizers: Prop.arrayOf(Prop.string()),
  ownerReferences: Prop.arrayOf(Prop.any('an OwnerReference')),
};
