import {
  kubeletConfigName, machineConfigName, machineConfigPoolName, nodeRoleLabel, ntoBootloaderMachineConfigName, ntoKubeletConfigName,
  ntoMachineConfigName, ntoRuntimeClassName, ntoTunedName, performanceProfileName, TUNED_NAMESPACE, tunedName,
} from '../../../src/model/pool/pool-names';

describe('pool object names (changing them reboots pools: they are part of the contract)', () => {
  test('explicit, hash-free names', () => {
    expect(machineConfigPoolName('worker-rt')).toBe('worker-rt');
    expect(machineConfigName('worker-rt')).toBe('50-worker-rt-realtime');
    expect(kubeletConfigName('worker-rt')).toBe('worker-rt-realtime');
    expect(tunedName('worker-rt')).toBe('worker-rt-realtime');
    expect(nodeRoleLabel('worker-rt')).toBe('node-role.kubernetes.io/worker-rt');
    expect(TUNED_NAMESPACE).toBe('openshift-cluster-node-tuning-operator');
  });

  test('the PerformanceProfile and the names NTO derives from it', () => {
    expect(performanceProfileName('worker-rt')).toBe('worker-rt');
    expect(ntoMachineConfigName('worker-rt')).toBe('50-performance-worker-rt');
    expect(ntoKubeletConfigName('worker-rt')).toBe('performance-worker-rt');
    expect(ntoTunedName('worker-rt')).toBe('openshift-node-performance-worker-rt');
    expect(ntoRuntimeClassName('worker-rt')).toBe('performance-worker-rt');
    expect(ntoBootloaderMachineConfigName('worker-rt')).toBe('50-nto-worker-rt');
  });
});
