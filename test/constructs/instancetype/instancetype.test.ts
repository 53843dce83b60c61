import { Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { AppCheck } from '../../../src/constructs/app/app-check';
import { Warnings } from '../../../src/constructs/app/warnings';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { CommonInstancetype, CommonPreference } from '../../../src/constructs/instancetype/common-instancetypes';
import { RealtimeInstancetype } from '../../../src/constructs/instancetype/realtime-instancetype';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { resolveVm } from '../../../src/model/vm/vm-model';
import { applyInstancetype } from '../../../src/rules/instancetype-apply';
import { admissionFindings } from '../../../src/rules/vm-admission';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { ValidationError } from '../../../src/values/validation-error';
import { CpuFeaturePolicy } from '../../../src/values/vm/cpu-feature';
import { BootDisk } from '../../../src/values/vm/disk';
import { PreferredCpuTopology, SpreadAcross } from '../../../src/values/vm/preferred-topology';
import { chartWithPool, synthError } from '../../fixtures/placement';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

const bootDisk = BootDisk.containerDisk('quay.io/example/rt:1');
const byKind = (objects: any[], kind: string, name?: string) =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const codesOf = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

/** A 4-vCPU real-time instance type laid out as 2-thread cores (the shape of an SMT pool). */
function smtInstancetype(scope: any, id = 'rt-4c-8g', extra = {}) {
  return new RealtimeInstancetype(scope, id, {
    vcpus: 4,
    memory: Size.gibibytes(8),
    realtimeMask: RealtimeMask.parse('1-3'),
    preferredTopology: PreferredCpuTopology.SPREAD,
    spreadAcross: SpreadAcross.SOCKETS_CORES_THREADS,
    ...extra,
  });
}

describe('RealtimeInstancetype (emit)', () => {
  test('renders a cluster instance type and preference from the real-time props, schema-valid and without a namespace', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'plc', { namespace: 'plc' });
    const it = smtInstancetype(chart);
    const objects = Testing.synth(chart);
    const type = byKind(objects, 'VirtualMachineClusterInstancetype');
    expect(type.metadata).toEqual({ name: 'rt-4c-8g' });
    expect(type.spec).toEqual({
      cpu: {
        dedicatedCPUPlacement: true,
        guest: 4,
        isolateEmulatorThread: true,
        maxSockets: 1,
        model: 'host-passthrough',
        numa: { guestMappingPassthrough: {} },
        realtime: { mask: '1-3' },
      },
      ioThreadsPolicy: 'auto',
      memory: { guest: '8Gi', hugepages: { pageSize: '1Gi' } },
    });
    expect(byKind(objects, 'VirtualMachineClusterPreference').spec).toEqual({
      cpu: {
        preferredCPUFeatures: [{ name: 'tsc-deadline', policy: 'require' }],
        preferredCPUTopology: 'spread',
        spreadOptions: { across: 'SocketsCoresThreads' },
      },
    });
    expect(it.instancetypeSpec).toEqual(type.spec);
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
  });

  test('its props are checked with the VM rules at once: mask beyond the vCPUs, memory not a page multiple, bad name', () => {
    const chart = Testing.chart();
    expect(() => new RealtimeInstancetype(chart, 'a', { vcpus: 2, memory: Size.gibibytes(4), realtimeMask: RealtimeMask.parse('1-5') }))
      .toThrow(/realtimeMask/);
    expect(() => new RealtimeInstancetype(chart, 'b', { vcpus: 2, memory: Size.mebibytes(1536) })).toThrow(/memory/);
    expect(() => new RealtimeInstancetype(chart, 'Bad_Name', { vcpus: 2, memory: Size.gibibytes(2) })).toThrow(/INSTANCETYPE_NAME_INVALID/);
    expect(() => new RealtimeInstancetype(chart, 'c', { vcpus: '4' as any, memory: Size.gibibytes(2) })).toThrow(ValidationError);
  });

  test('props KubeVirt would refuse or that would have no effect are refused at once', () => {
    const chart = Testing.chart();
    const base = { vcpus: 6, memory: Size.gibibytes(6), realtimeMask: RealtimeMask.parse('1-5') };
    expect(() => new RealtimeInstancetype(chart, 'ct3', { ...base, preferredTopology: PreferredCpuTopology.SPREAD, spreadAcross: SpreadAcross.CORES_THREADS, spreadRatio: 3 }))
      .toThrow(/VM_PREFERENCE_INVALID.*only a ratio of 2 \(1 core 2 threads\) is allowed/);
    // Real-time and NUMA passthrough need dedicated CPUs: every VM of the type would be refused.
    expect(() => new RealtimeInstancetype(chart, 'shared', { ...base, dedicatedCpuPlacement: false })).toThrow(/VM_KV_.*dedicated/i);
    expect(() => new RealtimeInstancetype(chart, 'nospread', { ...base, spreadAcross: SpreadAcross.SOCKETS_CORES_THREADS }))
      .toThrow(/VM_PROP_IGNORED.*spreadAcross/);
    expect(() => new RealtimeInstancetype(chart, 'ns', { ...base, metadata: { namespace: 'plc' } })).toThrow(/VM_PROP_IGNORED.*metadata.namespace/);
    expect(() => new RealtimeInstancetype(chart, 'nofeatures', { ...base, cpuFeatures: [] })).toThrow(/VM_PROP_IGNORED.*cpuFeatures/);
  });

  test('its CPU features reach its VMs with their policy (a VM naming none takes the preference\'s)', () => {
    const chart = Testing.chart();
    const it = new RealtimeInstancetype(chart, 'opt', {
      vcpus: 2,
      memory: Size.gibibytes(2),
      realtimeMask: RealtimeMask.parse('1'),
      cpuFeatures: [{ name: 'tsc-deadline', policy: CpuFeaturePolicy.OPTIONAL }],
    });
    new RealtimeVirtualMachine(chart, 'vm', { instancetype: it, bootDisk });
    expect(byKind(Testing.synth(chart), 'VirtualMachine').spec.template.spec.domain.cpu.features).toEqual([{ name: 'tsc-deadline', policy: 'optional' }]);
  });

  test('a spread its vCPU count does not divide is refused with KubeVirt\'s words', () => {
    expect(() => smtInstancetype(Testing.chart(), 'odd', { vcpus: 6, realtimeMask: RealtimeMask.parse('1-5') }))
      .toThrow(/VM_PREFERENCE_SPREAD_NOT_DIVISIBLE.*6 vCPUs provided by the instance type are not divisible by the number of threads per core 2/);
  });

  test('two VMs reference it: each leaves out every field it sets, and KubeVirt\'s apply step finds no conflict', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const it = smtInstancetype(chart);
    const a = new RealtimeVirtualMachine(chart, 'plc-a', { instancetype: it, bootDisk, nodePool: pool });
    new RealtimeVirtualMachine(chart, 'plc-b', { instancetype: it, bootDisk, nodePool: pool });
    const objects = Testing.synth(chart);
    const vm = byKind(objects, 'VirtualMachine', 'plc-a');
    expect(vm.spec.instancetype).toEqual({ kind: 'VirtualMachineClusterInstancetype', name: 'rt-4c-8g' });
    expect(vm.spec.preference).toEqual({ kind: 'VirtualMachineClusterPreference', name: 'rt-4c-8g' });
    const domain = vm.spec.template.spec.domain;
    expect(domain.cpu).toEqual({ features: [{ name: 'tsc-deadline', policy: 'require' }] });
    expect(domain.resources).toBeUndefined();
    expect(domain.memory).toBeUndefined();
    expect(domain.ioThreadsPolicy).toBeUndefined();
    // The merged shape: the preference's 2-thread cores, the type's mask and memory; 4 vCPUs + 1 emulator CPU → 6 with even parity
    expect(a.shape).toMatchObject({ vcpus: 4, sockets: 1, cores: 2, threads: 2, memoryBytes: 8 * 2 ** 30, realtimeVcpus: [1, 2, 3] });
    const { conflicts, expanded } = applyInstancetype(vm, (a.shape as any).instancetype);
    expect(conflicts).toEqual([]);
    expect(admissionFindings(expanded)).toEqual([]);
    expect(Warnings.of(chart).list()).toEqual([]);
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
  });
});

