import { checkValue, Prop } from '../prop-check';

/**
 * The CPU model the guest sees (KubeVirt `spec.domain.cpu.model`).
 *
 * Real-time guests want `host-passthrough`: the guest sees every feature of the host CPU (TSC deadline timer,
 * invariant TSC ...), and QEMU emulates nothing it does not have to.
 */
export class CpuModel {
  /**
   * The host CPU exactly as it is (libvirt `host-passthrough`): lowest latency, but the VM can only move to hosts
   * with the very same CPU.
   */
  public static readonly HOST_PASSTHROUGH = new CpuModel('host-passthrough');

  /** The closest named libvirt model plus the host's extra features (libvirt `host-model`). */
  public static readonly HOST_MODEL = new CpuModel('host-model');

  /**
   * A named libvirt CPU model, e.g. `Skylake-Server-IBRS`. KubeVirt then adds the node selector
   * `cpu-model.node.kubevirt.io/<name>`.
   *
   * @param model the libvirt model name
   */
  public static named(model: string): CpuModel {
    checkValue(model, Prop.string(true), 'CpuModel.named(model)');
    return new CpuModel(model);
  }

  private constructor(
    /** The model as written in `cpu.model`. */
    public readonly model: string,
  ) {}

  /** True for `host-passthrough`. */
  public get isHostPassthrough(): boolean {
    return this.model === 'host-passthrough';
  }

  /** The model name. */
  public toString(): string {
    return this.model;
  }
}
