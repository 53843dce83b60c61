import { Size } from 'cdk8s';
import {
  effectiveDefaultHugePageSize, hugePageKernelArgs, PinnedHugePages, pinnedHugePages, resolveNumaHugePages,
  usableAllocations,
} from './hugepages';
import { generatedKernelArgs } from './kernel-args';
import {
  DEFAULT_EVICTION_HARD_MEMORY, DEFAULT_KUBE_RESERVED_MEMORY, DEFAULT_SYSTEM_RESERVED_MEMORY, reservedMemoryNumaNode,
  wholeMebibytes,
} from './kubelet-config';
import { RealtimeNodePoolModel } from './pool-model';
import { nodeRoleLabel } from './pool-names';
import { HugePageAllocation, RealtimeNodePoolProps } from './pool-props';
import { TopologyManagerPolicy } from './topology-manager-policy';

/** The model plus what only the renderer and the rules need. */
export interface ResolvedPool {
  readonly model: RealtimeNodePoolModel;
  /** Allocations usable for rendering (invalid ones are reported by the rules). */
  readonly allocations: HugePageAllocation[];
  /** Pages pinned to NUMA nodes (one systemd unit each). */
  readonly pinned: PinnedHugePages[];
  /** The generated kernel arguments (without the user's). */
  readonly generatedKernelArgs: string[];
  readonly balanceIsolated: boolean;
  readonly kubeReservedMebibytes: number;
  readonly systemReservedMebibytes: number;
  readonly evictionHardMebibytes: number;
}

/**
 * Resolves the props into the model. Total: it never throws on bad values (they are left out or zeroed here and
 * reported by the rules), so the validation error is what the user sees. `topology` and `partition` must be set.
 */
export function resolvePool(props: RealtimeNodePoolProps): ResolvedPool {
  const role = typeof props.role === 'string' ? props.role : String(props.role);
  const topology = props.topology;
  const partition = props.partition;
  const numaNodeIds = topology.numaNodeIds;
  const allocations = usableAllocations(Array.isArray(props.hugepages) ? props.hugepages : [], numaNodeIds);
  const defaultHugePageSize = effectiveDefaultHugePageSize(allocations, props.defaultHugePageSize);
  const realtimeKernel = props.realtimeKernel ?? true;
  const balanceIsolated = props.balanceIsolated ?? true;
  const smtEnabled = partition.topology.smtEnabled;

  const generated = generatedKernelArgs({
    isolated: partition.isolated,
    reserved: partition.reserved,
    balanceIsolated,
    realtimeKernel,
    hugePageArgs: hugePageKernelArgs(allocations, defaultHugePageSize),
    partitionArgs: partition.extraKernelArgs,
  });
  const userArgs = (Array.isArray(props.additionalKernelArgs) ? props.additionalKernelArgs : []).filter((a) => typeof a === 'string');

  const kubeReservedMebibytes = wholeMebibytes(props.kubeReservedMemory ?? DEFAULT_KUBE_RESERVED_MEMORY) ?? 0;
  const systemReservedMebibytes = wholeMebibytes(props.systemReservedMemory ?? DEFAULT_SYSTEM_RESERVED_MEMORY) ?? 0;
  const evictionHardMebibytes = wholeMebibytes(props.evictionHardMemory ?? DEFAULT_EVICTION_HARD_MEMORY) ?? 0;

  const model: RealtimeNodePoolModel = {
    role,
    nodeSelector: { [nodeRoleLabel(role)]: '' },
    topology,
    partition,
    hugepages: resolveNumaHugePages(allocations, numaNodeIds),
    defaultHugePageSize,
    topologyManagerPolicy: props.topologyManagerPolicy ?? TopologyManagerPolicy.SINGLE_NUMA_NODE,
    fullPcpusOnly: smtEnabled,
    smtEnabled,
    realtimeKernel,
    realtimeCapable: true,
    nodeCount: props.nodeCount,
    kernelArguments: [...generated, ...userArgs],
    maxUnavailable: props.maxUnavailable ?? 1,
    paused: props.paused ?? false,
    reservedMemoryNumaNode: reservedMemoryNumaNode(partition.reserved, numaNodeIds, (n) => partition.topology.cpusOfNumaNode(n)),
    reservedMemory: Size.mebibytes(kubeReservedMebibytes + systemReservedMebibytes + evictionHardMebibytes),
  };
  return {
    model,
    allocations,
    pinned: pinnedHugePages(allocations),
    generatedKernelArgs: generated,
    balanceIsolated,
    kubeReservedMebibytes,
    systemReservedMebibytes,
    evictionHardMebibytes,
  };
}
