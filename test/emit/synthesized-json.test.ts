import { ApiObject, App, Chart, Lazy, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { isSynthesized, NOT_PLAIN, plainJson, usesBuiltInResolversOnly } from '../../src/emit/synthesized-json';
import { plainData } from '../fixtures/plain-data';

/** What cdk8s makes of `spec` in a plain ApiObject. */
const cdk8sSpec = (spec: unknown) => new ApiObject(Testing.chart(), 'o', { apiVersion: 'v1', kind: 'K', spec }).toJson().spec;

describe('plainJson', () => {
  test('plain data comes out exactly as cdk8s synthesizes it', () => {
    fc.assert(fc.property(plainData, (spec) => {
      expect(JSON.stringify(plainJson(spec))).toBe(JSON.stringify(cdk8sSpec(spec)));
      expect(Object.keys(plainJson(spec) as object)).toEqual(Object.keys(cdk8sSpec(spec)));
    }), { numRuns: 200 });
  });

  test('NOT_PLAIN when a resolver would act: a token, a class instance, an object without prototype', () => {
    expect(plainJson({ a: [{ resolve: () => 'x' }] })).toBe(NOT_PLAIN);
    expect(plainJson({ a: new Date(0) })).toBe(NOT_PLAIN);
    expect(plainJson({ a: Object.create(null) })).toBe(NOT_PLAIN);
    expect(plainJson({ constructor: 'x' })).toBe(NOT_PLAIN);
    expect(plainJson(null)).toBeUndefined();
  });

  test('produces Lazies like cdk8s\'s LazyResolver', () => {
    expect(plainJson({ a: { b: Lazy.any({ produce: () => ({ d: 1, c: 2 }) }) } })).toEqual({ a: { b: { c: 2, d: 1 } } });
  });

  test('NOT_PLAIN for values only cdk8s knows what to do with: functions, symbols, BigInts', () => {
    expect(plainJson({ a: () => 1 })).toBe(NOT_PLAIN);
    expect(plainJson({ a: [Symbol('s')] })).toBe(NOT_PLAIN);
    expect(plainJson({ a: BigInt(1) })).toBe(NOT_PLAIN);
    expect(plainJson({ a: ['x', 1, true, { b: 1.5 }] })).toEqual({ a: ['x', 1, true, { b: 1.5 }] });
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
      const synthesized = plainJson(v);
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
    // eslint-disable-next-line no-sparse-arrays
    for (const v of [null, undefined, { b: 1, a: 2 }, { a: undefined }, { a: null }, [1, , 2], [null], { a: Lazy.any({ produce: () => 1 }) },
      { a: { resolve: () => 1 } }, new Date(0), Object.create(null), () => 1, { 10: 1, 2: 2 }]) {
      expect(isSynthesized(v)).toBe(false);
    }
    expect(isSynthesized({ a: [1, 'x', { b: true, c: {} }], b: {} })).toBe(true);
  });
});

describe('usesBuiltInResolversOnly', () => {
  test('true in an app with the built-in resolvers', () => {
    expect(usesBuiltInResolversOnly(new ApiObject(Testing.chart(), 'O', { apiVersion: 'v1', kind: 'K' }))).toBe(true);
  });

  test('false outside an App (rendering would fail there) and with a resolver of the app\'s own', () => {
    expect(usesBuiltInResolversOnly(new ApiObject(new Chart(new Construct(undefined as any, 'root'), 'c'), 'O', { apiVersion: 'v1', kind: 'K' }))).toBe(false);
    const app = new App({ resolvers: [{ resolve: () => undefined }] });
    expect(usesBuiltInResolversOnly(new ApiObject(new Chart(app, 'c'), 'O', { apiVersion: 'v1', kind: 'K' }))).toBe(false);
  });
});
