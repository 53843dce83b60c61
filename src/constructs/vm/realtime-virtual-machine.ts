import { ApiObjectMetadata, Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { renderedAdmissionFindings } from './admission-by-key';
import { RealtimeVirtualMachineProps } from './realtime-virtual-machine-props';
import { allFindings, VmChecks } from './vm-checks';
import { renderSpecJson, VM_LABEL } from '../../backends/vm/render';
import { addLatePatches, freshLazy, keepJsonProps, latePatchedJson, rendersPropsVerbatim } from '../../emit/late-patches';
import * as kubevirt from '../../imports/virtualmachine-kubevirt.io';
import { vmFeatureUses } from '../../model/placement/feature-uses';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';
import { resolveVm, shapeOf } from '../../model/vm/resolve';
import { podCpuCount, VmShape } from '../../model/vm/vm-shape';
import { IKubeVirtFeatureConsumer, KubeVirtFeatureUse, markKubeVirtFeatureConsumer } from '../../values/cluster/feature-use';
import { Finding } from '../../values/finding';
import { reportFindings } from '../app/warnings';
import { clusterFactsDuringValidation } from '../placement/cluster-facts';
import { checkPlacement } from '../placement/place';
import { markPlaced, poolOf } from '../placement/placed-vms';
import { placementFindingsOfVm } from '../placement/placement-by-shape';
import { ensurePoolChecks } from '../placement/pool-checks';
import { RealtimeNodePool } from '../pool/realtime-node-pool';
import { admissionFindings } from '../../rules/vm-admission';

const VM_SYMBOL = Symbol.for('cdk8s-kubevirt-realtime.RealtimeVirtualMachine');

/**
 * A KubeVirt VirtualMachine tuned for real-time guests, following KubeVirt's real-time guide: dedicated CPUs, an
 * isolated emulator thread, IOThreads, host-passthrough CPU with the TSC deadline timer, NUMA passthrough, 1Gi huge
 * pages, real-time vCPU scheduling, no memory balloon or graphics, Guaranteed QoS.
 *
 * Everything is validated at synth time, together with the rest of the app: the library's own rules on the props
 * (real-time mask, page multiples, inline credentials ...) and, on the rendered object including JSON patches,
 * every KubeVirt admission rule that concerns these fields. Placed on a `RealtimeNodePool` (`nodePool` or `placeOn`),
 * it is also checked against the pool's nodes and the app's `KubeVirtConfiguration`, and it declares the KubeVirt
 * features it uses (dedicated CPUs, NUMA passthrough, even-parity emulator CPUs) so the configuration enables their
 * gates.
 */
export class RealtimeVirtualMachine extends kubevirt.VirtualMachine implements IKubeVirtFeatureConsumer {
  /** True when `x` is a RealtimeVirtualMachine (works across copies of this library). */
  public static isRealtimeVirtualMachine(x: any): x is RealtimeVirtualMachine {
    return x !== null && typeof x === 'object' && VM_SYMBOL in x;
  }

  /** The resolved model of the VM (defaults applied), for checks across constructs. */
  public readonly shape: VmShape;

  private featureUses?: { readonly pool?: RealtimeNodePoolModel; readonly uses: KubeVirtFeatureUse[] };

  // The VM is its VirtualMachine object itself, as a hand-written `ApiObject` would be: one construct per VM, not a
  // wrapper and an L1 (apps have thousands of VMs; every walk of the tree and the dependency graph visit each node).
  constructor(scope: Construct, id: string, props: RealtimeVirtualMachineProps) {
    const vm = resolveVm(id, props, Chart.of(scope).namespace);
    const metadata = props?.metadata ?? {};
    const self: { vm?: RealtimeVirtualMachine } = {};
    const jsonProps = {
      metadata: namedMetadata(metadata, vm.name),
      // Rendered at synthesis, after validation: bad props give validation errors, never a crash here.
      // renderSpecJson builds new objects in synthesized form, which synthesis then takes as they are.
      spec: freshLazy(() => renderSpecJson(vm, self.vm?.placementSelector)),
    };
    super(scope, id, jsonProps as kubevirt.VirtualMachineProps);
    self.vm = this;
    // The spec is rendered as JSON (renderSpecJson): the generated serializer is skipped.
    keepJsonProps(this, jsonProps);
    this.shape = shapeOf(vm);

    const checks = new VmChecks(this, vm, this.shape);
    reportFindings(this, () => {
      // The admission mirror and the placement checks only make sense on a VM built from valid props; the mirror
      // then also checks whatever JSON patches changed.
      if (checks.propsHaveErrors) return checks.ownFindings();
      return allFindings(checks.ownFindings(), this.admissionOfRenderedObject(checks), this.placementFindings(checks));
    });

    if (props?.nodePool !== undefined) this.placeOn(props.nodePool);
  }

  /**
   * The VirtualMachine object: the VM itself (escape hatch: `resource.addJsonPatch(...)` patches are applied last).
   * Kept for code written when the VM wrapped its object.
   */
  public get resource(): kubevirt.VirtualMachine {
    return this;
  }

  /**
   * Applies RFC-6902 JSON patches to the VirtualMachine after it is rendered, whatever fields they touch (the
   * generated L1 would drop fields its schema does not model). The admission mirror checks the patched object.
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    addLatePatches(this, ops);
  }

  /** The VirtualMachine as cdk8s writes it: keys sorted, JSON patches applied last. */
  public toJson(): any {
    return latePatchedJson(this, () => super.toJson());
  }

  /** The node pool the VM is placed on, if any. */
  public get nodePool(): RealtimeNodePool | undefined {
    return poolOf(this);
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
  public placeOn(pool: RealtimeNodePool): void {
    checkPlacement(this, pool);
    if (this.nodePool === pool) return;
    markPlaced(this, pool);
    // GitOps order: node tuning (MachineConfig, KubeletConfig ...) before the VMs that need it.
    this.node.addDependency(pool);
    ensurePoolChecks(pool);
  }

  /**
   * The KubeVirt features this VM relies on: DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH, and
   * EMULATOR_THREAD_EVEN_PARITY when its isolated emulator thread would leave a half SMT core on its pool. Never throws.
   */
  public kubevirtFeatureUses(): KubeVirtFeatureUse[] {
    // Asked for by the configuration in every validation pass; the shape never changes and the pool only once.
    const pool = this.nodePool?.model;
    if (this.featureUses === undefined || this.featureUses.pool !== pool) this.featureUses = { pool, uses: vmFeatureUses(this.shape, pool) };
    return [...this.featureUses.uses];
  }

  /**
   * Host CPUs the VM's launcher pod gets: vCPUs + supplemental pool IOThreads + emulator CPU(s).
   *
   * @param evenParityCompletion whether the cluster completes emulator CPUs to even parity (AlignCPUs)
   */
  public podCpuCount(evenParityCompletion: boolean = false): number {
    return podCpuCount(this.shape, evenParityCompletion);
  }

  /** The pool's node labels the pod selects, when placed. */
  private get placementSelector(): { [key: string]: string } | undefined {
    return this.nodePool?.model.nodeSelector;
  }

  private placementFindings(checks: VmChecks): readonly Finding[] {
    const pool = this.nodePool;
    if (!pool) return [];
    return placementFindingsOfVm(this, {
      shape: this.shape,
      pool: pool.model,
      cluster: clusterFactsDuringValidation(this),
      cpuField: checks.cpuField,
      nodeSelector: checks.vm.nodeSelector,
    }, checks.placementShapeKey);
  }

  private admissionOfRenderedObject(checks: VmChecks): readonly Finding[] {
    // Without JSON patches or custom resolvers the object's spec is the rendered spec as cdk8s writes it: check the
    // part of it the admission rules read instead of rendering the whole object here (synthesis renders it once,
    // right after validation), once per distinct view.
    if (rendersPropsVerbatim(this)) {
      const found = renderedAdmissionFindings(this, checks.vm, checks.admissionViewKey);
      if (found !== undefined) return found;
    }
    let rendered: unknown;
    try {
      rendered = this.toJson();
    } catch {
      // A JSON patch that cannot be applied: synthesis reports it with its own message right after validation.
      return [];
    }
    return admissionFindings(rendered);
  }
}

// Marks on the prototype, not on each of thousands of VMs (what `isRealtimeVirtualMachine` and the configuration's
// consumer check look for).
Object.defineProperty(RealtimeVirtualMachine.prototype, VM_SYMBOL, { value: true });
markKubeVirtFeatureConsumer(RealtimeVirtualMachine.prototype);

/** The user's metadata with the VM name and the `kubevirt.io/vm` label. */
function namedMetadata(metadata: ApiObjectMetadata, name: string): ApiObjectMetadata {
  const labels = shallowCopy(metadata.labels);
  labels[VM_LABEL] = name;
  const named = shallowCopy(metadata);
  named.name = name;
  named.labels = labels;
  return named;
}

/**
 * A copy of an object's own enumerable fields, by assignment. The objects users pass nearly all have a hidden class
 * of their own, and spreading such objects (or a computed key in an object literal) is several times slower than
 * this for thousands of VMs.
 */
function shallowCopy(o: object | undefined): Record<string, any> {
  const copy: Record<string, any> = {};
  if (o == null) return copy;
  for (const key of Object.keys(o)) copy[key] = (o as Record<string, any>)[key];
  return copy;
}
