import { IConstruct } from 'constructs';
import { printWarnings, strictFromEnvironment } from './warning-output';
import { acknowledgementOf, recordAcknowledgedWarning, recordWarning } from './warning-records';
import { renderAdmissionSpec } from '../../backends/vm/render';
import { ClusterFacts, NO_CLUSTER_FACTS, sameClusterFacts } from '../../model/cluster/cluster-facts';
import { ConsumerUse } from '../../model/cluster/gate-plan';
import { RealtimeNodePoolModel } from '../../model/pool/pool-model';
import { VmModel } from '../../model/vm/vm-model';
import { applyInstancetype } from '../../rules/instancetype-apply';
import { nodeSelectorFindings, PlacementInput, poolCapacityFindings, shapePlacementFindings, taintFindings } from '../../rules/placement-rules';
import { admissionFindings } from '../../rules/vm-admission';
import { writtenCredentialFindings } from '../../rules/vm-credentials';
import { attributedToInstancetype } from '../../rules/vm-instancetype';
import { vmFindings, vmShapeFindings } from '../../rules/vm-rules';
import { KubeVirtFeatureUse } from '../../values/cluster/feature-use';
import { Finding, formatFinding, Severity } from '../../values/finding';
import { isKubeVirtFeatureConsumer } from '../cluster/feature-consumer';
import { IRealtimeNodePool } from '../pool/node-pool-interface';

// ONE check over the app. cdk8s validates every construct of the app (and validates the whole app again for each
// chart it synthesizes); the checks that look across constructs (a VM against its pool, a pool's capacity against its
// VMs, the feature gates against every VM) would each walk the app, and thousands of VMs share a few dozen shapes.
// So the app's model is read once per validation pass (a walk of the tree in order), every pure rule runs once per
// distinct input (VMs grouped by their shape key), and the findings are handed back to each construct by identity.
//
// This class is the only place that keeps results between validations. Each memo is keyed by everything its rule
// reads, so it can never outlive its inputs: shape findings and admission by shape key, placement by (pool model,
// cluster facts, shape key), a pool's packing by (its VMs, cluster facts), a VM's own findings by its model (built
// once, never changed). What depends on the rest of the app (JSON patches, the pools, the configuration) is read
// again in every pass.

/** What a VM gives the app check. */
export interface CheckedVm {
  readonly construct: IConstruct;
  readonly model: VmModel;
  /** The pool the VM is placed on, if any. */
  pool(): IRealtimeNodePool | undefined;
  /**
   * The object as it will be written when that may differ from what its model renders (JSON patches, custom
   * resolvers); undefined otherwise. May throw (a patch that does not apply): reported as a finding.
   */
  writtenObject(): unknown;
}

/** What a node pool gives the app check. */
export interface CheckedPool {
  readonly construct: IRealtimeNodePool;
  /** The pool's own findings (its props, its backend, its objects), given the app's other pools. */
  ownFindings(otherPools: readonly IRealtimeNodePool[]): Finding[];
}

/** What a KubeVirt configuration gives the app check. */
export interface CheckedConfiguration {
  readonly construct: IConstruct;
  /** What the configuration, as it will be written, says about the cluster. */
  clusterFacts(): ClusterFacts;
  /** Its own findings (versions, gates for the app's feature uses). */
  ownFindings(): Finding[];
}

type Checked = { readonly vm: CheckedVm } | { readonly pool: CheckedPool } | { readonly configuration: CheckedConfiguration };

/** The app as one validation pass reads it: its checked constructs and feature consumers, in tree order. */
interface Pass {
  readonly vms: CheckedVm[];
  readonly pools: CheckedPool[];
  readonly configurations: CheckedConfiguration[];
  readonly consumers: IConstruct[];
  facts?: ClusterFacts;
  uses?: ConsumerUse[];
  findings?: Map<IConstruct, readonly Finding[]>;
}

const APP_CHECKS = new WeakMap<IConstruct, AppCheck>();

