import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { EmittedObject } from '../../emit/emitted-object';
import * as kubevirtCr from '../../imports/kubevirt-kubevirt.io';
import { GatePlan } from '../../model/cluster/gate-plan';
import { EVEN_PARITY_ANNOTATION } from '../../values/cluster/kubevirt-annotations';

/**
 * The `kubevirt.io/v1` KubeVirt CR of a vanilla-Kubernetes cluster. Gates and annotation are rendered lazily from
 * `plan`, so every feature consumer of the app counts, whenever it was added.
 */
export function createKubeVirtCr(scope: Construct, name: string, namespace: string, plan: () => GatePlan): ApiObject {
  return new EmittedObject(scope, 'Resource', {
    gvk: kubevirtCr.KubeVirt.GVK,
    metadata: {
      name,
      namespace,
      annotations: {
        // undefined drops the key; cdk8s drops the then-empty annotations map.
        [EVEN_PARITY_ANNOTATION]: Lazy.any({ produce: () => (plan().evenParityAnnotation ? '' : undefined) }),
      },
    },
    fields: { spec: Lazy.any({ produce: () => kubevirtCr.toJson_KubeVirtSpec(renderSpec(plan())) }) },
  });
}

function renderSpec(plan: GatePlan): kubevirtCr.KubeVirtSpec {
  return {
    configuration: {
      developerConfiguration: {
        // Always written, even empty: this app owns the list, and an empty list says so.
        featureGates: plan.featureGates,
        disabledFeatureGates: plan.disabledFeatureGates.length > 0 ? plan.disabledFeatureGates : undefined,
      },
    },
  };
}
