import { ApiObjectMetadata } from 'cdk8s';
import { GuestTuningPlan, guestTuningPlanOf } from './guest-tuning-plan';
import { mergeInstancetype } from './instancetype-merge';
import { GivenVmSettings, givenSettingsOf, resolveSettings, settingsKeyOf, VmSettings } from './vm-settings';
import { CloudInit } from '../../values/vm/cloud-init';
import { GuestTuning, GuestTuningDelivery } from '../../values/vm/guest-tuning';
import { RealtimeVmSettings } from '../../values/vm/realtime-vm-settings';
import { VmToleration } from '../../values/vm/toleration';

/** The label KubeVirt's examples put on a VM and its template, used by Services and by `virtctl`. */
export const VM_LABEL = 'kubevirt.io/vm';

/** The name of the cloud-init NoCloud disk and volume (as in KubeVirt's examples). */
export const CLOUD_INIT_DISK = 'cloudinitdisk';

/** One disk and its volume, in emission order. */
export interface VmDisk {
  /** The prop path it came from, for messages (`bootDisk`, `disks[0]`). */
  readonly field: string;
  readonly name: string;
  /** The KubeVirt volume type (`containerDisk`, `persistentVolumeClaim`, `dataVolume`). */
  readonly volumeType: string;
  /** The image, claim or DataVolume it comes from. */
  readonly reference: string;
  /** The body of the volume entry, e.g. `{ image }`. */
  readonly body: Readonly<Record<string, string>>;
}

/**
 * A RealtimeVirtualMachine resolved from its props: what makes it this VM (name, disks, cloud-init, scheduling
 * constraints), and what it shares with every VM of its shape (`given`, `settings`, identified by `shapeKey`).
 * Plain data, built once in the constructor; rules, renderers and reports read it, nothing writes it.
 */
export interface VmModel {
  /** The VirtualMachine name: `metadata.name`, else the construct id. */
  readonly name: string;
  /** True when the name is the construct id (no `metadata.name`). */
  readonly nameFromId: boolean;
  /** The namespace: `metadata.namespace`, else the chart's. */
  readonly namespace?: string;
  /** The user's own `kubevirt.io/vm` label, which must equal the name when set. */
  readonly vmLabel?: string;
  /** Labels for the launcher pod (the template), besides `kubevirt.io/vm`. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Boot disk first, then the extra disks (the cloud-init disk is not in this list). */
  readonly disks: readonly VmDisk[];
  /** True when a boot disk was given. */
  readonly hasBootDisk: boolean;
  readonly cloudInit?: CloudInit;
  /**
   * The guest tuning derived from the VM, when `guestTuning` is set. The VM's cloud-init disk then reads the Secret
   * the library writes (`secretName`), which holds the user's inline cloud-config merged with the tuning.
   */
  readonly guestTuning?: GuestTuningPlan;
  /** True when the VM has a cloud-init NoCloud disk (`cloudInit`, or the guest tuning's Secret). */
  readonly hasCloudInitDisk: boolean;
  readonly allowInlineCredentials: boolean;
  readonly sshPublicKeySecrets: readonly string[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations: readonly VmToleration[];
  /** The settings props as given. */
  readonly given: GivenVmSettings;
  /** The settings with every default applied. */
  readonly settings: VmSettings;
  /** Identifies the VM's shape: equal keys, equal `given` and `settings`. */
  readonly shapeKey: string;
}

/** Everything a VM model is built from besides its settings. */
export interface VmIdentityInput {
  /** The construct id (the name when the metadata has none). */
  readonly id: string;
  readonly metadata?: ApiObjectMetadata;
  /** The namespace cdk8s gives objects without one (the chart's). */
  readonly chartNamespace?: string;
  /** Labels for the launcher pod. */
  readonly podLabels?: Record<string, string>;
  /** The guest OS tuning to derive from the VM (per VM: not part of its shape). */
  readonly guestTuning?: GuestTuning;
}

/** Resolves a VM's props. Never throws on props that passed the type boundary. */
export function resolveVm(input: VmIdentityInput, p: RealtimeVmSettings): VmModel {
  const given = withInstancetype(givenSettingsOf(p), p);
  const name = input.metadata?.name ?? input.id;
  const settings = resolveSettings(given);
  return {
    name,
    nameFromId: input.metadata?.name === undefined,
    namespace: input.metadata?.namespace ?? input.chartNamespace,
    vmLabel: input.metadata?.labels?.[VM_LABEL],
    podLabels: { ...(input.podLabels ?? {}) },
    disks: resolveDisks(p),
    hasBootDisk: p.bootDisk !== undefined,
    cloudInit: p.cloudInit,
    guestTuning: input.guestTuning === undefined ? undefined : guestTuningPlanOf(name, settings, input.guestTuning, p.cloudInit),
    hasCloudInitDisk: p.cloudInit !== undefined || input.guestTuning?.delivery === GuestTuningDelivery.CLOUD_INIT,
    allowInlineCredentials: p.allowInlineCredentials === true,
    sshPublicKeySecrets: [...(p.sshPublicKeySecrets ?? [])],
    nodeSelector: p.nodeSelector === undefined ? undefined : { ...p.nodeSelector },
    tolerations: [...(p.tolerations ?? [])],
    given,
    settings,
    shapeKey: settingsKeyOf(given),
  };
}

function resolveDisks(p: RealtimeVmSettings): VmDisk[] {
  const out: VmDisk[] = [];
  const boot = p.bootDisk;
  if (boot !== undefined) {
    out.push({ field: 'bootDisk', name: boot.name, volumeType: boot.volumeType, reference: boot.reference, body: boot._volumeBody() });
  }
  let containerDisks = 0;
  (p.disks ?? []).forEach((d, i) => {
    const name = d.name ?? (d.volumeType === 'containerDisk' ? `containerdisk-${++containerDisks}` : '');
    out.push({ field: `disks[${i}]`, name, volumeType: d.volumeType, reference: d.reference, body: d._volumeBody() });
  });
  return out;
}

/** The settings as given, with the instance type's (and preference's) merged in when the VM references one. */
function withInstancetype(given: GivenVmSettings, p: RealtimeVmSettings): GivenVmSettings {
  const it = p.instancetype;
  if (it === undefined) return p.preference === undefined ? given : { ...given, preferenceWithoutInstancetype: p.preference.preferenceName };
  const preference = p.preference ?? it.defaultPreference;
  return mergeInstancetype(given, {
    kind: it.instancetypeKind,
    name: it.instancetypeName,
    spec: jsonCopy(it.instancetypeSpec),
    preference: preference === undefined ? undefined
      : { kind: preference.preferenceKind, name: preference.preferenceName, spec: jsonCopy(preference.preferenceSpec) },
    common: it.commonInstancetypesRelease !== undefined || preference?.commonInstancetypesRelease !== undefined,
  });
}

/**
 * A plain JSON copy of a spec (it becomes part of the shape key and is never shared with the caller); `{}` for one
 * that is no JSON (a cycle, a BigInt, a throwing getter), which the rules then report as giving no vCPUs or memory.
 */
function jsonCopy(spec: { [key: string]: any }): { [key: string]: any } {
  try {
    const copy: unknown = JSON.parse(JSON.stringify(spec));
    return copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? copy as { [key: string]: any } : {};
  } catch {
    return {};
  }
}
