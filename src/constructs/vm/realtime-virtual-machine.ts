import { ApiObject, ApiObjectMetadata, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { MatchLabelsSelector } from './pod-selector';
import { RealtimeVirtualMachineProps } from './realtime-virtual-machine-props';
import { IRealtimeVirtualMachine } from './vm-interface';
import { checkPlacement } from './vm-placement-check';
import { VM_PROPS_SCHEMA } from './vm-props-schema';
import { guestTuningSecret, SECRET_GVK } from '../../backends/vm/guest-tuning-secret';
import { renderVmSpec, templateLabels } from '../../backends/vm/render';
import { EmittedObject } from '../../emit/emitted-object';
import { freshLazy, usesBuiltInResolversOnly } from '../../emit/synthesized-json';
import * as kubevirt from '../../imports/virtualmachine-kubevirt.io';
import { vmFeatureUses } from '../../model/placement/feature-uses';
import { resolveVm, VM_LABEL, VmModel } from '../../model/vm/vm-model';
import { podCpuCount, VmShape } from '../../model/vm/vm-shape';
import { KubeVirtFeatureUse } from '../../values/cluster/feature-use';
import { checkProps } from '../../values/prop-check';
import { GuestTuningDelivery } from '../../values/vm/guest-tuning';
import { AppCheck } from '../app/app-check';
import { IKubeVirtFeatureConsumer, markKubeVirtFeatureConsumer } from '../cluster/feature-consumer';
import { IRealtimeNodePool } from '../pool/node-pool-interface';

const VM_SYMBOL = Symbol.for('cdk8s-kubevirt-realtime.RealtimeVirtualMachine');

/**
 * A KubeVirt VirtualMachine tuned for real-time guests, following KubeVirt's real-time guide: dedicated CPUs, an
 * isolated emulator thread, IOThreads, host-passthrough CPU with the TSC deadline timer, NUMA passthrough, 1Gi huge
 * pages, real-time vCPU scheduling, no memory balloon or graphics, Guaranteed QoS.
 *
 * The construct IS its `kubevirt.io/v1` VirtualMachine object (one construct per VM: apps have thousands). Props of
 * the wrong type are refused at once; everything else is checked at synth time, together with the rest of the app:
 * the library's own rules on the props (real-time mask, page multiples, inline credentials ...) and, on the object as
 * written (JSON patches included), every KubeVirt admission rule that concerns these fields. Placed on a node pool
 * (`nodePool` or `placeOn`), it is also checked against the pool's nodes and the app's `KubeVirtConfiguration`, and
 * it declares the KubeVirt features it uses so the configuration enables their gates.
 */
export class RealtimeVirtualMachine extends EmittedObject implements IKubeVirtFeatureConsumer, IRealtimeVirtualMachine {
  /** True when `x` is a RealtimeVirtualMachine (works across copies of this library). */
  public static isRealtimeVirtualMachine(x: any): x is RealtimeVirtualMachine {
    return x !== null && typeof x === 'object' && VM_SYMBOL in x;
  }

  /** The VM's shape, all defaults applied: what capacity and placement read. */
  public readonly shape: VmShape;

  private readonly model: VmModel;
  private placedOn?: IRealtimeNodePool;
  private featureUses?: { readonly pool?: IRealtimeNodePool; readonly uses: KubeVirtFeatureUse[] };

  constructor(scope: Construct, id: string, props: RealtimeVirtualMachineProps) {
    // With an instance type the memory is its (the VM may not give one).
    const required: Array<keyof RealtimeVirtualMachineProps> = (props as Partial<RealtimeVirtualMachineProps> | undefined)?.instancetype === undefined
      ? ['memory', 'bootDisk'] : ['bootDisk'];
    checkProps(props, VM_PROPS_SCHEMA, required, 'RealtimeVirtualMachine props', `${scope.node.path}/${id}`);
    const model = resolveVm({
      id, metadata: props.metadata, chartNamespace: Chart.of(scope).namespace, podLabels: props.podLabels, guestTuning: props.guestTuning,
    }, props);
    const self: { vm?: RealtimeVirtualMachine } = {};
    super(scope, id, {
      gvk: kubevirt.VirtualMachine.GVK,
      metadata: namedMetadata(props.metadata, model.name),
      // Rendered at synthesis, after validation; a new object in synthesized form each time (see render.ts).
      fields: { spec: freshLazy(() => renderVmSpec(model, self.vm?.placedOn?.model.nodeSelector)) },
    });
    self.vm = this;
    this.model = model;
    this.shape = model.settings;
    AppCheck.of(this).addVm({
      construct: this,
      model,
      pool: () => this.placedOn,
      // With an instance type, KubeVirt's apply step runs on the object as written (then admission on the result).
      writtenObject: () => (this.hasJsonPatches || !usesBuiltInResolversOnly(this) || model.settings.instancetype !== undefined
        ? this.toJson() : undefined),
    });
    if (props.nodePool !== undefined) this.placeOn(props.nodePool);
    const secret = guestTuningSecret(model);
    // The guest tuning's user data, a child of the VM: it goes where the VM goes (chart, namespace, pool order).
    if (secret !== undefined) new EmittedObject(this, 'GuestTuning', { gvk: SECRET_GVK, ...secret });
  }

  /**
   * The VirtualMachine object: the VM itself (escape hatch: `resource.addJsonPatch(...)` patches are applied last).
   * Kept for code written when the VM wrapped its object.
   */
  public get resource(): ApiObject {
    return this;
  }

  /** The node pool the VM is placed on, if any. */
  public get nodePool(): IRealtimeNodePool | undefined {
    return this.placedOn;
  }

  /**
   * Runs the VM on the nodes of `pool`: its pod selects the pool's role label (merged with `nodeSelector`; a
   * different value for that label is reported at synth), its objects are ordered after the pool's, and at synth it
   * is checked against the pool's nodes (CPUs and huge pages of one NUMA node, SMT alignment, page size, real-time
   * capability, topology policy) and, with all other VMs placed there, against the pool's `nodeCount`.
   *
   * KubeVirt adds its own selectors on top: `kubevirt.io/realtime=true` for real-time VMs (the pool sets
   * `kernel.sched_rt_runtime_us=-1`, which makes KubeVirt label its nodes) and, with dedicated CPUs, the CPU-manager
   * label of the KubeVirt release (`KubeVirtVersion.cpuManagerNodeLabel`: `kubevirt.io/cpumanager`, or `cpumanager`
   * before v1.8), which virt-handler sets on the pool's static-CPU-manager nodes when the CPUManager gate is on.
   *
   * Placing it on the same pool again does nothing.
   *
   * @throws ValidationError PLACEMENT_NOT_A_NODE_POOL, PLACEMENT_POOL_IN_OTHER_APP, or PLACEMENT_ALREADY_PLACED when
   * the VM is already placed on another pool
   */
  public placeOn(pool: IRealtimeNodePool): void {
    checkPlacement(this, pool, this.placedOn);
    if (this.placedOn === pool) return;
    this.placedOn = pool;
    // GitOps order: node tuning (MachineConfig, KubeletConfig ...) before the VMs that need it.
    this.node.addDependency(pool);
  }

  /**
   * The KubeVirt features this VM relies on: DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH, EMULATOR_THREAD_EVEN_PARITY
   * when its isolated emulator thread would leave a half SMT core on its pool, IGNITION with Ignition guest tuning and
   * COMMON_INSTANCETYPES with a common instance type or preference. Never throws.
   */
  public kubevirtFeatureUses(): KubeVirtFeatureUse[] {
    // Asked for in every validation pass; the shape never changes and the pool at most once.
    const pool = this.placedOn;
    if (this.featureUses === undefined || this.featureUses.pool !== pool) {
      this.featureUses = {
        pool,
        uses: vmFeatureUses(this.shape, pool?.model, {
          ignition: this.model.guestTuning?.tuning.delivery === GuestTuningDelivery.IGNITION,
          commonInstancetypes: this.model.settings.instancetype?.common === true,
        }),
      };
    }
    return [...this.featureUses.uses];
  }

  /**
   * The labels of the VM's virt-launcher pod that select it: `podLabels` plus `kubevirt.io/vm: <name>`. For
   * `Pods.select(scope, id, { labels: vm.podSelectorLabels })` in any language and any cdk8s-plus line.
   */
  public get podSelectorLabels(): { [key: string]: string } {
    return templateLabels(this.model);
  }

  /**
   * cdk8s-plus `IPodSelector`: selects the VM's virt-launcher pod (its `podSelectorLabels`, in its namespace), so a
   * `Service({ selector: vm })`, `service.select(vm)` or a NetworkPolicy treats the VM like a Deployment. Typed
   * `any` so it fits every cdk8s-plus line (-27, -33 ...) without depending on one.
   */
  public toPodSelectorConfig(): any {
    const namespace = this.metadata.namespace;
    return {
      labelSelector: new MatchLabelsSelector(this.podSelectorLabels),
      namespaces: namespace === undefined ? undefined : { names: [namespace] },
    };
  }

  /** cdk8s-plus `INetworkPolicyPeer`: the VM's pod as a NetworkPolicy peer. */
  public toNetworkPolicyPeerConfig(): any {
    return { podSelector: this.toPodSelectorConfig() };
  }

  /** cdk8s-plus `INetworkPolicyPeer`: the VM selects its own pod. */
  public toPodSelector(): any {
    return this;
  }

  /**
   * Host CPUs the VM's launcher pod gets: vCPUs + supplemental pool IOThreads + emulator CPU(s).
   *
   * @param evenParityCompletion whether the cluster completes emulator CPUs to even parity (AlignCPUs)
   */
  public podCpuCount(evenParityCompletion: boolean = false): number {
    return podCpuCount(this.shape, evenParityCompletion);
  }
}

// Marks on the prototype, not on each of thousands of VMs (what `isRealtimeVirtualMachine` and the configuration's
// consumer check look for).
Object.defineProperty(RealtimeVirtualMachine.prototype, VM_SYMBOL, { value: true });
markKubeVirtFeatureConsumer(RealtimeVirtualMachine.prototype);

/** The user's metadata with the VM name and the `kubevirt.io/vm` label. */
function namedMetadata(metadata: ApiObjectMetadata | undefined, name: string): ApiObjectMetadata {
  const labels = shallowCopy(metadata?.labels);
  labels[VM_LABEL] = name;
  const named = shallowCopy(metadata);
  named.name = name;
  named.labels = labels;
  return named;
}

/**
 * A copy of an object's own enumerable fields, by assignment. The objects users pass nearly all have a hidden class
 * of their own, and spreading such objects is several times slower than this for thousands of VMs.
 */
function shallowCopy(o: object | undefined): Record<string, any> {
  const copy: Record<string, any> = {};
  if (o === undefined) return copy;
  for (const key of Object.keys(o)) copy[key] = (o as Record<string, any>)[key];
  return copy;
}
