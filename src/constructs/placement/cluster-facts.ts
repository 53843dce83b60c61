import { IConstruct } from 'constructs';
import { EVEN_PARITY_ANNOTATION } from '../../backends/cluster/kubevirt-cr';
import { FeatureGate } from '../../values/cluster/feature-gate';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';
import { keptForApp, oncePerValidationPass } from '../app/validation-pass';
import { KubeVirtConfiguration } from '../cluster/kubevirt-configuration';

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

/**
 * Reads the cluster facts of the app `scope` belongs to from its first `KubeVirtConfiguration`.
 *
 * Even-parity completion is read from the RENDERED configuration object, so it reflects the version (no AlignCPUs
 * before v1.2.0; no `alignCPUs` field before HCO v1.11), disabled gates and even JSON patches, exactly as the cluster
 * will see them. Never throws: an object that cannot be rendered counts as "no completion".
 */
export function clusterFactsOf(scope: IConstruct): ClusterFacts {
  const config = KubeVirtConfiguration.findIn(scope);
  if (!config) return NO_CLUSTER_FACTS;
  return {
    hasConfiguration: true,
    kubevirtVersion: config.kubevirtVersion,
    evenParityCompletion: evenParityCompletionOf(config),
  };
}

/**
 * `clusterFactsOf`, for validations: read once per validation pass of the app (see validation-pass.ts), since the
 * app cannot change while cdk8s validates it.
 */
export function clusterFactsDuringValidation(scope: IConstruct): ClusterFacts {
  return oncePerValidationPass(scope, 'clusterFacts', () => sameAsLastTime(scope, clusterFactsOf(scope)));
}

/**
 * The facts object the app had in its previous validation pass when nothing changed, else `facts`: results memoized
 * by the facts' identity (the placement checks per shape) then stay valid from one pass to the next.
 */
function sameAsLastTime(scope: IConstruct, facts: ClusterFacts): ClusterFacts {
  const last = keptForApp(scope, 'lastClusterFacts', () => ({ facts }));
  const f = last.facts;
  if (f.hasConfiguration === facts.hasConfiguration && f.kubevirtVersion === facts.kubevirtVersion
    && f.evenParityCompletion === facts.evenParityCompletion) return f;
  last.facts = facts;
  return facts;
}

function evenParityCompletionOf(config: KubeVirtConfiguration): boolean {
  let rendered: any;
  try {
    rendered = config.resource.toJson();
  } catch {
    return false;
  }
  if (config.isHcoManaged) {
    // HCO adds AlignCPUs to the KubeVirt CR and sets the annotation itself when this field is true.
    return rendered?.spec?.featureGates?.alignCPUs === true;
  }
  const annotated = Object.prototype.hasOwnProperty.call(rendered?.metadata?.annotations ?? {}, EVEN_PARITY_ANNOTATION);
  const gates: unknown = rendered?.spec?.configuration?.developerConfiguration?.featureGates;
  const gateOn = (Array.isArray(gates) && gates.includes(FeatureGate.ALIGN_CPUS.name))
    || FeatureGate.ALIGN_CPUS.isOnByDefaultIn(config.kubevirtVersion);
  return annotated && gateOn;
}
