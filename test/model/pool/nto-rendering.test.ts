import { OWNED_KERNEL_ARG_KEYS } from '../../../src/model/pool/kernel-args';
import {
  NTO_RENDERED_KERNEL_ARG_KEYS, ntoHugePageArgs, ntoKernelArgs, ntoKubeletConfiguration, profilePageOrder,
} from '../../../src/model/pool/nto-rendering';
import { resolvePool } from '../../../src/model/pool/resolve-pool';
import { CpuSet } from '../../../src/values/cpu-set';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { PoolBackend } from '../../../src/values/pool/pool-backend';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { guideProps, smtTopology } from '../../fixtures/pool';

const G = HugePageSize.ONE_GI;
const M = HugePageSize.TWO_MI;

describe('ntoKernelArgs', () => {
  const base = {
    isolated: CpuSet.parse('2-7,10-15'),
    balanceIsolated: true,
    highPowerConsumption: false,
    pages: [],
    additionalKernelArgs: [],
  };

  test('the real-time hint\'s arguments on every x86_64 node, in NTO\'s Tuned option order', () => {
    expect(ntoKernelArgs(base)).toEqual([
      'nohz=on', 'rcu_nocbs=2-7,10-15', 'nohz_full=2-7,10-15', 'skew_tick=1', 'isolcpus=managed_irq,2-7,10-15',
      'nosoftlockup', 'rcutree.kthread_prio=11', 'iommu=pt', 'tsc=reliable', 'nmi_watchdog=0', 'mce=off',
      'rcupdate.rcu_normal_after_boot=1',
    ]);
  });

  test('static isolation, huge pages, additional arguments, high power consumption; each argument once', () => {
    const args = ntoKernelArgs({
      ...base,
      balanceIsolated: false,
      highPowerConsumption: true,
      defaultHugePageSize: G,
      pages: [{ size: G, count: 52 }],
      additionalKernelArgs: ['nosmt', 'tsc=reliable'],
    });
    expect(args).toContain('isolcpus=domain,managed_irq,2-7,10-15');
    expect(args.slice(7, 11)).toEqual(['default_hugepagesz=1G', 'hugepagesz=1G', 'hugepages=52', 'nosmt']);
    expect(args.slice(-3)).toEqual(['processor.max_cstate=1', 'idle=poll', 'rcupdate.rcu_normal_after_boot=1']);
    expect(args.filter((a) => a === 'tsc=reliable')).toHaveLength(1);
  });
});

describe('ntoHugePageArgs (PP/tuned/tuned.go)', () => {
  test('node-less pages become arguments in the profile\'s order; pinned pages do not', () => {
    expect(ntoHugePageArgs([{ size: M, count: 128 }, { size: G, count: 1, numaNode: 0 }], G))
      .toEqual(['default_hugepagesz=1G', 'hugepagesz=2M', 'hugepages=128']);
  });

  test('2M pages only pinned under a 1G default: NTO\'s dummy hugepagesz=2M hugepages=0', () => {
    expect(ntoHugePageArgs([{ size: M, count: 64, numaNode: 1 }, { size: G, count: 4, numaNode: 0 }], G))
      .toEqual(['default_hugepagesz=1G', 'hugepagesz=2M', 'hugepages=0']);
    expect(ntoHugePageArgs([{ size: M, count: 64, numaNode: 1 }], M)).toEqual(['default_hugepagesz=2M']);
    expect(ntoHugePageArgs([], undefined)).toEqual([]);
  });
});

test('profilePageOrder: by size, node-less first, then by node; stable', () => {
  const pages = [{ size: G, count: 1, numaNode: 1 }, { size: G, count: 2 }, { size: M, count: 3, numaNode: 0 }, { size: G, count: 4, numaNode: 0 }];
  expect(profilePageOrder(pages).map((p) => p.count)).toEqual([3, 2, 4, 1]);
});

describe('ntoKubeletConfiguration', () => {
  test('single-numa-node: full-pcpus-only, static Memory Manager, 1100Mi on NUMA node 0', () => {
    const config = ntoKubeletConfiguration(resolvePool(guideProps({ backend: PoolBackend.PERFORMANCE_PROFILE })).model);
    expect(config).toEqual({
      cpuManagerPolicy: 'static',
      cpuManagerReconcilePeriod: '5s',
      reservedSystemCPUs: '0-1,8-9',
      topologyManagerPolicy: 'single-numa-node',
      cpuManagerPolicyOptions: { 'full-pcpus-only': 'true' },
      memoryManagerPolicy: 'Static',
      reservedMemory: [{ numaNode: 0, limits: { memory: '1100Mi' } }],
      kubeReserved: { memory: '500Mi' },
      systemReserved: { memory: '500Mi' },
      evictionHard: { 'imagefs.available': '15%', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%', 'memory.available': '100Mi' },
    });
  });

  test('restricted on SMT nodes: no full-pcpus-only (NTO sets it for single-numa-node only); best-effort: no Memory Manager', () => {
    const topology = smtTopology();
    const partition = CpuPartition.plan(topology, { reservedCpuCount: 4 });
    const restricted = ntoKubeletConfiguration(resolvePool(guideProps({
      backend: PoolBackend.PERFORMANCE_PROFILE, topology, partition, topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED,
    })).model);
    expect(restricted.cpuManagerPolicyOptions).toBeUndefined();
    expect(restricted.memoryManagerPolicy).toBe('Static');
    const bestEffort = ntoKubeletConfiguration(resolvePool(guideProps({
      backend: PoolBackend.PERFORMANCE_PROFILE, topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT,
    })).model);
    expect(bestEffort.memoryManagerPolicy).toBeUndefined();
    expect(bestEffort.reservedMemory).toBeUndefined();
  });
});

test('the NTO-rendered keys and the pool\'s own keys do not overlap (each user argument is refused by one rule)', () => {
  expect(NTO_RENDERED_KERNEL_ARG_KEYS.filter((k) => OWNED_KERNEL_ARG_KEYS.includes(k))).toEqual([]);
});
