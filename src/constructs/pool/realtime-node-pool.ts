import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { emittedSettingsOf } from './emitted-settings-of';
import { IRealtimeNodePool, isRealtimeNodePool, markRealtimeNodePool } from './node-pool-interface';
import { POOL_PROPS_SCHEMA } from './pool-props-schema';
import { BackendFile } from '../../backends/node-files/backend-file';
import { renderPoolBackend } from '../../backends/pool-backends';
import { PoolCapacity, poolCapacityFor } from '../../model/placement/pool-capacity';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { nodeTuningPlanOf } from '../../model/pool/node-tuning-plan-of';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';
import {
  bootstrapTemplateName, kubeletConfigName, machineConfigName, machineConfigPoolName, performanceProfileName, tunedName,
} from '../../model/pool/pool-names';
import { ResolvedPool, resolvePool } from '../../model/pool/resolve-pool';
import { EmittedNodeSettings } from '../../plan/emitted-settings';
import { backendPropsFindings, nodeSelectorUniqueFindings, performanceProfileSpecFindings, webhookFindingsNotYetReported } from '../../rules/performance-profile-rules';
import { backendPropFindings, nodePlanFindings } from '../../rules/pool-backend-rules';
import { realtimeNodePoolFindings, roleUniqueFindings } from '../../rules/pool-rules';
import { Finding, Severity } from '../../values/finding';
import { HugePageSize } from '../../values/hugepage-size';
import { isOpenShiftBackend, PoolBackend } from '../../values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../../values/pool/pool-props';
import { checkProps } from '../../values/prop-check';
import { AppCheck } from '../app/app-check';
import { IRealtimeVirtualMachine } from '../vm/vm-interface';

/**
 * A pool of identical nodes prepared for real-time KubeVirt VMs: on OpenShift (MachineConfig or PerformanceProfile
 * backend), Talos, Cluster API with kubeadm, or any other distribution through a kubelet drop-in.
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
 * The other backends render the same node plan for their platform: `PoolBackend.TALOS` a TalosConfigTemplate plus a
 * machine-config patch and an Image Factory schematic; `PoolBackend.CLUSTER_API_KUBEADM` a KubeadmConfigTemplate plus
 * an image-builder vars file; `PoolBackend.KUBELET_DROP_IN` files only. Files are written with `NodeFiles.write`;
 * their nodes are selected by `node.kubernetes.io/<role>`, a label the kubelet may set itself.
 *
 * Bad props never crash the constructor: they are reported together when the app is synthesized.
 */
export class RealtimeNodePool extends Construct implements IRealtimeNodePool {
  /** True when `x` is a RealtimeNodePool (works across copies of this library). */
  public static isRealtimeNodePool(x: any): x is RealtimeNodePool {
    return isRealtimeNodePool(x);
  }

  /** The pool's role (MachineConfigPool name and node-role label). */
  public readonly role: string;
  /** The backend that configures the nodes. */
  public readonly backend: PoolBackend;
  /** What every node of the pool will look like (the same meaning for both backends); VMs are checked against it. */
  public readonly model: RealtimeNodePoolModel;
  /** The MachineConfigPool L1 (OpenShift backends; escape hatch: `addJsonPatch` is applied after serialization). */
  public readonly machineConfigPool?: ApiObject;
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
  /** The name of the MachineConfigPool (OpenShift backends). */
  public readonly machineConfigPoolName?: string;
  /** The name of the MachineConfig (MachineConfig backend). */
  public readonly machineConfigName?: string;
  /** The name of the KubeletConfig (MachineConfig backend). */
  public readonly kubeletConfigName?: string;
  /** The name of the Tuned CR and of its profile (MachineConfig backend). */
  public readonly tunedName?: string;
  /** The name of the PerformanceProfile (PerformanceProfile backend): the role. */
  public readonly performanceProfileName?: string;
  /**
   * The Cluster API bootstrap template L1: a TalosConfigTemplate (Talos backend) or a KubeadmConfigTemplate (Cluster
   * API kubeadm backend), named `<role>-realtime`; reference it from the MachineDeployment's
   * `spec.template.spec.bootstrap.configRef`. Undefined with the other backends.
   */
  public readonly bootstrapTemplate?: ApiObject;
  /** The name of the bootstrap template (Talos and Cluster API kubeadm backends). */
  public readonly bootstrapTemplateName?: string;
  /**
   * The files the backend produces for you rather than for the API server (a Talos patch and schematic, an
   * image-builder vars file, a kubelet drop-in and node files under `root/`), by path relative to the pool's
   * directory. Empty for the OpenShift backends. `NodeFiles.write` writes them.
   */
  public readonly files: BackendFile[];
  /** What the backend cannot do on its own, one sentence each (empty for the OpenShift backends). */
  public readonly limitations: string[];

  private readonly resolved: ResolvedPool;
  private readonly plan?: NodeTuningPlan;
  private readonly reboots: string[];

