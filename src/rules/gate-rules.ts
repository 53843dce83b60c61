import { GateInput, planGates } from '../model/cluster/gate-plan';
import { requiredGates } from '../model/cluster/required-gates';
import { FeatureGate } from '../values/cluster/feature-gate';
import { FeatureGateState } from '../values/cluster/feature-gate-state';
import { firstVersionWithGateGa, isBeyondGateTable, NEWEST_TABLED_VERSION } from '../values/cluster/gate-table';
import { HCO_KUBEVIRT_JSONPATCH_ANNOTATION, hcoHardCodesGate } from '../values/cluster/hco-gates';
import { HcoVersion } from '../values/cluster/hco-version';
import { error, Finding, warning } from '../values/finding';

export { requiredGates } from '../model/cluster/required-gates';
export type { RequiredFeatureGate } from '../model/cluster/required-gates';

// Rules about KubeVirt feature gates, one function per rule. Each takes the resolved GateInput (target release, the
// feature uses found in the app with the path of the construct that declared them, the user's gate lists) and
// returns findings; the cluster configuration reports them at synth time.

/** The version field of the input, as named in the props. */
function versionField(input: GateInput): string {
  return input.hcoVersion ? 'hcoVersion' : 'version';
}

/** The release, as named in messages: `KubeVirt v1.3.0` or `HCO v1.13.0 (KubeVirt v1.3.0)`. */
function releaseName(input: GateInput): string {
  return input.hcoVersion ? `HCO ${input.hcoVersion} (KubeVirt ${input.version})` : `KubeVirt ${input.version}`;
}

/** The construct paths that declared each use, e.g. `EMULATOR_THREAD_EVEN_PARITY of app/chart/vm1, app/chart/vm2`. */
function whoUses(input: GateInput, use: string): string {
  const paths = [...new Set(input.uses.filter((u) => u.use === use).map((u) => u.path))];
  return `${use} of ${paths.join(', ')}`;
}

/** KubeVirt's own warning for a listed GA gate (pkg/virt-operator/webhooks, on KubeVirt CR update). */
export function kubevirtGaGateWarningText(gate: string): string {
  return `feature gate ${gate} is deprecated (feature state is "General Availability"), therefore it can be safely removed and is redundant`;
}

/** VERSION_BEYOND_TABLE: the release is newer than the gate table, whose last column is assumed. */
export function versionBeyondTableFindings(input: GateInput): Finding[] {
  // HCO releases after v1.18: the HCO→KubeVirt mapping and the hard-coded gate lists are assumed, not checked.
  const hcoBeyond = input.hcoVersion !== undefined && input.hcoVersion.minor > HcoVersion.V1_18.minor;
  if (!isBeyondGateTable(input.version) && !hcoBeyond) return [];
  return [warning('VERSION_BEYOND_TABLE', versionField(input), String(input.hcoVersion ?? input.version),
    `a release this library has gate data for (KubeVirt up to ${NEWEST_TABLED_VERSION}, HCO up to ${HcoVersion.V1_18}); ` +
    `gate states of KubeVirt ${NEWEST_TABLED_VERSION} are assumed`,
    'check the rendered gates against the release notes, or upgrade cdk8s-kubevirt-realtime')];
}

/** FEATURE_NEEDS_NEWER_KUBEVIRT: a construct uses a feature whose gate the release does not have yet. */
export function featureAvailabilityFindings(input: GateInput): Finding[] {
  return requiredGates(input.version, input.uses.map((u) => u.use))
    .filter((r) => r.state === FeatureGateState.NOT_PRESENT)
    .map((r) => error('FEATURE_NEEDS_NEWER_KUBEVIRT', versionField(input), String(input.hcoVersion ?? input.version),
      `KubeVirt ${r.gate.introducedIn} or later: ${whoUses(input, r.use)} needs the ${r.gate.name} gate, which ` +
      `${releaseName(input)} does not have`,
      `upgrade to KubeVirt ${r.gate.introducedIn}+ or stop using ${r.use}`));
}

