import { kubeletConfigName, machineConfigName, machineConfigPoolName, nodeRoleLabel, TUNED_NAMESPACE, tunedName } from '../../src/pool/pool-names';

describe('pool object names (changing them reboots pools: they are part of the contract)', () => {
  test('explicit, hash-free names', () => {
    expect(machineConfigPoolName('worker-rt')).toBe('worker-rt');
    expect(machineConfigName('worker-rt')).toBe('50-worker-rt-realtime');
    expect(kubeletConfigName('worker-rt')).toBe('worker-rt-realtime');
    expect(tunedName('worker-rt')).toBe('worker-rt-realtime');
    expect(nodeRoleLabel('worker-rt')).toBe('node-role.kubernetes.io/worker-rt');
    expect(TUNED_NAMESPACE).toBe('openshift-cluster-node-tuning-operator');
  });
});
