import { GateInput } from '../../src/model/cluster/gate-plan';
import { clusterIdentityFindings } from '../../src/rules/cluster-identity';
import { CLUSTER_CODES } from '../../src/rules/codes-cluster';
import {
  clusterTargetFindings, disabledRequiredFindings, enabledAndDisabledFindings, featureAvailabilityFindings,
  gaGateFindings, gateFindings, gateNotInVersionFindings, hcoGateFindings, requiredGates, versionBeyondTableFindings,
} from '../../src/rules/gate-rules';
import { FeatureGate } from '../../src/values/cluster/feature-gate';
import { KubeVirtFeatureUse as U } from '../../src/values/cluster/feature-use';
import { HcoVersion } from '../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { Finding, formatFinding, Severity } from '../../src/values/finding';
import { ValidationError } from '../../src/values/validation-error';

function kv(version: KubeVirtVersion, partial: Partial<Omit<GateInput, 'uses'>> & { uses?: U[] } = {}): GateInput {
  return {
    version,
    extraFeatureGates: [],
    disabledFeatureGates: [],
    ...partial,
    uses: (partial.uses ?? []).map((use) => ({ use, path: 'app/chart/vm' })),
  };
}

function onHco(hco: HcoVersion, partial: Partial<Omit<GateInput, 'uses'>> & { uses?: U[] } = {}): GateInput {
  return kv(hco.kubevirtVersion, { ...partial, hcoVersion: hco });
}

const lines = (findings: Finding[]) => findings.map(formatFinding);

