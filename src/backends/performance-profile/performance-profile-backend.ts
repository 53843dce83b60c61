import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { EmittedObject } from '../../emit/emitted-object';
import * as pp from '../../imports/performanceprofile-performance.openshift.io';
import { profilePageOrder } from '../../model/pool/nto-rendering';
import { MCO_ROLE_LABEL, performanceProfileName } from '../../model/pool/pool-names';
import { ResolvedPool } from '../../model/pool/resolve-pool';
import { renderMachineConfigPool } from '../machine-config/machine-config-pool';

/** The objects the PerformanceProfile backend renders for one pool. */
export interface PerformanceProfileBackendObjects {
  readonly machineConfigPool: ApiObject;
  readonly performanceProfile: ApiObject;
}

/**
 * The spec of the pool's PerformanceProfile, from the same resolved model the MachineConfig backend renders:
 *
 * - `cpu`: the partition's reserved, isolated and (when any) offlined CPUs as canonical lists, and balanceIsolated;
 * - `hugepages`: the default size and one page entry per allocation (NTO's `1G`/`2M`, the count, the node when
 *   pinned), in a canonical order; left out when the pool sets no pages;
 * - `realTimeKernel.enabled`, `numa.topologyPolicy`;
 * - `workloadHints`: realTime always true (NTO's `kernel.sched_rt_runtime_us=-1`, stalld, nohz_full: what makes the
 *   node real-time capable), highPowerConsumption and perPodPowerManagement from the props (default false), all
 *   three written out so NTO's defaults never decide;
 * - `additionalKernelArgs`: the partition's (`nosmt`) then the user's, in order; left out when empty;
 * - `globallyDisableIrqLoadBalancing: true`: device IRQs stay off every isolated CPU, as the MachineConfig backend's
 *   `irqaffinity=<reserved>` keeps them; without it NTO moves IRQs only off the CPUs of pods that carry the
 *   `irq-load-balancing.crio.io: disable` annotation and run with NTO's RuntimeClass;
 * - `nodeSelector` (exactly one entry, `node-role.kubernetes.io/<role>: ""`), `machineConfigPoolSelector` (the
 *   MachineConfigPool's role label) and `machineConfigLabel` (the label that MachineConfigPool selects), all explicit
 *   so NTO never has to guess a pool (labels matching several pools made NTO flip configs and reboot nodes: #875).
 */
export function performanceProfileSpec(pool: ResolvedPool): pp.PerformanceProfileV2Spec {
  const { model } = pool;
  const roleLabel = { [MCO_ROLE_LABEL]: model.role };
  const pages = profilePageOrder(pool.allocations).map((a) => ({
    size: a.size.kernelName,
    count: a.count,
    ...(a.numaNode === undefined ? {} : { node: a.numaNode }),
  }));
  const additionalKernelArgs = [...model.partition.extraKernelArgs, ...pool.userKernelArgs];
  return {
    cpu: {
      reserved: model.partition.reserved.toString(),
      isolated: model.partition.isolated.toString(),
      ...(model.partition.offlined.isEmpty ? {} : { offlined: model.partition.offlined.toString() }),
      balanceIsolated: pool.balanceIsolated,
    },
    ...(pages.length === 0 ? {} : {
      hugepages: {
        ...(model.defaultHugePageSize === undefined ? {} : { defaultHugepagesSize: model.defaultHugePageSize.kernelName }),
        pages,
      },
    }),
    realTimeKernel: { enabled: model.realtimeKernel },
    numa: { topologyPolicy: model.topologyManagerPolicy },
    workloadHints: {
      realTime: true,
      highPowerConsumption: pool.highPowerConsumption,
      perPodPowerManagement: pool.perPodPowerManagement,
    },
    ...(additionalKernelArgs.length === 0 ? {} : { additionalKernelArgs }),
    globallyDisableIrqLoadBalancing: true,
    nodeSelector: { ...model.nodeSelector },
    machineConfigPoolSelector: roleLabel,
    machineConfigLabel: { ...roleLabel },
  };
}

/**
 * The NTO PerformanceProfile backend: the pool's MachineConfigPool plus ONE PerformanceProfile named `<role>`.
 * NTO renders MachineConfig `50-performance-<role>`, KubeletConfig `performance-<role>`, Tuned
 * `openshift-node-performance-<role>` and RuntimeClass `performance-<role>` from it; this backend renders none of them.
 */
export function renderPerformanceProfileBackend(scope: Construct, pool: ResolvedPool): PerformanceProfileBackendObjects {
  const machineConfigPool = renderMachineConfigPool(scope, pool.model);
  const performanceProfile = new EmittedObject(scope, 'PerformanceProfile', {
    gvk: pp.PerformanceProfileV2.GVK,
    metadata: { name: performanceProfileName(pool.model.role) },
    fields: { spec: pp.toJson_PerformanceProfileV2Spec(performanceProfileSpec(pool)) },
  });
  return { machineConfigPool, performanceProfile };
}
