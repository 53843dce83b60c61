/**
 * An instance type a RealtimeVirtualMachine can reference (`spec.instancetype`): a `RealtimeInstancetype` the app
 * emits, or one of the common instance types KubeVirt deploys (`CommonInstancetype.named('rt1.xlarge')`). The VM
 * then leaves out every field the instance type sets, and every check runs on the shape KubeVirt will give it.
 */
export interface IVmInstancetype {
  /** `VirtualMachineClusterInstancetype` (cluster-wide) or `VirtualMachineInstancetype` (in the VM's namespace). */
  readonly instancetypeKind: string;
  /** The instance type's name. */
  readonly instancetypeName: string;
  /**
   * Its spec as KubeVirt reads it (`instancetype.kubevirt.io/v1beta1`, API field names): what the checks apply to
   * the VM the way KubeVirt does.
   */
  readonly instancetypeSpec: { [key: string]: any };
  /**
   * The preference a VM referencing it gets when the VM names none (a `RealtimeInstancetype`'s own preference).
   *
   * @default - none
   */
  readonly defaultPreference?: IVmPreference;
  /**
   * The common-instancetypes release that defines it, for one virt-operator deploys (`CommonInstancetype.named`):
   * the VM then declares the feature use that enables their deployment on older KubeVirt releases.
   *
   * @default - none: the app (or someone else) creates the instance type
   */
  readonly commonInstancetypesRelease?: string;
}

/** A preference a RealtimeVirtualMachine can reference (`spec.preference`): its guest topology, CPU features ... */
export interface IVmPreference {
  /** `VirtualMachineClusterPreference` or `VirtualMachinePreference`. */
  readonly preferenceKind: string;
  /** The preference's name. */
  readonly preferenceName: string;
  /** Its spec as KubeVirt reads it (`instancetype.kubevirt.io/v1beta1`, API field names). */
  readonly preferenceSpec: { [key: string]: any };
  /**
   * The common-instancetypes release that defines it, for one virt-operator deploys (`CommonPreference.named`).
   *
   * @default - none: the app (or someone else) creates the preference
   */
  readonly commonInstancetypesRelease?: string;
}
