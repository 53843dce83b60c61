import { HugePageSize } from '../../../src/values/hugepage-size';
import { planOf, seed002Plan } from '../../fixtures/node-tuning-plan';
import { guideProps } from '../../fixtures/pool';

// NodeTuningPlan is plain data; these tests pin the mapping the fixture (and the lead's wiring) uses from the pool
// resolver, on the seed-002 host of libvirt's real-time guide.
describe('NodeTuningPlan of the seed-002 host', () => {
  test('CPU lists, kernel arguments in the library order, pinned huge pages, kubelet settings', () => {
    const plan = seed002Plan();
    expect(plan.role).toBe('worker-rt');
    expect(plan.reservedCpus.toString()).toBe('0-1,8-9');
    expect(plan.isolatedCpus.toString()).toBe('2-7,10-15');
    expect(plan.offlinedCpus.isEmpty).toBe(true);
    expect(plan.realtimeKernel).toBe(false);
    expect(plan.kernelArguments).toEqual([
      'isolcpus=domain,managed_irq,2-7,10-15', 'nohz=on', 'nohz_full=2-7,10-15', 'rcu_nocbs=2-7,10-15', 'irqaffinity=0-1,8-9',
      'systemd.cpu_affinity=0-1,8-9', 'skew_tick=1', 'tsc=reliable', 'nosoftlockup', 'default_hugepagesz=1G', 'hugepagesz=1G', 'hugepages=0',
    ]);
    expect(plan.bootHugePages).toEqual([]);
    expect(plan.defaultHugePageSize).toBe(HugePageSize.ONE_GI);
    expect(plan.numaHugePages).toEqual([
      { size: HugePageSize.ONE_GI, numaNode: 0, count: 26 },
      { size: HugePageSize.ONE_GI, numaNode: 1, count: 26 },
    ]);
    expect(plan.sysctls['kernel.sched_rt_runtime_us']).toBe('-1');
    expect(plan.kubelet).toMatchObject({ cpuManagerPolicy: 'static', reservedSystemCPUs: '0-1,8-9', memoryManagerPolicy: 'Static' });
  });

  test('boot-time pages: one entry per size with its total; the real-time kernel adds rcutree.kthread_prio', () => {
    const plan = planOf(guideProps({ hugepages: [{ size: HugePageSize.ONE_GI, count: 52 }] }));
    expect(plan.bootHugePages).toEqual([{ size: HugePageSize.ONE_GI, count: 52 }]);
    expect(plan.numaHugePages).toEqual([]);
    expect(plan.kernelArguments).toContain('rcutree.kthread_prio=11');
    expect(plan.kernelArguments.slice(-2)).toEqual(['hugepagesz=1G', 'hugepages=52']);
  });
});
