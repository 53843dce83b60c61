import { Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { Finding, Severity } from '../finding';
import * as kubevirt from '../imports/virtualmachine-kubevirt.io';
import { withLatePatches } from '../late-patches';
import { admissionFindings } from '../rules/vm-admission';
import { vmPropFindings } from '../rules/vm-rules';
import { reportFindings } from '../warnings';
import { RealtimeVirtualMachineProps } from './realtime-virtual-machine-props';
import { renderSpec, VM_LABEL } from './render';
import { resolveVm, shapeOf } from './resolve';
import { podCpuCount, VmShape } from './vm-shape';

const VM_SYMBOL = Symbol.for('cdk8s-kubevirt-realtime.RealtimeVirtualMachine');

// Every L1 goes through withLatePatches so `resource.addJsonPatch` always reaches the YAML.
const VirtualMachineResource = withLatePatches(kubevirt.VirtualMachine);

/**
 * A KubeVirt VirtualMachine tuned for real-time guests, following KubeVirt's real-time guide: dedicated CPUs, an
 * isolated emulator thread, IOThreads, host-passthrough CPU with the TSC deadline timer, NUMA passthrough, 1Gi huge
 * pages, real-time vCPU scheduling, no memory balloon or graphics, Guaranteed QoS.
 *
 * Everything is validated at synth time, together with the rest of the app: the library's own rules on the props
 * (real-time mask, page multiples, inline credentials ...) and, on the rendered object including JSON patches,
 * every KubeVirt admission rule that concerns these fields.
 */
export class RealtimeVirtualMachine extends Construct {
  /** True when `x` is a RealtimeVirtualMachine (works across copies of this library). */
  public static isRealtimeVirtualMachine(x: any): x is RealtimeVirtualMachine {
    return x !== null && typeof x === 'object' && VM_SYMBOL in x;
  }

  /** The VirtualMachine L1 (escape hatch: `resource.addJsonPatch(...)` patches are applied last). */
  public readonly resource: kubevirt.VirtualMachine;

  /** The VirtualMachine name. */
  public readonly name: string;

  /** The resolved model of the VM (defaults applied), for checks across constructs. */
  public readonly shape: VmShape;

  constructor(scope: Construct, id: string, props: RealtimeVirtualMachineProps) {
    super(scope, id);
    Object.defineProperty(this, VM_SYMBOL, { value: true });

    const vm = resolveVm(id, props, Chart.of(this).namespace);
    this.name = vm.name;
    this.shape = shapeOf(vm);

    const metadata = props?.metadata ?? {};
    this.resource = new VirtualMachineResource(this, 'Resource', {
      metadata: { ...metadata, name: vm.name, labels: { ...metadata.labels, [VM_LABEL]: vm.name } },
      // Rendered at synthesis, after validation: bad props give validation errors, never a crash here.
      spec: Lazy.any({ produce: () => renderSpec(vm) }),
    });

    reportFindings(this, () => {
      const own = vmPropFindings(vm);
      // The admission mirror only makes sense on an object built from valid props; it then also checks whatever
      // JSON patches changed.
      if (own.some((f) => f.severity === Severity.ERROR)) return own;
      return [...own, ...this.admissionOfRenderedObject()];
    });
  }

  /**
   * Host CPUs the VM's launcher pod gets: vCPUs + supplemental pool IOThreads + emulator CPU(s).
   *
   * @param evenParityCompletion whether the cluster completes emulator CPUs to even parity (AlignCPUs)
   */
  public podCpuCount(evenParityCompletion: boolean = false): number {
    return podCpuCount(this.shape, evenParityCompletion);
  }

  private admissionOfRenderedObject(): Finding[] {
    let rendered: unknown;
    try {
      rendered = this.resource.toJson();
    } catch {
      // A JSON patch that cannot be applied: synthesis reports it with its own message right after validation.
      return [];
    }
    return admissionFindings(rendered);
  }
}
