import { isWellFormedKernelArg, kernelArgKey, OWNED_KERNEL_ARG_KEYS } from '../model/pool/kernel-args';
import { reservedMemoryNumaNode, wholeMebibytes } from '../model/pool/kubelet-config';
import {
  NTO_EVICTION_HARD_MEBIBYTES, NTO_KUBE_RESERVED_MEBIBYTES, NTO_RENDERED_KERNEL_ARG_KEYS, NTO_RESERVED_MEMORY_NUMA_NODE,
  NTO_SYSTEM_RESERVED_MEBIBYTES,
} from '../model/pool/nto-rendering';
import { RealtimeNodePoolModel } from '../model/pool/pool-model';
import { CpuSet } from '../values/cpu-set';
import { error, Finding, Severity, warning } from '../values/finding';
import { PoolBackend } from '../values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../values/pool/pool-props';
import { isStrictTopologyPolicy, TopologyManagerPolicy } from '../values/pool/topology-manager-policy';

// NTO's validating webhook for PerformanceProfile v2 (pkg/apis/performanceprofile/v2/performanceprofile_validation.go,
// NTO main), mirrored on the profile as it will be applied, escape-hatch patches included. The webhook runs with
// `failurePolicy: Ignore`: when it is down, a bad profile is admitted and NTO renders nonsense or nothing, so the
// library checks at synth what the webhook would have refused. Each finding quotes NTO's message verbatim in
// `expected`; fields are paths in the PerformanceProfile. Not mirrored: the checks against live Nodes (architecture,
// CPU capacity), which need the cluster. Codes are registered in codes-performance-profile.ts.

/** The CPU lists of `spec.cpu`, in the order NTO names them in its overlap message. */
const CPU_LISTS = ['reserved', 'isolated', 'offlined', 'shared', 'ovsDpdk'];
/** x86_64 huge page sizes for 4k kernel pages (the only kernel page size x86_64 has). */
const X86_HUGEPAGE_SIZES = ['2M', '1G'];
const KERNEL_PAGE_SIZE = '4k';
const VMEMMAP_DOC = 'doc reference=https://docs.kernel.org/mm/vmemmap_dedup.html';
const PATCH_FIX = 'remove the JSON patch that changed it: the pool renders this field from its props';

/** "NTO's webhook refuses: <message>", the suffix of every mirrored `expected`. */
function nto(message: string): string {
  return `(NTO's webhook refuses: "${message}")`;
}

/** Go's `%v` of an int slice: `[1 2 3]`. */
function goList(values: (string | number)[]): string {
  return `[${values.join(' ')}]`;
}

/** `spec.cpu`: present, reserved and isolated given, valid cpulists, non-empty, pairwise disjoint. */
export function profileCpusFindings(spec: any): Finding[] {
  const cpu = spec?.cpu;
  if (cpu === undefined || cpu === null) {
    return [error('PP_CPU_SECTION_REQUIRED', 'spec.cpu', cpu, `reserved and isolated CPUs ${nto('cpu section required')}`, PATCH_FIX)];
  }
  const findings: Finding[] = [];
  for (const list of ['isolated', 'reserved']) {
    if (cpu[list] === undefined || cpu[list] === null) {
      findings.push(error('PP_CPUS_REQUIRED', `spec.cpu.${list}`, cpu[list], `a ${list} cpulist ${nto(`${list} CPUs required`)}`, PATCH_FIX));
    }
  }
  if (findings.length > 0) return findings;
  const sets = new Map<string, CpuSet>();
  for (const list of CPU_LISTS.filter((l) => cpu[l] !== undefined && cpu[l] !== null)) {
    try {
      sets.set(list, CpuSet.parse(cpu[list], `spec.cpu.${list}`));
    } catch {
      findings.push(error('PP_CPUSET_INVALID', `spec.cpu.${list}`, cpu[list],
        'a cpulist such as "0-3,8-11" (NTO\'s webhook fails with "Internal error: strconv.Atoi: parsing ...")', PATCH_FIX));
    }
  }
  // NTO stops at the first unparsable list.
  if (findings.length > 0) return findings;
  for (const list of ['reserved', 'isolated']) {
    if (sets.get(list)!.isEmpty) {
      findings.push(error('PP_CPUS_EMPTY', `spec.cpu.${list}`, cpu[list], `at least one ${list} CPU ${nto(`${list} CPUs can not be empty`)}`,
        'plan a partition with reserved and isolated CPUs (CpuPartition.plan) and remove any patch of spec.cpu'));
    }
  }
  const named = CPU_LISTS.filter((l) => sets.has(l));
  named.forEach((first, i) => {
    for (const second of named.slice(i + 1)) {
      const overlap = sets.get(first)!.intersection(sets.get(second)!);
      if (overlap.isEmpty) continue;
      findings.push(error('PP_CPUS_OVERLAP', 'spec.cpu', { [first]: cpu[first], [second]: cpu[second] },
        `no CPU in both ${first} and ${second} ${nto(`${first} and ${second} cpus overlap: ${goList(overlap.toArray())}`)}`,
        'give every CPU one role: build the lists with CpuPartition and remove any patch of spec.cpu'));
    }
  });
  return findings;
}

