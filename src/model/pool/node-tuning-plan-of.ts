import { bootHugePageCount, usedHugePageSizes } from './hugepages';
import { NodeTuningPlan } from './node-tuning-plan';
import { poolKubeletConfiguration } from './pool-kubelet-config';
import { REALTIME_HOST_SYSCTLS } from './realtime-sysctls';
import { ResolvedPool } from './resolve-pool';

/**
 * What every node of a resolved pool must become, for the backends that write a node configuration themselves
 * (Talos, Cluster API kubeadm, the kubelet drop-in): the same kernel arguments, kubelet settings, huge pages and
 * offlined CPUs the OpenShift backends render, plus the sysctls TuneD would set there.
 */
export function nodeTuningPlanOf(pool: ResolvedPool): NodeTuningPlan {
  const { model } = pool;
  return {
    role: model.role,
    nodeLabels: { ...model.nodeSelector },
    nodeTaints: [...model.nodeTaints],
    realtimeKernel: model.realtimeKernel,
    kernelArguments: [...model.kernelArguments],
    bootHugePages: usedHugePageSizes(pool.allocations)
      .map((size) => ({ size, count: bootHugePageCount(pool.allocations, size) }))
      .filter((p) => p.count > 0),
    defaultHugePageSize: model.defaultHugePageSize,
    numaHugePages: pool.pinned.map((p) => ({ size: p.size, numaNode: p.numaNode, count: p.count })),
    offlinedCpus: model.partition.offlined,
    reservedCpus: model.partition.reserved,
    isolatedCpus: model.partition.isolated,
    sysctls: Object.fromEntries(REALTIME_HOST_SYSCTLS),
    kubelet: poolKubeletConfiguration(pool),
  };
}
