import { TalosVersion } from '../../../src/values/cluster/talos-version';
import { ValidationError } from '../../../src/values/validation-error';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ValidationError ? e.findings[0].code : undefined;
  }
  return undefined;
}

describe('TalosVersion', () => {
  test('parses v-prefixed, two- and three-part versions and keeps a pre-release suffix', () => {
    expect(TalosVersion.of('v1.13.9').toString()).toBe('v1.13.9');
    expect(TalosVersion.of('1.13').toString()).toBe('v1.13.0');
    expect(TalosVersion.of('1.14.0-rc.1').toString()).toBe('v1.14.0-rc.1');
    expect(TalosVersion.of('1.14.0-rc.1').compareTo(TalosVersion.V1_14)).toBe(0);
  });

  test('contract version and the 1.14 document split', () => {
    expect(TalosVersion.of('1.13.9').contractVersion).toBe('v1.13');
    expect(TalosVersion.V1_13.splitsMachineConfig).toBe(false);
    expect(TalosVersion.of('1.14.2').splitsMachineConfig).toBe(true);
    expect(TalosVersion.V1_14.atLeast(TalosVersion.V1_13)).toBe(true);
    expect(TalosVersion.V1_13.isOlderThan(TalosVersion.V1_14)).toBe(true);
  });

  test('refuses text that is no version (TALOS_VERSION_SYNTAX) and releases before 1.13 (TALOS_VERSION_UNSUPPORTED)', () => {
    expect(codeOf(() => TalosVersion.of('latest'))).toBe('TALOS_VERSION_SYNTAX');
    expect(codeOf(() => TalosVersion.of(undefined as any))).toBe('PROP_REQUIRED');
    expect(codeOf(() => TalosVersion.of(1.13 as any))).toBe('PROP_TYPE_INVALID');
    expect(codeOf(() => TalosVersion.of('1.12.6'))).toBe('TALOS_VERSION_UNSUPPORTED');
  });
});
