import * as fs from 'fs';
import * as path from 'path';
import { Size } from 'cdk8s';
import { performanceProfileSpec } from '../../src/backends/performance-profile/performance-profile-backend';
import { resolvePool } from '../../src/model/pool/resolve-pool';
import { PERFORMANCE_PROFILE_CODES } from '../../src/rules/codes-performance-profile';
import {
  backendPropsFindings, kubeletMemoryExpressibleFindings, nodeSelectorUniqueFindings, ntoKernelArgsFindings, ntoKubeletChoicesFindings,
  performanceProfileSpecFindings, powerHintsBackendFindings, profileCpusFindings, profileHardwareTuningFindings, profileHugePagesFindings,
  profileKernelPageSizeFindings, profileNetFindings, profileNumaFindings, profileSelectorsFindings, profileWorkloadHintsFindings,
  webhookFindingsNotYetReported,
} from '../../src/rules/performance-profile-rules';
import { CpuSet } from '../../src/values/cpu-set';
import { Finding, Severity } from '../../src/values/finding';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HugePageSize } from '../../src/values/hugepage-size';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { TopologyManagerPolicy } from '../../src/values/pool/topology-manager-policy';
import { guideProps, guideTopology, smtTopology } from '../fixtures/pool';

const PP = PoolBackend.PERFORMANCE_PROFILE;
const triggered = new Set<string>();

/** The one finding with `code`; asserts it is the only finding and records the code as covered. */
function single(findings: Finding[], code: string): Finding {
  expect(findings.map((f) => f.code)).toEqual([code]);
  triggered.add(code);
  return findings[0];
}

/** A fresh copy of the guide pool's rendered spec (what the webhook sees), to break one field at a time. */
function validSpec(): any {
  return JSON.parse(JSON.stringify(performanceProfileSpec(resolvePool(guideProps({ backend: PP })))));
}