describe('a VM that references an instance type', () => {
  test('a prop the instance type decides is a conflict, named on the prop with KubeVirt\'s message', () => {
    const chart = Testing.chart();
    const it = smtInstancetype(chart);
    new RealtimeVirtualMachine(chart, 'vm', { instancetype: it, bootDisk, vcpus: 4, memory: Size.gibibytes(8), realtimeMask: RealtimeMask.parse('2-3') });
    const message = synthError(chart);
    expect(message).toContain('[VM_INSTANCETYPE_CONFLICT] vcpus: got 4');
    // KubeVirt joins the paths of one refusal with ", " (conflict.Conflicts.Error).
    expect(message).toContain('VM field(s) spec.template.spec.domain.resources.requests.cpu, spec.template.spec.domain.resources.limits.cpu conflicts');
    expect(message).toContain('[VM_INSTANCETYPE_CONFLICT] memory');
    expect(message).toContain('[VM_INSTANCETYPE_CONFLICT] realtimeMask: got "2-3"');
  });

  test('a JSON patch that writes a field the instance type sets is refused like KubeVirt refuses it', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'vm', { instancetype: smtInstancetype(chart), bootDisk });
    vm.addJsonPatch(JsonPatch.add('/spec/template/spec/domain/cpu/sockets', 2));
    expect(synthError(chart)).toContain('VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type');
  });

  test('the KubeVirt apply mirror reports each conflict of a hand-written VM and applies a clean one', () => {
    const use = resolveVm({ id: 'x' }, { instancetype: CommonInstancetype.named('rt1.xlarge'), bootDisk }).settings.instancetype!;
    const written = { spec: { template: { spec: { domain: { cpu: { cores: 2, dedicatedCpuPlacement: true, realtime: {} }, memory: { hugepages: { pageSize: '2Mi' } }, resources: { requests: { cpu: 4 } } } } } } };
    const paths = applyInstancetype(written, use).conflicts.map((f) => f.expected);
    expect(paths.join('\n')).toContain('VM field(s) spec.template.spec.domain.resources.requests.cpu conflicts');
    expect(paths.join('\n')).toContain('spec.template.spec.domain.cpu.cores conflicts');
    expect(paths.join('\n')).toContain('spec.template.spec.domain.cpu.dedicatedCPUPlacement conflicts');
    expect(paths.join('\n')).toContain('spec.template.spec.domain.cpu.realtime conflicts');
    expect(paths.join('\n')).toContain('spec.template.spec.domain.memory.hugepages conflicts');
    const { expanded } = applyInstancetype({ spec: { template: { spec: { domain: {} } } } }, use);
    expect(expanded!.spec.template.spec.domain.cpu).toEqual({
      dedicatedCpuPlacement: true, isolateEmulatorThread: true, numa: { guestMappingPassthrough: {} }, realtime: {}, sockets: 4, cores: 1, threads: 1,
    });
    expect(expanded!.spec.template.metadata.annotations['cpu-load-balancing.crio.io']).toBe('disable');
  });

  test('a preference without an instance type is refused, not dropped', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'vm', { vcpus: 2, memory: Size.gibibytes(2), bootDisk, preference: CommonPreference.named('rhel.9.realtime') });
    expect(synthError(chart)).toContain('[VM_PREFERENCE_WITHOUT_INSTANCETYPE] preference: got "rhel.9.realtime"');
  });

  test.each([
    ['no vCPUs or memory', { cpu: {} }, 'gives no whole number of vCPUs'],
    ['a cyclic spec', (() => { const c: any = { cpu: { guest: 2 } }; c.self = c; return c; })(), 'gives no whole number of vCPUs'],
    ['an unknown page size', { cpu: { guest: 2 }, memory: { guest: '2Gi', hugepages: { pageSize: '4Ki' } } }, 'the huge page size "4Ki" is not one of 1Gi, 2Mi'],
    ['an unknown IOThreads policy', { cpu: { guest: 2 }, memory: { guest: '2Gi' }, ioThreadsPolicy: 'fast' }, 'the IOThreads policy "fast"'],
    ['a non-string model', { cpu: { guest: 2, model: 7 }, memory: { guest: '2Gi' } }, 'the CPU model is not a non-empty string'],
    ['a non-boolean dedicatedCPUPlacement', { cpu: { guest: 2, dedicatedCPUPlacement: 'yes' }, memory: { guest: '2Gi' } }, 'cpu.dedicatedCPUPlacement is not true or false'],
  ])('a hand-made instance type with %s is refused with VM_INSTANCETYPE_INVALID, never a TypeError', (_, spec, message) => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'vm', { instancetype: { instancetypeKind: 'VirtualMachineClusterInstancetype', instancetypeName: 'x', instancetypeSpec: spec }, bootDisk });
    const error = synthError(chart);
    expect(error).toContain('[VM_INSTANCETYPE_INVALID]');
    expect(error).toContain(message);
  });

  test('a reference of an unknown kind is refused', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'vm', { instancetype: { instancetypeKind: 'Deployment', instancetypeName: 'x', instancetypeSpec: { cpu: { guest: 2 }, memory: { guest: '2Gi' } } }, bootDisk });
    expect(synthError(chart)).toContain('the reference Deployment "x" is not a VirtualMachineClusterInstancetype');
  });

  test('memory is required without an instance type', () => {
    expect(() => new RealtimeVirtualMachine(Testing.chart(), 'vm', { vcpus: 2, bootDisk } as any)).toThrow(/memory/);
  });
});

