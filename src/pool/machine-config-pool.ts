import { MCO_ROLE_LABEL, nodeRoleLabel } from './pool-names';

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
