import { expectValidAgainstCrds, knownKinds, schemaErrors } from './schema-validator';

// The helper itself must be able to fail, or every "validates against the CRD" assertion would be hollow.
describe('schema validator (vendored CRDs)', () => {
  test('knows every kind this library emits', () => {
    expect(knownKinds()).toEqual(expect.arrayContaining([
      'kubevirt.io/v1/VirtualMachine',
      'kubevirt.io/v1/KubeVirt',
      'hco.kubevirt.io/v1beta1/HyperConverged',
      'machineconfiguration.openshift.io/v1/MachineConfig',
      'machineconfiguration.openshift.io/v1/MachineConfigPool',
      'machineconfiguration.openshift.io/v1/KubeletConfig',
      'tuned.openshift.io/v1/Tuned',
      'performance.openshift.io/v2/PerformanceProfile',
    ]));
  });

  const minimalVm = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm' },
    spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {}, ioThreadsPolicy: 'auto' } } } },
  };

  test('accepts a minimal VirtualMachine', () => {
    expect(schemaErrors(minimalVm)).toEqual([]);
  });

  test('rejects ioThreadsPolicy nested under cpu (the CRD prunes it there)', () => {
    const bad = { ...minimalVm, spec: { ...minimalVm.spec, template: { spec: { domain: { devices: {}, cpu: { ioThreadsPolicy: 'auto' } } } } } };
    expect(schemaErrors(bad).join('\n')).toContain('must NOT have additional properties (ioThreadsPolicy)');
    expect(() => expectValidAgainstCrds([bad])).toThrow(/ioThreadsPolicy/);
  });

  test('rejects a namespace on a cluster-scoped kind (the scope comes from the CRD)', () => {
    const mc = { apiVersion: 'machineconfiguration.openshift.io/v1', kind: 'MachineConfig', metadata: { name: 'mc', namespace: 'plc' }, spec: {} };
    expect(schemaErrors(mc)).toEqual(['MachineConfig/mc /metadata/namespace is set (plc) on a cluster-scoped kind']);
    expect(schemaErrors({ ...mc, metadata: { name: 'mc' } })).toEqual([]);
    expect(schemaErrors({ ...minimalVm, metadata: { name: 'vm', namespace: 'plc' } })).toEqual([]);
  });

  test('rejects a missing required field and a wrong type', () => {
    const noDevices = { ...minimalVm, spec: { runStrategy: 'Always', template: { spec: { domain: {} } } } };
    expect(schemaErrors(noDevices).join('\n')).toContain("must have required property 'devices'");
    const wrongType = { ...minimalVm, spec: { ...minimalVm.spec, runStrategy: 3 } };
    expect(schemaErrors(wrongType).join('\n')).toContain('must be string');
  });

  test('honours x-kubernetes-int-or-string (resources.requests.cpu)', () => {
    const withCpu = (cpu: unknown) => ({
      ...minimalVm,
      spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {}, resources: { requests: { cpu } } } } } },
    });
    expect(schemaErrors(withCpu(2))).toEqual([]);
    expect(schemaErrors(withCpu('2'))).toEqual([]);
    expect(schemaErrors(withCpu(true)).length).toBeGreaterThan(0);
  });

  test('honours x-kubernetes-preserve-unknown-fields (KubeletConfig.spec.kubeletConfig)', () => {
    const kc = {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'KubeletConfig',
      metadata: { name: 'k' },
      spec: { kubeletConfig: { cpuManagerPolicy: 'static', anything: { nested: 1 } } },
    };
    expect(schemaErrors(kc)).toEqual([]);
  });

  test('reports an unknown custom kind', () => {
    expect(schemaErrors({ apiVersion: 'example.com/v1', kind: 'Nope', metadata: { name: 'x' } })).toEqual(['no vendored CRD for example.com/v1 Nope']);
  });
});