describe('common instance types (consume)', () => {
  test('rt1.xlarge with rhel.9.realtime: checked on the merged shape, the gaps filled in and reported', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const vm = new RealtimeVirtualMachine(chart, 'rt1', {
      instancetype: CommonInstancetype.named('rt1.xlarge'), preference: CommonPreference.named('rhel.9.realtime'), bootDisk, nodePool: pool,
    });
    const objects = Testing.synth(chart);
    const domain = byKind(objects, 'VirtualMachine').spec.template.spec.domain;
    // rt1 sets no model, tsc-deadline, ioThreadsPolicy or maxSockets: the VM writes them (no KubeVirt conflict)
    expect(domain.cpu).toEqual({ features: [{ name: 'tsc-deadline', policy: 'require' }], maxSockets: 1, model: 'host-passthrough' });
    expect(domain.ioThreadsPolicy).toBe('auto');
    expect(vm.shape).toMatchObject({ vcpus: 4, sockets: 1, cores: 2, threads: 2, memoryBytes: 16 * 2 ** 30, hugePageSize: HugePageSize.ONE_GI });
    const warnings = Warnings.of(chart).list().join('\n');
    expect(warnings).toContain('[VM_INSTANCETYPE_INCOMPLETE] instancetype');
    expect(warnings).toContain('it leaves cpu.model (host-passthrough), CPU features (tsc-deadline), ioThreadsPolicy (auto), cpu.maxSockets (1) to the VM');
    expectValidAgainstCrds(objects);
  });

  test('rt1.xlarge without a preference: one socket per vCPU, which an SMT pool reports', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const vm = new RealtimeVirtualMachine(chart, 'rt1', { instancetype: CommonInstancetype.named('rt1.xlarge'), bootDisk, nodePool: pool });
    expect(vm.shape).toMatchObject({ vcpus: 4, sockets: 4, cores: 1, threads: 1 });
    expect(codesOf(AppCheck.of(chart).findingsOf(vm))).toContain('PLACEMENT_GUEST_THREADS_MISMATCH');
  });

  test('rt1.micro leaves no housekeeping vCPU; rt1.large is too small for rhel.9.realtime (KubeVirt\'s words)', () => {
    const chart = Testing.chart();
    const micro = new RealtimeVirtualMachine(chart, 'micro', { instancetype: CommonInstancetype.named('rt1.micro'), bootDisk });
    // Reported on the instance type (it decides the mask), not on a realtimeMask the VM may not set.
    const housekeeping = AppCheck.of(chart).findingsOf(micro).find((f) => f.code === 'VM_REALTIME_NO_HOUSEKEEPING_VCPU');
    expect(housekeeping?.field).toBe('instancetype (realtimeMask)');
    expect(housekeeping?.fix).toMatch(/^pick another instance type or preference/);
    new RealtimeVirtualMachine(chart, 'large', { instancetype: CommonInstancetype.named('rt1.large'), preference: CommonPreference.named('rhel.9.realtime'), bootDisk });
    expect(synthError(chart)).toContain('insufficient CPU resources of 2 vCPU provided by instance type, preference requires 4 vCPU');
  });

  test('an instance type with fields the library cannot check (o1: memory overcommit) is refused', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'o1', { instancetype: CommonInstancetype.named('o1.large'), bootDisk });
    expect(synthError(chart)).toContain('[VM_INSTANCETYPE_UNSUPPORTED] instancetype');
    expect(synthError(chart)).toContain('memory.overcommitPercent');
  });

  test('every rt1 and cx1 size gives a VM KubeVirt admits once the instance type is applied', () => {
    for (const name of CommonInstancetype.names().filter((n) => n.startsWith('rt1.') || n.startsWith('cx1.'))) {
      const chart = Testing.chart();
      const vm = new RealtimeVirtualMachine(chart, 'vm', { instancetype: CommonInstancetype.named(name), bootDisk });
      const objects = Testing.synth(chart);
      const { conflicts, expanded } = applyInstancetype(byKind(objects, 'VirtualMachine'), (vm.shape as any).instancetype);
      expect({ name, conflicts, admission: admissionFindings(expanded) }).toEqual({ name, conflicts: [], admission: [] });
      expectValidAgainstCrds(objects);
    }
  });

  test('a finding about a value the instance type decides is reported on instancetype, with a fix the user can apply', () => {
    const chart = Testing.chart();
    // d1.nano: 512Mi and no huge pages of its own; the VM's default 1Gi pages do not divide it.
    new RealtimeVirtualMachine(chart, 'nano', { instancetype: CommonInstancetype.named('d1.nano'), bootDisk });
    const message = synthError(chart);
    expect(message).toContain('[VM_MEMORY_NOT_PAGE_MULTIPLE] instancetype (memory)');
    expect(message).toContain('pick another instance type or preference');
  });

  test.each([
    ['an unknown topology', { cpu: { preferredCPUTopology: 'bogus' } }, 'unknown preferredCPUTopology bogus'],
    ['an unsupported spread', { cpu: { preferredCPUTopology: 'spread', spreadOptions: { across: 'Threads' } } }, 'across Threads is not supported'],
    ['a spread ratio of 0', { cpu: { preferredCPUTopology: 'spread', spreadOptions: { ratio: 0 } } }, 'a spread ratio of 0'],
  ])('a preference with %s is refused with KubeVirt\'s words', (_, preferenceSpec, message) => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'vm', {
      instancetype: CommonInstancetype.named('rt1.xlarge'),
      bootDisk,
      preference: { preferenceKind: 'VirtualMachineClusterPreference', preferenceName: 'mine', preferenceSpec },
    });
    expect(synthError(chart)).toContain('[VM_PREFERENCE_INVALID] preference: got "VirtualMachineClusterPreference mine"');
    expect(synthError(chart)).toContain(message);
  });

  test('the apply mirror reads null as unset and annotation keys as own keys only', () => {
    const use = resolveVm({ id: 'x' }, { instancetype: CommonInstancetype.named('rt1.xlarge'), bootDisk }).settings.instancetype!;
    const domain = { memory: { guest: null }, cpu: { sockets: null } };
    const withNulls = { spec: { template: { metadata: { annotations: {} }, spec: { domain } } } };
    expect(applyInstancetype(withNulls, use).conflicts).toEqual([]);
    const proto = { ...use, instancetypeSpec: { ...use.instancetypeSpec, annotations: { constructor: 'x', toString: 'y' } } };
    expect(applyInstancetype({ spec: { template: { spec: { domain: {} } } } }, proto).conflicts).toEqual([]);
  });

  test('an unknown name lists the close ones', () => {
    expect(() => CommonInstancetype.named('rt1.huge')).toThrow(/INSTANCETYPE_UNKNOWN.*rt1.2xlarge/);
    expect(() => CommonPreference.named('rhel.9.rt')).toThrow(/INSTANCETYPE_UNKNOWN/);
    expect(CommonInstancetype.names()).toHaveLength(65);
  });
});
