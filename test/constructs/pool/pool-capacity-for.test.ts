import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { poolCapacityFor } from '../../../src/model/placement/pool-capacity';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { chartWithPool, vmProps } from '../../fixtures/placement';

describe('RealtimeNodePool.capacityFor', () => {
  test('counts even-parity emulator CPUs when the app\'s configuration turns them on', () => {
    const { chart, pool } = chartWithPool();
    const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 4, nodePool: pool }));
    expect(pool.capacityFor(vm).perNode).toBe(0); // 5 CPUs: refused without completion
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const c = pool.capacityFor(vm);
    expect(c.capacity.podCpus).toBe(6);
    expect(c.perNode).toBe(10);
  });

  test('is poolCapacityFor on the pool\'s model, with the VM\'s name in the sentence', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 2, nodePool: pool }));
    expect(pool.capacityFor(vm)).toEqual(poolCapacityFor(pool.model, vm.shape, { emulatorThreadEvenParity: true, vmName: 'vm' }));
    expect(pool.capacityFor(vm).perNode).toBeGreaterThan(0);
    expect(pool.capacityFor(vm).reason).toContain('of vm per node');
  });
});
