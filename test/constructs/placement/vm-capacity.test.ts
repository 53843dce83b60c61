import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { poolCapacityOfVm } from '../../../src/constructs/placement/vm-capacity';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { chartWithPool, vmProps } from '../../fixtures/placement';

describe('poolCapacityOfVm', () => {
  test('counts even-parity emulator CPUs when the app\'s configuration turns them on', () => {
    const { chart, pool } = chartWithPool();
    const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 4, nodePool: pool }));
    expect(poolCapacityOfVm(pool, vm).perNode).toBe(0); // 5 CPUs: refused without completion
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const c = poolCapacityOfVm(pool, vm);
    expect(c.capacity.podCpus).toBe(6);
    expect(c.perNode).toBe(10);
  });
});

describe('RealtimeNodePool.capacityFor', () => {
  test('is poolCapacityOfVm for that pool', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 2, nodePool: pool }));
    expect(pool.capacityFor(vm)).toEqual(poolCapacityOfVm(pool, vm));
    expect(pool.capacityFor(vm).perNode).toBeGreaterThan(0);
  });
});
