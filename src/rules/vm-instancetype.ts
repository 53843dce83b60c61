import { instancetypeRefusalFindings } from './instancetype-refusals';
import { InstancetypeUse } from '../model/vm/instancetype-use';
import { VmShapeSettings } from '../model/vm/vm-settings';
import { error, Finding, warning } from '../values/finding';

/** Where a VM prop lands in the VirtualMachine: the field(s) KubeVirt names when it refuses the VM. */
const PROP_FIELDS: { readonly [prop: string]: string } = {
  vcpus: 'spec.template.spec.domain.resources.requests.cpu, spec.template.spec.domain.resources.limits.cpu',
  topology: 'spec.template.spec.domain.cpu.sockets, spec.template.spec.domain.cpu.cores, spec.template.spec.domain.cpu.threads',
  memory: 'spec.template.spec.domain.resources.requests.memory',
  cpuModel: 'spec.template.spec.domain.cpu.model',
  dedicatedCpuPlacement: 'spec.template.spec.domain.cpu.dedicatedCPUPlacement',
  isolateEmulatorThread: 'spec.template.spec.domain.cpu.isolateEmulatorThread',
  guestMappingPassthrough: 'spec.template.spec.domain.cpu.numa',
  realtime: 'spec.template.spec.domain.cpu.realtime',
  realtimeMask: 'spec.template.spec.domain.cpu.realtime',
  hugePages: 'spec.template.spec.domain.memory.hugepages',
  hugePageSize: 'spec.template.spec.domain.memory.hugepages',
  ioThreads: 'spec.template.spec.domain.ioThreadsPolicy',
  ioThreadsPolicy: 'spec.template.spec.domain.ioThreadsPolicy',
  supplementalPoolThreadCount: 'spec.template.spec.domain.ioThreads.supplementalPoolThreadCount',
};

/**
 * The rules on the instance type and preference a VM references: props the instance type decides (KubeVirt's
 * conflict rule, reported on the prop), what KubeVirt refuses in the pair, and what the instance type leaves to the VM.
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
    // KubeVirt has no conflict rule for maxSockets: it silently puts the instance type's over the VM's.
    const kubevirt = prop === 'maxSockets' ? 'KubeVirt would silently replace it with the instance type\'s cpu.maxSockets'
      : `KubeVirt: "VM field(s) ${PROP_FIELDS[prop]} conflicts with selected instance type"`;
    out.push(error('VM_INSTANCETYPE_CONFLICT', prop, value, `no ${prop}: instance type ${it} sets it (${kubevirt})`,
      `remove ${prop} from the VM, or use an instance type with the value you want`));
  }
  out.push(...instancetypeRefusalFindings(use));
  if (out.length > 0) return out;
  const filled = filledIn(use, settings);
  if (filled.length > 0) {
    out.push(warning('VM_INSTANCETYPE_INCOMPLETE', 'instancetype', it,
      `an instance type with every real-time setting (it leaves ${filled.join(', ')} to the VM, which writes them itself)`,
      'emit a RealtimeInstancetype so every VM of the type gets them, or acknowledge this warning'));
  }
  return out;
}

/** The real-time settings the VM writes itself because its instance type (and preference) leave them out. */
function filledIn(use: InstancetypeUse, s: VmShapeSettings['settings']): string[] {
  const own = (prop: string) => !use.decides.includes(prop);
  const out: string[] = [];
  if (own('dedicatedCpuPlacement') && s.dedicatedCpuPlacement) out.push('dedicatedCPUPlacement');
  if (own('isolateEmulatorThread') && s.isolateEmulatorThread) out.push('isolateEmulatorThread');
  if (own('guestMappingPassthrough') && s.guestMappingPassthrough) out.push('numa.guestMappingPassthrough');
  if (own('realtime') && s.realtime) out.push('realtime');
  if (own('hugePageSize') && s.hugePageSize !== undefined) out.push(`hugepages (${s.hugePageSize.quantity})`);
  if (own('cpuModel')) out.push(`cpu.model (${s.cpuModel})`);
  const preferred: unknown = use.preferenceSpec?.cpu?.preferredCPUFeatures;
  const fromPreference = Array.isArray(preferred) && preferred.length > 0;
  if (!fromPreference && s.cpuFeatures.length > 0) out.push(`CPU features (${s.cpuFeatures.map((f) => f.name).join(', ')})`);
  if (own('ioThreadsPolicy') && s.ioThreadsPolicy !== undefined) out.push(`ioThreadsPolicy (${s.ioThreadsPolicy})`);
  if (own('maxSockets')) out.push(`cpu.maxSockets (${s.maxSockets})`);
  return out;
}

/**
 * Findings of the VM rules about a value the instance type (or preference) decides, reported on `instancetype`
 * instead of on a prop the user cannot set there (following their fix would only give VM_INSTANCETYPE_CONFLICT).
 */
export function attributedToInstancetype(findings: readonly Finding[], use: InstancetypeUse | undefined): Finding[] {
  if (use === undefined) return [...findings];
  const by = use.preferenceName === undefined ? `instance type ${use.name}` : `instance type ${use.name} with preference ${use.preferenceName}`;
  return findings.map((f) => {
    const prop = f.field.split(/[.[ ,]/)[0];
    if (!use.decides.includes(prop) || f.code === 'VM_INSTANCETYPE_CONFLICT') return f;
    return {
      ...f,
      field: `instancetype (${f.field})`,
      expected: `${f.expected} — the ${by} decides ${prop}`,
      fix: `pick another instance type or preference, or emit a RealtimeInstancetype with the value you want (in its terms: ${f.fix})`,
    };
  });
}
