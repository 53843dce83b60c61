import { guestTopology, spreadOptions } from '../model/vm/instancetype-merge';
import { InstancetypeUse } from '../model/vm/instancetype-use';
import { error, Finding } from '../values/finding';
import { isJsonObject, wholeNumberOrZero } from '../values/json-fields';
import { isDns1123Subdomain } from '../values/kubernetes-names';
import { parseQuantity, printed, value } from '../values/quantity';
import { IoThreadsPolicy } from '../values/vm/io-threads-policy';

// What KubeVirt refuses in an instance type, a preference or the pair (v1.9: the CRD schema, the preference admitter
// pkg/instancetype/preference/webhooks, preference/validation and preference/requirements), in its own words, plus
// the fields the library cannot model. Reported on the VM's `instancetype` or `preference` prop.

/** JSON as the API server reads it. */
type Json = { readonly [key: string]: any };

/** Instance type fields the merge models; anything else is reported as unsupported. */
const MODELLED = new Set(['cpu.guest', 'cpu.model', 'cpu.dedicatedCPUPlacement', 'cpu.isolateEmulatorThread', 'cpu.numa',
  'cpu.realtime', 'cpu.maxSockets', 'memory.guest', 'memory.hugepages', 'ioThreadsPolicy', 'ioThreads', 'annotations']);

/** The kinds KubeVirt's matchers accept (it compares them case-insensitively). */
const INSTANCETYPE_KINDS = ['virtualmachineclusterinstancetype', 'virtualmachineinstancetype'];
const PREFERENCE_KINDS = ['virtualmachineclusterpreference', 'virtualmachinepreference'];

/** The preferred topologies KubeVirt knows (preference/validation IsPreferredTopologySupported). */
const TOPOLOGIES = ['sockets', 'cores', 'threads', 'spread', 'any', 'preferSockets', 'preferCores', 'preferThreads', 'preferSpread', 'preferAny'];
const SPREAD_ACROSS = ['SocketsCores', 'CoresThreads', 'SocketsCoresThreads'];

/** The huge page sizes the library models. */
const HUGE_PAGE_SIZES: unknown[] = ['1Gi', '2Mi'];

/** Every refusal of the instance type and preference a VM references, in reporting order. */
export function instancetypeRefusalFindings(use: InstancetypeUse): Finding[] {
  const it = `${use.kind} ${use.name}`;
  const refuse = (code: string, message: string, fix: string) =>
    error(code, 'instancetype', it, `an instance type KubeVirt accepts (it refuses: "${message}")`, fix);
  const out: Finding[] = [];
  if (!INSTANCETYPE_KINDS.includes(use.kind.toLowerCase()) || !isDns1123Subdomain(use.name)) {
    out.push(refuse('VM_INSTANCETYPE_INVALID', `the reference ${use.kind} ${JSON.stringify(use.name)} is not a VirtualMachineClusterInstancetype or VirtualMachineInstancetype with a DNS-1123 name`,
      'reference a RealtimeInstancetype or CommonInstancetype.named(...)'));
  }
  for (const problem of specProblems(use.instancetypeSpec)) out.push(refuse('VM_INSTANCETYPE_INVALID', problem, 'reference a valid instance type'));
  const unsupported = fieldsOf(use.instancetypeSpec).filter((f) => !MODELLED.has(f));
  if (unsupported.length > 0) {
    out.push(error('VM_INSTANCETYPE_UNSUPPORTED', 'instancetype', it,
      `an instance type whose fields the library can check (it also sets ${unsupported.join(', ')})`,
      'reference an instance type without those fields (e.g. the rt1 or cx1 series), or emit a RealtimeInstancetype'));
  }
  if (use.preferenceSpec !== undefined) out.push(...preferenceFindings(use));
  return out;
}

