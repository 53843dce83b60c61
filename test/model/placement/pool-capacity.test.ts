import { Size } from 'cdk8s';
import { CapacityLimit } from '../../../src/model/placement/capacity';
import { poolCapacityFor } from '../../../src/model/placement/pool-capacity';
import { capacityOptionsOf, isNodeCount } from '../../../src/model/placement/pool-options';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { modelOf, shapeOf, smtPoolProps, vmProps } from '../../fixtures/placement';

describe('capacityOptionsOf', () => {
  test('the pool\'s CPU manager and per-NUMA-node pages', () => {
    const model = modelOf(smtPoolProps());
    const options = capacityOptionsOf(model, true);
    expect(options).toMatchObject({
      emulatorThreadEvenParity: true,
      fullPcpusOnly: true,
      hugePages: [{ numaNode: 0, size: HugePageSize.ONE_GI, count: 32 }, { numaNode: 1, size: HugePageSize.ONE_GI, count: 32 }],
    });
    // The model's own list, so capacityOf's cache sees one list per pool.
    expect(options.hugePages).toBe(model.hugepages);
  });
});

describe('isNodeCount', () => {
  test.each([[1, true], [3, true], [0, false], [1.5, false], [undefined, false], ['3', false]])('%j → %j', (x, ok) => {
    expect(isNodeCount(x)).toBe(ok);
  });
});

describe('poolCapacityFor', () => {
  test('per NUMA node, per node and on the declared nodes, with the limit', () => {
    // 3 vCPUs + 1 emulator = 4 CPUs (two cores); 30 CPUs per NUMA node → 7; 4 x 1Gi of 32 pages → 8.
    const c = poolCapacityFor(modelOf(smtPoolProps({ nodeCount: 3 })), shapeOf(vmProps(), 'rt-small'), { vmName: 'rt-small' });
    expect(c.perNode).toBe(14);
    expect(c.nodeCount).toBe(3);
    expect(c.total).toBe(42);
    expect(c.capacity.perNumaNode.map((n) => n.vms)).toEqual([7, 7]);
    expect(c.capacity.limitedBy).toEqual([CapacityLimit.ISOLATED_CPUS]);
    expect(c.reason).toBe('Pool worker-rt: 14 VMs of rt-small per node (NUMA node 0: 7, NUMA node 1: 7), 42 on the pool\'s 3 nodes; limited by isolated CPUs.');
  });

  test('huge pages limit big VMs; no total without a node count', () => {
    const c = poolCapacityFor(modelOf(smtPoolProps()), shapeOf(vmProps({ memory: Size.gibibytes(20) }), 'rt-big'), { vmName: 'rt-big' });
    expect(c.perNode).toBe(2);
    expect(c.total).toBeUndefined();
    expect(c.reason).toBe('Pool worker-rt: 2 VMs of rt-big per node (NUMA node 0: 1, NUMA node 1: 1); limited by 1Gi huge pages.');
  });

  test('even parity makes a 4-vCPU VM fit (6 CPUs), without it the kubelet refuses it', () => {
    const shape = shapeOf(vmProps({ vcpus: 4 }));
    expect(poolCapacityFor(modelOf(smtPoolProps()), shape).perNode).toBe(0);
    expect(poolCapacityFor(modelOf(smtPoolProps()), shape, { emulatorThreadEvenParity: true }).perNode).toBe(10);
  });
});
