import { ApiObject } from 'cdk8s';
import { ntoKubeletConfiguration } from '../../model/pool/nto-rendering';
import { ResolvedPool } from '../../model/pool/resolve-pool';
import { EmittedNodeSettings, flattenSettings, settingsOfResolvedPool, sortedDeep } from '../../plan/emitted-settings';
import { PoolBackend } from '../../values/pool/pool-backend';

/** What a node pool has rendered, as far as its emitted settings go. */
export interface RenderedPoolSettings {
  readonly resolved: ResolvedPool;
  /** The MachineConfig L1 (MachineConfig backend). */
  readonly machineConfig?: ApiObject;
  /** The KubeletConfig L1 (MachineConfig backend). */
  readonly kubeletConfig?: ApiObject;
  /** The PerformanceProfile name (PerformanceProfile backend). */
  readonly performanceProfileName?: string;
}

/**
 * The kernel arguments and kubelet settings a node pool emits. MachineConfig backend: read from its rendered
 * MachineConfig and KubeletConfig (so they match the YAML byte for byte, patches included). PerformanceProfile backend:
 * what NTO renders from the profile. The other backends: the pool's kernel arguments and kubelet configuration as
 * their renderers write them into the template, patch or drop-in.
 */
export function emittedSettingsOf(pool: RenderedPoolSettings): EmittedNodeSettings {
  const { model } = pool.resolved;
  if (pool.machineConfig !== undefined && pool.kubeletConfig !== undefined) {
    const machineConfig = pool.machineConfig.toJson();
    const kubeletConfig = pool.kubeletConfig.toJson();
    return {
      source: `node pool ${model.role}`,
      kernelArguments: [...(machineConfig?.spec?.kernelArguments ?? [])],
      kubeletSettings: flattenSettings(kubeletConfig?.spec?.kubeletConfig ?? {}),
    };
  }
  if (model.backend === PoolBackend.PERFORMANCE_PROFILE) {
    return {
      source: `node pool ${model.role} (as NTO renders its PerformanceProfile ${pool.performanceProfileName})`,
      kernelArguments: [...model.kernelArguments],
      kubeletSettings: flattenSettings(sortedDeep(ntoKubeletConfiguration(model))),
    };
  }
  return { ...settingsOfResolvedPool(pool.resolved), source: `node pool ${model.role} (${model.backend} backend)` };
}
