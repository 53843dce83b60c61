import { FeatureGate } from '../../values/cluster/feature-gate';
import { HcoVersion } from '../../values/cluster/hco-version';
import { KubeVirtVersion } from '../../values/cluster/kubevirt-version';

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
