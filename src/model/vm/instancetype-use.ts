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
  /** Fields of the instance type the library does not model (their effect on the VM would go unchecked). */
  readonly unsupported: readonly string[];
  /** The real-time settings the instance type leaves to the VM (which then writes them itself). */
  readonly leavesOut: readonly string[];
  /** The preference's CPU features the VM gets besides its own. */
  readonly preferredCpuFeatures: ReadonlyArray<{ readonly name: string; readonly policy?: string }>;
  /** KubeVirt's refusals of the instance type / preference pair (requirements, spread divisibility), as it words them. */
  readonly refusals: ReadonlyArray<{ readonly code: string; readonly field: string; readonly message: string }>;
  /** The specs as KubeVirt reads them, for the mirror of its apply step on the written object. */
  readonly instancetypeSpec: Json;
  readonly preferenceSpec?: Json;
}

