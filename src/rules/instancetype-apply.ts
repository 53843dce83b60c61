import { obj, P } from './vm-admission-context';
import { guestTopology } from '../model/vm/instancetype-merge';
import { InstancetypeUse } from '../model/vm/instancetype-use';
import { error, Finding } from '../values/finding';

// KubeVirt's apply step for a VM that references an instance type (v1.9 pkg/instancetype/apply/{cpu,memory,
// iothreads,iothreadpolicy,nodeselector,annotations}.go, preference/apply/cpu.go), on the VirtualMachine as written:
// the fields the instance type sets must be unset in the VM ("VM field(s) <path> conflicts with selected instance
// type"); otherwise they are copied in, with the topology the preference derives. Admission then runs on the result.

/** JSON as the API server reads it. */
type Json = Record<string, any>;

/** The conflicts KubeVirt finds, or the VM with the instance type applied (a new object; the input is not changed). */
export function applyInstancetype(vm: unknown, use: InstancetypeUse): { conflicts: Finding[]; expanded?: Json } {
  // Go decodes null as unset: null fields of either side count as absent. Both are fresh copies, so the result
  // may take the instance type's values as they are.
  const it: Json = withoutNulls(use.instancetypeSpec) ?? {};
  const itCpu = obj(it.cpu);
  const itMemory = obj(it.memory);
  const expanded: Json = obj(withoutNulls(vm ?? {}));
  const spec = (expanded.spec = obj(expanded.spec));
  const template = (spec.template = obj(spec.template));
  const metadata = (template.metadata = obj(template.metadata));
  const vmi = (template.spec = obj(template.spec));
  const domain = (vmi.domain = obj(vmi.domain));
  const cpu = (domain.cpu = obj(domain.cpu));
  const memory = (domain.memory = obj(domain.memory));
  const resources = obj(domain.resources);
  const requests = obj(resources.requests);
  const limits = obj(resources.limits);

  const paths: string[] = [];
  const conflict = (when: boolean, path: string) => {
    if (when) paths.push(`${P}.${path}`);
  };
  if (it.nodeSelector !== undefined) conflict(vmi.nodeSelector !== undefined, 'nodeSelector');
  if (it.schedulerName !== undefined) conflict(vmi.schedulerName !== undefined && vmi.schedulerName !== '', 'schedulerName');
  // apply/cpu.go validateCPU
  conflict('cpu' in requests, 'domain.resources.requests.cpu');
  conflict('cpu' in limits, 'domain.resources.limits.cpu');
  conflict(isSet(cpu.sockets), 'domain.cpu.sockets');
  conflict(isSet(cpu.cores), 'domain.cpu.cores');
  conflict(isSet(cpu.threads), 'domain.cpu.threads');
  conflict(typeof cpu.model === 'string' && cpu.model !== '' && itCpu.model !== undefined, 'domain.cpu.model');
  conflict(cpu.dedicatedCpuPlacement === true && itCpu.dedicatedCPUPlacement !== undefined, 'domain.cpu.dedicatedCPUPlacement');
  conflict(cpu.isolateEmulatorThread === true && itCpu.isolateEmulatorThread !== undefined, 'domain.cpu.isolateEmulatorThread');
  conflict(cpu.numa !== undefined && itCpu.numa !== undefined, 'domain.cpu.numa');
  conflict(cpu.realtime !== undefined && itCpu.realtime !== undefined, 'domain.cpu.realtime');
  // apply/memory.go validateMemory reports the first of its conflicts only
  const memoryConflict = [
    [memory.guest !== undefined, 'domain.memory.guest'],
    [memory.hugepages !== undefined && itMemory.hugepages !== undefined, 'domain.memory.hugepages'],
    [memory.maxGuest !== undefined && itMemory.maxGuest !== undefined, 'domain.memory.maxGuest'],
    ['memory' in requests, 'domain.resources.requests.memory'],
    ['memory' in limits, 'domain.resources.limits.memory'],
  ].find(([when]) => when);
  if (memoryConflict !== undefined) conflict(true, memoryConflict[1] as string);
  if (it.ioThreads?.supplementalPoolThreadCount !== undefined) {
    conflict(obj(domain.ioThreads).supplementalPoolThreadCount !== undefined, 'domain.ioThreads.supplementalPoolThreadCount');
  }
  if (it.ioThreadsPolicy !== undefined) conflict(domain.ioThreadsPolicy !== undefined, 'domain.ioThreadsPolicy');
  const own = obj(metadata.annotations);
  const annotationConflicts = Object.entries(obj(it.annotations))
    .filter(([key, value]) => Object.prototype.hasOwnProperty.call(own, key) && own[key] !== value)
    .map(([key]) => `annotations.${key}`);

  const conflicts = [...paths, ...annotationConflicts].map((path) => error('VM_KV_INSTANCETYPE_CONFLICT', path.replace(/^spec\./, ''),
    `${use.kind} ${use.name}`, `a VM that leaves the field to its instance type (KubeVirt: "VM field(s) ${path} conflicts with selected instance type")`,
    `remove ${path} from the VirtualMachine (or the JSON patch that adds it)`));
  if (conflicts.length > 0) return { conflicts };

  for (const key of ['model', 'dedicatedCPUPlacement', 'isolateEmulatorThread', 'numa', 'realtime', 'maxSockets'] as const) {
    if (itCpu[key] !== undefined) cpu[key === 'dedicatedCPUPlacement' ? 'dedicatedCpuPlacement' : key] = itCpu[key];
  }
  Object.assign(cpu, guestTopology(typeof itCpu.guest === 'number' ? itCpu.guest : 0, use.preferenceSpec));
  memory.guest = itMemory.guest;
  if (itMemory.hugepages !== undefined) memory.hugepages = itMemory.hugepages;
  if (itMemory.maxGuest !== undefined) memory.maxGuest = itMemory.maxGuest;
  if (it.ioThreads?.supplementalPoolThreadCount !== undefined) {
    domain.ioThreads = { ...obj(domain.ioThreads), supplementalPoolThreadCount: it.ioThreads.supplementalPoolThreadCount };
  }
  if (it.ioThreadsPolicy !== undefined) domain.ioThreadsPolicy = it.ioThreadsPolicy;
  if (it.nodeSelector !== undefined) vmi.nodeSelector = it.nodeSelector;
  if (Object.keys(obj(it.annotations)).length > 0) metadata.annotations = { ...obj(it.annotations), ...obj(metadata.annotations) };
  const named = new Set((Array.isArray(cpu.features) ? cpu.features : []).map((f: unknown) => obj(f).name));
  const preferred = use.preferredCpuFeatures.filter((f) => !named.has(f.name));
  if (preferred.length > 0) cpu.features = [...(Array.isArray(cpu.features) ? cpu.features : []), ...preferred.map((f) => ({ ...f }))];
  return { conflicts: [], expanded };
}

/** A deep copy without null object fields (null list items stay). */
function withoutNulls(x: unknown): any {
  if (Array.isArray(x)) return x.map(withoutNulls);
  if (x === null || typeof x !== 'object') return x;
  const out: Json = {};
  for (const [key, value] of Object.entries(x)) if (value !== null) out[key] = withoutNulls(value);
  return out;
}

/** A uint32 field KubeVirt reads as set (non-zero). */
function isSet(x: unknown): boolean {
  return x !== undefined && x !== null && x !== 0;
}
