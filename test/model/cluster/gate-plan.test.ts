import { GateInput, planGates } from '../../../src/model/cluster/gate-plan';
import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { KubeVirtFeatureUse as U } from '../../../src/values/cluster/feature-use';
import { HcoVersion } from '../../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';

function input(partial: Partial<Omit<GateInput, 'uses'>> & { uses?: U[] }): GateInput {
  const uses = (partial.uses ?? []).map((use) => ({ use, path: 'app/vm' }));
  return { version: KubeVirtVersion.V1_9, extraFeatureGates: [], disabledFeatureGates: [], ...partial, uses };
}

describe('planGates', () => {
  test('KubeVirt CR: required + extra, sorted and deduplicated, GA and missing gates left out', () => {
    const plan = planGates(input({
      version: KubeVirtVersion.V1_3,
      uses: [U.SIDECAR, U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH, U.DEDICATED_CPUS],
      extraFeatureGates: [FeatureGate.custom('DownwardMetrics'), FeatureGate.CPU_MANAGER, FeatureGate.VIDEO_CONFIG],
    }));
    expect(plan.featureGates).toEqual(['CPUManager', 'DownwardMetrics', 'NUMA', 'Sidecar']);
    expect(plan.enabledGates).toEqual(plan.featureGates);
    expect(plan.evenParityAnnotation).toBe(false);
  });

  test('even parity: AlignCPUs plus the annotation, only where the gate exists', () => {
    expect(planGates(input({ version: KubeVirtVersion.V1_2, uses: [U.EMULATOR_THREAD_EVEN_PARITY] })))
      .toMatchObject({ featureGates: ['AlignCPUs'], evenParityAnnotation: true });
    expect(planGates(input({ version: KubeVirtVersion.V1_1, uses: [U.EMULATOR_THREAD_EVEN_PARITY] })))
      .toMatchObject({ featureGates: [], evenParityAnnotation: false });
    expect(planGates(input({ uses: [U.EMULATOR_THREAD_EVEN_PARITY], disabledFeatureGates: [FeatureGate.ALIGN_CPUS] })))
      .toMatchObject({ featureGates: [], evenParityAnnotation: false, disabledFeatureGates: ['AlignCPUs'] });
  });

  test('disabledFeatureGates written from v1.8 only; disabled gates are never enabled', () => {
    const disabled = [FeatureGate.VSOCK, FeatureGate.SIDECAR, FeatureGate.NUMA];
    expect(planGates(input({ version: KubeVirtVersion.V1_7, uses: [U.SIDECAR], disabledFeatureGates: disabled })))
      .toMatchObject({ featureGates: [], disabledFeatureGates: [] });
    expect(planGates(input({ version: KubeVirtVersion.V1_8, disabledFeatureGates: disabled })))
      .toMatchObject({ featureGates: [], disabledFeatureGates: ['Sidecar', 'VSOCK'] });
  });

  test('HCO: hard-coded gates skipped, fields used where HCO has them, the rest via jsonpatch', () => {
    const plan = planGates(input({
      version: HcoVersion.V1_13.kubevirtVersion,
      hcoVersion: HcoVersion.V1_13,
      uses: [U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH, U.EMULATOR_THREAD_EVEN_PARITY, U.SIDECAR, U.VSOCK, U.HOST_DEVICES],
    }));
    expect(plan).toEqual({
      featureGates: [],
      disabledFeatureGates: [],
      evenParityAnnotation: false,
      hcoFeatureGates: { alignCpUs: true },
      hcoJsonPatchGates: ['Sidecar', 'VSOCK'],
      enabledGates: ['AlignCPUs', 'Sidecar', 'VSOCK'],
    });
  });

  test('HCO v1.18: VideoConfig through its field, disabled explicitly (HCO defaults it to true)', () => {
    const h = HcoVersion.V1_18;
    expect(planGates(input({ version: h.kubevirtVersion, hcoVersion: h, uses: [U.VIDEO_CONFIG] })).hcoFeatureGates)
      .toEqual({ videoConfig: true });
    expect(planGates(input({ version: h.kubevirtVersion, hcoVersion: h, disabledFeatureGates: [FeatureGate.VIDEO_CONFIG] })).hcoFeatureGates)
      .toEqual({ videoConfig: false });
    expect(planGates(input({ version: HcoVersion.V1_17.kubevirtVersion, hcoVersion: HcoVersion.V1_17, uses: [U.VIDEO_CONFIG] })).hcoJsonPatchGates)
      .toEqual(['VideoConfig']);
  });
});
