import { Size } from 'cdk8s';
import { packingItemOf, packPool, poolBins } from '../../../src/model/placement/pool-packing';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { modelOf, shapeOf, smtPoolProps, vmProps } from '../../fixtures/placement';

const vm = (name: string, props: Parameters<typeof vmProps>[0] = {}) => ({ path: `test/${name}`, name, shape: shapeOf(vmProps(props), name) });

describe('packingItemOf', () => {
  test('pod CPUs (with even parity when on) and pages', () => {
    expect(packingItemOf(vm('a', { vcpus: 4, memory: Size.gibibytes(6) }), false)).toEqual({ name: 'a', cpus: 5, pageSize: HugePageSize.ONE_GI, pages: 6 });
    expect(packingItemOf(vm('a', { vcpus: 4 }), true).cpus).toBe(6);
    expect(packingItemOf(vm('io', { vcpus: 4, ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 2 }), true).cpus).toBe(8);
  });

  test('no exclusive CPUs without dedicated CPUs, no pages without huge pages', () => {
    const item = packingItemOf(vm('shared', { dedicatedCpuPlacement: false, isolateEmulatorThread: false, realtime: false, guestMappingPassthrough: false, hugePages: false }), false);
    expect(item).toEqual({ name: 'shared', cpus: 0, pages: 0 });
  });
});

describe('poolBins', () => {
  test('one bin per NUMA node of each node under single-numa-node: whole-core CPUs and the node\'s pages', () => {
    const bins = poolBins(modelOf(smtPoolProps()), 2);
    expect(bins).toEqual([
      { node: 0, numaNode: 0, cpus: 30, pages: { '1Gi': 32 } },
      { node: 0, numaNode: 1, cpus: 30, pages: { '1Gi': 32 } },
      { node: 1, numaNode: 0, cpus: 30, pages: { '1Gi': 32 } },
      { node: 1, numaNode: 1, cpus: 30, pages: { '1Gi': 32 } },
    ]);
  });

  test('one bin per node otherwise', () => {
    const bins = poolBins(modelOf(smtPoolProps({ topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED })), 2);
    expect(bins).toEqual([{ node: 0, cpus: 60, pages: { '1Gi': 64 } }, { node: 1, cpus: 60, pages: { '1Gi': 64 } }]);
  });
});

describe('packPool', () => {
  test('nothing to pack without VMs', () => {
    expect(packPool(modelOf(smtPoolProps()), 3, [], false)).toBeUndefined();
  });

  test('finds the fewest nodes first-fit decreasing needs', () => {
    const vms = Array.from({ length: 13 }, (_, i) => vm(`vm-${i}`, { vcpus: 9 })); // 10 pod CPUs: 3 per NUMA node
    const packing = packPool(modelOf(smtPoolProps()), 1, vms, false)!;
    expect(packing.result.placed).toHaveLength(6);
    expect(packing.result.unplaced).toHaveLength(7);
    expect(packing.nodesNeeded).toBe(3);
  });

  test('skips VMs that fit no empty node or that the kubelet refuses for SMT alignment', () => {
    const vms = [vm('fits'), vm('too-big', { vcpus: 31 }), vm('odd-pod', { vcpus: 4 })];
    const packing = packPool(modelOf(smtPoolProps()), 1, vms, false)!;
    expect(packing.skipped.map((i) => i.name)).toEqual(['too-big', 'odd-pod']);
    expect(packing.result.placed.map((p) => p.item.name)).toEqual(['fits']);
    // With even parity the 4-vCPU VM's pod is 6 CPUs: it packs.
    expect(packPool(modelOf(smtPoolProps()), 1, vms, true)!.skipped.map((i) => i.name)).toEqual(['too-big']);
  });
});
