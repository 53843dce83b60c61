import { FeatureGateState } from '../../../src/values/cluster/feature-gate-state';
import { firstVersionWithGate, firstVersionWithGateGa, gateStateIn, isBeyondGateTable, isGateOnByDefault } from '../../../src/values/cluster/gate-table';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';

const S = FeatureGateState;

describe('gate table (kubevirt.md §2.2)', () => {
  const row = (name: string) => KubeVirtVersion.known().map((v) => gateStateIn(name, v));

  test('states per release', () => {
    const opt5 = [S.OPT_IN, S.OPT_IN, S.OPT_IN, S.OPT_IN, S.OPT_IN];
    const alpha5 = [S.ALPHA, S.ALPHA, S.ALPHA, S.ALPHA, S.ALPHA];
    const ga5 = [S.GA, S.GA, S.GA, S.GA, S.GA];
    const absent = (n: number) => Array(n).fill(S.NOT_PRESENT);
    expect(row('CPUManager')).toEqual([...opt5, ...alpha5]);
    expect(row('NUMA')).toEqual([S.OPT_IN, S.OPT_IN, S.OPT_IN, S.OPT_IN, S.GA, ...ga5]);
    expect(row('AlignCPUs')).toEqual([...absent(2), S.OPT_IN, S.OPT_IN, S.OPT_IN, ...alpha5]);
    expect(row('Sidecar')).toEqual([...opt5, ...alpha5]);
    expect(row('HostDevices')).toEqual([...opt5, ...alpha5]);
    expect(row('VMLiveUpdateFeatures')).toEqual([...opt5, ...ga5]);
    expect(row('VideoConfig')).toEqual([...absent(6), S.ALPHA, S.BETA, S.BETA, S.GA]);
    expect(row('ReservedOverheadMemlock')).toEqual([...absent(8), S.ALPHA, S.ALPHA]);
    expect(row('PCINUMAAwareTopology')).toEqual([...absent(8), S.ALPHA, S.ALPHA]);
    expect(row('VSOCK')).toEqual([...opt5, ...alpha5]);
    // Registered Alpha from v1.5.0 (featuregate/active.go); a plain gate before.
    expect(row('ExperimentalIgnitionSupport')).toEqual([...opt5, ...alpha5]);
    // Added in v1.1.0, GA in v1.4.0 (featuregate/inactive.go of v1.9.0: "Alpha: v1.1.0, Beta: v1.2.0, GA: v1.4.0").
    expect(row('CommonInstancetypesDeploymentGate')).toEqual([...absent(1), S.OPT_IN, S.OPT_IN, S.OPT_IN, S.GA, ...ga5]);
  });

  test('unknown names are UNKNOWN; releases beyond v1.9 use the v1.9 column', () => {
    expect(gateStateIn('DownwardMetrics', KubeVirtVersion.V1_5)).toBe(S.UNKNOWN);
    expect(isBeyondGateTable(KubeVirtVersion.of('1.10.0'))).toBe(true);
    expect(isBeyondGateTable(KubeVirtVersion.of('2.0.0'))).toBe(true);
    expect(isBeyondGateTable(KubeVirtVersion.of('1.9.3'))).toBe(false);
    expect(gateStateIn('VideoConfig', KubeVirtVersion.of('1.12.0'))).toBe(S.GA);
    expect(gateStateIn('VideoConfig', KubeVirtVersion.of('1.7.4'))).toBe(S.BETA);
  });

  test('first release with the gate / with GA', () => {
    expect(String(firstVersionWithGate('AlignCPUs'))).toBe('v1.2.0');
    expect(String(firstVersionWithGate('CPUManager'))).toBe('v1.0.0');
    expect(firstVersionWithGate('Nope')).toBeUndefined();
    expect(String(firstVersionWithGateGa('NUMA'))).toBe('v1.4.0');
    expect(firstVersionWithGateGa('CPUManager')).toBeUndefined();
  });

  test('on by default: GA always, Beta only from v1.9.0', () => {
    expect(isGateOnByDefault(S.GA, KubeVirtVersion.V1_0)).toBe(true);
    expect(isGateOnByDefault(S.BETA, KubeVirtVersion.V1_8)).toBe(false);
    expect(isGateOnByDefault(S.BETA, KubeVirtVersion.V1_9)).toBe(true);
    for (const s of [S.ALPHA, S.OPT_IN, S.NOT_PRESENT, S.UNKNOWN]) expect(isGateOnByDefault(s, KubeVirtVersion.V1_9)).toBe(false);
  });
});
