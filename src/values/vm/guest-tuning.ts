import { error } from '../finding';
import { checkProps, Prop, PropSchema } from '../prop-check';
import { ValidationError } from '../validation-error';

/** How the guest tuning reaches the guest. */
export enum GuestTuningDelivery {
  /**
   * A `#cloud-config` merged with the VM's own cloud-config user data, in a Secret the library emits next to the VM
   * (`cloudInitNoCloud.secretRef`). For RHEL, CentOS Stream, Fedora and other dnf/yum guests with cloud-init.
   */
  CLOUD_INIT = 'CLOUD_INIT',
  /**
   * An Ignition v3 config in the VM template's annotation `kubevirt.io/ignitiondata`, for Fedora CoreOS and RHCOS
   * guests (needs KubeVirt's `ExperimentalIgnitionSupport` gate, which the app's KubeVirtConfiguration then enables).
   */
  IGNITION = 'IGNITION',
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

/** Options of `GuestTuning.realtimeVirtualGuestIgnition` (Ignition delivery). */
export interface RealtimeVirtualGuestIgnitionOptions {
  /**
   * Extra guest kernel arguments (Ignition `kernelArguments.shouldExist`), e.g. `["idle=poll"]`.
   *
   * @default - none
   */
  readonly extraKernelArgs?: string[];

  /**
   * `netdev_queue_count` in the profile's variables file (used when TuneD runs in the guest).
   *
   * @default - not set
   */
  readonly netdevQueueCount?: number;

  /**
   * Ignition configs to merge (`ignition.config.merge`), e.g. your own config with users and SSH keys served over
   * HTTPS: the VM's annotation then carries only the tuning, never a credential.
   *
   * @default - none
   */
  readonly mergeConfigUrls?: string[];
}

const KERNEL_ARGS = Prop.arrayOf(Prop.string(), 256);

const CLOUD_INIT_OPTIONS: PropSchema<RealtimeVirtualGuestOptions> = {
  rtKernel: Prop.boolean(),
  rtKernelPackage: Prop.string(),
  extraKernelArgs: KERNEL_ARGS,
  netdevQueueCount: Prop.integer(1, 4096),
};

const IGNITION_OPTIONS: PropSchema<RealtimeVirtualGuestIgnitionOptions> = {
  extraKernelArgs: KERNEL_ARGS,
  netdevQueueCount: Prop.integer(1, 4096),
  mergeConfigUrls: Prop.arrayOf(Prop.string(), 64),
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
    if (options.rtKernelPackage !== undefined && options.rtKernel !== true) {
      throw new ValidationError([error('VM_PROP_IGNORED', 'rtKernelPackage', options.rtKernelPackage,
        'rtKernelPackage only with rtKernel: true (without it no RT kernel is installed)', 'set rtKernel: true, or remove rtKernelPackage')]);
    }
    const rtKernelPackage = options.rtKernel === true ? options.rtKernelPackage ?? 'kernel-rt' : undefined;
    return new GuestTuning(GuestTuningDelivery.CLOUD_INIT, options.rtKernel === true, rtKernelPackage,
      [...(options.extraKernelArgs ?? [])], options.netdevQueueCount, []);
  }

  /**
   * The same tuning for image-based guests (Fedora CoreOS, RHCOS), as Ignition: the profile's kernel arguments
   * derived from the mask (`isolcpus=managed_irq,domain,…`, `nohz=on`, `nohz_full`, `rcu_nocbs`, `irqaffinity`,
   * `nosoftlockup`) and your extra ones as `kernelArguments` (Ignition applies them on first boot, with one reboot),
   * `kernel.sched_rt_runtime_us=-1`, irqbalance masked, and the profile's variables file for a TuneD layered into the
   * image. No package installation and no RT kernel: an image-based OS gets those from its image. The VM may not
   * have `cloudInit` (these guests do not run cloud-init); merge your own Ignition config by URL.
   *
   * @param options extra kernel arguments, network queue count, configs to merge
   */
  public static realtimeVirtualGuestIgnition(options: RealtimeVirtualGuestIgnitionOptions = {}): GuestTuning {
    checkProps(options, IGNITION_OPTIONS, [], 'GuestTuning.realtimeVirtualGuestIgnition options');
    return new GuestTuning(GuestTuningDelivery.IGNITION, false, undefined, [...(options.extraKernelArgs ?? [])], options.netdevQueueCount,
      [...(options.mergeConfigUrls ?? [])]);
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
    /** Ignition configs to merge (Ignition delivery). */
    public readonly mergeConfigUrls: string[],
  ) {}

  /** The TuneD profile selected in the guest. */
  public get profile(): string {
    return GUEST_TUNED_PROFILE;
  }
}
