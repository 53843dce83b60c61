import { requiredGates } from './required-gates';
import { FeatureGate } from '../../values/cluster/feature-gate';
import { FeatureGateState } from '../../values/cluster/feature-gate-state';
import { KubeVirtFeatureUse } from '../../values/cluster/feature-use';
import { hcoFieldForGate, hcoHardCodesGate } from '../../values/cluster/hco-gates';
import { HcoVersion } from '../../values/cluster/hco-version';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';

/** One feature use and the construct path of the consumer that declared it. */
export interface ConsumerUse {
  readonly use: KubeVirtFeatureUse;
  readonly path: string;
}

/** Everything gate selection depends on: the target release, the uses found in the app and the user's lists. */
export interface GateInput {
  /** The KubeVirt release (on HCO: the one the HCO release ships). */
  readonly version: KubeVirtVersion;
  /** Set when the cluster is managed by HCO (OpenShift Virtualization). */
  readonly hcoVersion?: HcoVersion;
  readonly uses: ConsumerUse[];
  readonly extraFeatureGates: FeatureGate[];
  readonly disabledFeatureGates: FeatureGate[];
}

/** What the configuration writes, computed from a `GateInput`. */
export interface GatePlan {
  /** KubeVirt CR `developerConfiguration.featureGates`: sorted, deduplicated. */
  readonly featureGates: string[];
  /** KubeVirt CR `developerConfiguration.disabledFeatureGates` (v1.8.0+, else empty): sorted, deduplicated. */
  readonly disabledFeatureGates: string[];
  /** Whether the KubeVirt CR needs the `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity` annotation. */
  readonly evenParityAnnotation: boolean;
  /** HyperConverged `spec.featureGates` fields, keyed by the L1 prop name (`alignCpUs`). */
  readonly hcoFeatureGates: Record<string, boolean>;
  /** Gates HCO cannot express, to append through the jsonpatch annotation: sorted. */
  readonly hcoJsonPatchGates: string[];
  /** Every gate this plan turns on (on HCO: through fields or the jsonpatch, not the hard-coded ones): sorted. */
  readonly enabledGates: string[];
}

function sortedNames(gates: FeatureGate[]): string[] {
  return [...new Set(gates.map((g) => g.name))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether listing the gate can change anything in that release (it exists and is not always on). */
function isListable(gate: FeatureGate, version: KubeVirtVersion): boolean {
  const state = gate.stateIn(version);
  return state !== FeatureGateState.NOT_PRESENT && state !== FeatureGateState.GA;
}

/**
 * The gates to enable and disable. Required gates that the user disabled stay off and gates that do not exist or are
 * GA in the release are left out: the rules in gate-rules.ts report each of these, so nothing is dropped silently.
 */
export function planGates(input: GateInput): GatePlan {
  const { version, hcoVersion } = input;
  const disabled = new Set(input.disabledFeatureGates.map((g) => g.name));
  const required = requiredGates(version, input.uses.map((u) => u.use))
    .filter((r) => r.state !== FeatureGateState.NOT_PRESENT)
    .map((r) => r.gate);
  const wanted = [...required, ...input.extraFeatureGates]
    .filter((g) => isListable(g, version) && !disabled.has(g.name));
  const toDisable = input.disabledFeatureGates.filter((g) => isListable(g, version));
  const parityUsed = input.uses.some((u) => u.use === KubeVirtFeatureUse.EMULATOR_THREAD_EVEN_PARITY);
  const parityGateOn = wanted.includes(FeatureGate.ALIGN_CPUS);

  if (!hcoVersion) {
    return {
      featureGates: sortedNames(wanted),
      // Before v1.8.0 the field does not exist: a gate that is off by default is disabled by not listing it.
      disabledFeatureGates: version.supportsDisabledFeatureGates ? sortedNames(toDisable) : [],
      evenParityAnnotation: parityUsed && parityGateOn,
      hcoFeatureGates: {},
      hcoJsonPatchGates: [],
      enabledGates: sortedNames(wanted),
    };
  }

  const hcoFeatureGates: Record<string, boolean> = {};
  const jsonPatch: FeatureGate[] = [];
  const enabled: FeatureGate[] = [];
  for (const gate of wanted) {
    if (hcoHardCodesGate(gate, hcoVersion)) continue;
    enabled.push(gate);
    const field = hcoFieldForGate(gate, hcoVersion);
    if (field) hcoFeatureGates[field.propName] = true;
    else jsonPatch.push(gate);
  }
  for (const gate of toDisable) {
    // Written explicitly: HCO defaults some fields to true (videoConfig). Hard-coded gates cannot be disabled
    // (reported by HCO_GATE_NOT_DISABLABLE); other gates stay off because HCO does not list them.
    const field = hcoFieldForGate(gate, hcoVersion);
    if (field && !hcoHardCodesGate(gate, hcoVersion)) hcoFeatureGates[field.propName] = false;
  }
  return {
    featureGates: [],
    disabledFeatureGates: [],
    evenParityAnnotation: false,
    hcoFeatureGates,
    hcoJsonPatchGates: sortedNames(jsonPatch),
    enabledGates: sortedNames(enabled),
  };
}
