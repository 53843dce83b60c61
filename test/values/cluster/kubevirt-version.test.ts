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

describe('KubeVirtVersion', () => {
  test('parses versions with or without v and patch', () => {
    expect(KubeVirtVersion.of('1.5.2').toString()).toBe('v1.5.2');
    expect(KubeVirtVersion.of('v1.5.2').toString()).toBe('v1.5.2');
    expect(KubeVirtVersion.of('1.5').toString()).toBe('v1.5.0');
    expect(KubeVirtVersion.of(' v1.10.3 ').minor).toBe(10);
    expect(KubeVirtVersion.of('1.6.0-rc.1').toString()).toBe('v1.6.0-rc.1');
  });

  test('constants cover v1.0 to v1.9', () => {
    expect(KubeVirtVersion.known().map(String)).toEqual(
      ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0', 'v1.4.0', 'v1.5.0', 'v1.6.0', 'v1.7.0', 'v1.8.0', 'v1.9.0']);
    expect(KubeVirtVersion.V1_4.minor).toBe(4);
  });

  test('compares by major, minor, patch (pre-release suffix ignored)', () => {
    const v152 = KubeVirtVersion.of('1.5.2');
    expect(v152.atLeast(KubeVirtVersion.V1_5)).toBe(true);
    expect(v152.atLeast(KubeVirtVersion.V1_6)).toBe(false);
    expect(v152.isOlderThan(KubeVirtVersion.V1_6)).toBe(true);
    expect(KubeVirtVersion.V1_5.isOlderThan(v152)).toBe(true);
    expect(KubeVirtVersion.of('1.10').atLeast(KubeVirtVersion.V1_9)).toBe(true);
    expect(KubeVirtVersion.of('2.0').atLeast(KubeVirtVersion.of('1.99.99'))).toBe(true);
    expect(KubeVirtVersion.of('1.6.0-rc.1').sameAs(KubeVirtVersion.V1_6)).toBe(true);
    expect(KubeVirtVersion.V1_3.compareTo(KubeVirtVersion.V1_3)).toBe(0);
  });

  test('CPU-manager node label changes at v1.8.0; realtime label is fixed', () => {
    expect(KubeVirtVersion.V1_7.cpuManagerNodeLabel).toBe('cpumanager');
    expect(KubeVirtVersion.of('1.7.9').cpuManagerNodeLabel).toBe('cpumanager');
    expect(KubeVirtVersion.V1_8.cpuManagerNodeLabel).toBe('kubevirt.io/cpumanager');
    expect(KubeVirtVersion.V1_9.cpuManagerNodeLabel).toBe('kubevirt.io/cpumanager');
    expect(KubeVirtVersion.V1_0.cpuManagerNodeLabel).toBe('cpumanager');
    for (const v of KubeVirtVersion.known()) expect(v.realtimeNodeLabel).toBe('kubevirt.io/realtime');
    expect(KubeVirtVersion.V1_3.schedulableNodeLabel).toBe('kubevirt.io/schedulable');
  });

  test('disabledFeatureGates from v1.8.0, Beta on by default from v1.9.0', () => {
    expect(KubeVirtVersion.V1_7.supportsDisabledFeatureGates).toBe(false);
    expect(KubeVirtVersion.V1_8.supportsDisabledFeatureGates).toBe(true);
    expect(KubeVirtVersion.V1_8.enablesBetaGatesByDefault).toBe(false);
    expect(KubeVirtVersion.V1_9.enablesBetaGatesByDefault).toBe(true);
  });

  test.each(['', 'latest', '1', '1.x', '01.5', '1.5.2.1', 'v', '1..2'])('fails on %j with KUBEVIRT_VERSION_SYNTAX', (text) => {
    const e = caught(() => KubeVirtVersion.of(text));
    expect(e.code).toBe('KUBEVIRT_VERSION_SYNTAX');
    expect(e.message).toContain(`version: got ${JSON.stringify(text)}`);
    expect(e.message).toContain('MAJOR.MINOR[.PATCH]');
  });

  test('fails on 0.x with KUBEVIRT_VERSION_UNSUPPORTED', () => {
    const e = caught(() => KubeVirtVersion.of('0.59.2'));
    expect(e.code).toBe('KUBEVIRT_VERSION_UNSUPPORTED');
    expect(e.message).toContain('[KUBEVIRT_VERSION_UNSUPPORTED] version: got "0.59.2", expected KubeVirt v1.0.0 or later');
  });

  test('refuses a version that is not a string (issue 13: 1.5 was read as "1.5") and numbers no release has', () => {
    expect(() => KubeVirtVersion.of(1.5 as unknown as string)).toThrow('[PROP_TYPE_INVALID] KubeVirtVersion.of(version): got 1.5, expected a string');
    expect(() => KubeVirtVersion.of(undefined as unknown as string)).toThrow('[PROP_REQUIRED] KubeVirtVersion.of(version)');
    expect(() => KubeVirtVersion.of('1.99999999999999999999')).toThrow(/KUBEVIRT_VERSION_SYNTAX/);
  });
});
