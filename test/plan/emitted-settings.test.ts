import { Testing } from 'cdk8s';
import { seed002Partition, smtHost } from './helpers';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { emittedNodeSettings, flattenSettings } from '../../src/plan/emitted-settings';
import { CpuPartition } from '../../src/values/host/cpu-partition';

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