describe('NTO webhook mirror', () => {
  test('the pool\'s own profiles pass every webhook rule', () => {
    expect(performanceProfileSpecFindings(validSpec())).toEqual([]);
    const topology = smtTopology();
    const spec = performanceProfileSpec(resolvePool({
      role: 'worker-rt',
      backend: PP,
      topology,
      partition: CpuPartition.plan(topology, { reservedCpuCount: 2, offlinedCpuCount: 4, disableSmt: true }),
      hugepages: [{ size: HugePageSize.TWO_MI, count: 512 }, { size: HugePageSize.ONE_GI, count: 4, numaNode: 1 }],
      defaultHugePageSize: HugePageSize.ONE_GI,
      perPodPowerManagement: true,
    }));
    expect(performanceProfileSpecFindings(JSON.parse(JSON.stringify(spec)))).toEqual([]);
  });

  describe('cpu', () => {
    test('fails without a cpu section', () => {
      const spec = validSpec();
      delete spec.cpu;
      const f = single(profileCpusFindings(spec), 'PP_CPU_SECTION_REQUIRED');
      expect([f.field, f.value, f.severity]).toEqual(['spec.cpu', '(not set)', Severity.ERROR]);
      expect(f.expected).toContain('"cpu section required"');
    });

    test('fails without reserved or isolated CPUs, one finding each', () => {
      const spec = validSpec();
      delete spec.cpu.reserved;
      delete spec.cpu.isolated;
      const findings = profileCpusFindings(spec);
      expect(findings.map((f) => [f.code, f.field])).toEqual([['PP_CPUS_REQUIRED', 'spec.cpu.isolated'], ['PP_CPUS_REQUIRED', 'spec.cpu.reserved']]);
      expect(findings[1].expected).toContain('"reserved CPUs required"');
      triggered.add('PP_CPUS_REQUIRED');
    });

    test('fails on a list that is not a cpulist, and stops there like NTO', () => {
      const spec = validSpec();
      spec.cpu.isolated = '2-7,x';
      spec.cpu.reserved = '2';
      const f = single(profileCpusFindings(spec), 'PP_CPUSET_INVALID');
      expect([f.field, f.value]).toEqual(['spec.cpu.isolated', '"2-7,x"']);
      expect(f.expected).toContain('Internal error: strconv.Atoi: parsing');
    });

    test('fails on empty reserved CPUs', () => {
      const spec = validSpec();
      spec.cpu.reserved = '';
      const f = single(profileCpusFindings(spec), 'PP_CPUS_EMPTY');
      expect([f.field, f.value]).toEqual(['spec.cpu.reserved', '""']);
      expect(f.expected).toContain('"reserved CPUs can not be empty"');
    });

    test('fails on overlapping lists, once per pair, with NTO\'s Go list', () => {
      const spec = validSpec();
      spec.cpu.reserved = '0-2';
      spec.cpu.offlined = '2-3,7';
      const findings = profileCpusFindings(spec);
      expect(findings.map((f) => f.code)).toEqual(['PP_CPUS_OVERLAP', 'PP_CPUS_OVERLAP', 'PP_CPUS_OVERLAP']);
      expect(findings[0].field).toBe('spec.cpu');
      expect(findings[0].value).toBe('{"reserved":"0-2","isolated":"2-7,10-15"}');
      expect(findings[0].expected).toContain('"reserved and isolated cpus overlap: [2]"');
      expect(findings[1].expected).toContain('"reserved and offlined cpus overlap: [2]"');
      expect(findings[2].expected).toContain('"isolated and offlined cpus overlap: [2 3 7]"');
      triggered.add('PP_CPUS_OVERLAP');
    });
  });

  describe('selectors', () => {
    test('fails without a nodeSelector (its key cannot be split either)', () => {
      const spec = validSpec();
      delete spec.nodeSelector;
      delete spec.machineConfigLabel;
      const findings = profileSelectorsFindings(spec);
      expect(findings.map((f) => f.code)).toEqual(['PP_NODE_SELECTOR_REQUIRED', 'PP_NODE_SELECTOR_KEY_NOT_DOMAIN_ROLE']);
      expect(findings[0].expected).toContain('"the nodeSelector required"');
      triggered.add('PP_NODE_SELECTOR_REQUIRED');
    });

    test('fails on more than one entry in each selector, with NTO\'s spelling', () => {
      const spec = validSpec();
      spec.nodeSelector['kubernetes.io/arch'] = 'amd64';
      spec.machineConfigLabel.extra = 'x';
      spec.machineConfigPoolSelector.extra = 'x';
      const findings = profileSelectorsFindings(spec);
      expect(findings.map((f) => [f.code, f.field])).toEqual([
        ['PP_SELECTOR_NOT_SINGLE', 'spec.machineConfigLabel'],
        ['PP_SELECTOR_NOT_SINGLE', 'spec.machineConfigPoolSelector'],
        ['PP_SELECTOR_NOT_SINGLE', 'spec.nodeSelector'],
      ]);
      expect(findings[2].value).toBe('{"node-role.kubernetes.io/worker-rt":"","kubernetes.io/arch":"amd64"}');
      expect(findings[2].expected).toContain('"you should provide ony 1 NodeSelector"');
      expect(findings[0].expected).toContain('"you should provide only 1 MachineConfigLabel"');
      triggered.add('PP_SELECTOR_NOT_SINGLE');
    });

    test('fails on a key without <domain>/<role> when NTO would have to derive the labels; accepts it when both are set', () => {
      const spec = validSpec();
      spec.nodeSelector = { 'worker-rt': '' };
      expect(profileSelectorsFindings(spec)).toEqual([]);
      delete spec.machineConfigPoolSelector;
      const f = single(profileSelectorsFindings(spec), 'PP_NODE_SELECTOR_KEY_NOT_DOMAIN_ROLE');
      expect([f.field, f.value]).toEqual(['spec.nodeSelector', '{"worker-rt":""}']);
      expect(f.expected).toContain('"machineConfigLabels or machineConfigPoolSelector are not set, but we can not set it automatically '
        + 'because of an invalid NodeSelector label key that can\'t be split into domain/role"');
    });

    test('fails on a nodeSelector another profile of the app uses', () => {
      const selector = { 'node-role.kubernetes.io/worker-rt': '' };
      expect(nodeSelectorUniqueFindings(selector, [{ name: 'other', nodeSelector: { 'node-role.kubernetes.io/other': '' } }])).toEqual([]);
      const f = single(nodeSelectorUniqueFindings(selector, [{ name: 'worker-rt-b', nodeSelector: { ...selector } }]), 'PP_NODE_SELECTOR_NOT_UNIQUE');
      expect([f.field, f.value]).toEqual(['spec.nodeSelector', '{"node-role.kubernetes.io/worker-rt":""}']);
      expect(f.expected).toContain('"the profile has the same node selector as the performance profile "worker-rt-b""');
    });
  });

  describe('hugepages', () => {
    test('fails on pages without a default size', () => {
      const spec = validSpec();
      delete spec.hugepages.defaultHugepagesSize;
      const f = single(profileHugePagesFindings(spec), 'PP_HUGEPAGES_DEFAULT_SIZE_REQUIRED');
      expect([f.field, f.value]).toEqual(['spec.hugepages.defaultHugepagesSize', '(not set)']);
      expect(f.expected).toContain('"defaultHugepagesSize must be specified when hugepages are configured"');
      expect(f.fix).toContain('defaultHugePageSize');
    });

    test('fails on sizes other than 2M and 1G (x86_64, 4k kernel pages)', () => {
      const spec = validSpec();
      spec.hugepages.defaultHugepagesSize = '1Gi';
      spec.hugepages.pages[1].size = '512M';
      const findings = profileHugePagesFindings(spec);
      expect(findings.map((f) => [f.code, f.field, f.value])).toEqual([
        ['PP_HUGEPAGE_SIZE_INCOMPATIBLE', 'spec.hugepages.defaultHugepagesSize', '"1Gi"'],
        ['PP_HUGEPAGE_SIZE_INCOMPATIBLE', 'spec.hugepages.pages[1].size', '"512M"'],
      ]);
      expect(findings[0].expected).toContain('"The compatible default huge page sizes for the selected kernel page size 4k are: [2M 1G]. '
        + 'doc reference=https://docs.kernel.org/mm/vmemmap_dedup.html"');
      expect(findings[1].expected).toContain('"The compatible huge page sizes for the selected kernel page size 4k are: [2M 1G].');
      triggered.add('PP_HUGEPAGE_SIZE_INCOMPATIBLE');
    });

    test('fails on duplicate pages, with and without a node', () => {
      const spec = validSpec();
      spec.hugepages.pages = [{ size: '1G', count: 4, node: 0 }, { size: '1G', count: 4 }, { size: '1G', count: 2, node: 0 }, { size: '1G', count: 8 }];
      const findings = profileHugePagesFindings(spec);
      expect(findings.map((f) => [f.code, f.field])).toEqual([['PP_HUGEPAGES_DUPLICATE', 'spec.hugepages.pages[2]'], ['PP_HUGEPAGES_DUPLICATE', 'spec.hugepages.pages[3]']]);
      expect(findings[0].value).toBe('{"size":"1G","count":2,"node":0}');
      expect(findings[0].expected).toContain('"the page with the size "1G" and with specified NUMA node 0, has duplication"');
      expect(findings[1].expected).toContain('"the page with the size "1G" and without the specified NUMA node, has duplication"');
      expect(findings[1].fix).toContain('spec.hugepages.pages[1]');
      triggered.add('PP_HUGEPAGES_DUPLICATE');
    });
  });

  test('fails on a kernel page size other than 4k', () => {
    const spec = validSpec();
    expect(profileKernelPageSizeFindings({ ...spec, kernelPageSize: '4k' })).toEqual([]);
    const f = single(profileKernelPageSizeFindings({ ...spec, kernelPageSize: '64k' }), 'PP_KERNEL_PAGE_SIZE_UNSUPPORTED');
    expect([f.field, f.value]).toEqual(['spec.kernelPageSize', '"64k"']);
    expect(f.expected).toContain('"KernelPageSize should be equal to one of: 4k"');
  });

  test('fails on an unknown topology policy', () => {
    const spec = validSpec();
    spec.numa.topologyPolicy = 'strict';
    const f = single(profileNumaFindings(spec), 'PP_TOPOLOGY_POLICY_UNRECOGNIZED');
    expect([f.field, f.value]).toEqual(['spec.numa.topologyPolicy', '"strict"']);
    expect(f.expected).toContain('"unrecognized value for topologyPolicy"');
  });

  test('fails on malformed net devices', () => {
    const spec = validSpec();
    spec.net = { userLevelNetworking: true, devices: [{ interfaceName: '' }, { vendorID: '0x8086' }, { vendorID: '8086', deviceID: '0x12345' }, { deviceID: '0x1593' }] };
    delete spec.cpu.reserved;
    const findings = profileNetFindings(spec);
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['PP_NET_INVALID', 'spec.net.userLevelNetworking'],
      ['PP_NET_INVALID', 'spec.net.devices[0].interfaceName'],
      ['PP_NET_INVALID', 'spec.net.devices[2].vendorID'],
      ['PP_NET_INVALID', 'spec.net.devices[2].deviceID'],
      ['PP_NET_INVALID', 'spec.net.devices[3].deviceID'],
    ]);
    expect(findings[0].expected).toContain('"can not set network devices queues count without specifying spec.cpu.reserved"');
    expect(findings[1].expected).toContain('"device name cannot be empty"');
    expect(findings[2].expected).toContain('"device vendor ID 8086 has an invalid format. Vendor ID should be represented as 0x<4 hexadecimal digits> (16 bit representation)"');
    expect(findings[3].value).toBe('"0x12345"');
    expect(findings[4].expected).toContain('"device model ID can not be used without specifying the device vendor ID."');
    triggered.add('PP_NET_INVALID');
  });

  test('fails on contradicting workload hints', () => {
    const spec = validSpec();
    spec.workloadHints = { realTime: false, highPowerConsumption: true, perPodPowerManagement: true, mixedCpus: true };
    const findings = profileWorkloadHintsFindings(spec);
    expect(findings.map((f) => [f.code, f.field, f.value])).toEqual([
      ['PP_WORKLOAD_HINTS_CONFLICT', 'spec.workloadHints.realTime', 'false'],
      ['PP_WORKLOAD_HINTS_CONFLICT', 'spec.workloadHints.highPowerConsumption', 'true'],
      ['PP_WORKLOAD_HINTS_CONFLICT', 'spec.workloadHints.mixedCpus', 'true'],
    ]);
    expect(findings[0].expected).toContain('"realtime kernel is enabled, but realtime workload hint is explicitly disable"');
    expect(findings[1].expected).toContain('"Invalid WorkloadHints configuration: HighPowerConsumption and PerPodPowerManagement can not be both enabled"');
    expect(findings[2].expected).toContain('"Invalid WorkloadHints configuration: MixedCpus enabled but no shared CPUs were specified"');
    triggered.add('PP_WORKLOAD_HINTS_CONFLICT');
    // The real-time hint off without the real-time kernel is allowed.
    expect(profileWorkloadHintsFindings({ ...spec, realTimeKernel: { enabled: false }, workloadHints: { realTime: false } })).toEqual([]);
  });

  test('fails on incomplete or zero hardware tuning', () => {
    const spec = validSpec();
    const missing = single(profileHardwareTuningFindings({ ...spec, hardwareTuning: { isolatedCpuFreq: 2500000 } }), 'PP_HARDWARE_TUNING_INVALID');
    expect([missing.field, missing.value]).toEqual(['spec.hardwareTuning', '{"isolatedCpuFreq":2500000}']);
    expect(missing.expected).toContain('"both isolated and reserved cpu frequency must be declared"');
    const zero = profileHardwareTuningFindings({ ...spec, hardwareTuning: { isolatedCpuFreq: 0, reservedCpuFreq: 0 } });
    expect(zero.map((f) => [f.field, f.value])).toEqual([['spec.hardwareTuning.isolatedCpuFreq', '0'], ['spec.hardwareTuning.reservedCpuFreq', '0']]);
    expect(zero[1].expected).toContain('"reserved cpu frequency can not be equal to 0"');
    expect(profileHardwareTuningFindings({ ...spec, hardwareTuning: { isolatedCpuFreq: 2500000, reservedCpuFreq: 2800000 } })).toEqual([]);
  });

  test('webhook findings a pool rule already reported are dropped; the others are kept', () => {
    const spec = validSpec();
    spec.hugepages.pages.push({ ...spec.hugepages.pages[0] });
    spec.numa.topologyPolicy = 'strict';
    spec.kernelPageSize = '64k';
    const webhook = performanceProfileSpecFindings(spec);
    const reported = [
      { code: 'POOL_HUGEPAGE_DUPLICATE', severity: Severity.ERROR } as Finding,
      { code: 'POOL_HUGEPAGE_DUPLICATE', severity: Severity.WARNING } as Finding,
    ];
    expect(webhookFindingsNotYetReported(webhook, reported).map((f) => f.code)).toEqual(['PP_KERNEL_PAGE_SIZE_UNSUPPORTED', 'PP_TOPOLOGY_POLICY_UNRECOGNIZED']);
  });
});

