import { ApiObject, App, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { EmittedObject } from '../../src/emit/emitted-object';
import { freshLazy } from '../../src/emit/synthesized-json';
import * as mc from '../../src/imports/machineconfig-machineconfiguration.openshift.io';
import * as tuned from '../../src/imports/tuned-tuned.openshift.io';
import * as kubevirt from '../../src/imports/virtualmachine-kubevirt.io';
import { ValidationError } from '../../src/values/validation-error';
import { plainData } from '../fixtures/plain-data';

/** A MachineConfig written by the library's base, with `spec` as its JSON. */
function machineConfig(scope: Chart, id: string, spec: unknown, metadata: object = { name: id.toLowerCase() }): EmittedObject {
  return new EmittedObject(scope, id, { gvk: mc.MachineConfig.GVK, metadata, fields: { spec } });
}

describe('EmittedObject', () => {
  test('a patch on a field the L1 does not model reaches the YAML (the generated L1 drops it)', () => {
    // GIVEN the generated L1 and the library's object, both patched at a path the typed serializer does not know
    const chart = Testing.chart();
    const plain = new mc.MachineConfig(chart, 'Plain', { metadata: { name: 'plain' }, spec: { kernelType: 'realtime' } });
    const ours = machineConfig(chart, 'Ours', mc.toJson_MachineConfigSpec({ kernelType: 'realtime' }));
    for (const o of [plain, ours]) o.addJsonPatch(JsonPatch.add('/spec/notInSchema', 'kept'));

    // WHEN
    const [plainOut, oursOut] = Testing.synth(chart);

    // THEN the stock L1 silently loses the patch; ours keeps it
    expect(plainOut.spec.notInSchema).toBeUndefined();
    expect(oursOut.spec).toEqual({ kernelType: 'realtime', notInSchema: 'kept' });
  });

  test('writes exactly what a plain ApiObject writes for the same data, keys sorted, with or without a Lazy', () => {
    fc.assert(fc.property(plainData, fc.boolean(), (spec, lazy) => {
      const chart = Testing.chart();
      const metadata = { name: 'x', labels: { z: '1', a: '2' }, annotations: { note: 'n' } };
      const ours = machineConfig(chart, 'Ours', lazy ? Lazy.any({ produce: () => spec }) : spec, metadata);
      const raw = new ApiObject(chart, 'Raw', { ...mc.MachineConfig.GVK, metadata, spec });
      ours.metadata.addLabel('added', 'later');
      raw.metadata.addLabel('added', 'later');
      expect(JSON.stringify(ours.toJson())).toBe(JSON.stringify(raw.toJson()));
    }), { numRuns: 200 });
  });

  test('the output of a freshLazy is taken as it is when synthesized; any other Lazy\'s or field\'s is copied', () => {
    const chart = Testing.chart();
    const shared = { a: { b: 1 }, c: ['x'] };
    const fresh = machineConfig(chart, 'Fresh', freshLazy(() => shared));
    const plain = machineConfig(chart, 'Plain', Lazy.any({ produce: () => shared }));
    const direct = machineConfig(chart, 'Direct', shared);
    expect(fresh.toJson().spec).toBe(shared);
    for (const o of [plain, direct]) {
      const out = o.toJson();
      expect(out.spec).toEqual(shared);
      expect(out.spec).not.toBe(shared);
      out.spec.a.b = 2;
      expect(shared.a.b).toBe(1);
    }
    // Not in synthesized form (unsorted keys): copied and sorted, even from a freshLazy.
    expect(Object.keys(machineConfig(chart, 'Unsorted', freshLazy(() => ({ b: 1, a: 2 }))).toJson().spec)).toEqual(['a', 'b']);
  });

  test('a Lazy that throws fails as cdk8s fails, naming the object', () => {
    const broken = machineConfig(Testing.chart(), 'Broken', Lazy.any({ produce: () => { throw new Error('boom'); } }));
    expect(() => broken.toJson()).toThrow(/Failed serializing construct at path 'test\/Broken'.*boom/);
  });

  test('tokens, nested Lazies and custom resolvers come out as cdk8s renders them', () => {
    const chart = Testing.chart();
    const withToken = machineConfig(chart, 'Token', { kernelType: { resolve: () => 'resolved' } });
    const nested = machineConfig(chart, 'Nested', { kernelType: Lazy.any({ produce: () => 'rt' }) });
    const upper = { resolve: (c: any) => (typeof c.value === 'string' && c.value.startsWith('r') ? c.replaceValue(c.value.toUpperCase()) : undefined) };
    const custom = machineConfig(new Chart(new App({ resolvers: [upper as any] }), 'c'), 'Custom', { kernelType: 'realtime' });
    expect(withToken.toJson().spec).toEqual({ kernelType: 'resolved' });
    expect(nested.toJson().spec).toEqual({ kernelType: 'rt' });
    expect(custom.toJson().spec).toEqual({ kernelType: 'REALTIME' });
  });

  test('with CDK8S_DISABLE_SORT, what a plain ApiObject writes (cdk8s\'s switch is honoured)', () => {
    const chart = Testing.chart();
    const spec = { osImageURL: 'img', kernelType: 'realtime' };
    machineConfig(chart, 'Ours', spec, { name: 'x' });
    new ApiObject(chart, 'Raw', { ...mc.MachineConfig.GVK, metadata: { name: 'x' }, spec });
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      const [a, b] = Testing.synth(chart);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });

  describe('namespaces, from the scope of the kind\'s vendored CRD', () => {
    const chart = () => new Chart(Testing.app(), 'plc', { namespace: 'plc' });

    test('a cluster-scoped kind never carries one, whatever the chart says', () => {
      const o = machineConfig(chart(), 'Mc', {});
      expect(o.toJson().metadata).toEqual({ name: 'mc' });
      expect(EmittedObject.isClusterScoped(mc.MachineConfig.GVK)).toBe(true);
    });

    test('a namespaced kind takes the chart\'s, or keeps its own', () => {
      const c = chart();
      const vm = new EmittedObject(c, 'Vm', { gvk: kubevirt.VirtualMachine.GVK, metadata: { name: 'vm' }, fields: {} });
      const t = new EmittedObject(c, 'Tuned', { gvk: tuned.Tuned.GVK, metadata: { name: 't', namespace: 'openshift-cluster-node-tuning-operator' }, fields: {} });
      expect(vm.toJson().metadata.namespace).toBe('plc');
      expect(t.toJson().metadata.namespace).toBe('openshift-cluster-node-tuning-operator');
      expect(EmittedObject.isClusterScoped(tuned.Tuned.GVK)).toBe(false);
    });

    test('the core kinds the library writes are listed explicitly: a v1 Secret is namespaced, other core kinds are refused', () => {
      const secret = new EmittedObject(chart(), 'S', { gvk: { apiVersion: 'v1', kind: 'Secret' }, metadata: { name: 's' }, fields: {} });
      expect(secret.toJson().metadata.namespace).toBe('plc');
      expect(EmittedObject.isClusterScoped({ apiVersion: 'v1', kind: 'Secret' })).toBe(false);
      expect(() => new EmittedObject(Testing.chart(), 'C', { gvk: { apiVersion: 'v1', kind: 'ConfigMap' }, fields: {} }))
        .toThrow(/no vendored CRD for v1 ConfigMap/);
    });

    test('a kind without a vendored CRD is a library bug, refused loudly', () => {
      expect(() => new EmittedObject(Testing.chart(), 'X', { gvk: { apiVersion: 'example.com/v1', kind: 'Nothing' }, fields: {} }))
        .toThrow(/no vendored CRD for example.com\/v1 Nothing/);
    });
  });

  describe('JSON patches', () => {
    test('a patch that does not apply fails the synthesis with a code, naming the object', () => {
      const chart = Testing.chart();
      machineConfig(chart, 'Bad', {}).addJsonPatch(JsonPatch.replace('/spec/does/not/exist', 1));
      expect(() => Testing.synth(chart)).toThrow('[test/Bad] [OBJECT_PATCH_INVALID] addJsonPatch(#1): got "replace /spec/does/not/exist", '
        + 'expected a patch that applies to the rendered MachineConfig (a parent on the path does not exist)');
    });

    test('a move or copy from a path that does not exist is refused, never writes undefined (RFC 6902 4.4)', () => {
      for (const patch of [JsonPatch.move('/spec/nothing', '/spec/config/-'), JsonPatch.copy('/spec/list/7', '/spec/x')]) {
        const chart = Testing.chart();
        machineConfig(chart, 'Bad', {}).addJsonPatch(JsonPatch.add('/spec/list', [1]), patch);
        expect(() => Testing.synth(chart)).toThrow(/\[test\/Bad\] \[OBJECT_PATCH_INVALID\] addJsonPatch\(#2\) from: got "\/spec\/(nothing|list\/7)"/);
      }
      const ok = Testing.chart();
      machineConfig(ok, 'Good', {}).addJsonPatch(JsonPatch.add('/spec/list', [1]), JsonPatch.copy('/spec/list/0', '/spec/x'));
      expect(Testing.synth(ok)[0].spec.x).toBe(1);
    });

    test.each([
      ['remove /kind', JsonPatch.remove('/kind')],
      ['replace /apiVersion', JsonPatch.replace('/apiVersion', 'v2')],
      ['replace /metadata/name', JsonPatch.replace('/metadata/name', 'other')],
      ['remove /metadata', JsonPatch.remove('/metadata')],
      ['move /metadata/name', JsonPatch.move('/metadata/name', '/spec/name')],
      ['replace the whole object', JsonPatch.replace('', {})],
    ])('refuses a patch that changes the object\'s identity: %s', (_, patch) => {
      const o = machineConfig(Testing.chart(), 'Mc', {});
      expect(() => o.addJsonPatch(patch)).toThrow(ValidationError);
      expect(() => o.addJsonPatch(patch)).toThrow(/\[test\/Mc\] \[OBJECT_PATCH_IDENTITY\]/);
      expect(o.hasJsonPatches).toBe(false);
    });

    test('refuses values that are not JSON (a cycle, a construct, a function, NaN) and a move into its own child', () => {
      const chart = Testing.chart();
      const o = machineConfig(chart, 'Mc', { a: {} });
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      for (const value of [cycle, o, () => 1, NaN, { deep: [Infinity] }]) {
        expect(() => o.addJsonPatch(JsonPatch.add('/spec/x', value))).toThrow(/OBJECT_PATCH_SELF_REFERENCE/);
      }
      expect(() => o.addJsonPatch(JsonPatch.move('/spec', '/spec/a/spec'))).toThrow(/OBJECT_PATCH_SELF_REFERENCE/);
      expect(() => o.addJsonPatch('add /spec' as unknown as JsonPatch)).toThrow(/OBJECT_PATCH_INVALID/);
    });

    test('accepts labels, fields below the identity, shared (acyclic) values and test operations', () => {
      const o = machineConfig(Testing.chart(), 'Mc', {});
      const shared = { v: 1 };
      o.addJsonPatch(JsonPatch.add('/metadata/labels', { a: 'b' }), JsonPatch.add('/spec/x', { one: shared, two: shared }),
        JsonPatch.test('/kind', 'MachineConfig'));
      expect(o.hasJsonPatches).toBe(true);
      expect(o.toJson()).toEqual({
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfig',
        metadata: { name: 'mc', labels: { a: 'b' } },
        spec: { x: { one: { v: 1 }, two: { v: 1 } } },
      });
    });
  });
});
