import { requiredGates } from '../../../src/model/cluster/required-gates';
import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { FeatureGateState } from '../../../src/values/cluster/feature-gate-state';
import { allFeatureUses, KubeVirtFeatureUse as U } from '../../../src/values/cluster/feature-use';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';

const names = (v: KubeVirtVersion, uses: U[]) => requiredGates(v, uses).map((r) => r.gate.name);

describe('requiredGates', () => {
  test('CPUManager for dedicated CPUs in every release', () => {
    for (const v of KubeVirtVersion.known()) expect(names(v, [U.DEDICATED_CPUS])).toEqual(['CPUManager']);
  });

  test('NUMA for guestMappingPassthrough only before v1.4', () => {
    expect(names(KubeVirtVersion.V1_3, [U.GUEST_MAPPING_PASSTHROUGH])).toEqual(['NUMA']);
    expect(names(KubeVirtVersion.V1_4, [U.GUEST_MAPPING_PASSTHROUGH])).toEqual([]);
    expect(names(KubeVirtVersion.V1_9, [U.GUEST_MAPPING_PASSTHROUGH])).toEqual([]);
  });

  test('AlignCPUs for even parity from v1.2; before, the entry says NOT_PRESENT', () => {
    expect(requiredGates(KubeVirtVersion.V1_2, [U.EMULATOR_THREAD_EVEN_PARITY])[0]).toMatchObject({
      gate: FeatureGate.ALIGN_CPUS, state: FeatureGateState.OPT_IN, use: U.EMULATOR_THREAD_EVEN_PARITY,
    });
    expect(requiredGates(KubeVirtVersion.V1_1, [U.EMULATOR_THREAD_EVEN_PARITY])[0].state).toBe(FeatureGateState.NOT_PRESENT);
  });

  test('Sidecar only if used; Beta gates need listing before v1.9 only', () => {
    expect(names(KubeVirtVersion.V1_5, [U.DEDICATED_CPUS])).not.toContain('Sidecar');
    expect(names(KubeVirtVersion.V1_5, [U.SIDECAR])).toEqual(['Sidecar']);
    expect(names(KubeVirtVersion.V1_8, [U.VIDEO_CONFIG])).toEqual(['VideoConfig']);
    expect(names(KubeVirtVersion.V1_9, [U.VIDEO_CONFIG])).toEqual([]);
  });

  test('deterministic: declaration order, duplicates collapsed, reason names use, gate, state and release', () => {
    const all = allFeatureUses();
    const forward = requiredGates(KubeVirtVersion.V1_3, [...all, ...all]);
    const backward = requiredGates(KubeVirtVersion.V1_3, [...all].reverse());
    expect(forward).toEqual(backward);
    expect(forward.map((r) => r.use)).toEqual(all.filter((u) => forward.some((r) => r.use === u)));
    expect(forward[0].reason).toBe('DEDICATED_CPUS: virt-handler sets the CPU-manager node label to true only when CPUManager is on; '
      + 'without it dedicated-CPU pods stay Pending (CPUManager is opt-in (off unless listed) in KubeVirt v1.3.0)');
  });

  test('refuses a version or uses of the wrong type (issue 13: TypeErrors)', () => {
    expect(() => requiredGates(undefined as unknown as KubeVirtVersion, [U.DEDICATED_CPUS])).toThrow('[PROP_REQUIRED] requiredGates(version)');
    expect(() => requiredGates(KubeVirtVersion.V1_9, 'DEDICATED_CPUS' as unknown as U[])).toThrow('[PROP_TYPE_INVALID] requiredGates(uses): got "DEDICATED_CPUS"');
    expect(() => requiredGates(KubeVirtVersion.V1_9, ['BOGUS' as U])).toThrow('[PROP_TYPE_INVALID] requiredGates(uses)[0]: got "BOGUS", expected a KubeVirtFeatureUse');
  });
});
