import { kubeletConfiguration } from './kubelet-config';
import { ResolvedPool } from './resolve-pool';

/** The KubeletConfiguration of a resolved pool (what the MachineConfig backend writes into its KubeletConfig). */
export function poolKubeletConfiguration(pool: ResolvedPool): Record<string, unknown> {
  const model = pool.model;
  return kubeletConfiguration({
    reserved: model.partition.reserved,
    topologyManagerPolicy: model.topologyManagerPolicy,
    fullPcpusOnly: model.fullPcpusOnly,
    kubeReservedMebibytes: pool.kubeReservedMebibytes,
    systemReservedMebibytes: pool.systemReservedMebibytes,
    evictionHardMebibytes: pool.evictionHardMebibytes,
    reservedMemoryNumaNode: model.reservedMemoryNumaNode,
  });
}
