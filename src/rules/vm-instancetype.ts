import { PROP_FIELDS } from '../model/vm/instancetype-merge';
import { VmShapeSettings } from '../model/vm/vm-settings';
import { error, Finding, warning } from '../values/finding';

/**
 * The rules on the instance type and preference a VM references: props the instance type decides (KubeVirt's
 * conflict rule, reported on the prop), fields the library cannot model, KubeVirt's refusals of the pair
 * (requirements, spread), and where an instance type falls short of a real-time setup.
 */
export function instancetypeFindings({ given, settings }: VmShapeSettings): Finding[] {
  const use = given.instancetype;
  if (use === undefined) {
    return given.preferenceWithoutInstancetype === undefined ? [] : [error('VM_PREFERENCE_WITHOUT_INSTANCETYPE', 'preference',
      given.preferenceWithoutInstancetype, 'a preference together with an instancetype (it shapes the instance type\'s vCPUs)',
      'add instancetype, or remove preference: the VM\'s own vcpus or topology decide its shape')];
  }
  const it = `${use.kind} ${use.name}`;
  const out: Finding[] = [];
  for (const { prop, value } of use.conflicting) {
    out.push(error('VM_INSTANCETYPE_CONFLICT', prop, value,
      `no ${prop}: instance type ${it} sets it (KubeVirt: "VM field(s) ${PROP_FIELDS[prop]} conflicts with selected instance type")`,
      `remove ${prop} from the VM, or use an instance type with the value you want`));
  }
  if (use.unsupported.length > 0) {
    out.push(error('VM_INSTANCETYPE_UNSUPPORTED', 'instancetype', it,
      `an instance type whose fields the library can check (it also sets ${use.unsupported.join(', ')})`,
      'reference an instance type without those fields (e.g. the rt1 or cx1 series), or emit a RealtimeInstancetype'));
  }
  for (const refusal of use.refusals) {
    out.push(error(refusal.code, use.preferenceName !== undefined && refusal.code.startsWith('VM_PREFERENCE') ? 'preference' : 'instancetype',
      use.preferenceName !== undefined && refusal.code.startsWith('VM_PREFERENCE') ? `${use.preferenceKind} ${use.preferenceName}` : it,
      `an instance type and preference KubeVirt accepts (it refuses: "${refusal.message}", ${refusal.field})`,
      refusal.code === 'VM_INSTANCETYPE_INVALID' ? 'reference a valid instance type'
        : 'pick a larger instance type or another preference'));
  }
  if (use.leavesOut.length > 0) {
    out.push(warning('VM_INSTANCETYPE_INCOMPLETE', 'instancetype', it,
      `an instance type with every real-time setting (it leaves ${use.leavesOut.join(', ')} to the VM, which writes them itself)`,
      'emit a RealtimeInstancetype so every VM of the type gets them, or acknowledge this warning'));
  }
  if (settings.vcpus === 1 && settings.realtime && use.decides.includes('realtime')) {
    out.push(warning('VM_INSTANCETYPE_NO_HOUSEKEEPING_VCPU', 'instancetype', it,
      'at least one non-real-time vCPU for the guest\'s housekeeping (this instance type has one vCPU, running real-time)',
      'pick a size with 2 or more vCPUs and a real-time mask that leaves one out'));
  }
  return out;
}
