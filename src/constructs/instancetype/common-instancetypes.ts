import { COMMON_CLUSTER_INSTANCETYPES, COMMON_CLUSTER_PREFERENCES, COMMON_INSTANCETYPES_VERSION } from '../../imports/common-instancetypes';
import * as instancetype from '../../imports/virtualmachineclusterinstancetype-instancetype.kubevirt.io';
import * as preference from '../../imports/virtualmachineclusterpreference-instancetype.kubevirt.io';
import { error } from '../../values/finding';
import { checkValue, Prop } from '../../values/prop-check';
import { ValidationError } from '../../values/validation-error';
import { IVmInstancetype, IVmPreference } from '../../values/vm/instancetype-ref';

/**
 * The cluster instance types KubeVirt deploys on every cluster (common-instancetypes v1.7.0, KubeVirt v1.9.0), for
 * a VM's `instancetype`: the real-time `rt1` series, `cx1` (dedicated CPUs), `u1`, `n1` ... The VM is checked on the
 * shape the named type gives it, with warnings where the type falls short of a real-time setup.
 */
export class CommonInstancetype {
  /** The common-instancetypes release the table comes from. */
  public static readonly VERSION = COMMON_INSTANCETYPES_VERSION;

  /**
   * A common cluster instance type by name, e.g. `rt1.xlarge`.
   *
   * @throws ValidationError INSTANCETYPE_UNKNOWN for a name the release does not have
   */
  public static named(name: string): IVmInstancetype {
    checkValue(name, Prop.string(), 'CommonInstancetype.named(name)');
    const spec = lookup(COMMON_CLUSTER_INSTANCETYPES, name, 'CommonInstancetype.named(name)', 'rt1.');
    return {
      instancetypeKind: instancetype.VirtualMachineClusterInstancetype.GVK.kind,
      instancetypeName: name,
      instancetypeSpec: spec,
      commonInstancetypesRelease: COMMON_INSTANCETYPES_VERSION,
    };
  }

  /** The names of every common cluster instance type, sorted. */
  public static names(): string[] {
    return Object.keys(COMMON_CLUSTER_INSTANCETYPES);
  }

  private constructor() {}
}

/** The cluster preferences KubeVirt deploys on every cluster (common-instancetypes v1.7.0), e.g. `rhel.9.realtime`. */
export class CommonPreference {
  /**
   * A common cluster preference by name, e.g. `rhel.9.realtime` (2-thread cores spread across sockets, for 4+ vCPUs).
   *
   * @throws ValidationError INSTANCETYPE_UNKNOWN for a name the release does not have
   */
  public static named(name: string): IVmPreference {
    checkValue(name, Prop.string(), 'CommonPreference.named(name)');
    const spec = lookup(COMMON_CLUSTER_PREFERENCES, name, 'CommonPreference.named(name)', 'rhel.9.realtime');
    return {
      preferenceKind: preference.VirtualMachineClusterPreference.GVK.kind,
      preferenceName: name,
      preferenceSpec: spec,
      commonInstancetypesRelease: COMMON_INSTANCETYPES_VERSION,
    };
  }

  /** The names of every common cluster preference, sorted. */
  public static names(): string[] {
    return Object.keys(COMMON_CLUSTER_PREFERENCES);
  }

  private constructor() {}
}

/** A copy of the table's spec for `name` (callers may not change the table), or a ValidationError naming the close ones. */
function lookup(table: { readonly [name: string]: any }, name: string, field: string, example: string): { [key: string]: any } {
  if (Object.prototype.hasOwnProperty.call(table, name)) return JSON.parse(JSON.stringify(table[name]));
  const series = name.split('.')[0];
  const close = Object.keys(table).filter((n) => n.startsWith(`${series}.`));
  const known = close.length > 0 ? close : Object.keys(table).filter((n) => n.startsWith(example));
  throw new ValidationError([error('INSTANCETYPE_UNKNOWN', field, name,
    `a name of common-instancetypes ${COMMON_INSTANCETYPES_VERSION} (e.g. ${known.slice(0, 12).join(', ')})`,
    'pick one of those names, or emit a RealtimeInstancetype')]);
}