/** NTO's SplitLabelKey: a label key NTO can derive the MachineConfig role from is exactly `<domain>/<role>`. */
function splitsIntoDomainRole(key: unknown): boolean {
  return typeof key === 'string' && key.split('/').length === 2;
}

/** `spec.nodeSelector`, `spec.machineConfigLabel`, `spec.machineConfigPoolSelector`: one entry each. */
export function profileSelectorsFindings(spec: any): Finding[] {
  const findings: Finding[] = [];
  const entries = (map: unknown) => (map !== null && typeof map === 'object' ? Object.keys(map) : []);
  const single: Array<[string, string]> = [
    ['machineConfigLabel', 'you should provide only 1 MachineConfigLabel'],
    ['machineConfigPoolSelector', 'you should provide only 1 MachineConfigPoolSelector'],
    ['nodeSelector', 'you should provide ony 1 NodeSelector'],
  ];
  if (spec?.nodeSelector === undefined || spec?.nodeSelector === null) {
    findings.push(error('PP_NODE_SELECTOR_REQUIRED', 'spec.nodeSelector', spec?.nodeSelector,
      `one node label ${nto('the nodeSelector required')}`, PATCH_FIX));
  }
  for (const [field, message] of single) {
    if (entries(spec?.[field]).length > 1) {
      findings.push(error('PP_SELECTOR_NOT_SINGLE', `spec.${field}`, spec[field], `exactly one entry ${nto(message)}`, PATCH_FIX));
    }
  }
  const derived = spec?.machineConfigLabel === undefined || spec?.machineConfigPoolSelector === undefined;
  if (derived && !splitsIntoDomainRole(entries(spec?.nodeSelector)[0])) {
    findings.push(error('PP_NODE_SELECTOR_KEY_NOT_DOMAIN_ROLE', 'spec.nodeSelector', spec?.nodeSelector,
      `a node label key <domain>/<role>, or both machineConfigLabel and machineConfigPoolSelector set ${nto('machineConfigLabels or '
        + 'machineConfigPoolSelector are not set, but we can not set it automatically because of an invalid NodeSelector label key '
        + 'that can\'t be split into domain/role')}`, PATCH_FIX));
  }
  return findings;
}

/** Profiles in one app must select different nodes; NTO refuses a second profile with the same nodeSelector. */
export function nodeSelectorUniqueFindings(nodeSelector: unknown, others: { name: string; nodeSelector: unknown }[]): Finding[] {
  const key = JSON.stringify(nodeSelector);
  return others.filter((o) => JSON.stringify(o.nodeSelector) === key).map((o) => error('PP_NODE_SELECTOR_NOT_UNIQUE', 'spec.nodeSelector',
    nodeSelector, `node labels no other PerformanceProfile uses ${nto(`the profile has the same node selector as the performance profile "${o.name}"`)}`,
    'give each pool its own role (one PerformanceProfile per role), and remove patches of spec.nodeSelector'));
}

