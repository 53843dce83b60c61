import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { renderMachineConfigBackend } from './machine-config/machine-config-backend';
import { machineConfigRebootSummary } from './machine-config/reboot-summary';
import { renderPerformanceProfileBackend } from './performance-profile/performance-profile-backend';
import { performanceProfileRebootSummary } from './performance-profile/reboot-summary';
import { ResolvedPool } from '../model/pool/resolve-pool';
import { PoolBackend } from '../values/pool/pool-backend';

/** The objects a backend renders for one pool, by role (undefined for the ones it does not render). */
export interface RenderedPoolObjects {
  readonly machineConfigPool?: ApiObject;
  readonly machineConfig?: ApiObject;
  readonly kubeletConfig?: ApiObject;
  readonly tuned?: ApiObject;
  readonly performanceProfile?: ApiObject;
}

/** What a node-pool backend does: render a resolved pool into objects, and say what reboots its nodes. */
export interface PoolBackendRenderer {
  /** Creates the pool's objects as children of `scope`. */
  render(scope: Construct, pool: ResolvedPool): RenderedPoolObjects;
  /** The inputs whose change reboots the pool's nodes, one line each. */
  rebootSummary(pool: ResolvedPool): string[];
}

const RENDERERS: Record<PoolBackend, PoolBackendRenderer> = {
  [PoolBackend.MACHINE_CONFIG]: { render: renderMachineConfigBackend, rebootSummary: machineConfigRebootSummary },
  [PoolBackend.PERFORMANCE_PROFILE]: { render: renderPerformanceProfileBackend, rebootSummary: performanceProfileRebootSummary },
};

/** The renderer of a backend: the one place a new backend is added. */
export function poolBackendRenderer(backend: PoolBackend): PoolBackendRenderer {
  return RENDERERS[backend];
}
