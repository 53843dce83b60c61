import { RealtimeNodePool } from './realtime-node-pool';
import { ntoKubeletConfiguration } from '../../model/pool/nto-rendering';
import { EmittedNodeSettings, flattenSettings, sortedDeep } from '../../plan/emitted-settings';

/**
 * The kernel arguments and kubelet settings a node pool emits, read from its rendered MachineConfig and
 * KubeletConfig (so they match the YAML byte for byte). A PerformanceProfile pool renders neither: its settings are
 * the ones NTO renders from the profile (the pool's model and NTO's KubeletConfiguration).
 */
export function emittedSettingsOf(pool: RealtimeNodePool): EmittedNodeSettings {
  if (pool.machineConfig === undefined || pool.kubeletConfig === undefined) {
    return {
      source: `node pool ${pool.role} (as NTO renders its PerformanceProfile ${pool.performanceProfileName})`,
      kernelArguments: [...pool.model.kernelArguments],
      kubeletSettings: flattenSettings(sortedDeep(ntoKubeletConfiguration(pool.model))),
    };
  }
  const machineConfig = pool.machineConfig.toJson();
  const kubeletConfig = pool.kubeletConfig.toJson();
  return {
    source: `node pool ${pool.role}`,
    kernelArguments: [...(machineConfig?.spec?.kernelArguments ?? [])],
    kubeletSettings: flattenSettings(kubeletConfig?.spec?.kubeletConfig ?? {}),
  };
}