describe('backend rules', () => {
  test('fails on NTO power hints with the MachineConfig backend', () => {
    expect(powerHintsBackendFindings(guideProps({ highPowerConsumption: true }), PP)).toEqual([]);
    expect(powerHintsBackendFindings(guideProps({ highPowerConsumption: false }), PoolBackend.MACHINE_CONFIG)).toEqual([]);
    const f = single(powerHintsBackendFindings(guideProps({ perPodPowerManagement: true }), PoolBackend.MACHINE_CONFIG),
      'POOL_POWER_HINT_NEEDS_PERFORMANCE_PROFILE');
    expect([f.field, f.value]).toEqual(['perPodPowerManagement', 'true']);
  });

  test('fails on kubelet memory settings other than NTO\'s', () => {
    const ntoValues = guideProps({ kubeReservedMemory: Size.mebibytes(500), evictionHardMemory: Size.kibibytes(10) });
    expect(kubeletMemoryExpressibleFindings(ntoValues)).toEqual([]);
    const f = single(kubeletMemoryExpressibleFindings(guideProps({ systemReservedMemory: Size.gibibytes(1) })), 'PP_KUBELET_MEMORY_NOT_EXPRESSIBLE');
    expect([f.field, f.value]).toEqual(['systemReservedMemory', '"1024Mi"']);
    expect(f.expected).toContain('NTO always renders 500Mi');
    expect(f.fix).toContain('PoolBackend.MACHINE_CONFIG');
  });

  test('warns when NTO puts reservedMemory on NUMA node 0 but the partition reserves no CPU there', () => {
    const partition = CpuPartition.explicit(guideTopology(), { reserved: CpuSet.parse('8-9') });
    const f = single(ntoKubeletChoicesFindings(resolvePool(guideProps({ backend: PP, partition })).model), 'PP_RESERVED_MEMORY_OFF_RESERVED_NODE');
    expect([f.field, f.value, f.severity]).toEqual(['partition.reserved', '"8-9"', Severity.WARNING]);
    expect(f.expected).toContain('reserved CPUs of NUMA node 1');
    // best-effort: no Memory Manager, no reservedMemory, nothing to warn about.
    const bestEffort = guideProps({ backend: PP, partition, topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT });
    expect(ntoKubeletChoicesFindings(resolvePool(bestEffort).model)).toEqual([]);
  });

  test('warns on SMT nodes without single-numa-node: NTO sets no full-pcpus-only', () => {
    const topology = smtTopology();
    const partition = CpuPartition.plan(topology, { reservedCpuCount: 4 });
    expect(ntoKubeletChoicesFindings(resolvePool(guideProps({ backend: PP, topology, partition })).model)).toEqual([]);
    const f = single(ntoKubeletChoicesFindings(resolvePool(guideProps({
      backend: PP, topology, partition, topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED,
    })).model), 'PP_FULL_PCPUS_ONLY_NOT_SET');
    expect([f.field, f.value, f.severity]).toEqual(['topologyManagerPolicy', '"restricted"', Severity.WARNING]);
  });

  test('fails on additional kernel arguments NTO renders itself, skipping the ones the pool rules own', () => {
    const findings = ntoKernelArgsFindings(['audit=0', 'intel_iommu=on', 'isolcpus=1', 'bad arg', 'idle=poll', 42]);
    expect(findings.map((f) => [f.code, f.field, f.value])).toEqual([
      ['PP_KERNEL_ARG_RENDERED_BY_NTO', 'additionalKernelArgs[1]', '"intel_iommu=on"'],
      ['PP_KERNEL_ARG_RENDERED_BY_NTO', 'additionalKernelArgs[4]', '"idle=poll"'],
    ]);
    expect(findings[0].expected).toBe('no intel_iommu: NTO\'s Tuned profile renders it itself');
    triggered.add('PP_KERNEL_ARG_RENDERED_BY_NTO');
  });

  test('backendPropsFindings runs the PerformanceProfile rules for that backend only', () => {
    const props = guideProps({ additionalKernelArgs: ['mce=on'], kubeReservedMemory: Size.mebibytes(1000) });
    expect(backendPropsFindings(props, resolvePool(props).model)).toEqual([]);
    const pp = { ...props, backend: PP };
    expect(backendPropsFindings(pp, resolvePool(pp).model).map((f) => f.code)).toEqual(['PP_KUBELET_MEMORY_NOT_EXPRESSIBLE', 'PP_KERNEL_ARG_RENDERED_BY_NTO']);
  });
});

