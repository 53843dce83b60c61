import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { hcoFieldForGate, hcoHardCodesGate } from '../../../src/values/cluster/hco-gates';
import { HcoVersion } from '../../../src/values/cluster/hco-version';

describe('HCO gate handling', () => {
  test('hard-coded gates: CPUManager and HostDevices always, NUMA up to v1.13', () => {
    for (const h of HcoVersion.known()) {
      expect(hcoHardCodesGate(FeatureGate.CPU_MANAGER, h)).toBe(true);
      expect(hcoHardCodesGate(FeatureGate.HOST_DEVICES, h)).toBe(true);
      expect(hcoHardCodesGate(FeatureGate.SIDECAR, h)).toBe(false);
    }
    expect(hcoHardCodesGate(FeatureGate.NUMA, HcoVersion.V1_13)).toBe(true);
    expect(hcoHardCodesGate(FeatureGate.NUMA, HcoVersion.V1_14)).toBe(false);
  });

  test('fields: alignCPUs from v1.11, videoConfig from v1.18', () => {
    expect(hcoFieldForGate(FeatureGate.ALIGN_CPUS, HcoVersion.V1_10)).toBeUndefined();
    expect(hcoFieldForGate(FeatureGate.ALIGN_CPUS, HcoVersion.V1_11)).toEqual({ jsonName: 'alignCPUs', propName: 'alignCpUs' });
    expect(hcoFieldForGate(FeatureGate.VIDEO_CONFIG, HcoVersion.V1_17)).toBeUndefined();
    expect(hcoFieldForGate(FeatureGate.VIDEO_CONFIG, HcoVersion.V1_18)?.jsonName).toBe('videoConfig');
    expect(hcoFieldForGate(FeatureGate.SIDECAR, HcoVersion.V1_18)).toBeUndefined();
  });
});