/** The preference: its reference, its own validity, its requirements and whether its spread divides the vCPUs. */
function preferenceFindings(use: InstancetypeUse): Finding[] {
  const pref = `${use.preferenceKind} ${use.preferenceName}`;
  const refuse = (code: string, message: string, fix: string) =>
    error(code, 'preference', pref, `a preference KubeVirt accepts for instance type ${use.name} (it refuses: "${message}")`, fix);
  const spec = use.preferenceSpec!;
  if (!PREFERENCE_KINDS.includes(String(use.preferenceKind).toLowerCase()) || !isDns1123Subdomain(use.preferenceName)) {
    return [refuse('VM_PREFERENCE_INVALID', `the reference ${use.preferenceKind} ${JSON.stringify(use.preferenceName)} is not a VirtualMachineClusterPreference or VirtualMachinePreference with a DNS-1123 name`,
      'reference CommonPreference.named(...) or a RealtimeInstancetype\'s preference')];
  }
  const { preferred, ratio, across } = spreadOptions(spec);
  const spread = preferred === 'spread' || preferred === 'preferSpread';
  if (!TOPOLOGIES.includes(preferred)) return [refuse('VM_PREFERENCE_INVALID', `unknown preferredCPUTopology ${preferred}`, 'use another preference')];
  if (spread && !SPREAD_ACROSS.includes(across)) return [refuse('VM_PREFERENCE_INVALID', `across ${across} is not supported`, 'use another preference')];
  if (spread && across === 'CoresThreads' && ratio !== 2) {
    return [refuse('VM_PREFERENCE_INVALID', 'only a ratio of 2 (1 core 2 threads) is allowed when spreading vCPUs over cores and threads', 'use another preference')];
  }
  if (spread && ratio < 1) return [refuse('VM_PREFERENCE_INVALID', 'a spread ratio of 0 (the topology would divide by zero)', 'use another preference')];

  const vcpus = wholeNumberOrZero(use.instancetypeSpec.cpu?.guest);
  const memory = parseQuantity(use.instancetypeSpec.memory?.guest);
  const bigger = 'pick a larger instance type, or a preference with lower requirements';
  // KubeVirt checks CPU, then memory, and reports the first shortfall only.
  const requiredCpus = wholeNumberOrZero(spec.requirements?.cpu?.guest);
  if (requiredCpus > 0 && vcpus < requiredCpus) {
    return [refuse('VM_PREFERENCE_REQUIREMENTS_UNMET', `insufficient CPU resources of ${vcpus} vCPU provided by instance type, preference requires ${requiredCpus} vCPU`, bigger)];
  }
  const requiredMemory = parseQuantity(spec.requirements?.memory?.guest);
  if (requiredMemory !== undefined && memory !== undefined && value(memory) < value(requiredMemory)) {
    return [refuse('VM_PREFERENCE_REQUIREMENTS_UNMET', `insufficient Memory resources of ${printed(memory)} provided by instance type, preference requires ${printed(requiredMemory)}`, bigger)];
  }
  const divides = 'pick an instance type whose vCPU count the spread divides, or another preference';
  if (spread && across === 'SocketsCoresThreads' && (vcpus % 2 > 0 || Math.floor(vcpus / 2) % ratio > 0)) {
    return [refuse('VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core 2 and Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio}`, divides)];
  }
  if (spread && across === 'CoresThreads' && vcpus % ratio > 0) {
    return [refuse('VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${ratio}`, divides)];
  }
  if (spread && across === 'SocketsCores' && vcpus % ratio > 0) {
    return [refuse('VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', `${vcpus} vCPUs provided by the instance type are not divisible by the Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio} provided by the preference`, divides)];
  }
  // A topology KubeVirt derives without complaint but that has no sockets (it floors): say so rather than report 0.
  const t = guestTopology(vcpus, spec);
  if (vcpus > 0 && t.sockets * t.cores * t.threads !== vcpus) {
    return [refuse('VM_PREFERENCE_SPREAD_NOT_DIVISIBLE', `${vcpus} vCPUs laid out as ${t.sockets} sockets × ${t.cores} cores × ${t.threads} threads`, divides)];
  }
  return [];
}

/** What the CRD schema (or the library's model of it) refuses in the instance type's spec. */
function specProblems(spec: Json): string[] {
  const out: string[] = [];
  const cpu: Json = isJsonObject(spec.cpu) ? spec.cpu : {};
  if (!isJsonObject(spec.cpu)) out.push('the instance type has no cpu object');
  if (wholeNumberOrZero(cpu.guest) < 1) out.push('the instance type gives no whole number of vCPUs ≥ 1 (cpu.guest)');
  if (parseQuantity(spec.memory?.guest) === undefined) out.push('the instance type gives no guest memory quantity (memory.guest)');
  if (cpu.model !== undefined && cpu.model !== null && (typeof cpu.model !== 'string' || cpu.model === '')) out.push('the CPU model is not a non-empty string');
  for (const key of ['dedicatedCPUPlacement', 'isolateEmulatorThread'] as const) {
    if (cpu[key] !== undefined && cpu[key] !== null && typeof cpu[key] !== 'boolean') out.push(`cpu.${key} is not true or false`);
  }
  if (cpu.realtime !== undefined && cpu.realtime !== null && (!isJsonObject(cpu.realtime) || (cpu.realtime.mask !== undefined && typeof cpu.realtime.mask !== 'string'))) {
    out.push('cpu.realtime is not an object with an optional mask string');
  }
  if (cpu.maxSockets !== undefined && cpu.maxSockets !== null && wholeNumberOrZero(cpu.maxSockets) < 1) out.push('cpu.maxSockets is not a whole number ≥ 1');
  const hugepages = isJsonObject(spec.memory) ? spec.memory.hugepages : undefined;
  if (hugepages !== undefined && hugepages !== null && !HUGE_PAGE_SIZES.includes(hugepages?.pageSize)) {
    out.push(`the huge page size ${JSON.stringify(hugepages?.pageSize) ?? 'undefined'} is not one of ${HUGE_PAGE_SIZES.join(', ')}`);
  }
  const policies: unknown[] = Object.values(IoThreadsPolicy);
  if (spec.ioThreadsPolicy !== undefined && spec.ioThreadsPolicy !== null && !policies.includes(spec.ioThreadsPolicy)) {
    out.push(`the IOThreads policy ${JSON.stringify(spec.ioThreadsPolicy)} is not one of ${Object.values(IoThreadsPolicy).join(', ')}`);
  }
  const pool = spec.ioThreads?.supplementalPoolThreadCount;
  if (pool !== undefined && pool !== null && wholeNumberOrZero(pool) < 1) out.push('ioThreads.supplementalPoolThreadCount is not a whole number ≥ 1');
  return out;
}

/** The dotted paths of the spec's fields two levels deep (`cpu.guest`, `ioThreadsPolicy`), for the unsupported list. */
function fieldsOf(spec: Json): string[] {
  const out: string[] = [];
  for (const key of Object.keys(spec).sort()) {
    if (spec[key] === null) continue;
    if ((key === 'cpu' || key === 'memory') && isJsonObject(spec[key])) {
      for (const sub of Object.keys(spec[key]).sort()) if (spec[key][sub] !== null) out.push(`${key}.${sub}`);
    } else {
      out.push(key);
    }
  }
  return out;
}
