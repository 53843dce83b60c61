import * as fc from 'fast-check';
import { checkProps, checkValue, isPlainObject, Prop, propFindings, PropSchema } from '../../src/values/prop-check';
import { ValidationError } from '../../src/values/validation-error';

interface Sample {
  readonly count: number;
  readonly flag?: boolean;
  readonly name?: string;
  readonly names?: string[];
  readonly labels?: { [key: string]: string };
  readonly nested?: { readonly a: number; readonly b?: boolean };
  readonly level?: string;
}

enum Level { LOW = 'low', HIGH = 'high' }

const SCHEMA: PropSchema<Sample> = {
  count: Prop.integer(1, 10),
  flag: Prop.boolean(),
  name: Prop.string(),
  names: Prop.arrayOf(Prop.string(), 3),
  labels: Prop.record(Prop.string(true), 2),
  nested: Prop.struct<{ a: number; b?: boolean }>({ a: Prop.wholeNumber(), b: Prop.boolean() }, ['a'], 'a nested { a, b }'),
  level: Prop.oneOf(Level, 'Level'),
};

const lines = (props: unknown) => propFindings(props as Sample, SCHEMA, ['count'], 'Sample props')
  .map((f) => `[${f.code}] ${f.field}: got ${f.value}, expected ${f.expected}`);

describe('checkProps', () => {
  test('accepts props of the right types', () => {
    expect(lines({ count: 3, flag: false, name: 'x', names: ['a'], labels: { a: '' }, nested: { a: -1 }, level: Level.LOW })).toEqual([]);
  });

  test('names the field, the value and the expected type of each problem, all at once', () => {
    expect(lines({ count: '3', flag: 'no', name: '', names: 'a', labels: { a: 1 }, nested: { a: 1.5, c: 1 }, level: 'mid' })).toEqual([
      '[PROP_TYPE_INVALID] count: got "3", expected a whole number from 1 to 10',
      '[PROP_TYPE_INVALID] flag: got "no", expected true or false',
      '[PROP_TYPE_INVALID] name: got "", expected a non-empty string',
      '[PROP_TYPE_INVALID] names: got "a", expected a list (array) of a non-empty string',
      '[PROP_TYPE_INVALID] labels["a"]: got 1, expected a string',
      '[PROP_UNKNOWN] nested.c: got 1, expected one of the a nested { a, b } (a, b)',
      '[PROP_TYPE_INVALID] nested.a: got 1.5, expected a whole number',
      '[PROP_TYPE_INVALID] level: got "mid", expected a Level ("low", "high")',
    ]);
  });

  test('a required prop missing, null for an optional one, an unknown prop with a suggestion', () => {
    expect(lines({ flag: null, cuont: 2 })).toEqual([
      '[PROP_UNKNOWN] cuont: got 2, expected one of the Sample props (count, flag, name, names, labels, nested, level)',
      '[PROP_REQUIRED] count: got (not set), expected a whole number from 1 to 10',
      '[PROP_TYPE_INVALID] flag: got null, expected true or false, or the prop left out',
    ]);
    expect(propFindings({ cuont: 2 } as unknown as Sample, SCHEMA, [], 'Sample props')[0].fix).toContain('did you mean "count"?');
  });

  test('null for a required prop asks for a value, not for leaving it out', () => {
    const [f] = propFindings({ count: null } as unknown as Sample, SCHEMA, ['count'], 'Sample props');
    expect([f.code, f.expected, f.fix]).toEqual(['PROP_TYPE_INVALID', 'a whole number from 1 to 10', 'set count: the library never picks it for you']);
  });

  test('describes objects by their kind, never by their contents; cuts long strings', () => {
    class Odd {}
    expect(lines({ count: new Odd() })[0]).toBe('[PROP_TYPE_INVALID] count: got an object of class Odd, expected a whole number from 1 to 10');
    expect(lines({ count: [1, 2] })[0]).toContain('got a list of 2 items');
    expect(lines({ count: () => 1 })[0]).toContain('got a function');
    expect(lines({ count: 'x'.repeat(500) })[0]).toContain(`got "${'x'.repeat(80)}..."`);
    expect(lines(undefined)).toEqual(['[PROP_TYPE_INVALID] Sample props: got (not set), expected an object with the Sample props']);
    expect(lines([1])).toEqual(['[PROP_TYPE_INVALID] Sample props: got a list of 1 item, expected an object with the Sample props']);
  });

  test('caps list and map sizes', () => {
    expect(lines({ count: 1, names: ['a', 'b', 'c', 'd'] })).toEqual(['[PROP_TYPE_INVALID] names: got "4 items", expected at most 3 items']);
    expect(lines({ count: 1, labels: { a: '', b: '', c: '' } })).toEqual(['[PROP_TYPE_INVALID] labels: got "3 entries", expected at most 2 entries']);
  });

  test('throws one ValidationError naming the construct path', () => {
    expect(() => checkProps({ count: 0 } as Sample, SCHEMA, ['count'], 'Sample props', 'app/chart/thing'))
      .toThrow(ValidationError);
    expect(() => checkProps({ count: 0 } as Sample, SCHEMA, ['count'], 'Sample props', 'app/chart/thing'))
      .toThrow('[app/chart/thing] [PROP_TYPE_INVALID] count: got 0, expected a whole number from 1 to 10');
    expect(() => checkProps({ count: 1 } as Sample, SCHEMA, ['count'], 'Sample props')).not.toThrow();
  });

  test('never throws anything but a ValidationError, whatever it is given, and reports at most 20 problems', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), (props) => {
      let found: unknown[] = [];
      try {
        found = propFindings(props as Sample, SCHEMA, ['count'], 'Sample props');
      } catch (e) {
        throw new Error(`propFindings threw ${String(e)}`);
      }
      expect(found.length).toBeLessThanOrEqual(20);
    }), { numRuns: 500 });
  });
});

