import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as mc from '../src/imports/machineconfig-machineconfiguration.openshift.io';
import { withLatePatches } from '../src/late-patches';

describe('withLatePatches', () => {
  const PatchableMachineConfig = withLatePatches(mc.MachineConfig);

  test('a patch on a field the L1 does not model reaches the YAML (plain cdk8s L1 drops it)', () => {
    // GIVEN the plain generated L1 and the wrapped one, both patched at a path the typed serializer does not know
    const chart = Testing.chart();
    const plain = new mc.MachineConfig(chart, 'Plain', { metadata: { name: 'plain' }, spec: { kernelType: 'realtime' } });
    const wrapped = new PatchableMachineConfig(chart, 'Wrapped', { metadata: { name: 'wrapped' }, spec: { kernelType: 'realtime' } });
    for (const o of [plain, wrapped]) o.addJsonPatch(JsonPatch.add('/spec/notInSchema', 'kept'));

    // WHEN
    const [plainOut, wrappedOut] = Testing.synth(chart);

    // THEN the stock L1 silently loses the patch; ours keeps it
    expect(plainOut.spec.notInSchema).toBeUndefined();
    expect(wrappedOut.spec).toEqual({ kernelType: 'realtime', notInSchema: 'kept' });
  });

  test('emits keys sorted like a plain ApiObject', () => {
    const chart = Testing.chart();
    const spec = { osImageUrl: 'img', kernelType: 'realtime', kernelArguments: ['b', 'a'], fips: false };
    new PatchableMachineConfig(chart, 'Typed', { metadata: { name: 'x', labels: { z: '1', a: '2' } }, spec });
    new ApiObject(chart, 'Raw', {
      ...mc.MachineConfig.GVK,
      metadata: { name: 'x', labels: { z: '1', a: '2' } },
      spec: { osImageURL: 'img', kernelType: 'realtime', kernelArguments: ['b', 'a'], fips: false },
    });
    const [typed, raw] = Testing.synth(chart);
    expect(JSON.stringify(typed)).toBe(JSON.stringify(raw));
    expect(Object.keys(typed)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  test('fails loudly when a patch cannot be applied', () => {
    const chart = Testing.chart();
    const o = new PatchableMachineConfig(chart, 'Bad', { metadata: { name: 'bad' } });
    o.addJsonPatch(JsonPatch.replace('/spec/does/not/exist', 1));
    expect(() => Testing.synth(chart)).toThrow(/JSON patch on 'test\/Bad' could not be applied/);
  });
});
