import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { EmittedObject } from '../../emit/emitted-object';
import * as hco from '../../imports/hyperconverged-hco.kubevirt.io';
import { GatePlan } from '../../model/cluster/gate-plan';
import { HCO_KUBEVIRT_JSONPATCH_ANNOTATION, KUBEVIRT_FEATURE_GATES_APPEND_PATH } from '../../values/cluster/hco-gates';

// hco.kubevirt.io/v1beta1 is the storage version and is served by every HCO release from v1.10 to v1.18; the newer
// v1 API (a list of {name, state} gates) is only served from v1.18.

/**
 * The `hco.kubevirt.io/v1beta1` HyperConverged CR. Gates HCO has a field for go to `spec.featureGates`; gates it
 * cannot express are appended to the generated KubeVirt CR through the jsonpatch annotation.
 */
export function createHyperConvergedCr(scope: Construct, name: string, namespace: string, plan: () => GatePlan): ApiObject {
  return new EmittedObject(scope, 'Resource', {
    gvk: hco.HyperConvergedV1Beta1.GVK,
    metadata: {
      name,
      namespace,
      annotations: {
        [HCO_KUBEVIRT_JSONPATCH_ANNOTATION]: Lazy.any({ produce: () => renderJsonPatch(plan().hcoJsonPatchGates) }),
      },
    },
    fields: { spec: Lazy.any({ produce: () => hco.toJson_HyperConvergedV1Beta1Spec(renderSpec(plan())) }) },
  });
}

/** An RFC 6902 patch, as a JSON string, that appends each gate to the KubeVirt CR's gate list; undefined if none. */
export function renderJsonPatch(gates: string[]): string | undefined {
  if (gates.length === 0) return undefined;
  // HCO always writes featureGates (it hard-codes CPUManager …), so appending with "/-" never hits a missing list.
  return JSON.stringify(gates.map((value) => ({ op: 'add', path: KUBEVIRT_FEATURE_GATES_APPEND_PATH, value })));
}

function renderSpec(plan: GatePlan): hco.HyperConvergedV1Beta1Spec {
  const fields = plan.hcoFeatureGates;
  return Object.keys(fields).length > 0 ? { featureGates: fields as hco.HyperConvergedV1Beta1SpecFeatureGates } : {};
}
