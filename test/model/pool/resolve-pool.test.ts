import { Size } from 'cdk8s';
import { resolvePool } from '../../../src/model/pool/resolve-pool';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { guideProps, smtTopology } from '../../fixtures/pool';

describe('resolvePool', () => {
  test('the guide host: defaults and the resolved model', () => {
    const { model, pinned, generatedKernelArgs } = resolvePool(guideProps());
    expect(model.role).toBe('worker-rt');
    expect(model.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker-rt': '' });
    expect(model.topologyManagerPolicy).toBe(TopologyManagerPolicy.SINGLE_NUMA_NODE);
    expect(model.realtimeKernel).toBe(true);
    expect(model.realtimeCapable).toBe(true);
    expect(model.smtEnabled).toBe(false);
    expect(model.fullPcpusOnly).toBe(false);
    expect(model.maxUnavailable).toBe(1);
    expect(model.paused).toBe(false);
    expect(model.nodeCount).toBeUndefined();
    expect(model.defaultHugePageSize).toBe(HugePageSize.ONE_GI);
    expect(model.reservedMemoryNumaNode).toBe(0);
    expect(model.reservedMemory.toMebibytes()).toBe(1100);
    expect(model.hugepages).toEqual([
      { numaNode: 0, size: HugePageSize.ONE_GI, count: 26, allocatedAtBoot: false },
      { numaNode: 1, size: HugePageSize.ONE_GI, count: 26, allocatedAtBoot: false },
    ]);
    expect(pinned).toHaveLength(2);
    expect(model.kernelArguments).toEqual(generatedKernelArgs);
  });

  test('SMT host: full-pcpus-only follows SMT, and disableSmt turns both off and appends nosmt', () => {
    const topology = smtTopology();
    const withSmt = resolvePool(guideProps({ topology, partition: CpuPartition.plan(topology, { reservedCpuCount: 4 }) })).model;
    expect(withSmt.smtEnabled).toBe(true);
    expect(withSmt.fullPcpusOnly).toBe(true);
    const noSmt = resolvePool(guideProps({ topology, partition: CpuPartition.plan(topology, { reservedCpuCount: 2, disableSmt: true }) })).model;
    expect(noSmt.smtEnabled).toBe(false);
    expect(noSmt.fullPcpusOnly).toBe(false);
    expect(noSmt.kernelArguments[noSmt.kernelArguments.length - 1]).toBe('nosmt');
  });

  test('user arguments follow the generated ones, in the given order', () => {
    const { model } = resolvePool(guideProps({ additionalKernelArgs: ['intel_iommu=on', 'iommu=pt'] }));
    expect(model.kernelArguments.slice(-2)).toEqual(['intel_iommu=on', 'iommu=pt']);
  });

  test('reservations in whole MiB; the total is the Memory Manager reservation', () => {
    const resolved = resolvePool(guideProps({
      kubeReservedMemory: Size.gibibytes(1), systemReservedMemory: Size.mebibytes(512), evictionHardMemory: Size.mebibytes(0),
    }));
    expect(resolved.kubeReservedMebibytes).toBe(1024);
    expect(resolved.model.reservedMemory.toMebibytes()).toBe(1536);
  });

  test('never throws on bad values', () => {
    expect(() => resolvePool(guideProps({
      role: 42 as any,
      hugepages: [{ size: HugePageSize.ONE_GI, count: NaN }, null as any, { size: HugePageSize.TWO_MI, count: 1, numaNode: 7 }],
      additionalKernelArgs: [3 as any, 'ok'],
      kubeReservedMemory: Size.kibibytes(3),
    }))).not.toThrow();
    const { model } = resolvePool(guideProps({ role: 42 as any, additionalKernelArgs: [3 as any, 'ok'] }));
    expect(model.role).toBe('42');
    expect(model.kernelArguments[model.kernelArguments.length - 1]).toBe('ok');
  });
});