/** The one check over an app: see the comment at the top of this file. */
export class AppCheck {
  /** The check of the app `scope` belongs to (created on first use). */
  public static of(scope: IConstruct): AppCheck {
    const root = scope.node.root;
    let check = APP_CHECKS.get(root);
    if (check === undefined) {
      check = new AppCheck(root);
      APP_CHECKS.set(root, check);
    }
    return check;
  }

  /** Warnings fail the synthesis too (`Warnings.strict(app)`, or KUBEVIRT_REALTIME_STRICT in the environment). */
  public strict = false;

  private readonly checked = new WeakMap<IConstruct, Checked>();
  private pass?: Pass;
  private hooked = false;
  private readonly printed = new Set<string>();
  private lastFacts?: ClusterFacts;

  // The memos (see the comment at the top of this file).
  private readonly ownOfVm = new WeakMap<VmModel, readonly Finding[]>();
  private readonly shapeFindings = new Map<string, readonly Finding[]>();
  private readonly admissionByShape = new Map<string, readonly Finding[]>();
  private readonly placementByPool = new Map<RealtimeNodePoolModel, { facts: ClusterFacts; byShape: Map<string, readonly Finding[]> }>();
  private readonly packingByPool = new Map<RealtimeNodePoolModel, { vms: CheckedVm[]; facts: ClusterFacts; findings: readonly Finding[] }>();

  private constructor(private readonly root: IConstruct) {}

  /** Checks a VM at synth: its findings fail the synthesis (errors) or are reported (warnings). */
  public addVm(vm: CheckedVm): void {
    this.register(vm.construct, { vm });
  }

  /** Checks a node pool at synth. */
  public addPool(pool: CheckedPool): void {
    this.register(pool.construct, { pool });
  }

  /** Checks a KubeVirt configuration at synth. */
  public addConfiguration(configuration: CheckedConfiguration): void {
    this.register(configuration.construct, { configuration });
  }

  /** Every finding (errors and warnings) of `construct` as the app is now. */
  public findingsOf(construct: IConstruct): readonly Finding[] {
    return this.findings(this.currentPass()).get(construct) ?? [];
  }

  /** What the app's first KubeVirt configuration says about the cluster (nothing declared without one). */
  public clusterFacts(): ClusterFacts {
    return this.facts(this.currentPass());
  }

  /** The feature uses of every consumer of the app, in tree order, with the path of the consumer that declared it. */
  public featureUses(): ConsumerUse[] {
    const pass = this.currentPass();
    pass.uses ??= collectUses(pass.consumers);
    return pass.uses;
  }

  /** The VMs placed on `pool`, in tree order. */
  public vmsOn(pool: IRealtimeNodePool): CheckedVm[] {
    return this.currentPass().vms.filter((vm) => vm.pool() === pool);
  }

  private register(construct: IConstruct, checked: Checked): void {
    this.checked.set(construct, checked);
    this.hookRoot();
    construct.node.addValidation({ validate: () => this.errorsOf(construct) });
  }

  /**
   * cdk8s validates in pre-order, so the root's validation runs first: it opens a pass, checks the whole app and
   * prints the warnings. A microtask, which runs only after the synchronous validation (and synthesis) that started
   * it, closes the pass; outside a pass every question reads the app afresh.
   */
  private hookRoot(): void {
    if (this.hooked) return;
    this.hooked = true;
    this.root.node.addValidation({
      validate: () => {
        const pass = this.readApp();
        this.pass = pass;
        queueMicrotask(() => {
          if (this.pass === pass) this.pass = undefined;
        });
        this.report(this.findings(pass));
        return [];
      },
    });
  }

  private currentPass(): Pass {
    return this.pass ?? this.readApp();
  }

  /** One walk of the app in tree order. */
  private readApp(): Pass {
    const pass: Pass = { vms: [], pools: [], configurations: [], consumers: [] };
    for (const c of this.root.node.findAll()) {
      const checked = this.checked.get(c);
      if (checked !== undefined) {
        if ('vm' in checked) pass.vms.push(checked.vm);
        else if ('pool' in checked) pass.pools.push(checked.pool);
        else pass.configurations.push(checked.configuration);
      }
      if (isKubeVirtFeatureConsumer(c)) pass.consumers.push(c);
    }
    return pass;
  }

