import { App, Testing } from 'cdk8s';
import { buildPerformanceProfileHost } from '../../examples/performance-profile-host';
import { Warnings } from '../../src/constructs/app/warnings';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

describe('examples/performance-profile-host', () => {
  const app = Testing.app();
  const chart = buildPerformanceProfileHost(app as App);
  const objects = Testing.synth(chart);
  const profile = objects.find((o) => o.kind === 'PerformanceProfile');
  const pool = chart.node.findAll().find(RealtimeNodePool.isRealtimeNodePool) as RealtimeNodePool;

  test('every object is valid and nothing is lost; no warnings', () => {
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(Warnings.of(chart).list()).toEqual([]);
  });

  test('the MachineConfigPool and one PerformanceProfile, nothing NTO renders itself', () => {
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}/${o.metadata.name}`)).toEqual([
      'machineconfiguration.openshift.io/v1 MachineConfigPool/worker-rt',
      'performance.openshift.io/v2 PerformanceProfile/worker-rt',
    ]);
  });

  test('whole cores reserved (siblings n and n+40), pinned 1G pages, the real-time kernel and hint, one pool selected', () => {
    expect(profile.spec.cpu).toEqual({ balanceIsolated: true, reserved: '0,20,40,60', isolated: '1-19,21-39,41-59,61-79' });
    expect(profile.spec.hugepages).toEqual({
      defaultHugepagesSize: '1G',
      pages: [{ count: 80, node: 0, size: '1G' }, { count: 80, node: 1, size: '1G' }],
    });
    expect(profile.spec.realTimeKernel).toEqual({ enabled: true });
    expect(profile.spec.workloadHints).toEqual({ highPowerConsumption: false, perPodPowerManagement: false, realTime: true });
    expect(profile.spec.numa).toEqual({ topologyPolicy: 'single-numa-node' });
    expect(profile.spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker-rt': '' });
    expect(profile.spec.machineConfigPoolSelector).toEqual({ 'machineconfiguration.openshift.io/role': 'worker-rt' });
    expect(profile.spec.machineConfigLabel).toEqual({ 'machineconfiguration.openshift.io/role': 'worker-rt' });
    expect(profile.spec.additionalKernelArgs).toBeUndefined();
  });

  test('the model describes what NTO renders: whole cores, real-time capable, reservation on NUMA node 0', () => {
    expect(pool.model.fullPcpusOnly).toBe(true);
    expect(pool.model.realtimeCapable).toBe(true);
    expect(pool.model.reservedMemoryNumaNode).toBe(0);
    expect(pool.model.kernelArguments.slice(0, 5)).toEqual([
      'nohz=on', 'rcu_nocbs=1-19,21-39,41-59,61-79', 'nohz_full=1-19,21-39,41-59,61-79', 'skew_tick=1',
      'isolcpus=managed_irq,1-19,21-39,41-59,61-79',
    ]);
  });

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });
});