describe('PERFORMANCE_PROFILE_CODES', () => {
  const ROOT = path.join(__dirname, '..', '..');
  const SOURCE = fs.readFileSync(path.join(ROOT, 'src', 'rules', 'performance-profile-rules.ts'), 'utf8');

  test('registers exactly the codes the backend and webhook rules emit', () => {
    const emitted = [...new Set([...SOURCE.matchAll(/\b(?:error|warning)\('([A-Z0-9_]+)'/g)].map((m) => m[1]))].sort();
    expect(emitted).toEqual(Object.keys(PERFORMANCE_PROFILE_CODES).sort());
  });

  test('every entry says what it means, what it prevents and the fix', () => {
    for (const [code, info] of Object.entries(PERFORMANCE_PROFILE_CODES)) {
      expect(code).toMatch(/^(PP|POOL)_[A-Z0-9_]+$/);
      expect(['error', 'warning']).toContain(info.severity);
      for (const text of [info.meaning, info.prevents, info.fix]) expect(text.length).toBeGreaterThan(10);
    }
  });

  // Runs last (jest runs a file's tests in order): every registered code was triggered by a test above.
  test('every code has a test that triggers it', () => {
    expect(Object.keys(PERFORMANCE_PROFILE_CODES).filter((c) => !triggered.has(c))).toEqual([]);
  });
});
