import { checkArguments, HOST, HUGE_PAGE_ALLOCATIONS, PARTITION } from './plan-inputs-schema';
import { hugePagesText, plannedPoolErrors, plannedPoolProps } from './planned-pool';
import { poolKubeletConfiguration } from '../model/pool/pool-kubelet-config';
import { ResolvedPool, resolvePool } from '../model/pool/resolve-pool';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { HugePageAllocation } from '../values/pool/pool-props';
import { throwIfErrors } from '../values/validation-error';

/** One kubelet configuration setting, flattened to a dotted name (`cpuManagerPolicyOptions.full-pcpus-only`). */
export interface KubeletSetting {
  /** The KubeletConfiguration field path. */
  readonly name: string;
  /** The value as it appears in the emitted YAML (objects and lists as JSON). */
  readonly value: string;
}

/** The node-level settings a pool with this partition emits. */
export interface EmittedNodeSettings {
  /** What emits them, for the report's heading, e.g. `node pool worker-rt`. */
  readonly source: string;
  /** Kernel arguments, in emitted order. */
  readonly kernelArguments: string[];
  /** Kubelet settings, in emitted order (keys sorted, as in the YAML). */
  readonly kubeletSettings: KubeletSetting[];
}

/**
 * The kernel arguments and kubelet settings a node pool with `partition`, `hugepages` and otherwise default props
 * emits (realtime kernel, balanced isolated CPUs, `single-numa-node`, NTO's memory reservations).
 *
 * This is the ONE place the plan computes them, and it goes through the pool's own pure resolver and builders
 * (`resolvePool`, `kubeletConfiguration`), so `plan` prints exactly what the library emits. A real pool reports its
 * own settings with `pool.emittedSettings()`.
 *
 * @param partition the CPU partition
 * @param host the full host topology (the partition's topology is the SMT-off view when SMT is disabled)
 * @param hugepages the pool's `hugepages` (default: none set aside)
 */
export function emittedNodeSettings(partition: CpuPartition, host?: HostTopology, hugepages?: HugePageAllocation[]): EmittedNodeSettings {
  checkArguments({ partition, host, hugepages }, { partition: PARTITION, host: HOST, hugepages: HUGE_PAGE_ALLOCATIONS }, ['partition'],
    'emittedNodeSettings');
  const props = plannedPoolProps(partition, host, hugepages);
  throwIfErrors(plannedPoolErrors(props), 'emittedNodeSettings');
  return settingsOfResolvedPool(resolvePool(props));
}

/**
 * The settings of a pool resolved from `plannedPoolProps` (the plan CLI resolves the pool once and reads both its
 * model, for capacity, and these settings).
 */
export function settingsOfResolvedPool(pool: ResolvedPool): EmittedNodeSettings {
  // Exactly what the MachineConfig backend renders into its KubeletConfig.
  const kubeletConfig = poolKubeletConfiguration(pool);
  return {
    source: pool.allocations.length === 0
      ? 'a RealtimeNodePool with this partition and default props (no huge pages set aside)'
      : `a RealtimeNodePool with this partition, hugepages ${hugePagesText(pool.allocations)} and otherwise default props`,
    kernelArguments: pool.model.kernelArguments,
    kubeletSettings: flattenSettings(sortedDeep(kubeletConfig)),
  };
}

/** Keys sorted at every level, as cdk8s writes them into the YAML (`Object.keys().sort()`). */
export function sortedDeep(value: unknown): any {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedDeep((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Flattens a kubelet configuration object into dotted settings, keeping its key order: nested objects become
 * `parent.child`, lists and scalars are written as they would appear in YAML (lists as JSON).
 */
export function flattenSettings(config: object, prefix: string = ''): KubeletSetting[] {
  const out: KubeletSetting[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push(...flattenSettings(value, name));
    } else {
      out.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return out;
}
