import { KUBEVIRT_VERSION } from '../../values/cluster/cluster-prop-rules';
import { FeatureGate } from '../../values/cluster/feature-gate';
import { FeatureGateState } from '../../values/cluster/feature-gate-state';
import { allFeatureUses, gateForUse, KubeVirtFeatureUse, whyUseNeedsGate } from '../../values/cluster/feature-use';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';
import { checkValue, Prop } from '../../values/prop-check';

/** A gate a feature use needs in one release, and why. */
export interface RequiredFeatureGate {
  /** The gate to enable. */
  readonly gate: FeatureGate;
  /** The use that needs it. */
  readonly use: KubeVirtFeatureUse;
  /** The gate's state in the release; `NOT_PRESENT` means the release cannot provide the feature at all. */
  readonly state: FeatureGateState;
  /** Why the use needs the gate, as a sentence. */
  readonly reason: string;
}

/** The uses a caller asks about (the cost is bounded by the list: duplicates collapse into a set). */
const USES = Prop.arrayOf(Prop.oneOf(KubeVirtFeatureUse, 'KubeVirtFeatureUse'), 1024 * 1024);

const STATE_TEXT: Record<FeatureGateState, string> = {
  [FeatureGateState.NOT_PRESENT]: 'not present',
  [FeatureGateState.OPT_IN]: 'opt-in (off unless listed)',
  [FeatureGateState.ALPHA]: 'Alpha (off unless listed)',
  [FeatureGateState.BETA]: 'Beta (off unless listed before v1.9.0)',
  [FeatureGateState.GA]: 'GA (always on)',
  [FeatureGateState.UNKNOWN]: 'unknown',
};

/** A state as words, e.g. `Alpha (off unless listed)`. */
export function describeGateState(state: FeatureGateState): string {
  return STATE_TEXT[state];
}

/**
 * The gates a set of feature uses needs in a release: one entry per distinct use whose gate is not on by default
 * there (GA gates, and Beta gates from v1.9.0, need no listing). An entry with state `NOT_PRESENT` means the release
 * lacks the feature (e.g. even-parity emulator CPUs before v1.2.0); callers report it as an error.
 *
 * Examples: `DEDICATED_CPUS` → `CPUManager` in every release; `GUEST_MAPPING_PASSTHROUGH` → `NUMA` before v1.4.0
 * only; `EMULATOR_THREAD_EVEN_PARITY` → `AlignCPUs` (v1.2.0+); `SIDECAR` → `Sidecar`.
 *
 * Entries follow the declaration order of `KubeVirtFeatureUse`, so the result is deterministic.
 */
export function requiredGates(version: KubeVirtVersion, uses: KubeVirtFeatureUse[]): RequiredFeatureGate[] {
  checkValue(version, KUBEVIRT_VERSION, 'requiredGates(version)');
  checkValue(uses, USES, 'requiredGates(uses)');
  const used = new Set(uses);
  const out: RequiredFeatureGate[] = [];
  for (const use of allFeatureUses()) {
    if (!used.has(use)) continue;
    const gate = gateForUse(use);
    if (gate.isOnByDefaultIn(version)) continue;
    const state = gate.stateIn(version);
    out.push({
      gate,
      use,
      state,
      reason: `${use}: ${whyUseNeedsGate(use)} (${gate.name} is ${describeGateState(state)} in KubeVirt ${version})`,
    });
  }
  return out;
}