  private facts(pass: Pass): ClusterFacts {
    if (pass.facts === undefined) {
      const facts = pass.configurations[0]?.clusterFacts() ?? NO_CLUSTER_FACTS;
      // The same object as last time while nothing changed: results kept for it stay valid.
      if (this.lastFacts === undefined || !sameClusterFacts(this.lastFacts, facts)) this.lastFacts = facts;
      pass.facts = this.lastFacts;
    }
    return pass.facts;
  }

  private findings(pass: Pass): Map<IConstruct, readonly Finding[]> {
    if (pass.findings !== undefined) return pass.findings;
    const out = new Map<IConstruct, readonly Finding[]>();
    const facts = this.facts(pass);
    const vmsByPool = new Map<IRealtimeNodePool, CheckedVm[]>();
    for (const vm of pass.vms) {
      out.set(vm.construct, this.vmFindings(vm, facts));
      const pool = vm.pool();
      if (pool === undefined) continue;
      const list = vmsByPool.get(pool);
      if (list) list.push(vm);
      else vmsByPool.set(pool, [vm]);
    }
    const pools = pass.pools.map((p) => p.construct);
    for (const pool of pass.pools) {
      const others = pools.filter((p) => p !== pool.construct);
      const capacity = this.capacityFindings(pool.construct.model, vmsByPool.get(pool.construct) ?? [], facts);
      out.set(pool.construct, [...pool.ownFindings(others), ...capacity]);
    }
    for (const configuration of pass.configurations) out.set(configuration.construct, configuration.ownFindings());
    pass.findings = out;
    return out;
  }

  /** A VM's own rules, then (when its props are sound) KubeVirt's admission rules and its placement on its pool. */
  private vmFindings(vm: CheckedVm, facts: ClusterFacts): readonly Finding[] {
    const model = vm.model;
    let own = this.ownOfVm.get(model);
    if (own === undefined) {
      own = Object.freeze(vmFindings(model, this.once(this.shapeFindings, model.shapeKey, () => vmShapeFindings(model))));
      this.ownOfVm.set(model, own);
    }
    if (own.some((f) => f.severity === Severity.ERROR)) return own;
    const written = this.writtenFindings(vm);
    const placement = this.placementFindings(vm, facts);
    return written.length + placement.length === 0 ? own : [...own, ...written, ...placement];
  }

  /**
   * KubeVirt's admission rules and the credential check on the object as written. Without JSON patches or custom
   * resolvers the object is what the model renders: admission once per shape, credentials in the own findings.
   */
  private writtenFindings(vm: CheckedVm): readonly Finding[] {
    let written: unknown;
    try {
      written = vm.writtenObject();
    } catch (e) {
      const findings = (e as { findings?: unknown }).findings;
      return Array.isArray(findings) ? findings as Finding[] : [];
    }
    if (written !== undefined) return [...this.admissionOfWritten(written, vm.model), ...writtenCredentialFindings(written, vm.model)];
    return this.once(this.admissionByShape, vm.model.shapeKey, () => admissionFindings({ spec: renderAdmissionSpec(vm.model.settings) }));
  }

  /** KubeVirt's admission of the object as written, after its instance type is applied the way KubeVirt does. */
  private admissionOfWritten(written: unknown, model: VmModel): Finding[] {
    const instancetype = model.settings.instancetype;
    if (instancetype === undefined) return admissionFindings(written);
    const { conflicts, expanded } = applyInstancetype(written, instancetype);
    return expanded === undefined ? conflicts : admissionFindings(expanded);
  }

