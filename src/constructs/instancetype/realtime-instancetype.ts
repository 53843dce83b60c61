import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { RealtimeInstancetypeProps } from './realtime-instancetype-props';
import { renderInstancetypeSpec, renderPreferenceSpec } from '../../backends/instancetype/render-instancetype';
import { EmittedObject } from '../../emit/emitted-object';
import * as instancetype from '../../imports/virtualmachineclusterinstancetype-instancetype.kubevirt.io';
import * as preference from '../../imports/virtualmachineclusterpreference-instancetype.kubevirt.io';
import { mergeInstancetype } from '../../model/vm/instancetype-merge';
import { givenSettingsOf, resolveSettings } from '../../model/vm/vm-settings';
import { applyInstancetype } from '../../rules/instancetype-apply';
import { admissionFindings } from '../../rules/vm-admission';
import { vmShapeFindings } from '../../rules/vm-rules';
import { error, Finding } from '../../values/finding';
import { isDns1123Subdomain } from '../../values/kubernetes-names';
import { checkProps, Prop, PropSchema } from '../../values/prop-check';
import { throwIfErrors, ValidationError } from '../../values/validation-error';
import { IVmInstancetype, IVmPreference } from '../../values/vm/instancetype-ref';
import { PreferredCpuTopology, SpreadAcross } from '../../values/vm/preferred-topology';
import { HUGE_PAGE_SIZE, VM_SETTINGS_SCHEMA } from '../../values/vm/vm-settings-schema';
import { METADATA_SCHEMA } from '../metadata-schema';

/** Props that would have no effect: refused rather than dropped. */
function ignoredPropFindings(props: RealtimeInstancetypeProps): Finding[] {
  const out: Finding[] = [];
  if (props.metadata?.namespace !== undefined) {
    out.push(error('VM_PROP_IGNORED', 'metadata.namespace', props.metadata.namespace,
      'no namespace: VirtualMachineClusterInstancetype and VirtualMachineClusterPreference are cluster-scoped', 'remove metadata.namespace'));
  }
  if (Array.isArray(props.cpuFeatures) && props.cpuFeatures.length === 0) {
    out.push(error('VM_PROP_IGNORED', 'cpuFeatures', [], 'features a preference can carry: an empty list is no preferredCPUFeatures, '
      + 'and VMs that name no features of their own would then write the default tsc-deadline', 'give the features you want, or leave cpuFeatures unset'));
  }
  const spread = props.preferredTopology === PreferredCpuTopology.SPREAD;
  for (const key of ['spreadAcross', 'spreadRatio'] as const) {
    if (props[key] !== undefined && !spread) {
      out.push(error('VM_PROP_IGNORED', key, props[key], `${key} only with preferredTopology: PreferredCpuTopology.SPREAD`,
        `set preferredTopology: PreferredCpuTopology.SPREAD, or remove ${key}`));
    }
  }
  return out;
}

const PROPS_SCHEMA: PropSchema<RealtimeInstancetypeProps> = {
  metadata: Prop.struct(METADATA_SCHEMA, [], 'an ApiObjectMetadata { name, labels, annotations }'),
  vcpus: VM_SETTINGS_SCHEMA.vcpus,
  memory: VM_SETTINGS_SCHEMA.memory,
  preferredTopology: Prop.oneOf(PreferredCpuTopology, 'PreferredCpuTopology'),
  spreadAcross: Prop.oneOf(SpreadAcross, 'SpreadAcross'),
  spreadRatio: Prop.integer(1, 2 ** 32 - 1),
  maxSockets: VM_SETTINGS_SCHEMA.maxSockets,
  dedicatedCpuPlacement: VM_SETTINGS_SCHEMA.dedicatedCpuPlacement,
  isolateEmulatorThread: VM_SETTINGS_SCHEMA.isolateEmulatorThread,
  ioThreadsPolicy: VM_SETTINGS_SCHEMA.ioThreadsPolicy,
  supplementalPoolThreadCount: VM_SETTINGS_SCHEMA.supplementalPoolThreadCount,
  cpuModel: VM_SETTINGS_SCHEMA.cpuModel,
  cpuFeatures: VM_SETTINGS_SCHEMA.cpuFeatures,
  hugePageSize: HUGE_PAGE_SIZE,
  realtimeMask: VM_SETTINGS_SCHEMA.realtimeMask,
};

