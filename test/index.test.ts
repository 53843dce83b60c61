import * as lib from '../src';

// The package's public entry point: what `require('cdk8s-kubevirt-realtime')` gives a JavaScript or TypeScript app.
describe('the public API', () => {
  test('exports ValidationError, the error every parser and construct throws for bad input', () => {
    expect(typeof lib.ValidationError).toBe('function');
    let thrown: unknown;
    try {
      lib.CpuSet.parse('3-1', 'reserved');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(lib.ValidationError);
    expect((thrown as lib.ValidationError).name).toBe('ValidationError');
    expect((thrown as lib.ValidationError).findings[0].code).toBe('CPUSET_SYNTAX');
  });

  test('exports the constructs, the value types and the typed L1 namespaces', () => {
    for (const name of ['RealtimeVirtualMachine', 'RealtimeNodePool', 'KubeVirtConfiguration', 'Warnings', 'ReviewPages', 'EmittedObject',
      'CpuSet', 'HostTopology', 'CpuPartition', 'RealtimeMask', 'HugePageSize', 'TaintEffect']) {
      expect([name, typeof (lib as Record<string, unknown>)[name]]).not.toEqual([name, 'undefined']);
    }
    expect(typeof lib.kubevirt.VirtualMachine).toBe('function');
  });
});
