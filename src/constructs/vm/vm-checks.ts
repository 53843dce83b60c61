import { IConstruct } from 'constructs';
import { admissionViewKey } from './admission-by-key';
import { ResolvedVm } from '../../model/vm/resolve';
import { VmShape } from '../../model/vm/vm-shape';
import { shapePropFindings, shapePropKey, vmPropFindings } from '../../rules/vm-rules';
import { Finding, Severity } from '../../values/finding';
import { keptForApp, onceForKey } from '../app/validation-pass';
import { placementShapeKey } from '../placement/placement-by-shape';

/**
 * What a VM's synth-time checks keep from one validation to the next: everything that depends on its resolved props
 * and shape only. Those are computed once, in the constructor, and never change, while cdk8s validates the whole app
 * once more for every chart it synthesizes. What depends on the rest of the app (JSON patches, the pool's other VMs,
 * the cluster facts) is read again in each validation pass.
 */
export class VmChecks {
  private own?: readonly Finding[];
  private ownError = false;
  private admissionKey?: { readonly key: string | undefined };
  private placementKey?: { readonly key: string | undefined };

  /**
   * @param scope the VM (its app keeps the shape rules' findings per `shapePropKey`)
   */
  constructor(private readonly scope: IConstruct, public readonly vm: ResolvedVm, private readonly shape: VmShape) {}

  /** The VM prop field that sets its CPU count, for placement messages. */
  public get cpuField(): string {
    return this.vm.usesTopology ? 'topology' : 'vcpus';
  }

  /** The library's own rules on the props (`vmPropFindings`). */
  public ownFindings(): readonly Finding[] {
    if (this.own === undefined) {
      this.own = Object.freeze(vmPropFindings(this.vm, this.shapeFindings()));
      this.ownError = this.own.some((f) => f.severity === Severity.ERROR);
    }
    return this.own;
  }

  /** `shapePropFindings` of the VM, computed once per app for VMs with the same `shapePropKey`. */
  private shapeFindings(): readonly Finding[] {
    const key = shapePropKey(this.vm);
    if (key === undefined) return shapePropFindings(this.vm);
    const memo = keptForApp(this.scope, 'shapePropFindings', () => new Map<string, readonly Finding[]>());
    return onceForKey(memo, key, () => Object.freeze(shapePropFindings(this.vm)));
  }

  /** True when the props themselves are wrong: the checks that build on them are skipped. */
  public get propsHaveErrors(): boolean {
    this.ownFindings();
    return this.ownError;
  }

  /** `admissionViewKey` of the VM. */
  public get admissionViewKey(): string | undefined {
    this.admissionKey ??= { key: admissionViewKey(this.vm) };
    return this.admissionKey.key;
  }

  /** `placementShapeKey` of the VM. */
  public get placementShapeKey(): string | undefined {
    this.placementKey ??= { key: placementShapeKey(this.shape, this.cpuField) };
    return this.placementKey.key;
  }
}

/** The findings of several checks, in order, without a copy when only one has any (the common case: none has). */
export function allFindings(...groups: ReadonlyArray<readonly Finding[]>): readonly Finding[] {
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return nonEmpty.flat();
}