describe('gate rules', () => {
  test('requiredGates is re-exported for the rules layer', () => {
    expect(requiredGates(KubeVirtVersion.V1_3, [U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH]).map((r) => r.gate.name))
      .toEqual(['CPUManager', 'NUMA']);
  });

  test('a valid setup has no finding', () => {
    const rtVm = [U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH, U.EMULATOR_THREAD_EVEN_PARITY];
    expect(gateFindings(kv(KubeVirtVersion.V1_3, { uses: rtVm }))).toEqual([]);
    expect(gateFindings(onHco(HcoVersion.V1_14, { uses: [U.DEDICATED_CPUS, U.EMULATOR_THREAD_EVEN_PARITY] }))).toEqual([]);
  });

  test('GATE_DISABLED_BUT_REQUIRED names the use, the consumer, the gate and why', () => {
    const findings = disabledRequiredFindings(kv(KubeVirtVersion.V1_8, {
      uses: [U.DEDICATED_CPUS], disabledFeatureGates: [FeatureGate.CPU_MANAGER],
    }));
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe(Severity.ERROR);
    expect(lines(findings)[0]).toBe('[GATE_DISABLED_BUT_REQUIRED] disabledFeatureGates: got "CPUManager", expected CPUManager enabled, '
      + 'because DEDICATED_CPUS of app/chart/vm needs it: DEDICATED_CPUS: virt-handler sets the CPU-manager node label to true only '
      + 'when CPUManager is on; without it dedicated-CPU pods stay Pending (CPUManager is Alpha (off unless listed) in KubeVirt v1.8.0); '
      + 'fix: remove CPUManager from disabledFeatureGates, or stop using DEDICATED_CPUS');
    // NUMA is GA on v1.4: disabling it is not "disabling a required gate" (it is GATE_GA_NOT_DISABLABLE instead)
    const numaOff = kv(KubeVirtVersion.V1_4, { uses: [U.GUEST_MAPPING_PASSTHROUGH], disabledFeatureGates: [FeatureGate.NUMA] });
    expect(disabledRequiredFindings(numaOff)).toEqual([]);
  });

  test('GATE_ENABLED_AND_DISABLED quotes KubeVirt\'s rejection', () => {
    const findings = enabledAndDisabledFindings(kv(KubeVirtVersion.V1_8, {
      extraFeatureGates: [FeatureGate.VSOCK], disabledFeatureGates: [FeatureGate.VSOCK, FeatureGate.custom('VSOCK')],
    }));
    expect(lines(findings)).toEqual(['[GATE_ENABLED_AND_DISABLED] disabledFeatureGates: got "VSOCK", expected a gate in only one of '
      + 'extraFeatureGates and disabledFeatureGates (KubeVirt rejects: feature gate "VSOCK" exists on both "FeatureGates" and '
      + '"DisabledFeatureGates"); fix: remove VSOCK from one of the two lists']);
  });

  test('GATE_NOT_IN_VERSION for AlignCPUs on v1.1, in either list', () => {
    const findings = gateNotInVersionFindings(kv(KubeVirtVersion.V1_1, {
      extraFeatureGates: [FeatureGate.ALIGN_CPUS], disabledFeatureGates: [FeatureGate.RESERVED_OVERHEAD_MEMLOCK],
    }));
    expect(lines(findings)).toEqual([
      '[GATE_NOT_IN_VERSION] extraFeatureGates: got "AlignCPUs", expected a gate KubeVirt v1.1.0 has (AlignCPUs first appears in '
      + 'KubeVirt v1.2.0); fix: remove AlignCPUs from extraFeatureGates, or target KubeVirt v1.2.0 or later',
      '[GATE_NOT_IN_VERSION] disabledFeatureGates: got "ReservedOverheadMemlock", expected a gate KubeVirt v1.1.0 has '
      + '(ReservedOverheadMemlock first appears in KubeVirt v1.8.0); fix: remove ReservedOverheadMemlock from disabledFeatureGates, '
      + 'or target KubeVirt v1.8.0 or later',
    ]);
    expect(gateNotInVersionFindings(kv(KubeVirtVersion.V1_1, { extraFeatureGates: [FeatureGate.custom('Foo')] }))).toEqual([]);
  });

  test('FEATURE_NEEDS_NEWER_KUBEVIRT for even parity before v1.2 and VideoConfig before v1.6', () => {
    const input = kv(KubeVirtVersion.V1_1, { uses: [U.EMULATOR_THREAD_EVEN_PARITY, U.DEDICATED_CPUS] });
    input.uses.push({ use: U.EMULATOR_THREAD_EVEN_PARITY, path: 'app/chart/vm2' });
    expect(lines(featureAvailabilityFindings(input))).toEqual(['[FEATURE_NEEDS_NEWER_KUBEVIRT] version: got "v1.1.0", expected '
      + 'KubeVirt v1.2.0 or later: EMULATOR_THREAD_EVEN_PARITY of app/chart/vm, app/chart/vm2 needs the AlignCPUs gate, which '
      + 'KubeVirt v1.1.0 does not have; fix: upgrade to KubeVirt v1.2.0+ or stop using EMULATOR_THREAD_EVEN_PARITY']);
    const hco = featureAvailabilityFindings(onHco(HcoVersion.V1_15, { uses: [U.VIDEO_CONFIG] }));
    expect(lines(hco)[0]).toContain('[FEATURE_NEEDS_NEWER_KUBEVIRT] hcoVersion: got "v1.15.0", expected KubeVirt v1.6.0 or later');
    expect(lines(hco)[0]).toContain('which HCO v1.15.0 (KubeVirt v1.5.0) does not have');
  });

  test('GATE_GA_REDUNDANT (warning, KubeVirt\'s text) and GATE_GA_NOT_DISABLABLE (warning)', () => {
    const findings = gaGateFindings(kv(KubeVirtVersion.V1_5, {
      extraFeatureGates: [FeatureGate.NUMA, FeatureGate.NUMA, FeatureGate.CPU_MANAGER], disabledFeatureGates: [FeatureGate.VM_LIVE_UPDATE_FEATURES],
    }));
    expect(findings.map((f) => f.severity)).toEqual([Severity.WARNING, Severity.WARNING]);
    expect(lines(findings)).toEqual([
      '[GATE_GA_REDUNDANT] extraFeatureGates: got "NUMA", expected no GA gate (GA since KubeVirt v1.4.0; KubeVirt warns: feature '
      + 'gate NUMA is deprecated (feature state is "General Availability"), therefore it can be safely removed and is redundant); '
      + 'fix: remove NUMA from extraFeatureGates',
      '[GATE_GA_NOT_DISABLABLE] disabledFeatureGates: got "VMLiveUpdateFeatures", expected a gate that can be turned off '
      + '(VMLiveUpdateFeatures is GA in KubeVirt v1.5.0 and always on); fix: remove VMLiveUpdateFeatures from disabledFeatureGates',
    ]);
    expect(gaGateFindings(kv(KubeVirtVersion.V1_3, { extraFeatureGates: [FeatureGate.NUMA] }))).toEqual([]);
  });

  test('HCO_GATE_HARD_CODED, HCO_GATE_NOT_DISABLABLE and HCO_GATE_VIA_JSONPATCH', () => {
    const findings = hcoGateFindings(onHco(HcoVersion.V1_13, {
      uses: [U.SIDECAR, U.DEDICATED_CPUS],
      extraFeatureGates: [FeatureGate.NUMA, FeatureGate.custom('DownwardMetrics')],
      disabledFeatureGates: [FeatureGate.CPU_MANAGER],
    }));
    expect(findings.map((f) => `${f.code}:${f.severity}`)).toEqual(
      ['HCO_GATE_HARD_CODED:warning', 'HCO_GATE_NOT_DISABLABLE:error', 'HCO_GATE_VIA_JSONPATCH:warning']);
    expect(lines(findings)[0]).toBe('[HCO_GATE_HARD_CODED] extraFeatureGates: got "NUMA", expected a gate HCO does not set itself '
      + '(HCO v1.13.0 always writes NUMA into the KubeVirt CR); fix: remove NUMA from extraFeatureGates');
    expect(lines(findings)[1]).toContain('[HCO_GATE_NOT_DISABLABLE] disabledFeatureGates: got "CPUManager"');
    expect(lines(findings)[2]).toBe('[HCO_GATE_VIA_JSONPATCH] metadata.annotations["kubevirt.kubevirt.io/jsonpatch"]: got '
      + '["DownwardMetrics","Sidecar"], expected gates set through the HyperConverged API; HCO v1.13.0 has no field for '
      + 'DownwardMetrics, Sidecar, so they are appended with the jsonpatch annotation, which marks the HyperConverged CR '
      + 'TaintedConfiguration (unsupported); fix: accept the support exception, or stop using the features that need these gates');
    expect(hcoGateFindings(kv(KubeVirtVersion.V1_3, { uses: [U.SIDECAR] }))).toEqual([]);
  });

  test('VERSION_BEYOND_TABLE for KubeVirt after v1.9 and HCO after v1.18', () => {
    expect(lines(versionBeyondTableFindings(kv(KubeVirtVersion.of('1.10.1'))))).toEqual(['[VERSION_BEYOND_TABLE] version: got '
      + '"v1.10.1", expected a release this library has gate data for (KubeVirt up to v1.9.0, HCO up to v1.18.0); gate states of '
      + 'KubeVirt v1.9.0 are assumed; fix: check the rendered gates against the release notes, or upgrade cdk8s-kubevirt-realtime']);
    expect(versionBeyondTableFindings(onHco(HcoVersion.of('1.19.0')))[0]).toMatchObject({ code: 'VERSION_BEYOND_TABLE', field: 'hcoVersion', value: '"v1.19.0"' });
    expect(versionBeyondTableFindings(kv(KubeVirtVersion.of('1.9.5')))).toEqual([]);
  });

  test('CLUSTER_TARGET_MISSING, CLUSTER_TARGET_AMBIGUOUS, HCO_NAME_FIXED', () => {
    expect(lines(clusterTargetFindings({ hasVersion: false, hasHcoVersion: false }))).toEqual(['[CLUSTER_TARGET_MISSING] version: got '
      + '(not set), expected exactly one of version (vanilla KubeVirt) and hcoVersion (OpenShift Virtualization / HCO); fix: set '
      + 'version: KubeVirtVersion.V1_x, or hcoVersion: HcoVersion.V1_x on HCO-managed clusters']);
    expect(clusterTargetFindings({ hasVersion: true, hasHcoVersion: true })[0].code).toBe('CLUSTER_TARGET_AMBIGUOUS');
    expect(lines(clusterTargetFindings({ hasVersion: false, hasHcoVersion: true, name: 'hco' }))).toEqual(['[HCO_NAME_FIXED] name: got '
      + '"hco", expected "kubevirt-hyperconverged" (the only HyperConverged CR HCO reconciles); fix: leave name unset on HCO']);
    expect(clusterTargetFindings({ hasVersion: false, hasHcoVersion: true, name: 'kubevirt-hyperconverged' })).toEqual([]);
    expect(clusterTargetFindings({ hasVersion: true, hasHcoVersion: false, name: 'anything' })).toEqual([]);
  });

  test('every code the cluster rules and value types emit is registered with the severity it is emitted with', () => {
    const emitted: Finding[] = [
      ...gateFindings(kv(KubeVirtVersion.of('1.10.0'), {
        uses: [U.EMULATOR_THREAD_EVEN_PARITY, U.DEDICATED_CPUS],
        extraFeatureGates: [FeatureGate.VM_LIVE_UPDATE_FEATURES, FeatureGate.SIDECAR],
        disabledFeatureGates: [FeatureGate.CPU_MANAGER, FeatureGate.SIDECAR, FeatureGate.NUMA],
      })),
      ...gateFindings(kv(KubeVirtVersion.V1_1, { uses: [U.EMULATOR_THREAD_EVEN_PARITY], extraFeatureGates: [FeatureGate.ALIGN_CPUS] })),
      ...gateFindings(onHco(HcoVersion.V1_13, {
        uses: [U.SIDECAR], extraFeatureGates: [FeatureGate.NUMA], disabledFeatureGates: [FeatureGate.HOST_DEVICES],
      })),
      ...clusterTargetFindings({ hasVersion: false, hasHcoVersion: false }),
      ...clusterTargetFindings({ hasVersion: true, hasHcoVersion: true }),
      ...clusterTargetFindings({ hasVersion: false, hasHcoVersion: true, name: 'x' }),
      ...clusterIdentityFindings({ name: 'Bad Name', namespace: 'NS!', onHco: false }),
    ];
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ValidationError).findings;
      }
      return [];
    };
    emitted.push(
      ...thrown(() => KubeVirtVersion.of('x')), ...thrown(() => KubeVirtVersion.of('0.59')),
      ...thrown(() => HcoVersion.of('x')), ...thrown(() => HcoVersion.of('1.9')), ...thrown(() => FeatureGate.custom('a b')),
    );
    for (const f of emitted) {
      expect(CLUSTER_CODES[f.code]).toBeDefined();
      expect(CLUSTER_CODES[f.code].severity).toBe(f.severity);
    }
    expect([...new Set(emitted.map((f) => f.code))].sort()).toEqual(Object.keys(CLUSTER_CODES).sort());
  });
});
