import { checkProps, Prop, PropSchema } from '../prop-check';

/** How the guest tuning reaches the guest. */
export enum GuestTuningDelivery {
  /**
   * A `#cloud-config` merged with the VM's own cloud-config user data, in a Secret the library emits next to the VM
   * (`cloudInitNoCloud.secretRef`). For RHEL, CentOS Stream, Fedora and other dnf/yum guests with cloud-init.
   */
  CLOUD_INIT = 'CLOUD_INIT',
}

/** Options of `GuestTuning.realtimeVirtualGuest` (cloud-init delivery). */
export interface RealtimeVirtualGuestOptions {
  /**
   * Install the real-time kernel package (`rtKernelPackage`) and boot it by default (`grubby --set-default`).
   *
   * Off by default because most distributions have no RT kernel in their default repositories: Fedora ships none,
   * CentOS Stream 9 has `kernel-rt` in its `rt` repository (not enabled by default), RHEL 9 in the
   * "Real Time" repository of its subscription. A missing package makes cloud-init's package step fail, so turn
   * this on only where the guest image (or your own cloud-config's `yum_repos`) enables that repository.
   *
   * @default false
   */
  readonly rtKernel?: boolean;

  /**
   * The name of the real-time kernel package, with `rtKernel`.
   *
   * @default "kernel-rt"
   */
  readonly rtKernelPackage?: string;

  /**
   * Extra guest kernel arguments, added to every boot entry with `grubby --update-kernel=ALL --args=...`, e.g.
   * `["idle=poll"]` (the arguments of the `realtime-virtual-guest` profile itself, `isolcpus`, `nohz_full`,
   * `rcu_nocbs`, `irqaffinity` ..., are added by TuneD and must not be repeated here).
   *
   * @default - none
   */
  readonly extraKernelArgs?: string[];

  /**
   * `netdev_queue_count` of the `realtime-virtual-guest` profile: the number of queues of the guest's network
   * devices (TuneD then lowers them to this count, keeping queue interrupts off the isolated vCPUs).
   *
   * @default - not set: TuneD leaves the queues alone
   */
  readonly netdevQueueCount?: number;
}

const KERNEL_ARGS = Prop.arrayOf(Prop.string(), 256);

const CLOUD_INIT_OPTIONS: PropSchema<RealtimeVirtualGuestOptions> = {
  rtKernel: Prop.boolean(),
  rtKernelPackage: Prop.string(),
  extraKernelArgs: KERNEL_ARGS,
  netdevQueueCount: Prop.integer(1, 4096),
};

/** The TuneD profile the guest tuning selects. */
export const GUEST_TUNED_PROFILE = 'realtime-virtual-guest';

/**
 * The tuning of the guest OS, derived from the VM: TuneD's `realtime-virtual-guest` profile isolates exactly the
 * vCPUs of the VM's real-time mask (the vCPU index is the guest CPU id) and keeps the others for housekeeping,
 * irqbalance is switched off, the guest boots with the profile's kernel arguments (and your extra ones) after one
 * reboot. Set it as the VM's `guestTuning`; the VM needs `realtime` with a `realtimeMask` that leaves at least one
 * vCPU out.
 */
export class GuestTuning {
  /**
   * The real-time virtual guest tuning of the KubeVirt and OpenShift real-time guides, delivered as cloud-init for
   * RHEL, CentOS Stream and Fedora guests (dnf packages `tuned-profiles-nfv-guest`, `tuned-profiles-realtime`,
   * `realtime-tests`, and the RT kernel with `rtKernel`). The VM's own `cloudInit` must then be inline
   * `#cloud-config` user data (or none): the library merges both into one Secret.
   *
   * @param options RT kernel, extra kernel arguments, network queue count
   */
  public static realtimeVirtualGuest(options: RealtimeVirtualGuestOptions = {}): GuestTuning {
    checkProps(options, CLOUD_INIT_OPTIONS, [], 'GuestTuning.realtimeVirtualGuest options');
    const rtKernelPackage = options.rtKernel === true ? options.rtKernelPackage ?? 'kernel-rt' : undefined;
    return new GuestTuning(GuestTuningDelivery.CLOUD_INIT, options.rtKernel === true, rtKernelPackage,
      [...(options.extraKernelArgs ?? [])], options.netdevQueueCount);
  }

  private constructor(
    /** How the tuning reaches the guest. */
    public readonly delivery: GuestTuningDelivery,
    /** Whether the RT kernel is installed and made the default. */
    public readonly rtKernel: boolean,
    /** The RT kernel package (with `rtKernel`). */
    public readonly rtKernelPackage: string | undefined,
    /** Extra guest kernel arguments. */
    public readonly extraKernelArgs: string[],
    /** `netdev_queue_count`, when set. */
    public readonly netdevQueueCount: number | undefined,
  ) {}

  /** The TuneD profile selected in the guest. */
  public get profile(): string {
    return GUEST_TUNED_PROFILE;
  }
}
