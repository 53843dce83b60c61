import { CpuFeaturePolicy } from '../../src/values/vm/cpu-feature';
import { CpuModel } from '../../src/values/vm/cpu-model';
import { IoThreadsPolicy } from '../../src/values/vm/io-threads-policy';
import { Warnings } from '../../src/constructs/app/warnings';
import { minimalProps, synthError, synthVm } from '../fixtures/vm';

describe('VM CPU rules', () => {
  test('fails with both vcpus and topology', () => {
    expect(synthError(minimalProps({ vcpus: 2, topology: { sockets: 1, cores: 2, threads: 1 } })))
      .toContain('[VM_CPU_COUNT_AMBIGUOUS] vcpus, topology: got {"vcpus":2,"topology":{"sockets":1,"cores":2,"threads":1}}');
  });

  test('fails with neither vcpus nor topology', () => {
    expect(synthError(minimalProps({ vcpus: undefined }))).toContain('[VM_CPU_COUNT_MISSING] vcpus: got (not set)');
  });

  test.each([1.5, NaN])('refuses vcpus %p when the VM is built (not a whole number)', (vcpus) => {
    expect(synthError(minimalProps({ vcpus }))).toContain(`[PROP_TYPE_INVALID] vcpus: got ${vcpus}, expected a whole number`);
  });

  test.each([0, -1])('fails on vcpus %p', (vcpus) => {
    expect(synthError(minimalProps({ vcpus }))).toContain(`[VM_VCPUS_INVALID] vcpus: got ${vcpus}`);
  });

  test('fails on more vCPUs than QEMU and KVM can run, by count or by topology (no hang on absurd counts)', () => {
    expect(synthError(minimalProps({ vcpus: 5000 }))).toContain('[VM_VCPUS_ABOVE_LIMIT] vcpus: got 5000, expected at most 4096 vCPUs');
    expect(synthError(minimalProps({ vcpus: 2 ** 40 }))).toContain('[VM_VCPUS_ABOVE_LIMIT] vcpus: got 1099511627776');
    expect(synthError(minimalProps({ vcpus: undefined, topology: { sockets: 64, cores: 64, threads: 2 } })))
      .toContain('[VM_VCPUS_ABOVE_LIMIT] topology: got {"sockets":64,"cores":64,"threads":2}');
  });

  test('fails on a topology part that is not a whole number ≥ 1', () => {
    expect(synthError(minimalProps({ vcpus: undefined, topology: { sockets: 1, cores: 0, threads: 1 } })))
      .toContain('[VM_TOPOLOGY_INVALID] topology.cores: got 0');
  });

  test('fails on more than two threads per core with dedicated CPUs', () => {
    expect(synthError(minimalProps({ vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 4 } })))
      .toContain('[VM_THREADS_OVER_TWO] topology.threads: got 4');
  });

  test('fails on a supplemental pool without a thread count', () => {
    expect(synthError(minimalProps({ ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL })))
      .toContain('[VM_SUPPLEMENTAL_POOL_COUNT_INVALID] supplementalPoolThreadCount: got (not set)');
    expect(synthError(minimalProps({ ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 0 })))
      .toContain('[VM_SUPPLEMENTAL_POOL_COUNT_INVALID] supplementalPoolThreadCount: got 0');
  });

  test('fails on a thread count the policy would ignore', () => {
    expect(synthError(minimalProps({ supplementalPoolThreadCount: 2 })))
      .toContain('[VM_PROP_IGNORED] supplementalPoolThreadCount: got 2, expected no value, since the IOThreads policy is auto');
  });

  test('fails on an IOThreads policy with IOThreads off', () => {
    expect(synthError(minimalProps({ ioThreads: false, ioThreadsPolicy: IoThreadsPolicy.SHARED })))
      .toContain('[VM_PROP_IGNORED] ioThreadsPolicy: got "shared"');
  });

  test('fails on unnamed, duplicate or unknown-policy CPU features, and on an empty model', () => {
    const msg = synthError(minimalProps({
      cpuFeatures: [{ name: 'tsc-deadline' }, { name: 'invtsc' }, { name: 'invtsc' }],
      cpuModel: CpuModel.named(''),
    }));
    expect(msg).toContain('[VM_CPU_FEATURE_INVALID] cpuFeatures[2].name: got "invtsc", expected each feature listed once');
    expect(msg).toContain('[VM_CPU_FEATURE_INVALID] cpuModel: got ""');
    // Wrong types are refused when the VM is built.
    const types = synthError(minimalProps({ cpuFeatures: [{ name: '' }, { name: 'x2apic', policy: 'sometimes' as CpuFeaturePolicy }] }));
    expect(types).toContain('[PROP_TYPE_INVALID] cpuFeatures[0].name: got ""');
    expect(types).toContain('[PROP_TYPE_INVALID] cpuFeatures[1].policy: got "sometimes", expected a CpuFeaturePolicy');
  });

  describe('maxSockets (CPU hot-plug slots)', () => {
    test('writes maxSockets equal to the sockets by default, from vcpus or from topology', () => {
      expect(synthVm(minimalProps({ vcpus: 4 })).object.spec.template.spec.domain.cpu.maxSockets).toBe(4);
      expect(synthVm(minimalProps({ vcpus: undefined, topology: { sockets: 2, cores: 2, threads: 1 } }))
        .object.spec.template.spec.domain.cpu.maxSockets).toBe(2);
    });

    test('fails on maxSockets below the sockets, with KubeVirt\'s own message (even when only vcpus is given)', () => {
      expect(synthError(minimalProps({ vcpus: 4, maxSockets: 2 })))
        .toContain('[VM_MAX_SOCKETS_INVALID] maxSockets: got 2, expected a whole number ≥ the guest\'s 4 socket(s) '
          + '(KubeVirt rejects fewer with: "Number of sockets in CPU topology is greater than the maximum sockets allowed"); fix: set maxSockets to 4');
      expect(synthError(minimalProps({ vcpus: 4, maxSockets: 0 }))).toContain('[VM_MAX_SOCKETS_INVALID] maxSockets: got 0');
    });

    test('refuses a maxSockets that is not a whole number when the VM is built', () => {
      expect(synthError(minimalProps({ maxSockets: 2.5 }))).toContain('[PROP_TYPE_INVALID] maxSockets: got 2.5, expected a whole number');
    });

    test('warns on hot-plug slots of a dedicated-CPU VM', () => {
      const { chart, object } = synthVm(minimalProps({ vcpus: 2, maxSockets: 8 }));
      expect(object.spec.template.spec.domain.cpu.maxSockets).toBe(8);
      expect(Warnings.of(chart).list()).toEqual([expect.stringContaining(
        '[VM_MAX_SOCKETS_HOTPLUG_SLOTS] maxSockets: got 8, expected maxSockets equal to the guest\'s 2 socket(s) on a dedicated-CPU VM: its 6 hot-plug vCPU slot(s)')]);
      expect(Warnings.of(chart).list()[0]).toContain('fix: set maxSockets to 2');
    });

    test('does not warn on hot-plug slots without dedicated CPUs', () => {
      const { chart } = synthVm(minimalProps({
        vcpus: 2, maxSockets: 8, dedicatedCpuPlacement: false, isolateEmulatorThread: false, realtime: false, guestMappingPassthrough: false,
      }));
      expect(Warnings.of(chart).list().filter((w) => w.includes('MAX_SOCKETS'))).toEqual([]);
    });
  });
});
