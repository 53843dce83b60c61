import { arr, count, numberOfVcpus, obj, P, TemplateView, text } from './vm-admission-context';
import { error, Finding } from '../values/finding';
import { milliValue, parseQuantity, printed, Quantity, value, ZERO } from '../values/quantity';

// Mirrors of KubeVirt v1.9 VMI admission rules on CPUs (vmi-create-admitter.go, reference §1.1-1.3, §1.7), applied
// to a VM template with the field prefix `spec.template.spec`. Messages are KubeVirt's, verbatim (typos and trailing
// spaces included), so users can search for them.

const IO_THREADS_POLICIES = ['shared', 'auto', 'supplementalPool'];
const CPU_FEATURE_POLICIES = ['', 'force', 'require', 'optional', 'disable', 'forbid'];
const THOUSAND = BigInt(1000);
const ONE_MILLION = BigInt(1000000);

/** Builds a finding that quotes KubeVirt's rejection message. */
export function rejected(code: string, field: string, got: unknown, kubevirtMessage: string, fix: string): Finding {
  return error(code, field, got, `an object KubeVirt admits (it rejects this with: "${kubevirtMessage}")`, fix);
}

/** §1.1 `validateCpuPinning`: runs only with `dedicatedCpuPlacement: true`. */
export function dedicatedCpuFindings(t: TemplateView): Finding[] {
  if (t.cpu?.dedicatedCpuPlacement !== true) return [];
  const out: Finding[] = [];
  const d = `${P}.domain`;
  const memoryGiven = value(t.limitsMemory) !== ZERO || value(t.requestsMemory) !== ZERO
    || (t.memory !== undefined && (t.memory.hugepages != null || isNonZeroQuantity(t.memory.guest)));
  if (!memoryGiven) {
    out.push(rejected('VM_KV_MEMORY_NOT_PROVIDED', `${d}.resources.limits.memory`, t.limits.memory,
      `${d}.resources.requests.memory, ${d}.resources.limits.memory, ${d}.memory.hugepages or ${d}.memory.guest should be provided`,
      'give the VM a memory size (RealtimeVirtualMachineProps.memory)'));
  }
  if (!isInteger(t.requestsCpu)) {
    out.push(rejected('VM_KV_CPU_REQUEST_NOT_INTEGER', `${d}.resources.requests.cpu`, t.requests.cpu,
      'provided resources CPU requests must be an interger', 'request a whole number of CPUs'));
  }
  if (!isInteger(t.limitsCpu)) {
    out.push(rejected('VM_KV_CPU_LIMIT_NOT_INTEGER', `${d}.resources.limits.cpu`, t.limits.cpu,
      'provided resources CPU limits must be an interger', 'limit the VM to a whole number of CPUs'));
  }
  const reqMem = value(t.requestsMemory);
  const limMem = value(t.limitsMemory);
  if (reqMem > ZERO && limMem > ZERO && reqMem !== limMem) {
    out.push(rejected('VM_KV_MEMORY_REQUEST_NOT_LIMIT', `${d}.resources.requests.memory`,
      `${printed(t.requestsMemory)} (limit ${printed(t.limitsMemory)})`,
      `${d}.resources.requests.memory must be equal to ${d}.resources.limits.memory`,
      'set memory requests equal to limits (Guaranteed QoS)'));
  }
  const reqCpu = value(t.requestsCpu);
  const limCpu = value(t.limitsCpu);
  const vcpus = BigInt(numberOfVcpus(t.cpu));
  const field = `${d}.cpu.dedicatedCpuPlacement`;
  if (reqCpu === ZERO && limCpu === ZERO && vcpus === ZERO) {
    out.push(rejected('VM_KV_DEDICATED_NO_CPU_COUNT', field, true,
      `either ${d}.resources.requests.cpu or ${d}.resources.limits.cpu or ${d}.cpu.cores must be provided when DedicatedCPUPlacement is true `,
      'give the VM a vCPU count (vcpus or topology)'));
  }
  if (reqCpu > ZERO && limCpu > ZERO && reqCpu !== limCpu) {
    out.push(rejected('VM_KV_CPU_REQUEST_NOT_LIMIT', field, `requests ${printed(t.requestsCpu)}, limits ${printed(t.limitsCpu)}`,
      `${d}.resources.requests.cpu or ${d}.resources.limits.cpu must be equal when DedicatedCPUPlacement is true `,
      'set CPU requests equal to limits'));
  }
  if ((reqCpu > ZERO || limCpu > ZERO) && vcpus > ZERO && reqCpu !== vcpus && limCpu !== vcpus) {
    out.push(rejected('VM_KV_CPU_RESOURCES_VS_TOPOLOGY', field,
      `requests ${printed(t.requestsCpu)}, limits ${printed(t.limitsCpu)}, topology ${vcpus} vCPUs`,
      `${d}.resources.requests.cpu or ${d}.resources.limits.cpu must not be provided at the same time with ${d}.cpu.cores when DedicatedCPUPlacement is true `,
      'make the CPU request/limit equal to sockets × cores × threads'));
  }
  const threads = count(t.cpu.threads);
  if (threads > 1 && t.spec.architecture === 'arm64') {
    out.push(rejected('VM_KV_ARM64_THREADS', `${P}.architecture`, 'arm64',
      `threads must not be greater than 1 at ${d}.cpu.threads (got ${threads}) when ${P}.architecture is arm64`,
      'use one thread per core on arm64'));
  }
  if (threads > 2) {
    out.push(rejected('VM_KV_DEDICATED_THREADS_OVER_TWO', field, threads,
      `Not more than two threads must be provided at ${d}.cpu.threads (got ${threads}) when DedicatedCPUPlacement is true`,
      'use at most two threads per core (SMT siblings)'));
  }
  return out;
}

