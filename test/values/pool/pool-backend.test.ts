import { isOpenShiftBackend, PoolBackend } from '../../../src/values/pool/pool-backend';

describe('PoolBackend', () => {
  test('five backends, MachineConfig first (the default)', () => {
    expect(Object.values(PoolBackend)).toEqual(['machine-config', 'performance-profile', 'talos', 'cluster-api-kubeadm', 'kubelet-drop-in']);
  });

  test('the two OpenShift backends render MachineConfigPools; the others select nodes by a self-assigned label', () => {
    expect(Object.values(PoolBackend).filter(isOpenShiftBackend)).toEqual([PoolBackend.MACHINE_CONFIG, PoolBackend.PERFORMANCE_PROFILE]);
  });
});
