import { Testing } from 'cdk8s';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import * as placementRules from '../../../src/rules/placement-rules';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { chartWithPool, smtPoolProps, synthError, vmProps } from '../../fixtures/placement';

// The capacity check of a pool packs every VM placed on it. cdk8s validates the whole app once more for each chart
// it synthesizes, so the packing is kept while the pool's VMs and the cluster facts stay the same.

describe('pool capacity check', () => {
  afterEach(() => jest.restoreAllMocks());

  test('packs once for the same VMs and facts, however often the app is validated', () => {
    const spy = jest.spyOn(placementRules, 'poolCapacityFindings');
    const { chart, pool } = chartWithPool(smtPoolProps({ nodeCount: 1 }));
    for (let i = 0; i < 3; i++) new RealtimeVirtualMachine(chart, `vm-${i}`, vmProps({ vcpus: 9, nodePool: pool }));
    Testing.synth(chart);
    Testing.synth(chart);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('packs again when a VM is placed after a synthesis: the node count is checked against every VM', () => {
    // GIVEN 6 VMs of 10 pod CPUs: they fit one node (2 NUMA nodes x 30 CPUs)
    const { chart, pool } = chartWithPool(smtPoolProps({ nodeCount: 1 }));
    for (let i = 0; i < 6; i++) new RealtimeVirtualMachine(chart, `vm-${i}`, vmProps({ vcpus: 9, nodePool: pool }));
    expect(synthError(chart)).toBe('');

    // WHEN a seventh is added
    new RealtimeVirtualMachine(chart, 'vm-6', vmProps({ vcpus: 9, nodePool: pool }));

    // THEN the pool is over capacity
    expect(synthError(chart)).toContain('[PLACEMENT_POOL_CAPACITY_EXCEEDED]');
  });

  test('packs again when the cluster facts change (even-parity completion changes the pod CPU count)', () => {
    // GIVEN 6 VMs of 4 vCPUs: without even parity the kubelet refuses them (skipped, each reports its own error) ...
    const { chart, pool } = chartWithPool(smtPoolProps({ nodeCount: 1 }));
    for (let i = 0; i < 11; i++) new RealtimeVirtualMachine(chart, `vm-${i}`, vmProps({ vcpus: 4, nodePool: pool }));
    expect(synthError(chart)).not.toContain('[PLACEMENT_POOL_CAPACITY_EXCEEDED]');

    // WHEN the configuration turns even parity on, each takes 6 CPUs: 11 x 6 = 66 > 60
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });

    // THEN they are packed again, and do not fit
    expect(synthError(chart)).toContain('[PLACEMENT_POOL_CAPACITY_EXCEEDED]');
  });
});
