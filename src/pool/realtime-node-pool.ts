import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { error } from '../finding';
import { CpuPartition } from '../host/cpu-partition';
import { HostTopology } from '../host/host-topology';
import { HugePageSize } from '../model/hugepage-size';
import { checkRealtimeNodePool } from '../rules/pool-rules';
import { ValidationError } from '../validation-error';
import { reportFindings } from '../warnings';
import { renderMachineConfigBackend } from './machine-config-backend';
import { RealtimeNodePoolModel } from './pool-model';
import { kubeletConfigName, machineConfigName, machineConfigPoolName, tunedName } from './pool-names';
import { RealtimeNodePoolProps } from './pool-props';
import { rebootSummary } from './reboot-summary';
import { ResolvedPool, resolvePool } from './resolve-pool';

const REALTIME_NODE_POOL_SYMBOL = Symbol.for('cdk8s-kubevirt-realtime.RealtimeNodePool');

/**
 * A pool of identical OpenShift nodes prepared for real-time KubeVirt VMs.
 *
 * Renders, under explicit stable names:
 * - MachineConfigPool `<role>`: the `worker` MachineConfigs plus the pool's own, nodes labelled
 *   `node-role.kubernetes.io/<role>`, a conservative rollout (maxUnavailable 1);
 * - MachineConfig `50-<role>-realtime`: the real-time kernel, every kernel argument in one documented order
 *   (isolcpus, nohz_full, rcu_nocbs, housekeeping affinity, huge pages ...), the per-NUMA huge page units and the
 *   `kernel.sched_rt_runtime_us=-1` sysctl that makes KubeVirt label the nodes `kubevirt.io/realtime`;
 * - KubeletConfig `<role>-realtime`: static CPU manager with the reserved CPUs, the Topology Manager policy, the
 *   static Memory Manager with a reservation that satisfies the kubelet's formula;
 * - Tuned `<role>-realtime`: TuneD's realtime-virtual-host profile with the isolated CPUs, kthread priorities and
 *   sysctls, and no kernel arguments of its own.
 *
 * Bad props never crash the constructor: they are reported together when the app is synthesized.
 */
export class RealtimeNodePool extends Construct {
  /** True when `x` is a RealtimeNodePool (works across copies of this library). */
  public static isRealtimeNodePool(x: any): x is RealtimeNodePool {
    return x !== null && typeof x === 'object' && REALTIME_NODE_POOL_SYMBOL in x;
  }

  /** The pool's role (MachineConfigPool name and node-role label). */
  public readonly role: string;
  /** What every node of the pool will look like; VMs are checked against it. */
  public readonly model: RealtimeNodePoolModel;
  /** The MachineConfigPool L1 (escape hatch: `addJsonPatch` is applied after serialization). */
  public readonly machineConfigPool: ApiObject;
  /** The MachineConfig L1. */
  public readonly machineConfig: ApiObject;
  /** The KubeletConfig L1. */
  public readonly kubeletConfig: ApiObject;
  /** The Tuned L1. */
  public readonly tuned: ApiObject;
  /** The name of the MachineConfigPool. */
  public readonly machineConfigPoolName: string;
  /** The name of the MachineConfig. */
  public readonly machineConfigName: string;
  /** The name of the KubeletConfig. */
  public readonly kubeletConfigName: string;
  /** The name of the Tuned CR and of its profile. */
  public readonly tunedName: string;

  private readonly resolved: ResolvedPool;

  constructor(scope: Construct, id: string, props: RealtimeNodePoolProps) {
    super(scope, id);
    Object.defineProperty(this, REALTIME_NODE_POOL_SYMBOL, { value: true });
    requireValueTypes(props);

    this.resolved = resolvePool(props);
    this.model = this.resolved.model;
    this.role = this.model.role;
    this.machineConfigPoolName = machineConfigPoolName(this.role);
    this.machineConfigName = machineConfigName(this.role);
    this.kubeletConfigName = kubeletConfigName(this.role);
    this.tunedName = tunedName(this.role);

    const objects = renderMachineConfigBackend(this, this.resolved);
    this.machineConfigPool = objects.machineConfigPool;
    this.machineConfig = objects.machineConfig;
    this.kubeletConfig = objects.kubeletConfig;
    this.tuned = objects.tuned;

    reportFindings(this, () => checkRealtimeNodePool(props, this.resolved));
  }

  /**
   * The node-level inputs whose change drains and reboots the pool's nodes (kernel type, each kernel argument and its
   * position, the huge page layout, the MachineConfig files and name, the KubeletConfig), plus the rollout settings.
   */
  public rebootSummary(): string[] {
    return rebootSummary(this.resolved);
  }

  /** How many pages of `size` NUMA node `numaNode` of every pool node holds (0 when none). */
  public hugePagesOfNumaNode(numaNode: number, size: HugePageSize): number {
    return this.model.hugepages.find((p) => p.numaNode === numaNode && p.size === size)?.count ?? 0;
  }
}

/**
 * The topology and the partition are the value types everything else is derived from; without them there is
 * nothing to render (possible only from JavaScript), so the constructor refuses at once.
 */
function requireValueTypes(props: RealtimeNodePoolProps | undefined): void {
  const missing: string[] = [];
  // Duck-typed rather than instanceof, so value types from another copy of this library are accepted.
  if (typeof (props?.topology as HostTopology | undefined)?.cpusOfNumaNode !== 'function') missing.push('topology');
  if (typeof (props?.partition as CpuPartition | undefined)?.isolatedOfNumaNode !== 'function') missing.push('partition');
  if (missing.length === 0) return;
  throw new ValidationError(missing.map((field) => error('POOL_REQUIRED_PROP_MISSING', field, (props as any)?.[field],
    field === 'topology' ? 'a HostTopology' : 'a CpuPartition',
    field === 'topology' ? 'pass HostTopology.fromLscpu(...), fromVirshCapabilities(...) or uniform(...)' : 'pass CpuPartition.plan(topology, ...) or CpuPartition.explicit(topology, ...)')));
}
