import { HcoVersion } from '../../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { ValidationError } from '../../../src/values/validation-error';

function caught(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('HcoVersion', () => {
  test('maps each HCO minor to the KubeVirt minor it ships', () => {
    expect(HcoVersion.known().map((h) => `${h} -> ${h.kubevirtVersion}`)).toEqual([
      'v1.10.0 -> v1.0.0', 'v1.11.0 -> v1.1.0', 'v1.12.0 -> v1.2.0', 'v1.13.0 -> v1.3.0', 'v1.14.0 -> v1.4.0',
      'v1.15.0 -> v1.5.0', 'v1.16.0 -> v1.6.0', 'v1.17.0 -> v1.7.0', 'v1.18.0 -> v1.8.0',
    ]);
    expect(HcoVersion.of('1.13.1').kubevirtVersion.sameAs(KubeVirtVersion.V1_3)).toBe(true);
    expect(HcoVersion.of('v1.18').kubevirtVersion.cpuManagerNodeLabel).toBe('kubevirt.io/cpumanager');
  });

  test('compares', () => {
    expect(HcoVersion.of('1.13.1').atLeast(HcoVersion.V1_13)).toBe(true);
    expect(HcoVersion.V1_13.isOlderThan(HcoVersion.V1_14)).toBe(true);
    expect(HcoVersion.V1_18.compareTo(HcoVersion.V1_10)).toBeGreaterThan(0);
    expect(HcoVersion.of('1.13.1').toString()).toBe('v1.13.1');
  });

  test.each(['', '4.16', 'v1', '1.13.x'])('fails on %j', (text) => {
    const e = caught(() => HcoVersion.of(text));
    expect(['HCO_VERSION_SYNTAX', 'HCO_VERSION_UNSUPPORTED']).toContain(e.code);
    expect(e.message).toContain(`hcoVersion: got ${JSON.stringify(text)}`);
  });

  test('fails on a syntax error with HCO_VERSION_SYNTAX', () => {
    expect(caught(() => HcoVersion.of('one.thirteen')).message)
      .toContain('[HCO_VERSION_SYNTAX] hcoVersion: got "one.thirteen", expected an HCO release such as "1.13.1"');
  });

  test('fails before v1.10 and on OpenShift-style versions with HCO_VERSION_UNSUPPORTED', () => {
    expect(caught(() => HcoVersion.of('1.9.0')).message)
      .toContain('[HCO_VERSION_UNSUPPORTED] hcoVersion: got "1.9.0", expected HCO v1.10.0 or a later 1.x release');
    expect(caught(() => HcoVersion.of('4.16.0')).code).toBe('HCO_VERSION_UNSUPPORTED');
  });

  test('refuses a version that is not a string (issue 13)', () => {
    expect(() => HcoVersion.of(1.13 as unknown as string)).toThrow('[PROP_TYPE_INVALID] HcoVersion.of(version): got 1.13, expected a string');
    expect(() => HcoVersion.of(`1.${'1'.repeat(30)}`)).toThrow(/HCO_VERSION_SYNTAX/);
  });
});
