/** Which thread of a VM a CPU runs. */
export enum VmThreadKind {
  /** A guest vCPU. */
  VCPU = 'vcpu',
  /** The QEMU emulator thread (`isolateEmulatorThread`). */
  EMULATOR = 'emulator',
}

/** One host CPU given to one thread of one planned VM. */
export interface VmCpuAssignment {
  /** The host CPU. */
  readonly cpu: number;
  /** The VM, numbered from 1 in placement order. */
  readonly vm: number;
  /** vCPU or emulator thread. */
  readonly kind: VmThreadKind;
  /** The vCPU number inside the guest, or the emulator CPU's number (0, or 0 and 1 with even parity). */
  readonly index: number;
}
