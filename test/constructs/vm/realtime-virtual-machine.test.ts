import { ApiObject, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { ALL_CODES } from '../../../src/rules/codes';
import { VM_CODES } from '../../../src/rules/codes-vm';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { CpuFeaturePolicy } from '../../../src/values/vm/cpu-feature';
import { CpuModel } from '../../../src/values/vm/cpu-model';
import { BootDisk, DataDisk } from '../../../src/values/vm/disk';
import { EvictionStrategy } from '../../../src/values/vm/eviction-strategy';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { RunStrategy } from '../../../src/values/vm/run-strategy';
import { TaintEffect } from '../../../src/values/vm/taint-effect';
import { expectDeployable, minimalProps, synthError, synthVm } from '../../fixtures/vm';

describe('RealtimeVirtualMachine', () => {
  test('default VM (snapshot): every real-time setting of the KubeVirt guide', () => {
    const { objects } = synthVm(minimalProps());
    expect(objects).toMatchSnapshot();
    expectDeployable(objects);
  });

  describe('defaults', () => {
    const { object } = synthVm(minimalProps());
    const spec = object.spec.template.spec;
    const domain = spec.domain;

    test('ioThreadsPolicy is at domain level, never under cpu (the CRD would prune it)', () => {
      expect(domain.ioThreadsPolicy).toBe('auto');
      expect(domain.cpu.ioThreadsPolicy).toBeUndefined();
    });

    test('runStrategy Always, never the deprecated running', () => {
      expect(object.spec.runStrategy).toBe('Always');
      expect(object.spec.running).toBeUndefined();
    });

    test('dedicated CPUs, isolated emulator, host-passthrough with tsc-deadline, NUMA passthrough, realtime on all vCPUs', () => {
      expect(domain.cpu).toEqual({
        dedicatedCpuPlacement: true,
        isolateEmulatorThread: true,
        maxSockets: 2, // no CPU hot-plug slots (kubevirt#17248)
        model: 'host-passthrough',
        features: [{ name: 'tsc-deadline', policy: 'require' }],
        numa: { guestMappingPassthrough: {} },
        realtime: {},
      });
    });

    test('Guaranteed QoS: requests equal limits, integer CPUs', () => {
      expect(domain.resources).toEqual({ requests: { cpu: 2, memory: '1Gi' }, limits: { cpu: 2, memory: '1Gi' } });
    });

    test('1Gi huge pages; no balloon, no graphics, a serial console', () => {
      expect(domain.memory).toEqual({ hugepages: { pageSize: '1Gi' } });
      expect(domain.devices).toMatchObject({ autoattachMemBalloon: false, autoattachGraphicsDevice: false, autoattachSerialConsole: true });
    });

    test('the kubevirt.io/vm label on VM and template; eviction None; grace 180s', () => {
      expect(object.metadata.labels).toEqual({ 'kubevirt.io/vm': 'rt-vm' });
      expect(object.spec.template.metadata.labels).toEqual({ 'kubevirt.io/vm': 'rt-vm' });
      expect(spec.evictionStrategy).toBe('None');
      expect(spec.terminationGracePeriodSeconds).toBe(180);
    });
  });

  test('every default can be changed or turned off', () => {
    const { objects, object } = synthVm(minimalProps({
      dedicatedCpuPlacement: false,
      isolateEmulatorThread: false,
      ioThreads: false,
      cpuModel: CpuModel.named('Skylake-Server'),
      cpuFeatures: [],
      guestMappingPassthrough: false,
      hugePages: false,
      realtime: false,
      autoattachMemBalloon: true,
      autoattachGraphicsDevice: true,
      autoattachSerialConsole: false,
      runStrategy: RunStrategy.MANUAL,
      terminationGracePeriodSeconds: 0,
      evictionStrategy: EvictionStrategy.LIVE_MIGRATE_IF_POSSIBLE,
    }));
    const domain = object.spec.template.spec.domain;
    expect(domain.cpu).toEqual({ maxSockets: 2, model: 'Skylake-Server' });
    expect(domain.ioThreadsPolicy).toBeUndefined();
    expect(domain.memory).toBeUndefined();
    expect(domain.devices).toMatchObject({ autoattachMemBalloon: true, autoattachGraphicsDevice: true, autoattachSerialConsole: false });
    expect(object.spec.runStrategy).toBe('Manual');
    expect(object.spec.template.spec.terminationGracePeriodSeconds).toBe(0);
    expect(object.spec.template.spec.evictionStrategy).toBe('LiveMigrateIfPossible');
    expectDeployable(objects);
  });

  test('an explicit topology is emitted with the matching CPU count', () => {
    const { objects, object, vm } = synthVm(minimalProps({ vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 2 } }));
    expect(object.spec.template.spec.domain.cpu).toMatchObject({ sockets: 1, cores: 2, threads: 2 });
    expect(object.spec.template.spec.domain.resources.limits.cpu).toBe(4);
    expect(vm.shape).toMatchObject({ vcpus: 4, sockets: 1, cores: 2, threads: 2 });
    expectDeployable(objects);
  });

  test('a supplemental IOThread pool with its count', () => {
    const { objects, object, vm } = synthVm(minimalProps({ ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 2 }));
    expect(object.spec.template.spec.domain.ioThreadsPolicy).toBe('supplementalPool');
    expect(object.spec.template.spec.domain.ioThreads).toEqual({ supplementalPoolThreadCount: 2 });
    expect(vm.podCpuCount()).toBe(5); // 2 vCPUs + 2 pool threads + 1 emulator
    expect(vm.podCpuCount(true)).toBe(6);
    expectDeployable(objects);
  });

  test('2Mi pages, a real-time mask, extra features', () => {
    const { objects, object } = synthVm(minimalProps({
      vcpus: 4,
      memory: Size.mebibytes(2048),
      hugePageSize: HugePageSize.TWO_MI,
      realtimeMask: RealtimeMask.parse('1-3'),
      cpuFeatures: [{ name: 'tsc-deadline' }, { name: 'invtsc', policy: CpuFeaturePolicy.REQUIRE }],
    }));
    const domain = object.spec.template.spec.domain;
    expect(domain.memory.hugepages.pageSize).toBe('2Mi');
    expect(domain.resources.requests.memory).toBe('2Gi');
    expect(domain.cpu.realtime).toEqual({ mask: '1-3' });
    expect(domain.cpu.features).toEqual([{ name: 'tsc-deadline', policy: 'require' }, { name: 'invtsc', policy: 'require' }]);
    expectDeployable(objects);
  });

  test('disks, cloud-init from a Secret, SSH keys, scheduling', () => {
    const { objects, object } = synthVm(minimalProps({
      metadata: { name: 'rt', namespace: 'poc', labels: { team: 'rt' }, annotations: { note: 'x' } },
      bootDisk: BootDisk.persistentVolumeClaim('rt-root'),
      disks: [DataDisk.dataVolume('rt-data'), DataDisk.containerDisk('quay.io/example/tools:1'), DataDisk.persistentVolumeClaim('c', { name: 'scratch' })],
      cloudInit: CloudInit.fromSecret('rt-userdata'),
      sshPublicKeySecrets: ['rt-keys'],
      nodeSelector: { 'node-role.kubernetes.io/worker-rt': '' },
      tolerations: [{ key: 'rt', exists: true, effect: TaintEffect.NO_SCHEDULE }, { key: 'k', value: 'v' }],
    }));
    const spec = object.spec.template.spec;
    expect(object.metadata).toEqual({ name: 'rt', namespace: 'poc', labels: { 'team': 'rt', 'kubevirt.io/vm': 'rt' }, annotations: { note: 'x' } });
    expect(spec.domain.devices.disks.map((d: any) => d.name)).toEqual(['rootdisk', 'rt-data', 'containerdisk-1', 'scratch', 'cloudinitdisk']);
    expect(spec.domain.devices.disks.every((d: any) => d.disk.bus === 'virtio')).toBe(true);
    expect(spec.volumes).toEqual([
      { name: 'rootdisk', persistentVolumeClaim: { claimName: 'rt-root' } },
      { name: 'rt-data', dataVolume: { name: 'rt-data' } },
      { name: 'containerdisk-1', containerDisk: { image: 'quay.io/example/tools:1' } },
      { name: 'scratch', persistentVolumeClaim: { claimName: 'c' } },
      { name: 'cloudinitdisk', cloudInitNoCloud: { secretRef: { name: 'rt-userdata' } } },
    ]);
    expect(spec.accessCredentials).toEqual([
      { sshPublicKey: { source: { secret: { secretName: 'rt-keys' } }, propagationMethod: { noCloud: {} } } },
    ]);
    expect(spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker-rt': '' });
    expect(spec.tolerations).toEqual([{ key: 'rt', operator: 'Exists', effect: 'NoSchedule' }, { key: 'k', operator: 'Equal', value: 'v' }]);
    expectDeployable(objects);
  });

  test('takes the chart namespace when metadata has none', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'rt-ns' });
    const vm = new RealtimeVirtualMachine(chart, 'vm', minimalProps());
    expect(vm.metadata.namespace).toBe('rt-ns');
    expect(Testing.synth(chart)[0].metadata.namespace).toBe('rt-ns');
  });

  describe('escape hatches', () => {
    test('the VM is its VirtualMachine object: one construct, resource and ApiObject.of give the VM itself', () => {
      const chart = Testing.chart();
      const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
      expect(ApiObject.of(vm)).toBe(vm);
      expect(vm.resource).toBe(vm);
      expect(vm.node.children).toEqual([]);
      expect(vm.kind).toBe('VirtualMachine');
      expect(vm.apiVersion).toBe('kubevirt.io/v1');
      expect(vm.name).toBe('rt-vm');
    });

    test('changing the output of toJson() changes nothing of the VM', () => {
      const chart = Testing.chart();
      const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps({ nodeSelector: { zone: 'a' } }));
      const first = vm.toJson();
      first.spec.template.spec.volumes[0].containerDisk.image = 'changed';
      first.spec.template.spec.nodeSelector.zone = 'b';
      first.metadata.labels['kubevirt.io/vm'] = 'changed';
      const second = vm.toJson();
      expect(second.spec.template.spec.volumes[0].containerDisk.image).toBe('quay.io/example/rt:1');
      expect(second.spec.template.spec.nodeSelector.zone).toBe('a');
      expect(second.metadata.labels['kubevirt.io/vm']).toBe('rt-vm');
    });

    test('labels added through the object metadata reach the YAML', () => {
      const chart = Testing.chart();
      const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
      vm.metadata.addLabel('team', 'rt');
      expect(Testing.synth(chart)[0].metadata.labels).toEqual({ 'kubevirt.io/vm': 'rt-vm', 'team': 'rt' });
    });

    test('a JSON patch on a field the L1 does not model reaches the YAML', () => {
      const chart = Testing.chart();
      const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
      vm.resource.addJsonPatch(JsonPatch.add('/spec/template/spec/domain/cpu/notModeled', 'kept'));
      vm.resource.addJsonPatch(JsonPatch.add('/spec/template/spec/domain/machine', { type: 'q35' }));
      const [object] = Testing.synth(chart);
      expect(object.spec.template.spec.domain.cpu.notModeled).toBe('kept');
      expect(object.spec.template.spec.domain.machine).toEqual({ type: 'q35' });
    });

    test('fails when a JSON patch breaks a KubeVirt admission rule', () => {
      const chart = Testing.chart();
      const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
      vm.resource.addJsonPatch(JsonPatch.add('/spec/running', true));
      vm.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/domain/cpu/dedicatedCpuPlacement', false));
      expect(() => Testing.synth(chart)).toThrow(/\[VM_KV_RUNNING_AND_RUN_STRATEGY\] spec\.running: got true/);
      expect(() => Testing.synth(chart)).toThrow(/\[VM_KV_REALTIME_WITHOUT_DEDICATED\] spec\.template\.spec\.domain\.cpu\.dedicatedCpuPlacement: got false/);
    });
  });

  test('fails with the JSON patch error (not a validation crash) when a patch cannot be applied', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
    vm.resource.addJsonPatch(JsonPatch.replace('/spec/does/not/exist', 1));
    expect(() => Testing.synth(chart)).toThrow(/\[test\/rt-vm\] \[OBJECT_PATCH_INVALID\] addJsonPatch/);
  });

  test('isRealtimeVirtualMachine', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
    expect(RealtimeVirtualMachine.isRealtimeVirtualMachine(vm)).toBe(true);
    expect(RealtimeVirtualMachine.isRealtimeVirtualMachine(chart)).toBe(false);
    expect(RealtimeVirtualMachine.isRealtimeVirtualMachine(null)).toBe(false);
  });

  test('shape: the resolved model', () => {
    const { vm } = synthVm(minimalProps({ vcpus: 4, memory: Size.gibibytes(4), realtimeMask: RealtimeMask.parse('1-3') }));
    expect(vm.shape).toMatchObject({
      vcpus: 4,
      sockets: 4,
      cores: 1,
      threads: 1,
      memoryBytes: 4 * 1024 ** 3,
      hugePageSize: HugePageSize.ONE_GI,
      dedicatedCpuPlacement: true,
      isolateEmulatorThread: true,
      ioThreadsPolicy: IoThreadsPolicy.AUTO,
      supplementalPoolThreadCount: 0,
      realtime: true,
      realtimeVcpus: [1, 2, 3],
      guestMappingPassthrough: true,
    });
    expect(vm.podCpuCount()).toBe(5);
    expect(vm.podCpuCount(true)).toBe(6);
  });

  test('does not crash on invalid props: the validation error is what the user sees', () => {
    const chart = Testing.chart();
    expect(() => new RealtimeVirtualMachine(chart, 'rt-vm', {} as any)).toThrow(/\[test\/rt-vm\] \[PROP_REQUIRED\] memory[\s\S]*\[PROP_REQUIRED\] bootDisk/);
    const vm = new RealtimeVirtualMachine(chart, 'zero', minimalProps({ vcpus: 0 }));
    expect(vm.shape.vcpus).toBe(0);
    expect(() => Testing.synth(chart)).toThrow(/Validation failed/);
    expect(() => vm.resource.toJson()).not.toThrow();
  });

  test('fails with every error of several broken VMs in one synth', () => {
    // GIVEN three broken VMs in one chart
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'a', minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.parse('0-3') }));
    new RealtimeVirtualMachine(chart, 'b', minimalProps({ memory: Size.mebibytes(1500) }));
    new RealtimeVirtualMachine(chart, 'C', minimalProps({ cloudInit: CloudInit.userData('#cloud-config\npassword: x\n') }));
    new RealtimeVirtualMachine(chart, 'ok', minimalProps());

    // WHEN / THEN one failure lists them all, each with its construct path
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[test/a] [VM_MASK_OUT_OF_RANGE] realtimeMask: got "0-3"');
    expect(message).toContain('[test/b] [VM_MEMORY_NOT_PAGE_MULTIPLE] memory: got "1500Mi"');
    expect(message).toContain('[test/C] [VM_NAME_INVALID]');
    expect(message).toContain('[test/C] [VM_INLINE_CREDENTIALS] cloudInit.userData');
    expect(message).not.toContain('[test/ok]');
  });

  test('every code the VM rules emit is registered (and merged into ALL_CODES once the integrator adds it)', () => {
    for (const code of Object.keys(VM_CODES)) expect(code).toMatch(/^VM_[A-Z0-9_]+$/);
    const msg = synthError(minimalProps({ vcpus: 0 }));
    const emitted = [...msg.matchAll(/\[([A-Z0-9_]+)\]/g)].map((m) => m[1]);
    for (const code of emitted) expect({ ...ALL_CODES, ...VM_CODES }).toHaveProperty(code);
  });
});