  constructor(scope: Construct, id: string, props: RealtimeNodePoolProps) {
    checkProps(props, POOL_PROPS_SCHEMA, ['role', 'topology', 'partition'], 'RealtimeNodePool props', `${scope.node.path}/${id}`);
    super(scope, id);
    markRealtimeNodePool(this);

    this.resolved = resolvePool(props);
    this.model = this.resolved.model;
    this.role = this.model.role;
    this.backend = this.model.backend;

    // One backend per pool, chosen by one prop: no node gets its configuration twice. The backends beyond OpenShift
    // render the pool's node plan; the OpenShift ones render the resolved pool directly.
    this.plan = isOpenShiftBackend(this.backend) ? undefined : nodeTuningPlanOf(this.resolved);
    const objects = renderPoolBackend(this, { pool: this.resolved, props, plan: this.plan });
    this.machineConfigPool = objects.machineConfigPool;
    this.machineConfig = objects.machineConfig;
    this.kubeletConfig = objects.kubeletConfig;
    this.tuned = objects.tuned;
    this.performanceProfile = objects.performanceProfile;
    this.machineConfigPoolName = objects.machineConfigPool && machineConfigPoolName(this.role);
    this.machineConfigName = objects.machineConfig && machineConfigName(this.role);
    this.kubeletConfigName = objects.kubeletConfig && kubeletConfigName(this.role);
    this.tunedName = objects.tuned && tunedName(this.role);
    this.performanceProfileName = objects.performanceProfile && performanceProfileName(this.role);
    this.bootstrapTemplate = objects.bootstrapTemplate;
    this.bootstrapTemplateName = objects.bootstrapTemplate && bootstrapTemplateName(this.role);
    this.files = objects.files;
    this.limitations = objects.limitations;
    this.reboots = objects.rebootSummary;

    AppCheck.of(this).addPool({ construct: this, ownFindings: (others) => this.findings(props, others) });
  }

  /**
   * The node-level inputs whose change drains and reboots the pool's nodes (kernel type, each kernel argument and its
   * position, the huge page layout, the MachineConfig files and name, the KubeletConfig), plus the rollout settings.
   * With the PerformanceProfile backend: the profile's name and fields and what NTO renders from them (the real-time
   * kernel, each kernel argument, the arguments TuneD computes on the node, the huge page units, offlined CPUs, the
   * workload hints, NTO's KubeletConfig), and that NTO upgrades can change them. With the other backends: what
   * replaces the Machines or needs a reboot or kubelet restart on the nodes.
   */
  public rebootSummary(): string[] {
    return [...this.reboots];
  }

  /**
   * The kernel arguments and kubelet settings the pool's nodes get, in emitted order (what its review page and the
   * `plan` command print).
   */
  public emittedSettings(): EmittedNodeSettings {
    return emittedSettingsOf({
      resolved: this.resolved,
      machineConfig: this.machineConfig,
      kubeletConfig: this.kubeletConfig,
      performanceProfileName: this.performanceProfileName,
    });
  }

  /**
   * How many VMs shaped like `vm` fit on each node and NUMA node of this pool (and in the whole pool when
   * `nodeCount` is declared), and which resource limits it.
   */
  public capacityFor(vm: IRealtimeVirtualMachine): PoolCapacity {
    const parity = AppCheck.of(this).clusterFacts().evenParityCompletion;
    return poolCapacityFor(this.model, vm.shape, { emulatorThreadEvenParity: parity, vmName: vm.name });
  }

  /** How many pages of `size` NUMA node `numaNode` of every pool node holds (0 when none). */
  public hugePagesOfNumaNode(numaNode: number, size: HugePageSize): number {
    return this.model.hugepages.find((p) => p.numaNode === numaNode && p.size === size)?.count ?? 0;
  }

  /**
   * The pool rules, the backend rules and, for a PerformanceProfile, NTO's webhook rules on the profile as it will be
   * applied (patches included) and the webhook's one-profile-per-nodeSelector rule across the app's pools.
   */
  private findings(props: RealtimeNodePoolProps, otherPools: readonly IRealtimeNodePool[]): Finding[] {
    const findings = [
      ...realtimeNodePoolFindings(props, this.resolved),
      ...backendPropsFindings(props, this.model),
      ...backendPropFindings(props, this.backend),
      ...(this.plan === undefined ? [] : nodePlanFindings(this.plan, props, this.backend)),
      ...roleUniqueFindings(this.role, otherPools.map((pool) => ({ role: pool.role, path: pool.node.path }))),
    ];
    const spec = renderedProfileSpec(this);
    if (spec === undefined) return findings;
    const others = (otherPools as RealtimeNodePool[])
      .map((pool) => ({ name: pool.performanceProfileName ?? '', nodeSelector: renderedProfileSpec(pool)?.nodeSelector }))
      .filter((other) => other.nodeSelector !== undefined);
    const webhook = [...performanceProfileSpecFindings(spec), ...nodeSelectorUniqueFindings(spec.nodeSelector, others)];
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
