import { Testing } from 'cdk8s';
import { Warnings } from '../../../src/constructs/app/warnings';
import { Severity } from '../../../src/values/finding';
import { ValidationError } from '../../../src/values/validation-error';

describe('Warnings: a typed boundary for JavaScript callers', () => {
  test.each([undefined, null, 'app', {}, { node: {} }])('Warnings.of(%j) is a ValidationError naming the argument', (scope) => {
    expect(() => Warnings.of(scope as any)).toThrow(ValidationError);
    expect(() => Warnings.of(scope as any)).toThrow(/Warnings\.of\(scope\)/);
    expect(() => Warnings.strict(scope as any)).toThrow(/Warnings\.strict\(scope\)/);
    expect(() => Warnings.acknowledge(scope as any, 'PLACEMENT_GUEST_THREADS_MISMATCH', 'x')).toThrow(/Warnings\.acknowledge\(scope\)/);
  });

  test('Warnings.strict takes a boolean', () => {
    expect(() => Warnings.strict(Testing.chart(), 'yes' as any)).toThrow(/\[PROP_TYPE_INVALID\] Warnings\.strict\(strict\)/);
  });

  test('Warnings.add records a complete finding and refuses an incomplete one', () => {
    const chart = Testing.chart();
    const finding = { code: 'APP_OWN_ADVICE', severity: Severity.WARNING, field: 'x', value: '1', expected: '2', fix: 'set 2' };
    Warnings.of(chart).add(finding);
    expect(Warnings.of(chart).list()).toEqual(['[test] [APP_OWN_ADVICE] x: got 1, expected 2; fix: set 2']);
    expect(() => Warnings.of(chart).add({ code: 'X' } as any)).toThrow(/\[PROP_REQUIRED\] severity: got \(not set\)/);
    expect(() => Warnings.of(chart).add(null as any)).toThrow(ValidationError);
  });
});
