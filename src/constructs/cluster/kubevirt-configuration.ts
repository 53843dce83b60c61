import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { createHyperConvergedCr } from '../../backends/cluster/hyperconverged-cr';
import { createKubeVirtCr } from '../../backends/cluster/kubevirt-cr';
import { ClusterFacts, evenParityCompletionOf } from '../../model/cluster/cluster-facts';
import { GateInput, GatePlan, planGates } from '../../model/cluster/gate-plan';
import { clusterTargetFindings, gateFindings, HCO_CR_NAME } from '../../rules/gate-rules';
import { FeatureGate } from '../../values/cluster/feature-gate';
import { NEWEST_TABLED_VERSION } from '../../values/cluster/gate-table';
import { HcoVersion } from '../../values/cluster/hco-version';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';
import { AppCheck } from '../app/app-check';

/**
 * Props of `KubeVirtConfiguration`. Give exactly one of `version` (vanilla Kubernetes) and `hcoVersion`
 * (OpenShift Virtualization / HCO).
 */
export interface KubeVirtConfigurationProps {
  /**
   * The KubeVirt release of a vanilla-Kubernetes cluster: the construct writes the `kubevirt.io/v1` KubeVirt CR.
   *
   * @default - none; set this or `hcoVersion`
   */
  readonly version?: KubeVirtVersion;

  /**
   * The HCO release of an OpenShift Virtualization (HCO-managed) cluster: the construct writes the HyperConverged
   * CR instead, because HCO reverts direct edits of the KubeVirt CR.
   *
   * @default - none; set this or `version`
   */
  readonly hcoVersion?: HcoVersion;

  /**
   * Gates to enable on top of those the app's feature uses need. Kept as given (GA, hard-coded or missing gates
   * are reported).
   *
   * @default - only the gates the feature uses need
   */
  readonly extraFeatureGates?: FeatureGate[];

  /**
   * Gates to keep off. From KubeVirt v1.8 they are written to `disabledFeatureGates`; before, a disabled gate is
   * simply not listed. Disabling a gate a construct needs is an error.
   *
   * @default - none
   */
  readonly disabledFeatureGates?: FeatureGate[];

  /**
   * Name of the CR. HCO only reconciles `kubevirt-hyperconverged`.
   *
   * @default - `kubevirt` (KubeVirt CR) or `kubevirt-hyperconverged` (HyperConverged CR)
   */
  readonly name?: string;

  /**
   * Namespace of the CR.
   *
   * @default - `kubevirt` (KubeVirt CR) or `openshift-cnv` (HyperConverged CR)
   */
  readonly namespace?: string;
}

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
