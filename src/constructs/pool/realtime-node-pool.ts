import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { renderMachineConfigBackend } from '../../backends/machine-config/machine-config-backend';
import { renderPerformanceProfileBackend } from '../../backends/performance-profile/performance-profile-backend';
import { PoolCapacity } from '../../model/placement/pool-capacity';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';
import { kubeletConfigName, machineConfigName, machineConfigPoolName, performanceProfileName, tunedName } from '../../model/pool/pool-names';
import { rebootSummary } from '../../model/pool/reboot-summary';
import { ResolvedPool, resolvePool } from '../../model/pool/resolve-pool';
import { poolCapacityOfVm } from '../placement/vm-capacity';
import { checkBackendProps, checkNodeSelectorUnique, checkPerformanceProfileSpec, webhookFindingsNotYetReported } from '../../rules/performance-profile-rules';
import { checkRealtimeNodePool, checkRoleUnique } from '../../rules/pool-rules';
import { error, Finding, Severity } from '../../values/finding';
import { CpuPartition } from '../../values/host/cpu-partition';
import { HostTopology } from '../../values/host/host-topology';
import { HugePageSize } from '../../values/hugepage-size';
import { PoolBackend } from '../../values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../../values/pool/pool-props';
import { ValidationError } from '../../values/validation-error';
import { constructsDuringValidation, oncePerValidationPass } from '../app/validation-pass';
// Used as a type only (erased at run time), so there is no module cycle with the VM.
import { reportFindings } from '../app/warnings';
import { RealtimeVirtualMachine } from '../vm/realtime-virtual-machine';

const REALTIME_NODE_POOL_SYMBOL = Symbol.for('cdk8s-kubevirt-realtime.RealtimeNodePool');

