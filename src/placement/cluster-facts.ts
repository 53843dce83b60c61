import { IConstruct } from 'constructs';
import { FeatureGate } from '../cluster/feature-gate';
import { KubeVirtConfiguration } from '../cluster/kubevirt-configuration';
import { EVEN_PARITY_ANNOTATION } from '../cluster/kubevirt-cr';
import { KubeVirtVersion } from '../cluster/kubevirt-version';

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
 * `clusterFactsOf`, for validations: read once per validation pass of the app (when
 * `cacheClusterFactsPerValidation` was called for it), since the app cannot change while cdk8s validates it.
 */
export function clusterFactsDuringValidation(scope: IConstruct): ClusterFacts {
  const pass = (scope.node.root as any)[VALIDATION_PASS] as { current?: { facts?: ClusterFacts } } | undefined;
  if (pass?.current) return pass.current.facts ??= clusterFactsOf(scope);
  return clusterFactsOf(scope);
}

/**
 * Every construct of the app in tree order, for validations: one walk per validation pass (see below), a fresh walk
 * outside one. The pool rules and the capacity check of each pool look for other pools and for their VMs with it.
 */
export function constructsDuringValidation(scope: IConstruct): IConstruct[] {
  const pass = (scope.node.root as any)[VALIDATION_PASS] as { current?: { constructs?: IConstruct[] } } | undefined;
  if (pass?.current) return pass.current.constructs ??= scope.node.root.node.findAll();
  return scope.node.root.node.findAll();
}

// Every placed VM asks for the facts at synth, and reading them walks the whole app (finding the configuration, and
// the configuration collecting every construct's feature uses): once per VM would make synthesis quadratic. The app
// does not change during one synchronous validation pass, so validations read them once per pass: a validation on
// the root (validated first: cdk8s walks the tree in pre-order) opens the pass, and a microtask, which runs only
// after the synchronous pass has finished, closes it. Everything else (capacity, review pages) reads them afresh.
const VALIDATION_PASS = Symbol.for('cdk8s-kubevirt-realtime.clusterFactsValidationPass');

/** Lets `clusterFactsDuringValidation` read the facts of the app `scope` belongs to once per validation pass (idempotent). */
export function cacheClusterFactsPerValidation(scope: IConstruct): void {
  const root = scope.node.root;
  if ((root as any)[VALIDATION_PASS] !== undefined) return;
  const pass: { current?: { facts?: ClusterFacts } } = {};
  Object.defineProperty(root, VALIDATION_PASS, { value: pass, enumerable: false });
  root.node.addValidation({
    validate: () => {
      const current = {};
      pass.current = current;
      queueMicrotask(() => {
        if (pass.current === current) pass.current = undefined;
      });
      return [];
    },
  });
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
