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
import {
  NTO_EVICTION_HARD_MEBIBYTES, NTO_KUBE_RESERVED_MEBIBYTES, NTO_RESERVED_MEMORY_NUMA_NODE, NTO_SYSTEM_RESERVED_MEBIBYTES,
  ntoKernelArgs, profilePageOrder,
} from './nto-rendering';
import { RealtimeNodePoolModel } from './pool-model';
import { nodeRoleLabel, selfAssignedPoolLabel } from './pool-names';
import { isOpenShiftBackend, PoolBackend } from '../../values/pool/pool-backend';
import { HugePageAllocation, RealtimeNodePoolProps } from '../../values/pool/pool-props';
import { TopologyManagerPolicy } from '../../values/pool/topology-manager-policy';

/** The model plus what only the renderer and the rules need. */
export interface ResolvedPool {
  readonly model: RealtimeNodePoolModel;
  /** Allocations usable for rendering (invalid ones are reported by the rules). */
  readonly allocations: HugePageAllocation[];
  /** Pages pinned to NUMA nodes (one systemd unit each). */
  readonly pinned: PinnedHugePages[];
  /** The generated kernel arguments (without the user's): the pool's own, or those NTO renders. */
  readonly generatedKernelArgs: string[];
  /** The user's kernel arguments (the strings among them). */
  readonly userKernelArgs: string[];
  readonly balanceIsolated: boolean;
  /** NTO workload hints (PerformanceProfile backend). */
  readonly highPowerConsumption: boolean;
  readonly perPodPowerManagement: boolean;
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
  const balanceIsolated = props.balanceIsolated ?? true;
  const smtEnabled = partition.topology.smtEnabled;

  const backend = props.backend ?? PoolBackend.MACHINE_CONFIG;
  // Talos ships no real-time kernel: there the default is the stock one (asking for it is refused by the rules).
  const realtimeKernel = props.realtimeKernel ?? backend !== PoolBackend.TALOS;
  const byNto = backend === PoolBackend.PERFORMANCE_PROFILE;
  const topologyManagerPolicy = props.topologyManagerPolicy ?? TopologyManagerPolicy.SINGLE_NUMA_NODE;
  const highPowerConsumption = props.highPowerConsumption === true;
  const perPodPowerManagement = props.perPodPowerManagement === true;
  const userArgs = (Array.isArray(props.additionalKernelArgs) ? props.additionalKernelArgs : []).filter((a) => typeof a === 'string');

  const ntoArgs = (additional: string[]) => ntoKernelArgs({
    isolated: partition.isolated,
    balanceIsolated,
    highPowerConsumption,
    defaultHugePageSize,
    pages: profilePageOrder(allocations),
    additionalKernelArgs: additional,
  });
  const generated = byNto ? ntoArgs(partition.extraKernelArgs) : generatedKernelArgs({
    isolated: partition.isolated,
    reserved: partition.reserved,
    balanceIsolated,
    realtimeKernel,
    hugePageArgs: hugePageKernelArgs(allocations, defaultHugePageSize),
    partitionArgs: partition.extraKernelArgs,
  });

  // A PerformanceProfile has no field for the kubelet's memory settings: the model carries what NTO renders, and the
  // rules refuse props that ask for something else.
  const kubeReservedMebibytes = byNto ? NTO_KUBE_RESERVED_MEBIBYTES
    : wholeMebibytes(props.kubeReservedMemory ?? DEFAULT_KUBE_RESERVED_MEMORY) ?? 0;
  const systemReservedMebibytes = byNto ? NTO_SYSTEM_RESERVED_MEBIBYTES
    : wholeMebibytes(props.systemReservedMemory ?? DEFAULT_SYSTEM_RESERVED_MEMORY) ?? 0;
  const evictionHardMebibytes = byNto ? NTO_EVICTION_HARD_MEBIBYTES
    : wholeMebibytes(props.evictionHardMemory ?? DEFAULT_EVICTION_HARD_MEMORY) ?? 0;

  const model: RealtimeNodePoolModel = {
    role,
    backend,
    nodeSelector: { [isOpenShiftBackend(backend) ? nodeRoleLabel(role) : selfAssignedPoolLabel(role)]: '' },
    nodeTaints: [...(props.nodeTaints ?? [])],
    topology,
    partition,
    hugepages: resolveNumaHugePages(allocations, numaNodeIds),
    defaultHugePageSize,
    topologyManagerPolicy,
    // NTO sets full-pcpus-only for single-numa-node only; the pool's own KubeletConfig whenever SMT is on.
    fullPcpusOnly: byNto ? topologyManagerPolicy === TopologyManagerPolicy.SINGLE_NUMA_NODE : smtEnabled,
    smtEnabled,
    realtimeKernel,
    realtimeCapable: true,
    nodeCount: props.nodeCount,
    kernelArguments: byNto ? ntoArgs([...partition.extraKernelArgs, ...userArgs]) : [...generated, ...userArgs],
    maxUnavailable: props.maxUnavailable ?? 1,
    paused: props.paused ?? false,
    reservedMemoryNumaNode: byNto ? NTO_RESERVED_MEMORY_NUMA_NODE
      : reservedMemoryNumaNode(partition.reserved, numaNodeIds, (n) => partition.topology.cpusOfNumaNode(n)),
    reservedMemory: Size.mebibytes(kubeReservedMebibytes + systemReservedMebibytes + evictionHardMebibytes),
  };
  return {
    model,
    allocations,
    pinned: pinnedHugePages(allocations),
    generatedKernelArgs: generated,
    userKernelArgs: userArgs,
    balanceIsolated,
    highPowerConsumption,
    perPodPowerManagement,
    kubeReservedMebibytes,
    systemReservedMebibytes,
    evictionHardMebibytes,
  };
}