describe('checkValue', () => {
  const line = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return (e as ValidationError).message;
    }
    return '';
  };

  test('checks one argument with a prop rule: missing, null, wrong type', () => {
    expect(line(() => checkValue('x', Prop.string(), 'Thing.of(text)'))).toBe('');
    expect(line(() => checkValue(undefined, Prop.string(), 'Thing.of(text)')))
      .toBe('[PROP_REQUIRED] Thing.of(text): got (not set), expected a non-empty string; fix: pass a non-empty string');
    expect(line(() => checkValue(null, Prop.string(), 'Thing.of(text)')))
      .toBe('[PROP_TYPE_INVALID] Thing.of(text): got null, expected a non-empty string; fix: pass a non-empty string');
    expect(line(() => checkValue(3, Prop.string(), 'Thing.of(text)')))
      .toBe('[PROP_TYPE_INVALID] Thing.of(text): got 3, expected a non-empty string; fix: write the value as a string');
    expect(line(() => checkValue([1, 'a', 2.5], Prop.arrayOf(Prop.wholeNumber()), 'Thing.of(ids)'))).toBe(
      '[PROP_TYPE_INVALID] Thing.of(ids)[1]: got "a", expected a whole number; fix: write a whole number, without quotes\n'
      + '[PROP_TYPE_INVALID] Thing.of(ids)[2]: got 2.5, expected a whole number; fix: write a whole number, without quotes');
  });

  test('an optional argument may be left out, not set to null', () => {
    expect(line(() => checkValue(undefined, Prop.boolean(), 'flag', true))).toBe('');
    expect(line(() => checkValue(null, Prop.boolean(), 'flag', true)))
      .toBe('[PROP_TYPE_INVALID] flag: got null, expected true or false, or nothing; fix: leave flag out instead of passing null');
  });
});

describe('Prop.fields', () => {
  const rule = Prop.fields<{ a: number; b?: boolean }>({ a: Prop.integer(1), b: Prop.boolean() }, ['a'], 'Pair fields');
  const check = (value: unknown) => {
    const out: ReturnType<typeof propFindings> = [];
    rule.check(value, 'pair', out);
    return out.map((f) => `[${f.code}] ${f.field}: got ${f.value}`);
  };

  test('checks the schema\'s fields of any object and ignores the others (a model object carries more)', () => {
    expect(check({ a: 2, extra: 'x' })).toEqual([]);
    expect(check(Object.assign(new Date(0), { a: 1 }))).toEqual([]);
    expect(check({ a: 0, b: 'no' })).toEqual(['[PROP_TYPE_INVALID] pair.a: got 0', '[PROP_TYPE_INVALID] pair.b: got "no"']);
    expect(check({ b: true })).toEqual(['[PROP_REQUIRED] pair.a: got (not set)']);
  });

  test('refuses what is not an object', () => {
    expect(check('x')).toEqual(['[PROP_TYPE_INVALID] pair: got "x"']);
    expect(check([1])).toEqual(['[PROP_TYPE_INVALID] pair: got a list of 1 item']);
  });
});

describe('isPlainObject', () => {
  test('only object literals and prototype-less objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const x of [null, [], new Date(0), 'x', 1, () => 1, new Map()]) expect(isPlainObject(x)).toBe(false);
  });
});
