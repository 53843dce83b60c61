import { CpuFeaturePolicy } from '../../src/values/vm/cpu-feature';
import { CpuModel } from '../../src/values/vm/cpu-model';
import { IoThreadsPolicy } from '../../src/values/vm/io-threads-policy';
import { minimalProps, synthError } from '../fixtures/vm';

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
});
