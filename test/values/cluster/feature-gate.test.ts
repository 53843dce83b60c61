import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { FeatureGateState } from '../../../src/values/cluster/feature-gate-state';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { ValidationError } from '../../../src/values/validation-error';

describe('FeatureGate', () => {
  test('well-known gates carry the KubeVirt names', () => {
    expect(FeatureGate.wellKnown().map(String)).toEqual([
      'CPUManager', 'NUMA', 'AlignCPUs', 'Sidecar', 'HostDevices', 'VMLiveUpdateFeatures', 'VideoConfig',
      'ReservedOverheadMemlock', 'PCINUMAAwareTopology', 'VSOCK', 'ExperimentalIgnitionSupport', 'CommonInstancetypesDeploymentGate',
    ]);
    expect(FeatureGate.wellKnown().every((g) => g.isWellKnown)).toBe(true);
  });

  test('custom() returns the well-known gate for a known name, else a pass-through gate', () => {
    expect(FeatureGate.custom('CPUManager')).toBe(FeatureGate.CPU_MANAGER);
    const dm = FeatureGate.custom('DownwardMetrics');
    expect(dm.name).toBe('DownwardMetrics');
    expect(dm.isWellKnown).toBe(false);
    expect(dm.stateIn(KubeVirtVersion.V1_5)).toBe(FeatureGateState.UNKNOWN);
    expect(dm.introducedIn).toBeUndefined();
    expect(dm.isOnByDefaultIn(KubeVirtVersion.V1_9)).toBe(false);
  });

  test('state and default per release', () => {
    expect(FeatureGate.NUMA.stateIn(KubeVirtVersion.V1_3)).toBe(FeatureGateState.OPT_IN);
    expect(FeatureGate.NUMA.isOnByDefaultIn(KubeVirtVersion.V1_3)).toBe(false);
    expect(FeatureGate.NUMA.isOnByDefaultIn(KubeVirtVersion.V1_4)).toBe(true);
    expect(FeatureGate.VIDEO_CONFIG.isOnByDefaultIn(KubeVirtVersion.V1_8)).toBe(false);
    expect(FeatureGate.VIDEO_CONFIG.isOnByDefaultIn(KubeVirtVersion.V1_9)).toBe(true);
    expect(FeatureGate.CPU_MANAGER.isOnByDefaultIn(KubeVirtVersion.V1_9)).toBe(false);
    expect(String(FeatureGate.ALIGN_CPUS.introducedIn)).toBe('v1.2.0');
  });

  test.each(['', 'cpu manager', '1Gate', 'Align-CPUs'])('fails on %j with FEATURE_GATE_NAME_SYNTAX', (name) => {
    let caught: unknown;
    try {
      FeatureGate.custom(name);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).code).toBe('FEATURE_GATE_NAME_SYNTAX');
    expect((caught as ValidationError).message).toContain(`featureGate: got ${JSON.stringify(name)}`);
  });

  test('custom() refuses a name that is not a string at the typed boundary (issue 13)', () => {
    expect(() => FeatureGate.custom(undefined as unknown as string)).toThrow('[PROP_REQUIRED] FeatureGate.custom(name)');
    expect(() => FeatureGate.custom(['NUMA'] as unknown as string)).toThrow('[PROP_TYPE_INVALID] FeatureGate.custom(name): got a list of 1 item');
  });
});
