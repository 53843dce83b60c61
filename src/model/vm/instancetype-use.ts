// The part of a VM's settings that comes from the instance type it references (see instancetype-merge.ts). Plain
// JSON data: it is part of the VM's shape key.

/** JSON as the API server reads it. */
type Json = { readonly [key: string]: any };

/** What a VM takes from its instance type and preference: part of its shape (and of its shape key). */
export interface InstancetypeUse {
  readonly kind: string;
  readonly name: string;
  readonly preferenceKind?: string;
  readonly preferenceName?: string;
  /** The instance type or the preference is one virt-operator deploys (common-instancetypes). */
  readonly common: boolean;
  /** The VM props whose value the instance type decides: the VM leaves the fields they render out. */
  readonly decides: readonly string[];
  /** The props the user gave among `decides` (conflicts), with the value given. */
  readonly conflicting: ReadonlyArray<{ readonly prop: string; readonly value: unknown }>;
  /** The preference's CPU features KubeVirt adds to the VM's own (the VM names some, not these). */
  readonly preferredCpuFeatures: ReadonlyArray<{ readonly name: string; readonly policy?: string }>;
  /** The specs as KubeVirt reads them, for the mirror of its apply step on the written object. */
  readonly instancetypeSpec: Json;
  readonly preferenceSpec?: Json;
}