/** GATE_DISABLED_BUT_REQUIRED: the user disabled a gate that a construct's feature use needs. */
export function disabledRequiredFindings(input: GateInput): Finding[] {
  const disabled = new Set(input.disabledFeatureGates.map((g) => g.name));
  return requiredGates(input.version, input.uses.map((u) => u.use))
    .filter((r) => r.state !== FeatureGateState.NOT_PRESENT && disabled.has(r.gate.name))
    .map((r) => error('GATE_DISABLED_BUT_REQUIRED', 'disabledFeatureGates', r.gate.name,
      `${r.gate.name} enabled, because ${whoUses(input, r.use)} needs it: ${r.reason}`,
      `remove ${r.gate.name} from disabledFeatureGates, or stop using ${r.use}`));
}

/** GATE_ENABLED_AND_DISABLED: a gate is in both lists, which KubeVirt's KubeVirt-CR webhook rejects. */
export function enabledAndDisabledFindings(input: GateInput): Finding[] {
  const enabled = new Set(input.extraFeatureGates.map((g) => g.name));
  const both = [...new Set(input.disabledFeatureGates.map((g) => g.name))].filter((n) => enabled.has(n));
  return both.map((name) => error('GATE_ENABLED_AND_DISABLED', 'disabledFeatureGates', name,
    'a gate in only one of extraFeatureGates and disabledFeatureGates (KubeVirt rejects: ' +
    `feature gate "${name}" exists on both "FeatureGates" and "DisabledFeatureGates")`,
    `remove ${name} from one of the two lists`));
}

/** GATE_NOT_IN_VERSION: a listed gate does not exist in the release (e.g. AlignCPUs on v1.1). */
export function gateNotInVersionFindings(input: GateInput): Finding[] {
  const lists: [string, FeatureGate[]][] = [['extraFeatureGates', input.extraFeatureGates], ['disabledFeatureGates', input.disabledFeatureGates]];
  return lists.flatMap(([field, gates]) => uniqueGates(gates)
    .filter((g) => g.stateIn(input.version) === FeatureGateState.NOT_PRESENT)
    .map((g) => error('GATE_NOT_IN_VERSION', field, g.name,
      `a gate ${releaseName(input)} has (${g.name} first appears in KubeVirt ${g.introducedIn})`,
      `remove ${g.name} from ${field}, or target KubeVirt ${g.introducedIn} or later`)));
}

/**
 * GATE_GA_REDUNDANT: a GA gate is listed in extraFeatureGates (KubeVirt warns it is redundant).
 * GATE_GA_NOT_DISABLABLE: a GA gate is listed in disabledFeatureGates (GA gates are always on).
 */
export function gaGateFindings(input: GateInput): Finding[] {
  const isGa = (g: FeatureGate) => g.stateIn(input.version) === FeatureGateState.GA;
  const redundant = uniqueGates(input.extraFeatureGates).filter(isGa).map((g) =>
    warning('GATE_GA_REDUNDANT', 'extraFeatureGates', g.name,
      `no GA gate (GA since KubeVirt ${firstVersionWithGateGa(g.name)}; KubeVirt warns: ${kubevirtGaGateWarningText(g.name)})`,
      `remove ${g.name} from extraFeatureGates`));
  const notDisablable = uniqueGates(input.disabledFeatureGates).filter(isGa).map((g) =>
    warning('GATE_GA_NOT_DISABLABLE', 'disabledFeatureGates', g.name,
      `a gate that can be turned off (${g.name} is GA in ${releaseName(input)} and always on)`,
      `remove ${g.name} from disabledFeatureGates`));
  return [...redundant, ...notDisablable];
}

/**
 * On HCO: HCO_GATE_HARD_CODED (a listed gate HCO always sets), HCO_GATE_NOT_DISABLABLE (a disabled gate HCO always
 * sets), HCO_GATE_VIA_JSONPATCH (gates HCO cannot express, appended through the unsupported jsonpatch annotation).
 */
