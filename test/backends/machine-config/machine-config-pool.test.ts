import { machineConfigPoolFields } from '../../../src/backends/machine-config/machine-config-pool';

describe('machineConfigPoolFields', () => {
  test('a custom pool: worker MachineConfigs plus its own, nodes by role label', () => {
    expect(machineConfigPoolFields('worker-rt')).toEqual({
      machineConfigRoles: ['worker', 'worker-rt'],
      nodeSelector: { 'node-role.kubernetes.io/worker-rt': '' },
      labels: { 'machineconfiguration.openshift.io/role': 'worker-rt' },
    });
  });
});