/** The checks KubeVirt runs on every resources block: no negative values, requests ≤ limits, memory ≥ 1M. */
export function resourceFindings(t: TemplateView): Finding[] {
  const out: Finding[] = [];
  const r = `${P}.domain.resources`;
  const entries: Array<[string, Quantity | undefined]> = [
    ['requests.cpu', t.requestsCpu], ['limits.cpu', t.limitsCpu], ['requests.memory', t.requestsMemory], ['limits.memory', t.limitsMemory],
  ];
  for (const [name, q] of entries) {
    if (q !== undefined && q.nano < ZERO) {
      out.push(rejected('VM_KV_NEGATIVE_RESOURCE', `${r}.${name}`, q.text,
        `${r}.${name} '${q.text}': must be greater than or equal to 0.`, 'use a positive quantity'));
    }
  }
  for (const kind of ['cpu', 'memory']) {
    const req = kind === 'cpu' ? t.requestsCpu : t.requestsMemory;
    const lim = kind === 'cpu' ? t.limitsCpu : t.limitsMemory;
    if (req !== undefined && lim !== undefined && lim.nano > ZERO && req.nano > lim.nano) {
      out.push(rejected('VM_KV_REQUEST_ABOVE_LIMIT', `${r}.requests.${kind}`, `${req.text} > ${lim.text}`,
        `${r}.requests.${kind} '${req.text}' is greater than ${r}.limits.${kind} '${lim.text}'`, `set requests.${kind} equal to limits.${kind}`));
    }
  }
  const mem = t.requestsMemory;
  if (mem !== undefined && mem.nano >= ZERO && value(mem) < ONE_MILLION) {
    out.push(rejected('VM_KV_MEMORY_REQUEST_TOO_SMALL', `${r}.requests.memory`, mem.text,
      `${r}.requests.memory '${mem.text}': must be greater than or equal to 1M.`, 'give the VM at least 1M of memory'));
  }
  return out;
}

/** §1.2 isolateEmulatorThread and §1.3 ioThreadsPolicy. */
export function threadFindings(t: TemplateView): Finding[] {
  const out: Finding[] = [];
  if (t.cpu?.isolateEmulatorThread === true && t.cpu.dedicatedCpuPlacement !== true) {
    out.push(rejected('VM_KV_ISOLATE_WITHOUT_DEDICATED', `${P}.domain.cpu.isolateEmulatorThread`, true,
      'IsolateEmulatorThread should be only set in combination with DedicatedCPUPlacement',
      'turn dedicatedCpuPlacement on, or isolateEmulatorThread off'));
  }
  const policy = t.domain.ioThreadsPolicy;
  if (policy != null && !IO_THREADS_POLICIES.includes(policy)) {
    out.push(rejected('VM_KV_IOTHREADS_POLICY_INVALID', `${P}.domain.ioThreadsPolicy`, policy, `Invalid IOThreadsPolicy (${text(policy)})`,
      'use IoThreadsPolicy.SHARED, AUTO or SUPPLEMENTAL_POOL'));
  }
  const poolCount = obj(t.domain.ioThreads).supplementalPoolThreadCount;
  if (policy === 'supplementalPool' && (typeof poolCount !== 'number' || poolCount < 1)) {
    out.push(rejected('VM_KV_SUPPLEMENTAL_POOL_COUNT', `${P}.domain.ioThreads.count`, poolCount,
      'the number of iothreads needs to be set and positive for the dedicated policy',
      'set supplementalPoolThreadCount to 1 or more'));
  }
  return out;
}

/** §1.7 cpu.features policies and the arm64 model rule. */
export function cpuFeatureFindings(t: TemplateView): Finding[] {
  const out: Finding[] = [];
  arr(t.cpu?.features).forEach((feature, i) => {
    const f = obj(feature);
    const policy = f.policy ?? '';
    if (!CPU_FEATURE_POLICIES.includes(policy)) {
      out.push(rejected('VM_KV_CPU_FEATURE_POLICY', `${P}.domain.cpu.features[${i}].policy`, policy,
        `CPU feature ${text(f.name)} uses policy ${text(policy)} that is not supported.`, 'use a CpuFeaturePolicy value'));
    }
  });
  const model = t.cpu?.model;
  if (t.spec.architecture === 'arm64' && model !== undefined && model !== '' && model !== 'host-passthrough') {
    out.push(rejected('VM_KV_ARM64_CPU_MODEL', `${P}.domain.cpu.model`, model,
      'currently, host-passthrough is the only model supported on Arm64', 'use CpuModel.HOST_PASSTHROUGH on arm64'));
  }
  return out;
}

function isInteger(q: Quantity | undefined): boolean {
  return !(value(q) > ZERO && value(q) * THOUSAND !== milliValue(q));
}

function isNonZeroQuantity(raw: unknown): boolean {
  const q = parseQuantity(raw);
  return q !== undefined && q.nano !== ZERO;
}
