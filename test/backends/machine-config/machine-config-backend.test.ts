import { Testing } from 'cdk8s';
import { renderMachineConfigBackend } from '../../../src/backends/machine-config/machine-config-backend';
import { resolvePool } from '../../../src/model/pool/resolve-pool';
import { guideProps } from '../../fixtures/pool';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

describe('renderMachineConfigBackend', () => {
  test('four objects with explicit names, valid against the CRDs', () => {
    const chart = Testing.chart();
    const objects = renderMachineConfigBackend(chart, resolvePool(guideProps()));
    expect(objects.machineConfigPool.name).toBe('worker-rt');
    expect(objects.machineConfig.name).toBe('50-worker-rt-realtime');
    expect(objects.kubeletConfig.name).toBe('worker-rt-realtime');
    expect(objects.tuned.name).toBe('worker-rt-realtime');
    expect(objects.tuned.metadata.namespace).toBe('openshift-cluster-node-tuning-operator');
    const manifests = Testing.synth(chart);
    expect(manifests.map((o) => o.kind)).toEqual(['MachineConfigPool', 'MachineConfig', 'KubeletConfig', 'Tuned']);
    expectValidAgainstCrds(manifests);
    expectNoLostValues(manifests);
  });

  test('the MachineConfigPool: selectors, label, conservative rollout', () => {
    const chart = Testing.chart();
    renderMachineConfigBackend(chart, resolvePool(guideProps({ maxUnavailable: 2, paused: true })));
    const pool = Testing.synth(chart)[0];
    expect(pool.metadata.labels).toEqual({ 'machineconfiguration.openshift.io/role': 'worker-rt' });
    expect(pool.spec).toEqual({
      machineConfigSelector: { matchExpressions: [{ key: 'machineconfiguration.openshift.io/role', operator: 'In', values: ['worker', 'worker-rt'] }] },
      nodeSelector: { matchLabels: { 'node-role.kubernetes.io/worker-rt': '' } },
      maxUnavailable: 2,
      paused: true,
    });
  });

  test('KubeletConfig and Tuned select the pool by its role label', () => {
    const chart = Testing.chart();
    renderMachineConfigBackend(chart, resolvePool(guideProps()));
    const [, , kubelet, tuned] = Testing.synth(chart);
    expect(kubelet.spec.machineConfigPoolSelector).toEqual({ matchLabels: { 'machineconfiguration.openshift.io/role': 'worker-rt' } });
    expect(tuned.spec.recommend).toEqual([{ profile: 'worker-rt-realtime', priority: 20, machineConfigLabels: { 'machineconfiguration.openshift.io/role': 'worker-rt' } }]);
  });
});