/** `spec.hugepages`: a default size with pages, x86_64 sizes, no duplicate entry. */
export function profileHugePagesFindings(spec: any): Finding[] {
  const hugepages = spec?.hugepages;
  if (hugepages === undefined || hugepages === null) return [];
  const findings: Finding[] = [];
  const pages: any[] = Array.isArray(hugepages.pages) ? hugepages.pages : [];
  const checkSizes = (spec.kernelPageSize ?? KERNEL_PAGE_SIZE) === KERNEL_PAGE_SIZE;
  const sizes = `for the selected kernel page size ${KERNEL_PAGE_SIZE} are: ${goList(X86_HUGEPAGE_SIZES)}. ${VMEMMAP_DOC}`;
  const sizeFix = 'use HugePageSize.TWO_MI or HugePageSize.ONE_GI and remove patches of spec.hugepages';
  const defaultSize = hugepages.defaultHugepagesSize;
  if (pages.length > 0 && (defaultSize === undefined || defaultSize === null)) {
    findings.push(error('PP_HUGEPAGES_DEFAULT_SIZE_REQUIRED', 'spec.hugepages.defaultHugepagesSize', defaultSize,
      `the default huge page size ${nto('defaultHugepagesSize must be specified when hugepages are configured')}`,
      'set defaultHugePageSize, e.g. HugePageSize.ONE_GI (needed whenever the pool uses two page sizes)'));
  }
  if (checkSizes && defaultSize !== undefined && defaultSize !== null && !X86_HUGEPAGE_SIZES.includes(defaultSize)) {
    findings.push(error('PP_HUGEPAGE_SIZE_INCOMPATIBLE', 'spec.hugepages.defaultHugepagesSize', defaultSize,
      `2M or 1G ${nto(`The compatible default huge page sizes ${sizes}`)}`, sizeFix));
  }
  pages.forEach((page, i) => {
    if (checkSizes && !X86_HUGEPAGE_SIZES.includes(page?.size)) {
      findings.push(error('PP_HUGEPAGE_SIZE_INCOMPATIBLE', `spec.hugepages.pages[${i}].size`, page?.size,
        `2M or 1G ${nto(`The compatible huge page sizes ${sizes}`)}`, sizeFix));
    }
    const earlier = pages.slice(0, i).findIndex((p) => p?.size === page?.size && (p?.node ?? null) === (page?.node ?? null));
    if (earlier < 0) return;
    const message = page?.node === undefined || page?.node === null
      ? `the page with the size "${page?.size}" and without the specified NUMA node, has duplication`
      : `the page with the size "${page?.size}" and with specified NUMA node ${page.node}, has duplication`;
    findings.push(error('PP_HUGEPAGES_DUPLICATE', `spec.hugepages.pages[${i}]`, page, `one entry per size and NUMA node ${nto(message)}`,
      `merge it with spec.hugepages.pages[${earlier}]: one hugepages entry per size and numaNode, with the total count`));
  });
  return findings;
}

/** `spec.kernelPageSize`: 4k, the only kernel page size on x86_64. */
export function profileKernelPageSizeFindings(spec: any): Finding[] {
  const size = spec?.kernelPageSize;
  if (size === undefined || size === null || size === KERNEL_PAGE_SIZE) return [];
  return [error('PP_KERNEL_PAGE_SIZE_UNSUPPORTED', 'spec.kernelPageSize', size,
    `4k on x86_64 ${nto(`KernelPageSize should be equal to one of: ${KERNEL_PAGE_SIZE}`)}`, PATCH_FIX)];
}

/** `spec.numa.topologyPolicy`: one of the kubelet's four policies. */
export function profileNumaFindings(spec: any): Finding[] {
  const policy = spec?.numa?.topologyPolicy;
  if (policy === undefined || policy === null || Object.values(TopologyManagerPolicy).includes(policy)) return [];
  return [error('PP_TOPOLOGY_POLICY_UNRECOGNIZED', 'spec.numa.topologyPolicy', policy,
    `one of ${Object.values(TopologyManagerPolicy).join(', ')} ${nto('unrecognized value for topologyPolicy')}`,
    'use a TopologyManagerPolicy member for topologyManagerPolicy')];
}

