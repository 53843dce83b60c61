import { Testing } from 'cdk8s';
import { performanceProfileSpec, renderPerformanceProfileBackend } from '../../../src/backends/performance-profile/performance-profile-backend';
import { resolvePool } from '../../../src/model/pool/resolve-pool';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { PoolBackend } from '../../../src/values/pool/pool-backend';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { guideProps, smtTopology } from '../../fixtures/pool';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

const PP = PoolBackend.PERFORMANCE_PROFILE;

describe('renderPerformanceProfileBackend', () => {
  test('exactly the MachineConfigPool and one PerformanceProfile named after the role, valid against the CRDs', () => {
    // GIVEN the guide's pool with the PerformanceProfile backend
    const chart = Testing.chart();
    const objects = renderPerformanceProfileBackend(chart, resolvePool(guideProps({ backend: PP })));

    // THEN
    expect(objects.machineConfigPool.name).toBe('worker-rt');
    expect(objects.performanceProfile.name).toBe('worker-rt');
    const manifests = Testing.synth(chart);
    expect(manifests.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual([
      'machineconfiguration.openshift.io/v1 MachineConfigPool', 'performance.openshift.io/v2 PerformanceProfile',
    ]);
    expectValidAgainstCrds(manifests);
    expectNoLostValues(manifests);
    expect(manifests[1].metadata).toEqual({ name: 'worker-rt' });
  });

  test('the guide host: every field from the resolved model', () => {
    expect(performanceProfileSpec(resolvePool(guideProps({ backend: PP })))).toEqual({
      cpu: { reserved: '0-1,8-9', isolated: '2-7,10-15', balanceIsolated: true },
      hugepages: {
        defaultHugepagesSize: '1G',
        pages: [{ size: '1G', count: 26, node: 0 }, { size: '1G', count: 26, node: 1 }],
      },
      realTimeKernel: { enabled: true },
      numa: { topologyPolicy: 'single-numa-node' },
      workloadHints: { realTime: true, highPowerConsumption: false, perPodPowerManagement: false },
      globallyDisableIrqLoadBalancing: true,
      nodeSelector: { 'node-role.kubernetes.io/worker-rt': '' },
      machineConfigPoolSelector: { 'machineconfiguration.openshift.io/role': 'worker-rt' },
      machineConfigLabel: { 'machineconfiguration.openshift.io/role': 'worker-rt' },
    });
  });

  test('offlined CPUs, nosmt before the user arguments, static isolation, non-RT kernel, hints from the props', () => {
    // GIVEN the SMT host with SMT disabled, 2 reserved and 4 offlined CPUs
    const topology = smtTopology();
    const spec = performanceProfileSpec(resolvePool({
      role: 'worker-rt',
      backend: PP,
      topology,
      partition: CpuPartition.plan(topology, { reservedCpuCount: 2, offlinedCpuCount: 4, disableSmt: true }),
      hugepages: [{ size: HugePageSize.TWO_MI, count: 1024 }],
      realtimeKernel: false,
      balanceIsolated: false,
      topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED,
      additionalKernelArgs: ['audit=0'],
      highPowerConsumption: true,
    }));

    // THEN
    expect(spec.cpu).toEqual({ reserved: '0-1', isolated: '6-39', offlined: '2-5', balanceIsolated: false });
    expect(spec.additionalKernelArgs).toEqual(['nosmt', 'audit=0']);
    expect(spec.realTimeKernel).toEqual({ enabled: false });
    expect(spec.numa).toEqual({ topologyPolicy: 'restricted' });
    expect(spec.workloadHints).toEqual({ realTime: true, highPowerConsumption: true, perPodPowerManagement: false });
    expect(spec.hugepages).toEqual({ defaultHugepagesSize: '2M', pages: [{ size: '2M', count: 1024 }] });
  });

  test('pages in a canonical order: by size, the node-less entry first, then by node', () => {
    const spec = performanceProfileSpec(resolvePool(guideProps({
      backend: PP,
      defaultHugePageSize: HugePageSize.ONE_GI,
      hugepages: [
        { size: HugePageSize.ONE_GI, count: 8, numaNode: 1 },
        { size: HugePageSize.TWO_MI, count: 512 },
        { size: HugePageSize.ONE_GI, count: 8, numaNode: 0 },
      ],
    })));
    expect(spec.hugepages?.pages).toEqual([
      { size: '2M', count: 512 }, { size: '1G', count: 8, node: 0 }, { size: '1G', count: 8, node: 1 },
    ]);
  });

  test('no hugepages section and no additionalKernelArgs when the pool has none', () => {
    const spec = performanceProfileSpec(resolvePool(guideProps({ backend: PP, hugepages: [] })));
    expect(spec.hugepages).toBeUndefined();
    expect(spec.additionalKernelArgs).toBeUndefined();
    expect(spec.cpu.offlined).toBeUndefined();
  });
});
