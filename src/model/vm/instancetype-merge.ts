import { GivenVmSettings } from './vm-settings';
import { parseQuantity, printed, value } from '../../values/quantity';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';

// A VM that references an instance type gets part of its shape from it (and its topology from the preference), the
// way KubeVirt applies them (v1.9 pkg/instancetype/apply/*.go, preference/apply/cpu.go): the instance type's fields
// win, the VM may not set them ("VM field(s) ... conflicts with selected instance type"), and what it leaves out the
// VM sets itself (the library's real-time defaults fill the gaps). This module merges the two into the settings
// every rule reads, so the VM ↔ pool checks run on the shape the cluster will give the VM.

/** JSON as the API server reads it. */
type Json = { readonly [key: string]: any };

/** An instance type reference: kind, name and spec (and the preference's). */
export interface InstancetypeInput {
  readonly kind: string;
  readonly name: string;
  readonly spec: Json;
  readonly preference?: { readonly kind: string; readonly name: string; readonly spec: Json };
  /** The instance type or the preference is one virt-operator deploys. */
  readonly common: boolean;
}

/** Where a VM prop lands in the VirtualMachine, for messages (KubeVirt's own spelling of the conflicting field). */
export const PROP_FIELDS: { readonly [prop: string]: string } = {
  vcpus: 'spec.template.spec.domain.resources.requests.cpu',
  topology: 'spec.template.spec.domain.cpu.sockets',
  memory: 'spec.template.spec.domain.resources.requests.memory',
  maxSockets: 'spec.template.spec.domain.cpu.maxSockets',
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

/** Instance type fields the merge models; anything else is reported as unsupported. */
const MODELLED = new Set(['cpu.guest', 'cpu.model', 'cpu.dedicatedCPUPlacement', 'cpu.isolateEmulatorThread', 'cpu.numa',
  'cpu.realtime', 'cpu.maxSockets', 'memory.guest', 'memory.hugepages', 'ioThreadsPolicy', 'ioThreads', 'annotations']);

/** The huge page sizes the library models. */
const HUGE_PAGE_SIZES: unknown[] = ['1Gi', '2Mi'];

/** A refusal of KubeVirt's, with the library's code for it. */
type Refusal = { code: string; field: string; message: string };

/** The settings of a VM that references `it`: the instance type's fields over the user's props. */
export function mergeInstancetype(user: GivenVmSettings, it: InstancetypeInput): GivenVmSettings {
  const spec = it.spec;
  const cpu: Json = isObject(spec.cpu) ? spec.cpu : {};
  const memory: Json = isObject(spec.memory) ? spec.memory : {};
  const prefSpec = it.preference?.spec;
  const merged: { -readonly [K in keyof GivenVmSettings]: GivenVmSettings[K] } = { ...user };
  const decides: string[] = [];
  const decide = (props: string[], apply: () => void) => {
    decides.push(...props);
    apply();
  };

  const guest = wholeNumber(cpu.guest);
  const topology = guestTopology(guest, prefSpec);
  decide(['vcpus', 'topology'], () => {
    merged.vcpus = undefined;
    merged.topology = topology;
  });
  const guestMemory = parseQuantity(memory.guest);
  decide(['memory'], () => {
    merged.memoryBytes = guestMemory === undefined ? NaN : Number(value(guestMemory));
    merged.memory = guestMemory === undefined ? String(memory.guest) : printed(guestMemory);
  });
  if (cpu.model !== undefined) decide(['cpuModel'], () => (merged.cpuModel = String(cpu.model)));
  if (cpu.dedicatedCPUPlacement !== undefined) decide(['dedicatedCpuPlacement'], () => (merged.dedicatedCpuPlacement = cpu.dedicatedCPUPlacement === true));
  if (cpu.isolateEmulatorThread !== undefined) decide(['isolateEmulatorThread'], () => (merged.isolateEmulatorThread = cpu.isolateEmulatorThread === true));
  if (cpu.numa !== undefined) decide(['guestMappingPassthrough'], () => (merged.guestMappingPassthrough = isObject(cpu.numa?.guestMappingPassthrough)));
  if (cpu.realtime !== undefined) {
    decide(['realtime', 'realtimeMask'], () => {
      merged.realtime = true;
      merged.realtimeMask = typeof cpu.realtime?.mask === 'string' ? cpu.realtime.mask : undefined;
    });
  }
  if (cpu.maxSockets !== undefined) decide(['maxSockets'], () => (merged.maxSockets = wholeNumber(cpu.maxSockets)));
  if (memory.hugepages !== undefined) {
    decide(['hugePages', 'hugePageSize'], () => {
      merged.hugePages = true;
      merged.hugePageSize = String(memory.hugepages?.pageSize);
    });
  }
  if (spec.ioThreadsPolicy !== undefined) {
    decide(['ioThreads', 'ioThreadsPolicy'], () => {
      merged.ioThreads = true;
      merged.ioThreadsPolicy = spec.ioThreadsPolicy as IoThreadsPolicy;
    });
  }
  if (spec.ioThreads?.supplementalPoolThreadCount !== undefined) {
    decide(['supplementalPoolThreadCount'], () => (merged.supplementalPoolThreadCount = wholeNumber(spec.ioThreads.supplementalPoolThreadCount)));
  }
  const preferredCpuFeatures = preferredFeatures(prefSpec, user.cpuFeatures);
  if (preferredCpuFeatures.length > 0) {
    merged.cpuFeatures = [...(user.cpuFeatures ?? [{ name: 'tsc-deadline' }]), ...preferredCpuFeatures] as GivenVmSettings['cpuFeatures'];
  }

  merged.instancetype = {
    kind: it.kind,
    name: it.name,
    preferenceKind: it.preference?.kind,
    preferenceName: it.preference?.name,
    common: it.common,
    decides,
    conflicting: decides.filter((prop) => (user as Json)[prop] !== undefined).map((prop) => ({ prop, value: (user as Json)[prop] })),
    unsupported: fieldsOf(spec).filter((f) => !MODELLED.has(f)),
    leavesOut: leftOut(cpu, spec, prefSpec),
    preferredCpuFeatures,
    refusals: [
      ...kindRefusals(it),
      ...instancetypeRefusals(guest, guestMemory === undefined ? undefined : String(memory.guest), spec),
      ...preferenceRefusals(guest, guestMemory, prefSpec),
    ],
    instancetypeSpec: spec,
    preferenceSpec: prefSpec,
  };
  return merged;
}

/** The guest topology KubeVirt derives from the instance type's vCPUs and the preferred topology (apply/cpu.go). */
export function guestTopology(vcpus: number, preference: Json | undefined): { sockets: number; cores: number; threads: number } {
  const topology = { sockets: 1, cores: 1, threads: 1 };
  if (vcpus === 1) return topology;
  const { preferred, ratio, across } = spreadOptions(preference);
  switch (preferred) {
    case 'cores': case 'preferCores': topology.cores = vcpus; break;
    case 'threads': case 'preferThreads': topology.threads = vcpus; break;
    case 'spread': case 'preferSpread':
      if (across === 'CoresThreads') {
        topology.threads = ratio;
        topology.cores = Math.floor(vcpus / ratio);
      } else if (across === 'SocketsCoresThreads') {
        topology.threads = 2;
        topology.cores = ratio;
        topology.sockets = Math.floor(vcpus / 2 / ratio);
      } else {
        topology.cores = ratio;
        topology.sockets = Math.floor(vcpus / ratio);
      }
      break;
    default: topology.sockets = vcpus; // sockets, any and no preference: KubeVirt's default
  }
  return topology;
}

/** The preferred topology and spread options, with KubeVirt's defaults (sockets; spread ratio 2 across SocketsCores). */
function spreadOptions(preference: Json | undefined): { preferred: string; ratio: number; across: string } {
  const cpu: Json = isObject(preference?.cpu) ? preference!.cpu : {};
  let ratio = wholeNumber(preference?.preferSpreadSocketToCoreRatio) || 2;
  let across = 'SocketsCores';
  if (isObject(cpu.spreadOptions)) {
    if (typeof cpu.spreadOptions.across === 'string') across = cpu.spreadOptions.across;
    if (cpu.spreadOptions.ratio !== undefined) ratio = wholeNumber(cpu.spreadOptions.ratio);
  }
  return { preferred: typeof cpu.preferredCPUTopology === 'string' ? cpu.preferredCPUTopology : 'sockets', ratio, across };
}

/** The kinds KubeVirt's matchers accept (it compares them case-insensitively). */
const INSTANCETYPE_KINDS = ['virtualmachineclusterinstancetype', 'virtualmachineinstancetype'];
const PREFERENCE_KINDS = ['virtualmachineclusterpreference', 'virtualmachinepreference'];

/** A reference KubeVirt cannot resolve: an unknown kind or a name that is no object name. */
function kindRefusals(it: InstancetypeInput): Refusal[] {
  const out: Refusal[] = [];
  const name = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
  if (!INSTANCETYPE_KINDS.includes(it.kind.toLowerCase()) || !name.test(it.name)) {
    out.push({ code: 'VM_INSTANCETYPE_INVALID', field: 'spec.instancetype', message: `the reference ${it.kind} ${JSON.stringify(it.name)} is not a VirtualMachineClusterInstancetype or VirtualMachineInstancetype with a DNS-1123 name` });
  }
  if (it.preference !== undefined && (!PREFERENCE_KINDS.includes(it.preference.kind.toLowerCase()) || !name.test(it.preference.name))) {
    out.push({ code: 'VM_INSTANCETYPE_INVALID', field: 'spec.preference', message: `the reference ${it.preference.kind} ${JSON.stringify(it.preference.name)} is not a VirtualMachineClusterPreference or VirtualMachinePreference with a DNS-1123 name` });
  }
  return out;
}

/** What KubeVirt's schema refuses in the instance type itself: no whole vCPU count, no memory quantity. */
function instancetypeRefusals(vcpus: number, memory: string | undefined, spec: Json): Refusal[] {
  const out: Refusal[] = [];
  const invalid = (field: string, message: string) => out.push({ code: 'VM_INSTANCETYPE_INVALID', field: `instancetype.spec.${field}`, message });
  const cpu: Json = isObject(spec.cpu) ? spec.cpu : {};
  if (!isObject(spec.cpu)) invalid('cpu', 'the instance type has no cpu object');
  if (cpu.model !== undefined && (typeof cpu.model !== 'string' || cpu.model === '')) invalid('cpu.model', 'the CPU model is not a non-empty string');
  for (const key of ['dedicatedCPUPlacement', 'isolateEmulatorThread'] as const) {
    if (cpu[key] !== undefined && typeof cpu[key] !== 'boolean') invalid(`cpu.${key}`, `cpu.${key} is not true or false`);
  }
  if (cpu.realtime !== undefined && (!isObject(cpu.realtime) || (cpu.realtime.mask !== undefined && typeof cpu.realtime.mask !== 'string'))) {
    invalid('cpu.realtime', 'cpu.realtime is not an object with an optional mask string');
  }
  const pageSize = isObject(spec.memory) && spec.memory.hugepages !== undefined ? spec.memory.hugepages?.pageSize : undefined;
  if (isObject(spec.memory) && spec.memory.hugepages !== undefined && !HUGE_PAGE_SIZES.includes(pageSize)) {
    invalid('memory.hugepages.pageSize', `the huge page size ${JSON.stringify(pageSize) ?? 'undefined'} is not one of ${HUGE_PAGE_SIZES.join(', ')}`);
  }
  if (spec.ioThreadsPolicy !== undefined && !(Object.values(IoThreadsPolicy) as unknown[]).includes(spec.ioThreadsPolicy)) {
    invalid('ioThreadsPolicy', `the IOThreads policy ${JSON.stringify(spec.ioThreadsPolicy)} is not one of ${Object.values(IoThreadsPolicy).join(', ')}`);
  }
  if (vcpus < 1) out.push({ code: 'VM_INSTANCETYPE_INVALID', field: 'instancetype.spec.cpu.guest', message: 'the instance type gives no whole number of vCPUs ≥ 1 (cpu.guest)' });
  if (memory === undefined) out.push({ code: 'VM_INSTANCETYPE_INVALID', field: 'instancetype.spec.memory.guest', message: 'the instance type gives no guest memory quantity (memory.guest)' });
  return out;
}

/** KubeVirt's refusals of the pair: the preference's requirements and spread divisibility, in its words. */
function preferenceRefusals(vcpus: number, memory: ReturnType<typeof parseQuantity>, preference: Json | undefined): Refusal[] {
  if (preference === undefined) return [];
  const out: Refusal[] = [];
  const requiredCpus = wholeNumber(preference.requirements?.cpu?.guest);
  if (requiredCpus > 0 && vcpus < requiredCpus) {
    out.push({ code: 'VM_PREFERENCE_REQUIREMENTS_UNMET', field: 'spec.instancetype', message: `insufficient CPU resources of ${vcpus} vCPU provided by instance type, preference requires ${requiredCpus} vCPU` });
  }
  const requiredMemory = parseQuantity(preference.requirements?.memory?.guest);
  if (requiredMemory !== undefined && memory !== undefined && value(memory) < value(requiredMemory)) {
    out.push({ code: 'VM_PREFERENCE_REQUIREMENTS_UNMET', field: 'spec.instancetype', message: `insufficient Memory resources of ${printed(memory)} provided by instance type, preference requires ${printed(requiredMemory)}` });
  }
  const { preferred, ratio, across } = spreadOptions(preference);
  if (preferred === 'spread' || preferred === 'preferSpread') {
    const field = 'instancetype.spec.cpu.guest';
    if (across === 'SocketsCoresThreads' && (vcpus % 2 > 0 || Math.floor(vcpus / 2) % ratio > 0)) {
      out.push({ code: 'VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', field, message: `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core 2 and Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio}` });
    } else if (across === 'CoresThreads' && vcpus % ratio > 0) {
      out.push({ code: 'VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', field, message: `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${ratio}` });
    } else if (across === 'SocketsCores' && vcpus % ratio > 0) {
      out.push({ code: 'VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', field, message: `${vcpus} vCPUs provided by the instance type are not divisible by the Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio} provided by the preference` });
    }
  }
  return out;
}

/** The preference's CPU features the VM does not name itself (KubeVirt adds only those). */
function preferredFeatures(preference: Json | undefined, own: GivenVmSettings['cpuFeatures']): Array<{ name: string; policy?: string }> {
  const preferred: unknown = preference?.cpu?.preferredCPUFeatures;
  if (!Array.isArray(preferred)) return [];
  const named = new Set((own ?? [{ name: 'tsc-deadline' }]).map((f) => f.name));
  return preferred.filter((f): f is { name: string; policy?: string } => isObject(f) && typeof f.name === 'string' && !named.has(f.name))
    .map((f) => (f.policy === undefined ? { name: f.name } : { name: f.name, policy: f.policy }));
}

/** The real-time guide's settings an instance type leaves to the VM. */
function leftOut(cpu: Json, spec: Json, preference: Json | undefined): string[] {
  const out: string[] = [];
  if (cpu.model === undefined) out.push('cpu.model (host-passthrough)');
  const features: unknown = preference?.cpu?.preferredCPUFeatures;
  if (!(Array.isArray(features) && features.some((f) => isObject(f) && f.name === 'tsc-deadline'))) out.push('the tsc-deadline CPU feature');
  if (spec.ioThreadsPolicy === undefined) out.push('ioThreadsPolicy');
  if (cpu.maxSockets === undefined) out.push('cpu.maxSockets');
  return out;
}

/** The dotted paths of the spec's fields two levels deep (`cpu.guest`, `ioThreadsPolicy`), for the unsupported list. */
function fieldsOf(spec: Json): string[] {
  const out: string[] = [];
  for (const key of Object.keys(spec).sort()) {
    if ((key === 'cpu' || key === 'memory') && isObject(spec[key])) {
      for (const sub of Object.keys(spec[key]).sort()) out.push(`${key}.${sub}`);
    } else {
      out.push(key);
    }
  }
  return out;
}

function wholeNumber(v: unknown): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0;
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
