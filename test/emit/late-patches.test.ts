import { ApiObject, App, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { freshLazy, isSynthesized, isSynthesizedUpToOrder, rendersPropsVerbatim, synthesizedJson, withLatePatches } from '../../src/emit/late-patches';
import * as mc from '../../src/imports/machineconfig-machineconfiguration.openshift.io';

/** Plain JSON-like data (nulls, undefined and sparse values included), as props may hold. */
const plainData = fc.object({
  key: fc.stringMatching(/^[a-zA-Z][-a-zA-Z0-9./]{0,8}$/).filter((k) => k !== 'constructor' && k !== 'resolve'),
  values: [fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(fc.oneof(fc.string(), fc.constant(null), fc.integer()), { maxLength: 3 })],
  maxDepth: 3,
});

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

  describe('propsAreJson', () => {
    const JsonMachineConfig = withLatePatches(mc.MachineConfig, { propsAreJson: true });
    const typedSpec = { osImageUrl: 'img', kernelType: 'realtime', kernelArguments: ['b', 'a'], fips: false };
    const jsonSpec = { osImageURL: 'img', kernelType: 'realtime', kernelArguments: ['b', 'a'], fips: false };

    test('props in JSON form give the same object as typed props through the serializer, patches last', () => {
      // GIVEN the same object as typed props and as JSON props, both with a late patch
      const chart = Testing.chart();
      const typed = new PatchableMachineConfig(chart, 'Typed', { metadata: { name: 'x', labels: { z: '1', a: '2' } }, spec: typedSpec });
      const json = new JsonMachineConfig(chart, 'Json', { metadata: { name: 'x', labels: { z: '1', a: '2' } }, spec: jsonSpec as any });
      for (const o of [typed, json]) o.addJsonPatch(JsonPatch.add('/spec/notInSchema', 'kept'));

      // WHEN
      const [a, b] = Testing.synth(chart);

      // THEN byte for byte the same, keys sorted, the patch applied
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(b.spec.notInSchema).toBe('kept');
    });

    test('synthesized without the resolver chain: exactly what a plain ApiObject gives for the same data', () => {
      fc.assert(fc.property(plainData, fc.boolean(), (spec, lazy) => {
        // GIVEN the same data as the JSON props of the wrapped L1 (the spec possibly a Lazy) and as a plain ApiObject
        const chart = Testing.chart();
        const metadata = { name: 'x', labels: { z: '1', a: '2' }, annotations: { note: 'n' } };
        const json = new JsonMachineConfig(chart, 'Json', { metadata, spec: (lazy ? Lazy.any({ produce: () => spec }) : spec) as any });
        const raw = new ApiObject(chart, 'Raw', { ...mc.MachineConfig.GVK, metadata, spec });
        json.metadata.addLabel('added', 'later');
        raw.metadata.addLabel('added', 'later');

        // THEN byte for byte the same object, top-level keys in cdk8s's order
        expect(JSON.stringify(json.toJson())).toBe(JSON.stringify(raw.toJson()));
      }), { numRuns: 200 });
    });

    test('the output of a freshLazy is taken as it is when synthesized; any other Lazy\'s or prop\'s is copied', () => {
      const chart = Testing.chart();
      const shared = { a: { b: 1 }, c: ['x'] };
      const fresh = new JsonMachineConfig(chart, 'Fresh', { metadata: { name: 'f' }, spec: freshLazy(() => shared) as any });
      const plain = new JsonMachineConfig(chart, 'Plain', { metadata: { name: 'p' }, spec: Lazy.any({ produce: () => shared }) as any });
      const direct = new JsonMachineConfig(chart, 'Direct', { metadata: { name: 'd' }, spec: shared as any });
      expect(fresh.toJson().spec).toBe(shared);
      for (const o of [plain, direct]) {
        const out = o.toJson();
        expect(out.spec).toEqual(shared);
        expect(out.spec).not.toBe(shared);
        out.spec.a.b = 2;
        expect(shared.a.b).toBe(1);
      }
      // Not in synthesized form (unsorted keys): copied and sorted, even from a freshLazy.
      const unsorted = new JsonMachineConfig(chart, 'Unsorted', { metadata: { name: 'u' }, spec: freshLazy(() => ({ b: 1, a: 2 })) as any });
      expect(Object.keys(unsorted.toJson().spec)).toEqual(['a', 'b']);
    });

    test('a Lazy that throws fails as cdk8s fails, naming the object', () => {
      const chart = Testing.chart();
      const json = new JsonMachineConfig(chart, 'Broken', { metadata: { name: 'b' }, spec: Lazy.any({ produce: () => { throw new Error('boom'); } }) as any });
      expect(() => json.toJson()).toThrow(/Failed serializing construct at path 'test\/Broken'.*boom/);
    });

    test('tokens, nested Lazies and custom resolvers come out as cdk8s renders them', () => {
      // GIVEN a token and a nested Lazy in the props, and an app with a resolver of its own
      const token = { resolve: () => 'resolved' };
      const chart = Testing.chart();
      const withToken = new JsonMachineConfig(chart, 'Token', { metadata: { name: 'a' }, spec: { kernelType: token } as any });
      const nested = new JsonMachineConfig(chart, 'Nested', { metadata: { name: 'b' }, spec: { kernelType: Lazy.any({ produce: () => 'rt' }) } as any });
      const upper = { resolve: (c: any) => (typeof c.value === 'string' && c.value.startsWith('r') ? c.replaceValue(c.value.toUpperCase()) : undefined) };
      const custom = new JsonMachineConfig(new Chart(new App({ resolvers: [upper as any] }), 'c'), 'Custom', { metadata: { name: 'c' }, spec: { kernelType: 'realtime' } as any });

      // THEN each is rendered as cdk8s renders it
      expect(withToken.toJson().spec).toEqual({ kernelType: 'resolved' });
      expect(nested.toJson().spec).toEqual({ kernelType: 'rt' });
      expect(custom.toJson().spec).toEqual({ kernelType: 'REALTIME' });
    });

    test('keys stay sorted when CDK8S_DISABLE_SORT turns cdk8s sorting off', () => {
      const chart = Testing.chart();
      new PatchableMachineConfig(chart, 'Typed', { metadata: { name: 'x' }, spec: typedSpec });
      new JsonMachineConfig(chart, 'Json', { metadata: { name: 'x' }, spec: jsonSpec as any });
      process.env.CDK8S_DISABLE_SORT = '1';
      try {
        const [a, b] = Testing.synth(chart);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(Object.keys(b.spec)).toEqual(['fips', 'kernelArguments', 'kernelType', 'osImageURL']);
      } finally {
        delete process.env.CDK8S_DISABLE_SORT;
      }
    });
  });

  describe('rendersPropsVerbatim', () => {
    test('true for an object without late patches in an app with the built-in resolvers', () => {
      const o = new PatchableMachineConfig(Testing.chart(), 'O', { metadata: { name: 'o' } });
      expect(rendersPropsVerbatim(o)).toBe(true);
    });

    test('false once a late patch is added', () => {
      const o = new PatchableMachineConfig(Testing.chart(), 'O', { metadata: { name: 'o' } });
      o.addJsonPatch(JsonPatch.add('/spec', {}));
      expect(rendersPropsVerbatim(o)).toBe(false);
    });

    test('false outside an App (rendering would fail there)', () => {
      const o = new PatchableMachineConfig(new Chart(new Construct(undefined as any, 'root'), 'c'), 'O', { metadata: { name: 'o' } });
      expect(rendersPropsVerbatim(o)).toBe(false);
    });

    test('false when the app has a resolver of its own', () => {
      const app = new App({ resolvers: [{ resolve: () => undefined }] });
      const o = new PatchableMachineConfig(new Chart(app, 'c'), 'O', { metadata: { name: 'o' } });
      expect(rendersPropsVerbatim(o)).toBe(false);
    });
  });

  describe('isSynthesized', () => {
    /** Plain data with any key, integer-like ones included (which objects enumerate first). */
    const anyKeys = fc.object({
      key: fc.oneof(fc.string({ maxLength: 4 }), fc.nat(20).map(String)).filter((k) => k !== 'constructor' && k !== 'resolve' && k !== '__proto__'),
      values: [fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)],
      maxDepth: 3,
    });

    test('only for values synthesis would give back unchanged, keys in the same order', () => {
      let taken = 0;
      fc.assert(fc.property(fc.oneof(plainData, anyKeys), (v) => {
        const synthesized = synthesizedJson(v);
        if (isSynthesized(v)) {
          taken++;
          expect(JSON.stringify(synthesized)).toBe(JSON.stringify(v));
        }
        // What synthesis writes is synthesized itself, but for integer-like keys (objects enumerate them first) and
        // null array items (synthesis makes them undefined).
        const text = JSON.stringify(synthesized);
        if (synthesized !== undefined && !/"\d+":/.test(text) && !text.includes('null')) expect(isSynthesized(synthesized)).toBe(true);
      }), { numRuns: 400 });
      expect(taken).toBeGreaterThan(20);
    });

    test('false for what synthesis changes or resolves', () => {
      for (const v of [null, undefined, { b: 1, a: 2 }, { a: undefined }, { a: null }, [1, , 2], [null], { a: Lazy.any({ produce: () => 1 }) },
        { a: { resolve: () => 1 } }, new Date(0), Object.create(null), () => 1, { 10: 1, 2: 2 }]) {
        expect(isSynthesized(v)).toBe(false);
      }
      expect(isSynthesized({ a: [1, 'x', { b: true, c: {} }], b: {} })).toBe(true);
    });
  });

  describe('synthesizedJson', () => {
    /** What cdk8s makes of `spec` in a plain ApiObject. */
    const cdk8sSpec = (spec: unknown) => new ApiObject(Testing.chart(), 'o', { apiVersion: 'v1', kind: 'K', spec }).toJson().spec;

    test('plain data comes out exactly as cdk8s synthesizes it', () => {
      fc.assert(fc.property(plainData, (spec) => {
        expect(JSON.stringify(synthesizedJson(spec))).toBe(JSON.stringify(cdk8sSpec(spec)));
        expect(Object.keys(synthesizedJson(spec) as object)).toEqual(Object.keys(cdk8sSpec(spec)));
      }), { numRuns: 200 });
    });

    test('undefined when a resolver would act: a Lazy, a token, a class instance', () => {
      expect(synthesizedJson({ a: { b: Lazy.any({ produce: () => 1 }) } })).toBeUndefined();
      expect(synthesizedJson({ a: [{ resolve: () => 'x' }] })).toBeUndefined();
      expect(synthesizedJson({ a: new Date(0) })).toBeUndefined();
      expect(synthesizedJson({ a: Object.create(null) })).toBeUndefined();
      expect(synthesizedJson({ constructor: 'x' })).toBeUndefined();
      expect(synthesizedJson(null)).toBeUndefined();
    });

    test('undefined for values only cdk8s knows what to do with: functions, symbols, BigInts', () => {
      expect(synthesizedJson({ a: () => 1 })).toBeUndefined();
      expect(synthesizedJson({ a: [Symbol('s')] })).toBeUndefined();
      expect(synthesizedJson({ a: BigInt(1) })).toBeUndefined();
      expect(synthesizedJson({ a: ['x', 1, true, { b: 1.5 }] })).toEqual({ a: ['x', 1, true, { b: 1.5 }] });
    });
  });

  describe('isSynthesizedUpToOrder', () => {
    test('when true, synthesizedJson gives the same value up to key order and undefined fields', () => {
      fc.assert(fc.property(plainData, (value) => {
        if (isSynthesizedUpToOrder(value)) expect(synthesizedJson(value)).toEqual(value);
      }), { numRuns: 300 });
    });

    test('true for plain values with undefined fields; false for null, tokens, class instances and holes', () => {
      expect(isSynthesizedUpToOrder({ b: 1, a: { c: ['x', true], d: undefined } })).toBe(true);
      expect(isSynthesizedUpToOrder({ a: null })).toBe(false);
      expect(isSynthesizedUpToOrder({ a: [1, null] })).toBe(false);
      expect(isSynthesizedUpToOrder({ a: Lazy.any({ produce: () => 1 }) })).toBe(false);
      expect(isSynthesizedUpToOrder({ a: { resolve: () => 1 } })).toBe(false);
      expect(isSynthesizedUpToOrder({ a: new Date(0) })).toBe(false);
      expect(isSynthesizedUpToOrder({ a: [1, , 3] })).toBe(false); // eslint-disable-line no-sparse-arrays
      expect(isSynthesizedUpToOrder({ a: () => 1 })).toBe(false);
    });
  });
});
