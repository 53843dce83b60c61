import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { KubeVirtConfigurationProps } from './kubevirt-configuration-props';
import { KUBEVIRT_CONFIGURATION_SCHEMA } from './kubevirt-configuration-schema';
import { createHyperConvergedCr } from '../../backends/cluster/hyperconverged-cr';
import { createKubeVirtCr } from '../../backends/cluster/kubevirt-cr';
import { ClusterFacts, evenParityCompletionOf } from '../../model/cluster/cluster-facts';
import { GateInput, GatePlan, planGates } from '../../model/cluster/gate-plan';
import { clusterIdentityFindings } from '../../rules/cluster-identity';
import { clusterTargetFindings, gateFindings, HCO_CR_NAME } from '../../rules/gate-rules';
import { FeatureGate } from '../../values/cluster/feature-gate';
import { NEWEST_TABLED_VERSION } from '../../values/cluster/gate-table';
import { HcoVersion } from '../../values/cluster/hco-version';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';
import { checkProps, checkValue } from '../../values/prop-check';
import { AppCheck } from '../app/app-check';
import { CONSTRUCT } from '../construct-rule';

const CONFIGURATION_MARK = Symbol.for('cdk8s-kubevirt-realtime.KubeVirtConfiguration');

/**
 * The cluster side of a real-time KubeVirt app: the feature gates (and the even-parity annotation) that the VMs
 * and node pools of the app need, for the KubeVirt or HCO release the cluster runs.
 *
 * At synth time it collects the feature uses of every `IKubeVirtFeatureConsumer` in the app, so gates follow the
 * VMs: adding a VM with dedicated CPUs adds `CPUManager`, targeting KubeVirt v1.4 drops `NUMA` (GA there).
 */
export class KubeVirtConfiguration extends Construct {
  /** Whether `x` is a `KubeVirtConfiguration` (works across copies of this library). */
  public static isKubeVirtConfiguration(x: any): x is KubeVirtConfiguration {
    return x !== null && typeof x === 'object' && x[CONFIGURATION_MARK] === true;
  }

  /** The first `KubeVirtConfiguration` of the app that `scope` belongs to (tree order), if any. */
  public static findIn(scope: IConstruct): KubeVirtConfiguration | undefined {
    checkValue(scope, CONSTRUCT, 'KubeVirtConfiguration.findIn(scope)');
    // During validation the app's constructs are walked once for all checks that look across the app.
    return scope.node.root.node.findAll().find((c) => KubeVirtConfiguration.isKubeVirtConfiguration(c)) as
      KubeVirtConfiguration | undefined;
  }

  /** The generated L1 (KubeVirt or HyperConverged CR): the escape hatch. `addJsonPatch` is applied last. */
  public readonly resource: ApiObject;
  /** The KubeVirt release targeted (on HCO: the one the HCO release ships). */
  public readonly kubevirtVersion: KubeVirtVersion;
  /** The HCO release, when the cluster is HCO-managed. */
  public readonly hcoVersion?: HcoVersion;
  /** The CR name. */
  public readonly name: string;
  /** The CR namespace. */
  public readonly namespace: string;

  private readonly extraFeatureGates: FeatureGate[];
  private readonly disabledFeatureGates: FeatureGate[];

  constructor(scope: Construct, id: string, props: KubeVirtConfigurationProps) {
    checkProps(props, KUBEVIRT_CONFIGURATION_SCHEMA, [], 'KubeVirtConfiguration props', `${scope.node.path}/${id}`);
    super(scope, id);
    Object.defineProperty(this, CONFIGURATION_MARK, { value: true });
    this.hcoVersion = props.hcoVersion;
    // Without exactly one target the synth fails (CLUSTER_TARGET_*); the fallback only keeps rendering crash-free.
    this.kubevirtVersion = props.version ?? props.hcoVersion?.kubevirtVersion ?? NEWEST_TABLED_VERSION;
    const onHco = props.version === undefined && props.hcoVersion !== undefined;
    this.name = props.name ?? (onHco ? HCO_CR_NAME : 'kubevirt');
    this.namespace = props.namespace ?? (onHco ? 'openshift-cnv' : 'kubevirt');
    this.extraFeatureGates = [...(props.extraFeatureGates ?? [])];
    this.disabledFeatureGates = [...(props.disabledFeatureGates ?? [])];

    const plan = () => this.gatePlan(onHco);
    this.resource = onHco
      ? createHyperConvergedCr(this, this.name, this.namespace, plan)
      : createKubeVirtCr(this, this.name, this.namespace, plan);

    AppCheck.of(this).addConfiguration({
      construct: this,
      clusterFacts: () => this.clusterFacts(),
      ownFindings: () => [
        ...clusterTargetFindings({ hasVersion: props.version !== undefined, hasHcoVersion: props.hcoVersion !== undefined, name: props.name }),
        ...clusterIdentityFindings({ name: props.name, namespace: props.namespace, onHco }),
        ...gateFindings(this.gateInput(onHco)),
      ],
    });
  }

  /**
   * What this configuration, as it will be written (JSON patches included), says about the cluster: its KubeVirt
   * release and whether KubeVirt completes isolated emulator CPUs to an even count (no AlignCPUs before v1.2.0, no
   * `alignCPUs` field before HCO v1.11). Never throws: an object that cannot be rendered counts as "no completion".
   */
  public clusterFacts(): ClusterFacts {
    let rendered: unknown;
    try {
      rendered = this.resource.toJson();
    } catch {
      rendered = undefined;
    }
    return {
      hasConfiguration: true,
      kubevirtVersion: this.kubevirtVersion,
      evenParityCompletion: evenParityCompletionOf(rendered, this.isHcoManaged, this.kubevirtVersion),
    };
  }

  /** Whether the cluster is HCO-managed (the HyperConverged CR is written). */
  public get isHcoManaged(): boolean {
    return this.resource.kind === 'HyperConverged';
  }

  /**
   * The gate names this configuration turns on for the app as it is now: on a KubeVirt CR its `featureGates`; on
   * HCO the gates set through HyperConverged fields or the jsonpatch annotation (not the ones HCO hard-codes).
   */
  public enabledFeatureGates(): string[] {
    return this.gatePlan(this.isHcoManaged).enabledGates;
  }

  private gatePlan(onHco: boolean): GatePlan {
    return planGates(this.gateInput(onHco));
  }

  private gateInput(onHco: boolean): GateInput {
    return {
      version: this.kubevirtVersion,
      hcoVersion: onHco ? this.hcoVersion : undefined,
      uses: AppCheck.of(this).featureUses(),
      extraFeatureGates: this.extraFeatureGates,
      disabledFeatureGates: this.disabledFeatureGates,
    };
  }
}