/**
 * A real-time instance type: a `VirtualMachineClusterInstancetype` (and a `VirtualMachineClusterPreference` of the
 * same name) rendered from the same props as a RealtimeVirtualMachine — dedicated CPUs, isolated emulator thread,
 * NUMA passthrough, 1Gi huge pages, real-time mask, IOThreads policy, maxSockets, host-passthrough with tsc-deadline.
 * VMs reference it with `instancetype` (the preference comes with it) and leave all of that out.
 *
 * Its props are checked at once with the VM rules (mask within the vCPUs, memory a multiple of the page size,
 * maxSockets ...): VMs read its spec when they are created.
 */
export class RealtimeInstancetype extends Construct implements IVmInstancetype {
  public readonly instancetypeKind = instancetype.VirtualMachineClusterInstancetype.GVK.kind;
  public readonly instancetypeName: string;
  public readonly instancetypeSpec: { [key: string]: any };
  /** The preference of the same name (its topology and CPU features). */
  public readonly preference: IVmPreference;
  /** The same preference: VMs referencing this instance type get it unless they name another. */
  public readonly defaultPreference?: IVmPreference;

  constructor(scope: Construct, id: string, props: RealtimeInstancetypeProps) {
    super(scope, id);
    const where = `${scope.node.path}/${id}`;
    checkProps(props, PROPS_SCHEMA, ['vcpus', 'memory'], 'RealtimeInstancetype props', where);
    const name = props.metadata?.name ?? id;
    throwIfErrors(ignoredPropFindings(props), where);
    if (!isDns1123Subdomain(name)) {
      throw new ValidationError([error('INSTANCETYPE_NAME_INVALID', props.metadata?.name !== undefined ? 'metadata.name' : 'id', name,
        'a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", ≤ 253 characters)', 'set metadata.name, e.g. "rt-4c-8g"')], where);
    }
    const layout = {
      preferredTopology: props.preferredTopology ?? PreferredCpuTopology.SOCKETS,
      spreadAcross: props.spreadAcross,
      spreadRatio: props.spreadRatio,
    };
    // The VM rules on the props (field names as here: vcpus, memory, realtimeMask ...), then on the shape a VM
    // referencing the type gets (the preference's topology, KubeVirt's refusals of the pair).
    const given = givenSettingsOf(props);
    const settings = resolveSettings(given);
    throwIfErrors(vmShapeFindings({ given, settings }), where);
    const preferenceSpec = renderPreferenceSpec(settings, layout);
    this.instancetypeName = name;
    this.instancetypeSpec = renderInstancetypeSpec(settings, props.maxSockets, preferenceSpec);
    this.preference = { preferenceKind: preference.VirtualMachineClusterPreference.GVK.kind, preferenceName: name, preferenceSpec };
    this.defaultPreference = this.preference;
    const asUsed = mergeInstancetype(givenSettingsOf({}), {
      kind: this.instancetypeKind,
      name,
      spec: this.instancetypeSpec,
      preference: { kind: this.preference.preferenceKind, name, spec: preferenceSpec },
      common: false,
    });
    throwIfErrors(vmShapeFindings({ given: asUsed, settings: resolveSettings(asUsed) }), where);
    // And what KubeVirt's admission says of a VM that takes everything from the type (e.g. real-time without
    // dedicated CPUs), so a VM written without this library is not refused either.
    const { conflicts, expanded } = applyInstancetype({ spec: { runStrategy: 'Always', template: { spec: { domain: {} } } } }, asUsed.instancetype!);
    throwIfErrors([...conflicts, ...(expanded === undefined ? [] : admissionFindings(expanded))], where);
    const metadata: ApiObjectMetadata = { ...props.metadata, name };
    new EmittedObject(this, 'Resource', { gvk: instancetype.VirtualMachineClusterInstancetype.GVK, metadata, fields: { spec: this.instancetypeSpec } });
    new EmittedObject(this, 'Preference', { gvk: preference.VirtualMachineClusterPreference.GVK, metadata, fields: { spec: preferenceSpec } });
  }
}