  private placementFindings(vm: CheckedVm, facts: ClusterFacts): readonly Finding[] {
    const pool = vm.pool();
    if (pool === undefined) return [];
    const { model } = vm;
    const input: PlacementInput = {
      shape: model.settings,
      pool: pool.model,
      cluster: facts,
      cpuField: model.settings.usesTopology ? 'topology' : 'vcpus',
      nodeSelector: model.nodeSelector,
      tolerations: model.tolerations,
    };
    // Most VMs have no selector of their own and most pools no taints: nothing per VM to check then.
    const selector = [
      ...(model.nodeSelector === undefined ? [] : nodeSelectorFindings(input)),
      ...(pool.model.nodeTaints.length === 0 ? [] : taintFindings(input)),
    ];
    let kept = this.placementByPool.get(pool.model);
    if (kept === undefined || kept.facts !== facts) {
      kept = { facts, byShape: new Map() };
      this.placementByPool.set(pool.model, kept);
    }
    // With an instance type, what the shape findings name (vCPUs, topology ...) is the instance type's to change.
    const byShape = this.once(kept.byShape, model.shapeKey,
      () => attributedToInstancetype(shapePlacementFindings(input), model.settings.instancetype));
    return selector.length === 0 ? byShape : [...selector, ...byShape];
  }

  /** Whether all VMs placed on a pool fit its declared nodes: packed again only when its VMs or the facts change. */
  private capacityFindings(pool: RealtimeNodePoolModel, vms: CheckedVm[], facts: ClusterFacts): readonly Finding[] {
    const kept = this.packingByPool.get(pool);
    if (kept !== undefined && kept.facts === facts && sameItems(kept.vms, vms)) return kept.findings;
    const findings = Object.freeze(poolCapacityFindings(pool,
      vms.map((vm) => ({ path: vm.construct.node.path, name: vm.model.name, shape: vm.model.settings })), facts));
    this.packingByPool.set(pool, { vms, facts, findings });
    return findings;
  }

  /** Records each warning on its construct and prints the ones not printed yet. */
  private report(findings: Map<IConstruct, readonly Finding[]>): void {
    const lines: string[] = [];
    let acknowledged = 0;
    for (const [construct, list] of findings) {
      for (const f of list) {
        if (f.severity !== Severity.WARNING) continue;
        const line = `[${construct.node.path}] ${formatFinding(f)}`;
        if (this.printed.has(line)) continue;
        this.printed.add(line);
        const reason = acknowledgementOf(construct, f.code);
        if (reason === undefined) {
          recordWarning(construct, f);
          lines.push(line);
        } else {
          recordAcknowledgedWarning(construct, f, reason);
          acknowledged++;
        }
      }
    }
    printWarnings(lines, this.isStrict(), acknowledged);
  }

  private errorsOf(construct: IConstruct): string[] {
    const strict = this.isStrict();
    return this.findingsOf(construct)
      .filter((f) => f.severity === Severity.ERROR || (strict && acknowledgementOf(construct, f.code) === undefined))
      .map((f) => (f.severity === Severity.ERROR ? formatFinding(f) : `${formatFinding(f)} (a warning: strict mode makes it fail the synthesis)`));
  }

  private isStrict(): boolean {
    return this.strict || strictFromEnvironment();
  }

  /** `compute()` once per key of `memo` (the result frozen: several constructs share it). */
  private once<K>(memo: Map<K, readonly Finding[]>, key: K, compute: () => Finding[]): readonly Finding[] {
    let found = memo.get(key);
    if (found === undefined) {
      found = Object.freeze(compute());
      memo.set(key, found);
    }
    return found;
  }
}

/** The feature uses of the consumers, each with the path of its consumer (built when read: only messages need it). */
function collectUses(consumers: IConstruct[]): ConsumerUse[] {
  const uses: ConsumerUse[] = [];
  for (const c of consumers) {
    if (!isKubeVirtFeatureConsumer(c)) continue;
    for (const use of c.kubevirtFeatureUses()) uses.push(new UseOfConsumer(use, c));
  }
  return uses;
}

/** A feature use and the construct that declared it (two fields per use; the path is built when read). */
class UseOfConsumer implements ConsumerUse {
  constructor(public readonly use: KubeVirtFeatureUse, private readonly consumer: IConstruct) {}

  public get path(): string {
    return this.consumer.node.path;
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