/** A PCI vendor or device id as NTO accepts it: `0x` and up to 4 hexadecimal digits. */
function isPciId(id: unknown): boolean {
  return typeof id === 'string' && /^0x[0-9a-fA-F]+$/.test(id) && id.length < 7;
}

/** `spec.net`: user-level networking needs reserved CPUs; device names and PCI ids well-formed. */
export function profileNetFindings(spec: any): Finding[] {
  const net = spec?.net;
  if (net === undefined || net === null) return [];
  const findings: Finding[] = [];
  const add = (field: string, value: unknown, message: string) =>
    findings.push(error('PP_NET_INVALID', field, value, `a valid net section ${nto(message)}`, PATCH_FIX));
  if (net.userLevelNetworking === true && (spec.cpu?.reserved === undefined || spec.cpu?.reserved === null)) {
    add('spec.net.userLevelNetworking', true, 'can not set network devices queues count without specifying spec.cpu.reserved');
  }
  (Array.isArray(net.devices) ? net.devices : []).forEach((device: any, i: number) => {
    const at = `spec.net.devices[${i}]`;
    if (device?.interfaceName === '') add(`${at}.interfaceName`, '', 'device name cannot be empty');
    if (device?.vendorID !== undefined && !isPciId(device.vendorID)) {
      add(`${at}.vendorID`, device.vendorID, `device vendor ID ${device.vendorID} has an invalid format. Vendor ID should be represented `
        + 'as 0x<4 hexadecimal digits> (16 bit representation)');
    }
    if (device?.deviceID !== undefined && !isPciId(device.deviceID)) {
      add(`${at}.deviceID`, device.deviceID, `device model ID ${device.deviceID} has an invalid format. Model ID should be represented `
        + 'as 0x<4 hexadecimal digits> (16 bit representation)');
    }
    if (device?.deviceID !== undefined && device?.vendorID === undefined) {
      add(`${at}.deviceID`, device.deviceID, 'device model ID can not be used without specifying the device vendor ID.');
    }
  });
  return findings;
}

/** `spec.workloadHints`: no contradiction with the real-time kernel, power hints exclusive, mixedCpus with shared CPUs. */
export function profileWorkloadHintsFindings(spec: any): Finding[] {
  const hints = spec?.workloadHints;
  if (hints === undefined || hints === null) return [];
  const findings: Finding[] = [];
  if (spec.realTimeKernel?.enabled === true && hints.realTime === false) {
    findings.push(error('PP_WORKLOAD_HINTS_CONFLICT', 'spec.workloadHints.realTime', false,
      `realTime true with the real-time kernel ${nto('realtime kernel is enabled, but realtime workload hint is explicitly disable')}`,
      'remove the patch of spec.workloadHints.realTime: the pool always sets the real-time hint (it makes the nodes real-time capable)'));
  }
  if (hints.highPowerConsumption === true && hints.perPodPowerManagement === true) {
    findings.push(error('PP_WORKLOAD_HINTS_CONFLICT', 'spec.workloadHints.highPowerConsumption', true,
      `at most one of highPowerConsumption and perPodPowerManagement ${nto('Invalid WorkloadHints configuration: HighPowerConsumption '
        + 'and PerPodPowerManagement can not be both enabled')}`,
      'set highPowerConsumption (lowest latency, node-wide) or perPodPowerManagement (per-pod C-states), not both'));
  }
  if (hints.mixedCpus === true && (spec.cpu?.shared === undefined || spec.cpu?.shared === null || spec.cpu?.shared === '')) {
    findings.push(error('PP_WORKLOAD_HINTS_CONFLICT', 'spec.workloadHints.mixedCpus', true,
      `shared CPUs in spec.cpu.shared ${nto('Invalid WorkloadHints configuration: MixedCpus enabled but no shared CPUs were specified')}`,
      PATCH_FIX));
  }
  return findings;
}

