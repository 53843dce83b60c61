import { GivenVmSettings } from './vm-settings';
import { isJsonObject, wholeNumberOrZero } from '../../values/json-fields';
import { parseQuantity, printed, value } from '../../values/quantity';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';

// A VM that references an instance type gets part of its shape from it (and its topology from the preference), the
// way KubeVirt applies them (v1.9 pkg/instancetype/apply/*.go, preference/apply/cpu.go): the instance type's fields
// win, the VM may not set them ("VM field(s) ... conflicts with selected instance type"), and what it leaves out the
// VM sets itself (the library's real-time defaults fill the gaps). This module merges the two into the settings
// every rule reads, so the VM ↔ pool checks run on the shape the cluster will give the VM. What KubeVirt refuses in
// the pair is the rules' business (rules/instancetype-refusals.ts).

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

/** The settings of a VM that references `it`: the instance type's fields over the user's props. */
export function mergeInstancetype(user: GivenVmSettings, it: InstancetypeInput): GivenVmSettings {
  const spec = it.spec;
  const cpu: Json = isJsonObject(spec.cpu) ? spec.cpu : {};
  const memory: Json = isJsonObject(spec.memory) ? spec.memory : {};
  const prefSpec = it.preference?.spec;
  const merged: { -readonly [K in keyof GivenVmSettings]: GivenVmSettings[K] } = { ...user };
  const decides: string[] = [];
  // Go decodes null as unset: a field counts when it is present and not null.
  const sets = (x: unknown) => x !== undefined && x !== null;
  const decide = (props: string[], apply: () => void) => {
    decides.push(...props);
    apply();
  };

  decide(['vcpus', 'topology'], () => {
    merged.vcpus = undefined;
    merged.topology = guestTopology(wholeNumberOrZero(cpu.guest), prefSpec);
  });
  const guestMemory = parseQuantity(memory.guest);
  decide(['memory'], () => {
    merged.memoryBytes = guestMemory === undefined ? NaN : Number(value(guestMemory));
    merged.memory = guestMemory === undefined ? String(memory.guest) : printed(guestMemory);
  });
  if (sets(cpu.model)) decide(['cpuModel'], () => (merged.cpuModel = String(cpu.model)));
  if (sets(cpu.dedicatedCPUPlacement)) decide(['dedicatedCpuPlacement'], () => (merged.dedicatedCpuPlacement = cpu.dedicatedCPUPlacement === true));
  if (sets(cpu.isolateEmulatorThread)) decide(['isolateEmulatorThread'], () => (merged.isolateEmulatorThread = cpu.isolateEmulatorThread === true));
  if (sets(cpu.numa)) decide(['guestMappingPassthrough'], () => (merged.guestMappingPassthrough = isJsonObject(cpu.numa.guestMappingPassthrough)));
  if (sets(cpu.realtime)) {
    decide(['realtime', 'realtimeMask'], () => {
      merged.realtime = true;
      merged.realtimeMask = typeof cpu.realtime?.mask === 'string' ? cpu.realtime.mask : undefined;
    });
  }
  if (sets(cpu.maxSockets)) decide(['maxSockets'], () => (merged.maxSockets = wholeNumberOrZero(cpu.maxSockets)));
  if (sets(memory.hugepages)) {
    decide(['hugePages', 'hugePageSize'], () => {
      merged.hugePages = true;
      merged.hugePageSize = String(memory.hugepages?.pageSize);
    });
  }
  if (sets(spec.ioThreadsPolicy)) {
    decide(['ioThreads', 'ioThreadsPolicy'], () => {
      merged.ioThreads = true;
      merged.ioThreadsPolicy = spec.ioThreadsPolicy as IoThreadsPolicy;
    });
  }
  if (sets(spec.ioThreads?.supplementalPoolThreadCount)) {
    decide(['supplementalPoolThreadCount'], () => (merged.supplementalPoolThreadCount = wholeNumberOrZero(spec.ioThreads.supplementalPoolThreadCount)));
  }
  // CPU features: a VM that names none takes the preference's (with their policies) instead of the library's
  // default; one that names some gets the preference's other ones added, as KubeVirt adds them.
  const preferred = preferredFeatures(prefSpec);
  const named = new Set((user.cpuFeatures ?? []).map((f) => f.name));
  const added = user.cpuFeatures === undefined ? [] : preferred.filter((f) => !named.has(f.name));
  if (user.cpuFeatures === undefined && preferred.length > 0) merged.cpuFeatures = preferred as GivenVmSettings['cpuFeatures'];
  if (added.length > 0) merged.cpuFeatures = [...user.cpuFeatures!, ...added] as GivenVmSettings['cpuFeatures'];

  merged.instancetype = {
    kind: it.kind,
    name: it.name,
    preferenceKind: it.preference?.kind,
    preferenceName: it.preference?.name,
    common: it.common,
    decides,
    conflicting: decides.filter((prop) => (user as Json)[prop] !== undefined).map((prop) => ({ prop, value: (user as Json)[prop] })),
    preferredCpuFeatures: added,
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
  // A ratio of 0 would divide by zero (KubeVirt's own arithmetic): the rules refuse such a preference.
  const per = Math.max(ratio, 1);
  switch (preferred) {
    case 'cores': case 'preferCores': topology.cores = vcpus; break;
    case 'threads': case 'preferThreads': topology.threads = vcpus; break;
    case 'spread': case 'preferSpread':
      if (across === 'CoresThreads') {
        topology.threads = per;
        topology.cores = Math.floor(vcpus / per);
      } else if (across === 'SocketsCoresThreads') {
        topology.threads = 2;
        topology.cores = per;
        topology.sockets = Math.floor(vcpus / 2 / per);
      } else {
        topology.cores = per;
        topology.sockets = Math.floor(vcpus / per);
      }
      break;
    default: topology.sockets = vcpus; // sockets, any and no preference: KubeVirt's default
  }
  return topology;
}

/** The preferred topology and spread options, with KubeVirt's defaults (sockets; spread ratio 2 across SocketsCores). */
export function spreadOptions(preference: Json | undefined): { preferred: string; ratio: number; across: string } {
  const cpu: Json = isJsonObject(preference?.cpu) ? preference!.cpu : {};
  let ratio = wholeNumberOrZero(preference?.preferSpreadSocketToCoreRatio) || 2;
  let across = 'SocketsCores';
  if (isJsonObject(cpu.spreadOptions)) {
    if (typeof cpu.spreadOptions.across === 'string') across = cpu.spreadOptions.across;
    if (cpu.spreadOptions.ratio !== undefined && cpu.spreadOptions.ratio !== null) ratio = wholeNumberOrZero(cpu.spreadOptions.ratio);
  }
  return { preferred: typeof cpu.preferredCPUTopology === 'string' ? cpu.preferredCPUTopology : 'sockets', ratio, across };
}

/** The preference's CPU features, well-formed ones only. */
function preferredFeatures(preference: Json | undefined): Array<{ name: string; policy?: string }> {
  const preferred: unknown = preference?.cpu?.preferredCPUFeatures;
  if (!Array.isArray(preferred)) return [];
  return preferred.filter((f): f is { name: string; policy?: string } => isJsonObject(f) && typeof f.name === 'string')
    .map((f) => (typeof f.policy === 'string' ? { name: f.name, policy: f.policy } : { name: f.name }));
}
