import { KUBEVIRT_VERSION } from '../../values/cluster/cluster-prop-rules';
import { FeatureGate } from '../../values/cluster/feature-gate';
import { EVEN_PARITY_ANNOTATION } from '../../values/cluster/kubevirt-annotations';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';
import { checkValue, Prop } from '../../values/prop-check';

/**
 * What the app declares about the KubeVirt installation, as far as placing VMs on nodes depends on it. Plain values,
 * so the placement rules stay pure functions.
 */
export interface ClusterFacts {
  /** The app has a `KubeVirtConfiguration` (so its feature gates follow the app's VMs). */
  readonly hasConfiguration: boolean;
  /**
   * The KubeVirt release the configuration targets.
   *
   * @default - unknown (no configuration in the app)
   */
  readonly kubevirtVersion?: KubeVirtVersion;
  /**
   * KubeVirt completes isolated emulator CPUs to an even pod CPU count: the `AlignCPUs` gate is on AND the KubeVirt CR
   * carries `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity` (on HCO: `spec.featureGates.alignCPUs: true`, which
   * makes HCO set both). False whenever the app does not say so.
   */
  readonly evenParityCompletion: boolean;
}

/** The facts when nothing is declared: no configuration, no even-parity completion. */
export const NO_CLUSTER_FACTS: ClusterFacts = { hasConfiguration: false, evenParityCompletion: false };

/** True when two facts say the same (results kept for one hold for the other). */
export function sameClusterFacts(a: ClusterFacts, b: ClusterFacts): boolean {
  return a.hasConfiguration === b.hasConfiguration && a.kubevirtVersion === b.kubevirtVersion
    && a.evenParityCompletion === b.evenParityCompletion;
}

/**
 * Whether a configuration object, as it will be written (JSON patches included), turns even-parity completion on:
 * on a KubeVirt CR the annotation plus the AlignCPUs gate (listed, or on by default in `version`); on a HyperConverged
 * CR its `spec.featureGates.alignCPUs`, which makes HCO set both.
 */
export function evenParityCompletionOf(rendered: unknown, hcoManaged: boolean, version: KubeVirtVersion): boolean {
  checkValue(hcoManaged, Prop.boolean(), 'evenParityCompletionOf(hcoManaged)');
  checkValue(version, KUBEVIRT_VERSION, 'evenParityCompletionOf(version)');
  const r = rendered as { metadata?: { annotations?: object }; spec?: Record<string, any> } | undefined;
  if (hcoManaged) return r?.spec?.featureGates?.alignCPUs === true;
  const annotated = Object.prototype.hasOwnProperty.call(r?.metadata?.annotations ?? {}, EVEN_PARITY_ANNOTATION);
  const gates: unknown = r?.spec?.configuration?.developerConfiguration?.featureGates;
  const gateOn = (Array.isArray(gates) && gates.includes(FeatureGate.ALIGN_CPUS.name)) || FeatureGate.ALIGN_CPUS.isOnByDefaultIn(version);
  return annotated && gateOn;
}