/** `spec.hardwareTuning`: both frequencies given, neither 0. */
export function profileHardwareTuningFindings(spec: any): Finding[] {
  const tuning = spec?.hardwareTuning;
  if (tuning === undefined || tuning === null) return [];
  const has = (v: unknown) => v !== undefined && v !== null;
  if (!has(tuning.isolatedCpuFreq) || !has(tuning.reservedCpuFreq)) {
    return [error('PP_HARDWARE_TUNING_INVALID', 'spec.hardwareTuning', tuning,
      `isolatedCpuFreq and reservedCpuFreq ${nto('both isolated and reserved cpu frequency must be declared')}`, PATCH_FIX)];
  }
  return (['isolated', 'reserved'] as const).filter((l) => tuning[`${l}CpuFreq`] === 0).map((l) => error('PP_HARDWARE_TUNING_INVALID',
    `spec.hardwareTuning.${l}CpuFreq`, 0, `a frequency in kHz above 0 ${nto(`${l} cpu frequency can not be equal to 0`)}`, PATCH_FIX));
}

/** Every webhook rule on one profile spec, in NTO's order. */
export function performanceProfileSpecFindings(spec: any): Finding[] {
  return [
    ...profileCpusFindings(spec),
    ...profileSelectorsFindings(spec),
    ...profileHugePagesFindings(spec),
    ...profileKernelPageSizeFindings(spec),
    ...profileNumaFindings(spec),
    ...profileNetFindings(spec),
    ...profileWorkloadHintsFindings(spec),
    ...profileHardwareTuningFindings(spec),
  ];
}

// ---------------------------------------------------------------------------------------------------------------------
// What one backend can render and the other cannot: refused (or warned about) with the fix, never silently dropped.

/** The backend prop holds a PoolBackend member (anything is possible from JavaScript). */

/** NTO's workload hints exist only in a PerformanceProfile; the MachineConfig backend cannot render them. */
export function powerHintsBackendFindings(props: RealtimeNodePoolProps, backend: PoolBackend): Finding[] {
  if (backend === PoolBackend.PERFORMANCE_PROFILE) return [];
  return (['highPowerConsumption', 'perPodPowerManagement'] as const).filter((prop) => props[prop] === true).map((prop) =>
    error('POOL_POWER_HINT_NEEDS_PERFORMANCE_PROFILE', prop, true,
      `not set with backend ${backend} (only a PerformanceProfile carries NTO's workload hints)`,
      `set backend: PoolBackend.PERFORMANCE_PROFILE to use NTO's ${prop} hint, or remove ${prop}`));
}

/** A PerformanceProfile has no field for the kubelet's memory settings: NTO always renders its own. */
export function kubeletMemoryExpressibleFindings(props: RealtimeNodePoolProps): Finding[] {
  const fixed: Array<[keyof RealtimeNodePoolProps, number]> = [
    ['kubeReservedMemory', NTO_KUBE_RESERVED_MEBIBYTES],
    ['systemReservedMemory', NTO_SYSTEM_RESERVED_MEBIBYTES],
    ['evictionHardMemory', NTO_EVICTION_HARD_MEBIBYTES],
  ];
  return fixed.flatMap(([prop, ntoMebibytes]) => {
    const mib = wholeMebibytes(props[prop] as any);
    // Unset, NTO's own value, or not whole MiB (POOL_MEMORY_RESERVATION_INVALID reports that).
    if (mib === undefined || mib === ntoMebibytes) return [];
    return [error('PP_KUBELET_MEMORY_NOT_EXPRESSIBLE', prop, `${mib}Mi`,
      `${ntoMebibytes}Mi or unset: a PerformanceProfile has no field for it and NTO always renders ${ntoMebibytes}Mi`,
      `remove ${prop}, or use backend: PoolBackend.MACHINE_CONFIG, whose own KubeletConfig renders it`)];
  });
}

/**
 * NTO's fixed kubelet choices that the MachineConfig backend makes differently: reservedMemory always on NUMA node 0
 * (the MachineConfig backend uses the node of the reserved CPUs), and full-pcpus-only only under single-numa-node
 * (the MachineConfig backend sets it whenever SMT is on).
 */
