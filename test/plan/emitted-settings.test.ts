import { Testing } from 'cdk8s';
import { seed002Partition, smtHost } from './helpers';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { emittedNodeSettings, flattenSettings } from '../../src/plan/emitted-settings';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HugePageSize } from '../../src/values/hugepage-size';
import { ValidationError } from '../../src/values/validation-error';

describe('emittedNodeSettings', () => {
  test('seed-002: the pool builders\' kernel arguments and kubelet settings for the partition', () => {
    const settings = emittedNodeSettings(seed002Partition());
    expect(settings.kernelArguments.slice(0, 4)).toEqual(['isolcpus=managed_irq,2-7,10-15', 'nohz=on', 'nohz_full=2-7,10-15', 'rcu_nocbs=2-7,10-15']);
    expect(settings.kubeletSettings).toEqual(expect.arrayContaining([
      { name: 'cpuManagerPolicy', value: 'static' },
      { name: 'reservedSystemCPUs', value: '0-1,8-9' },
      { name: 'topologyManagerPolicy', value: 'single-numa-node' },
    ]));
    // no SMT: the pool leaves full-pcpus-only off
    expect(settings.kubeletSettings.map((s) => s.name)).not.toContain('cpuManagerPolicyOptions.full-pcpus-only');
    expect(settings.source).toContain('default props');
  });

  test('SMT on: full-pcpus-only; SMT disabled: nosmt and no full-pcpus-only', () => {
    const smt = emittedNodeSettings(CpuPartition.plan(smtHost(), { reservedCpuCount: 2 }));
    expect(smt.kubeletSettings).toContainEqual({ name: 'cpuManagerPolicyOptions.full-pcpus-only', value: 'true' });
    const off = emittedNodeSettings(CpuPartition.plan(smtHost(), { reservedCpuCount: 2, disableSmt: true }));
    expect(off.kernelArguments).toContain('nosmt');
    expect(off.kubeletSettings.map((s) => s.name)).not.toContain('cpuManagerPolicyOptions.full-pcpus-only');
  });

  test.each([
    ['seed-002', () => seed002Partition(), undefined],
    ['an SMT host with SMT disabled', () => CpuPartition.plan(smtHost(), { reservedCpuCount: 2, disableSmt: true }), smtHost],
  ])('%s: exactly what a RealtimeNodePool with default props renders', (_name, partitionOf, hostOf) => {
    const partition = partitionOf();
    const host = hostOf?.() ?? partition.topology;
    const pool = new RealtimeNodePool(Testing.chart(), 'Pool', { role: 'worker-rt', topology: host, partition });
    const rendered = pool.emittedSettings();
    expect(rendered.source).toBe('node pool worker-rt');
    const planned = emittedNodeSettings(partition, host);
    expect(planned.kernelArguments).toEqual(rendered.kernelArguments);
    expect(planned.kubeletSettings).toEqual(rendered.kubeletSettings);
  });
});

describe('emittedNodeSettings with huge pages', () => {
  test.each([
    ['spread at boot', [{ size: HugePageSize.ONE_GI, count: 52 }], 'hugepages 1Gi:52'],
    ['per NUMA node', [{ size: HugePageSize.ONE_GI, count: 20, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 32, numaNode: 1 }],
      'hugepages 1Gi:20@0,1Gi:32@1'],
  ])('%s: exactly what a RealtimeNodePool with those hugepages renders', (_name, hugepages, text) => {
    const partition = seed002Partition();
    const pool = new RealtimeNodePool(Testing.chart(), 'Pool', { role: 'worker-rt', topology: partition.topology, partition, hugepages });
    const rendered = pool.emittedSettings();
    const planned = emittedNodeSettings(partition, partition.topology, hugepages);
    expect(planned.kernelArguments).toEqual(rendered.kernelArguments);
    expect(planned.kernelArguments).toContain('hugepagesz=1G');
    expect(planned.kubeletSettings).toEqual(rendered.kubeletSettings);
    expect(planned.source).toBe(`a RealtimeNodePool with this partition, ${text} and otherwise default props`);
  });

  test('entries the pool would drop or miscount, and wrong types, are refused', () => {
    const partition = seed002Partition();
    expect(() => emittedNodeSettings(partition, undefined, [{ size: HugePageSize.ONE_GI, count: 4, numaNode: 5 }]))
      .toThrow('[emittedNodeSettings] [POOL_HUGEPAGE_NUMA_NODE_UNKNOWN] hugepages[0].numaNode: got 5');
    expect(() => emittedNodeSettings(partition, undefined, [{ size: HugePageSize.ONE_GI, count: 0 }]))
      .toThrow('[emittedNodeSettings] [PROP_TYPE_INVALID] hugepages[0].count: got 0, expected a whole number ≥ 1');
    expect(() => emittedNodeSettings(null as any)).toThrow(ValidationError);
    expect(() => emittedNodeSettings(partition, 'host' as any)).toThrow('host: got "host", expected a HostTopology');
  });
});

describe('flattenSettings', () => {
  test('nested objects become dotted names, lists JSON, key order kept', () => {
    expect(flattenSettings({ b: 'x', a: { c: 1, d: { e: true } }, l: [{ n: 0 }], u: undefined, z: null })).toEqual([
      { name: 'b', value: 'x' },
      { name: 'a.c', value: '1' },
      { name: 'a.d.e', value: 'true' },
      { name: 'l', value: '[{"n":0}]' },
      { name: 'z', value: 'null' },
    ]);
  });
});
