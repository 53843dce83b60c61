import { checkArguments, objectWith } from '../../src/plan/plan-inputs-schema';
import { formatFinding, Finding } from '../../src/values/finding';
import { Prop } from '../../src/values/prop-check';

describe('objectWith', () => {
  const rule = objectWith<{ a: number; b?: string }>({ a: Prop.integer(1), b: Prop.string() }, ['a'], 'an AB');
  const check = (value: unknown) => {
    const out: Finding[] = [];
    rule.check(value, 'x', out);
    return out.map(formatFinding);
  };

  test('checks the keys the schema lists and leaves the others alone', () => {
    expect(check({ a: 1, extra: 'kept' })).toEqual([]);
    expect(check({ a: 0, b: 'y', extra: NaN })).toEqual(['[PROP_TYPE_INVALID] x.a: got 0, expected a whole number ≥ 1; fix: write a whole number, without quotes']);
    expect(check({ b: 'y' })).toEqual(['[PROP_REQUIRED] x.a: got (not set), expected a whole number ≥ 1; fix: set x.a: the library never picks it for you']);
  });

  test('a value that is no object is named by its field', () => {
    expect(check('ab')[0]).toMatch(/^\[PROP_TYPE_INVALID\] x: got "ab", expected an object with the an AB/);
    expect(check([1])[0]).toMatch(/^\[PROP_TYPE_INVALID\] x: got a list of 1 item/);
  });
});

describe('checkArguments', () => {
  test('prefixes the function; a null required argument is a missing one', () => {
    expect(() => checkArguments({ a: null }, { a: Prop.integer() }, ['a'], 'f')).toThrow('[f] [PROP_REQUIRED] a: got (not set), expected a whole number ≥ 0; fix: set a');
    expect(() => checkArguments({ a: null }, { a: Prop.integer() }, [], 'f')).toThrow('[f] [PROP_TYPE_INVALID] a: got null');
    expect(() => checkArguments({ a: 2 }, { a: Prop.integer() }, ['a'], 'f')).not.toThrow();
  });
});