/**
 * A pool of identical OpenShift nodes prepared for real-time KubeVirt VMs.
 *
 * With the default MachineConfig backend it renders, under explicit stable names:
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
 * With `backend: PoolBackend.PERFORMANCE_PROFILE` it renders the same MachineConfigPool plus ONE Node Tuning Operator
 * PerformanceProfile `<role>` from the same model, and NTO renders the MachineConfig, KubeletConfig, Tuned and
 * RuntimeClass. The profile is checked like NTO's admission webhook would check it (escape-hatch patches included).
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
  /** The backend that configures the nodes. */
  public readonly backend: PoolBackend;
  /** What every node of the pool will look like (the same meaning for both backends); VMs are checked against it. */
  public readonly model: RealtimeNodePoolModel;
  /** The MachineConfigPool L1 (escape hatch: `addJsonPatch` is applied after serialization). */
  public readonly machineConfigPool: ApiObject;
  /** The MachineConfig L1 (MachineConfig backend; undefined with the PerformanceProfile backend). */
  public readonly machineConfig?: ApiObject;
  /** The KubeletConfig L1 (MachineConfig backend; undefined with the PerformanceProfile backend). */
  public readonly kubeletConfig?: ApiObject;
  /** The Tuned L1 (MachineConfig backend; undefined with the PerformanceProfile backend). */
  public readonly tuned?: ApiObject;
  /**
   * The PerformanceProfile L1 (PerformanceProfile backend; undefined with the MachineConfig backend). Patches are
   * applied after serialization and checked like NTO's webhook would check them.
   */
  public readonly performanceProfile?: ApiObject;
  /** The name of the MachineConfigPool. */
  public readonly machineConfigPoolName: string;
  /** The name of the MachineConfig (MachineConfig backend). */
  public readonly machineConfigName?: string;
  /** The name of the KubeletConfig (MachineConfig backend). */
  public readonly kubeletConfigName?: string;
  /** The name of the Tuned CR and of its profile (MachineConfig backend). */
  public readonly tunedName?: string;
  /** The name of the PerformanceProfile (PerformanceProfile backend): the role. */
  public readonly performanceProfileName?: string;

  private readonly resolved: ResolvedPool;

  constructor(scope: Construct, id: string, props: RealtimeNodePoolProps) {
    super(scope, id);
    Object.defineProperty(this, REALTIME_NODE_POOL_SYMBOL, { value: true });
    requireValueTypes(props);

    this.resolved = resolvePool(props);
    this.model = this.resolved.model;
    this.role = this.model.role;
    this.backend = this.model.backend;
    this.machineConfigPoolName = machineConfigPoolName(this.role);

    // One backend per pool, chosen by one prop: no node gets its configuration twice.
    if (this.backend === PoolBackend.PERFORMANCE_PROFILE) {
      const objects = renderPerformanceProfileBackend(this, this.resolved);
      this.machineConfigPool = objects.machineConfigPool;
      this.performanceProfile = objects.performanceProfile;
      this.performanceProfileName = performanceProfileName(this.role);
    } else {
      const objects = renderMachineConfigBackend(this, this.resolved);
      this.machineConfigPool = objects.machineConfigPool;
      this.machineConfig = objects.machineConfig;
      this.kubeletConfig = objects.kubeletConfig;
      this.tuned = objects.tuned;
      this.machineConfigName = machineConfigName(this.role);
      this.kubeletConfigName = kubeletConfigName(this.role);
      this.tunedName = tunedName(this.role);
    }

    reportFindings(this, () => this.findings(props));
  }

  /**
   * The node-level inputs whose change drains and reboots the pool's nodes (kernel type, each kernel argument and its
   * position, the huge page layout, the MachineConfig files and name, the KubeletConfig), plus the rollout settings.
   * With the PerformanceProfile backend: the profile's name and fields and what NTO renders from them (the real-time
   * kernel, each kernel argument, the arguments TuneD computes on the node, the huge page units, offlined CPUs, the
   * workload hints, NTO's KubeletConfig), and that NTO upgrades can change them.
   */
  public rebootSummary(): string[] {
    return rebootSummary(this.resolved);
  }

  /**
   * How many VMs shaped like `vm` fit on each node and NUMA node of this pool (and in the whole pool when
   * `nodeCount` is declared), and which resource limits it.
   */
  public capacityFor(vm: RealtimeVirtualMachine): PoolCapacity {
    return poolCapacityOfVm(this, vm);
  }

  /** How many pages of `size` NUMA node `numaNode` of every pool node holds (0 when none). */
  public hugePagesOfNumaNode(numaNode: number, size: HugePageSize): number {
    return this.model.hugepages.find((p) => p.numaNode === numaNode && p.size === size)?.count ?? 0;
  }

  /**
   * The pool rules, the backend rules and, for a PerformanceProfile, NTO's webhook rules on the profile as it will be
   * applied (patches included) and the webhook's one-profile-per-nodeSelector rule across the app's pools.
   */
  private findings(props: RealtimeNodePoolProps): Finding[] {
    // The app's pools, found once per validation pass for all of them.
    const otherPools = oncePerValidationPass(this, 'nodePools', () => constructsDuringValidation(this)
      .filter((c): c is RealtimeNodePool => RealtimeNodePool.isRealtimeNodePool(c)))
      .filter((pool) => pool !== this);
    const findings = [
      ...checkRealtimeNodePool(props, this.resolved),
      ...checkBackendProps(props, this.model),
      ...checkRoleUnique(this.role, otherPools.map((pool) => ({ role: pool.role, path: pool.node.path }))),
    ];
    const spec = renderedProfileSpec(this);
    if (spec === undefined) return findings;
    const others = otherPools
      .map((pool) => ({ name: pool.performanceProfileName ?? '', nodeSelector: renderedProfileSpec(pool)?.nodeSelector }))
      .filter((other) => other.nodeSelector !== undefined);
    const webhook = [...checkPerformanceProfileSpec(spec), ...checkNodeSelectorUnique(spec.nodeSelector, others)];
    return [...findings, ...webhookFindingsNotYetReported(webhook, findings.filter((f) => f.severity === Severity.ERROR))];
  }
}

/**
 * The spec of a pool's PerformanceProfile as it will be written (after escape-hatch patches); undefined without one,
 * or when a patch does not apply (synthesis then fails with the patch's own error).
 */
function renderedProfileSpec(pool: RealtimeNodePool): any {
  if (pool.performanceProfile === undefined) return undefined;
  try {
    return pool.performanceProfile.toJson()?.spec ?? {};
  } catch {
    return undefined;
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
