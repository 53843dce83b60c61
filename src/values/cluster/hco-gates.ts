import { FeatureGate } from './feature-gate';
import { HcoVersion } from './hco-version';

// What HCO does with KubeVirt gates (controllers/handlers/kubevirt.go and api/v1beta1/hyperconverged_types.go of the
// HCO releases checked, v1.9 … v1.18.1). HCO rewrites the KubeVirt CR on every reconcile, so a gate reaches KubeVirt
// only if HCO hard-codes it, if the HyperConverged CR has a field for it, or through the unsupported jsonpatch
// annotation.

/** The annotation HCO applies as an RFC 6902 patch to the KubeVirt CR it generates (marks the CR tainted). */
export const HCO_KUBEVIRT_JSONPATCH_ANNOTATION = 'kubevirt.kubevirt.io/jsonpatch';

/** Where `add` operations of the jsonpatch annotation append a gate: the end of the gate list HCO generated. */
export const KUBEVIRT_FEATURE_GATES_APPEND_PATH = '/spec/configuration/developerConfiguration/featureGates/-';

/** Whether HCO writes this gate into the KubeVirt CR itself (`hardCodeKvFgs`), so the user cannot change it. */
export function hcoHardCodesGate(gate: FeatureGate, hco: HcoVersion): boolean {
  // CPUManager and HostDevices are in hardCodeKvFgs in every release checked; NUMA up to v1.13 (it is GA in KubeVirt
  // v1.4, which HCO v1.14 ships, and was dropped there).
  if (gate === FeatureGate.CPU_MANAGER || gate === FeatureGate.HOST_DEVICES) return true;
  return gate === FeatureGate.NUMA && !hco.atLeast(HcoVersion.V1_14);
}

/** A HyperConverged v1beta1 `spec.featureGates` field that drives one KubeVirt gate. */
export interface HcoGateField {
  /** The field as written in YAML, e.g. `alignCPUs`. */
  readonly jsonName: string;
  /** The field as the generated L1 names it, e.g. `alignCpUs`. */
  readonly propName: string;
}

const HCO_GATE_FIELDS: { gate: FeatureGate; field: HcoGateField; since: HcoVersion }[] = [
  // alignCPUs: HCO adds AlignCPUs to the KubeVirt gates AND sets the even-parity annotation on the KubeVirt CR.
  { gate: FeatureGate.ALIGN_CPUS, field: { jsonName: 'alignCPUs', propName: 'alignCpUs' }, since: HcoVersion.V1_11 },
  // videoConfig (default true) is only verified in the vendored v1.18.1 CRD; older releases get the jsonpatch route.
  { gate: FeatureGate.VIDEO_CONFIG, field: { jsonName: 'videoConfig', propName: 'videoConfig' }, since: HcoVersion.V1_18 },
];

/** The HyperConverged field that drives the gate in that HCO release, or undefined when HCO has none. */
export function hcoFieldForGate(gate: FeatureGate, hco: HcoVersion): HcoGateField | undefined {
  return HCO_GATE_FIELDS.find((f) => f.gate === gate && hco.atLeast(f.since))?.field;
}