export function ntoKubeletChoicesFindings(model: RealtimeNodePoolModel): Finding[] {
  const findings: Finding[] = [];
  const nodes = model.topology.numaNodeIds;
  const reservedNode = reservedMemoryNumaNode(model.partition.reserved, nodes, (n) => model.partition.topology.cpusOfNumaNode(n));
  if (isStrictTopologyPolicy(model.topologyManagerPolicy) && nodes.length > 1 && reservedNode !== NTO_RESERVED_MEMORY_NUMA_NODE) {
    findings.push(warning('PP_RESERVED_MEMORY_OFF_RESERVED_NODE', 'partition.reserved', model.partition.reserved.toString(),
      `reserved CPUs on NUMA node ${NTO_RESERVED_MEMORY_NUMA_NODE}, where NTO puts the kubelet's reservedMemory (the system daemons `
        + `run on the reserved CPUs of NUMA node ${reservedNode} and take their memory there)`,
      `reserve CPUs on NUMA node ${NTO_RESERVED_MEMORY_NUMA_NODE} (CpuPartition.plan starts there), or use backend: `
        + 'PoolBackend.MACHINE_CONFIG, which puts reservedMemory on the reserved CPUs\' node'));
  }
  if (model.smtEnabled && model.topologyManagerPolicy !== TopologyManagerPolicy.SINGLE_NUMA_NODE) {
    findings.push(warning('PP_FULL_PCPUS_ONLY_NOT_SET', 'topologyManagerPolicy', model.topologyManagerPolicy,
      'single-numa-node on nodes with SMT: the only policy for which NTO sets the CPU Manager option full-pcpus-only',
      'use TopologyManagerPolicy.SINGLE_NUMA_NODE, or backend: PoolBackend.MACHINE_CONFIG (full-pcpus-only whenever SMT is on); '
        + 'otherwise a dedicated-CPU VM can get half a core and share it with another pod'));
  }
  return findings;
}

/**
 * User kernel arguments that NTO's Tuned profiles already set (keys the pool itself generates are refused by
 * POOL_KERNEL_ARG_CONFLICT): a second value on the command line, and which one the kernel keeps depends on TuneD's order.
 */
export function ntoKernelArgsFindings(userArgs: unknown[] | undefined): Finding[] {
  const findings: Finding[] = [];
  (Array.isArray(userArgs) ? userArgs : []).forEach((arg, i) => {
    if (!isWellFormedKernelArg(arg)) return;
    const key = kernelArgKey(arg);
    if (OWNED_KERNEL_ARG_KEYS.includes(key) || !NTO_RENDERED_KERNEL_ARG_KEYS.includes(key)) return;
    findings.push(error('PP_KERNEL_ARG_RENDERED_BY_NTO', `additionalKernelArgs[${i}]`, arg, `no ${key}: NTO's Tuned profile renders it itself`,
      'remove it (set highPowerConsumption or perPodPowerManagement for the power arguments), or use backend: '
        + 'PoolBackend.MACHINE_CONFIG, where the pool owns every kernel argument'));
  });
  return findings;
}

/** Every rule specific to the backend choice, computed from the props and the model. */
export function backendPropsFindings(props: RealtimeNodePoolProps, model: RealtimeNodePoolModel): Finding[] {
  const findings = powerHintsBackendFindings(props, model.backend);
  if (model.backend !== PoolBackend.PERFORMANCE_PROFILE) return findings;
  return [
    ...findings,
    ...kubeletMemoryExpressibleFindings(props),
    ...ntoKubeletChoicesFindings(model),
    ...ntoKernelArgsFindings(props.additionalKernelArgs),
  ];
}

/** Webhook rules whose problem a pool rule already reports from the props: the same problem is reported once. */
const REPORTED_BY_POOL_RULES: Record<string, string> = {
  PP_HUGEPAGES_DUPLICATE: 'POOL_HUGEPAGE_DUPLICATE',
};

/** The webhook findings of the rendered profile, minus those a pool rule already reported as an error. */
export function webhookFindingsNotYetReported(webhook: Finding[], reported: Finding[]): Finding[] {
  const codes = new Set(reported.filter((f) => f.severity === Severity.ERROR).map((f) => f.code));
  return webhook.filter((f) => !codes.has(REPORTED_BY_POOL_RULES[f.code]));
}
