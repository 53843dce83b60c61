import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { EmittedObject } from '../../emit/emitted-object';
import * as mcp from '../../imports/machineconfigpool-machineconfiguration.openshift.io';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';
import { machineConfigPoolName, MCO_ROLE_LABEL, nodeRoleLabel } from '../../model/pool/pool-names';

/** The base pool whose MachineConfigs every custom pool also takes (the MCO's convention for custom pools). */
const BASE_ROLE = 'worker';

/** `MachineConfigPool.spec` fields of a pool, in plain JSON form. */
export interface MachineConfigPoolFields {
  /** MachineConfigs labelled with the `worker` or the pool's role. */
  readonly machineConfigRoles: string[];
  /** Nodes labelled `node-role.kubernetes.io/<role>: ""`. */
  readonly nodeSelector: Record<string, string>;
  /** The pool's own label, which the KubeletConfig and Tuned select. */
  readonly labels: Record<string, string>;
}

/**
 * What makes a custom pool: it takes the `worker` MachineConfigs plus its own (so its nodes stay workers), selects
 * its nodes by the role label, and carries `machineconfiguration.openshift.io/role: <role>` for the KubeletConfig
 * and Tuned to select. This is the layout NTO's tests and the MCO docs use (`worker-cnf`).
 */
export function machineConfigPoolFields(role: string): MachineConfigPoolFields {
  return {
    machineConfigRoles: [BASE_ROLE, role],
    nodeSelector: { [nodeRoleLabel(role)]: '' },
    labels: { [MCO_ROLE_LABEL]: role },
  };
}

/**
 * The pool's MachineConfigPool (child id `MachineConfigPool`), the same for both backends: NTO never creates one, and
 * its PerformanceProfile selects this one by the role label.
 */
export function renderMachineConfigPool(scope: Construct, model: RealtimeNodePoolModel): ApiObject {
  const poolFields = machineConfigPoolFields(model.role);
  const spec: mcp.MachineConfigPoolSpec = {
    machineConfigSelector: {
      matchExpressions: [{ key: MCO_ROLE_LABEL, operator: 'In', values: poolFields.machineConfigRoles }],
    },
    nodeSelector: { matchLabels: poolFields.nodeSelector },
    maxUnavailable: mcp.MachineConfigPoolSpecMaxUnavailable.fromNumber(model.maxUnavailable),
    paused: model.paused,
  };
  return new EmittedObject(scope, 'MachineConfigPool', {
    gvk: mcp.MachineConfigPool.GVK,
    metadata: { name: machineConfigPoolName(model.role), labels: poolFields.labels },
    fields: { spec: mcp.toJson_MachineConfigPoolSpec(spec) },
  });
}