export function hcoGateFindings(input: GateInput): Finding[] {
  const hco = input.hcoVersion;
  if (!hco) return [];
  const hardCoded = uniqueGates(input.extraFeatureGates).filter((g) => hcoHardCodesGate(g, hco)).map((g) =>
    warning('HCO_GATE_HARD_CODED', 'extraFeatureGates', g.name,
      `a gate HCO does not set itself (HCO ${hco} always writes ${g.name} into the KubeVirt CR)`,
      `remove ${g.name} from extraFeatureGates`));
  const notDisablable = uniqueGates(input.disabledFeatureGates).filter((g) => hcoHardCodesGate(g, hco)).map((g) =>
    error('HCO_GATE_NOT_DISABLABLE', 'disabledFeatureGates', g.name,
      `a gate HCO lets you turn off (HCO ${hco} always writes ${g.name} into the KubeVirt CR and reverts edits)`,
      `remove ${g.name} from disabledFeatureGates`));
  const viaPatch = planGates(input).hcoJsonPatchGates;
  const patched = viaPatch.length === 0 ? [] : [warning('HCO_GATE_VIA_JSONPATCH',
    `metadata.annotations["${HCO_KUBEVIRT_JSONPATCH_ANNOTATION}"]`, viaPatch,
    `gates set through the HyperConverged API; HCO ${hco} has no field for ${viaPatch.join(', ')}, so they are ` +
    'appended with the jsonpatch annotation, which marks the HyperConverged CR TaintedConfiguration (unsupported)',
    'accept the support exception, or stop using the features that need these gates')];
  return [...hardCoded, ...notDisablable, ...patched];
}

/** Every gate rule, in a fixed order. */
export function gateFindings(input: GateInput): Finding[] {
  return [
    ...versionBeyondTableFindings(input),
    ...featureAvailabilityFindings(input),
    ...disabledRequiredFindings(input),
    ...enabledAndDisabledFindings(input),
    ...gateNotInVersionFindings(input),
    ...gaGateFindings(input),
    ...hcoGateFindings(input),
  ];
}

/** What the configuration targets, as far as the target rules need it. */
export interface ClusterTargetInput {
  readonly hasVersion: boolean;
  readonly hasHcoVersion: boolean;
  /** The requested CR name, if any. */
  readonly name?: string;
}

/** The only name HCO reconciles (the HyperConverged CRD's metadata.name pattern). */
export const HCO_CR_NAME = 'kubevirt-hyperconverged';

/**
 * CLUSTER_TARGET_MISSING / CLUSTER_TARGET_AMBIGUOUS: exactly one of `version` and `hcoVersion` must be given.
 * HCO_NAME_FIXED: the HyperConverged CR must be named `kubevirt-hyperconverged`.
 */
export function clusterTargetFindings(input: ClusterTargetInput): Finding[] {
  const out: Finding[] = [];
  if (!input.hasVersion && !input.hasHcoVersion) {
    out.push(error('CLUSTER_TARGET_MISSING', 'version', undefined,
      'exactly one of version (vanilla KubeVirt) and hcoVersion (OpenShift Virtualization / HCO)',
      'set version: KubeVirtVersion.V1_x, or hcoVersion: HcoVersion.V1_x on HCO-managed clusters'));
  }
  if (input.hasVersion && input.hasHcoVersion) {
    out.push(error('CLUSTER_TARGET_AMBIGUOUS', 'hcoVersion', 'both version and hcoVersion',
      'exactly one of version (vanilla KubeVirt) and hcoVersion (OpenShift Virtualization / HCO)',
      'keep hcoVersion on HCO-managed clusters (HCO reverts edits of the KubeVirt CR), else keep version'));
  }
  if (input.hasHcoVersion && input.name !== undefined && input.name !== HCO_CR_NAME) {
    out.push(error('HCO_NAME_FIXED', 'name', input.name, `"${HCO_CR_NAME}" (the only HyperConverged CR HCO reconciles)`,
      'leave name unset on HCO'));
  }
  return out;
}

function uniqueGates(gates: FeatureGate[]): FeatureGate[] {
  const seen = new Set<string>();
  return gates.filter((g) => !seen.has(g.name) && seen.add(g.name) !== undefined);
}
