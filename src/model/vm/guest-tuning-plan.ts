import { readUserCloudConfig, UserCloudConfig } from './user-cloud-config';
import { VmSettings } from './vm-settings';
import { CpuSet } from '../../values/cpu-set';
import { MAX_VCPUS } from '../../values/vcpu-limits';
import { CloudInit } from '../../values/vm/cloud-init';
import { GuestTuning } from '../../values/vm/guest-tuning';

// What the guest tuning of one VM is, derived from the VM and nothing else: the guest CPU id of a vCPU is its index,
// so the vCPUs KubeVirt runs SCHED_FIFO (the real-time mask) are exactly the CPUs the guest must isolate, and the
// others are the guest's housekeeping CPUs (its IRQs, RCU callbacks and kernel threads). Writing `isolated_cores`
// explicitly matters: the profile's default keeps one CPU per socket, and KubeVirt's default topology is one socket
// per vCPU, so the default isolates nothing.

/** The key of the Secret that holds the user data (the key KubeVirt's `cloudInitNoCloud.secretRef` reads). */
export const GUEST_TUNING_SECRET_KEY = 'userdata';

/** The file TuneD's `realtime-virtual-guest` profile reads its variables from. */
export const GUEST_VARIABLES_PATH = '/etc/tuned/realtime-virtual-guest-variables.conf';

/** The guest tuning of one VM. */
export interface GuestTuningPlan {
  /** The tuning as the user chose it (delivery, RT kernel, extra kernel arguments, queue count). */
  readonly tuning: GuestTuning;
  /** The TuneD profile selected in the guest. */
  readonly profile: string;
  /** The guest CPUs to isolate: the real-time vCPUs (`isolated_cores`). */
  readonly isolatedCores: CpuSet;
  /** The other guest CPUs, in 0..vcpus-1: where IRQs, RCU callbacks and the test's main thread go. */
  readonly housekeeping: CpuSet;
  /** The Secret the library writes in the VM's namespace with the merged user data. */
  readonly secretName: string;
  /** The user's own cloud-init data, read for the merge. */
  readonly userConfig: UserCloudConfig;
}

/** The guest tuning of a VM named `vmName` with these settings. Never throws. */
export function guestTuningPlanOf(vmName: string, settings: VmSettings, tuning: GuestTuning, cloudInit?: CloudInit): GuestTuningPlan {
  // Past the vCPU ceiling the VM is refused (VM_VCPUS_ABOVE_LIMIT); the sets stop at the ceiling meanwhile.
  const vcpus = Math.min(settings.vcpus, MAX_VCPUS);
  const isolatedCores = settings.realtime ? CpuSet.of(settings.realtimeVcpus.filter((id) => id < vcpus)) : CpuSet.empty();
  const all = vcpus > 0 ? CpuSet.range(0, vcpus - 1) : CpuSet.empty();
  return {
    tuning,
    profile: tuning.profile,
    isolatedCores,
    housekeeping: all.difference(isolatedCores),
    secretName: `${vmName}-guest-tuning`,
    userConfig: readUserCloudConfig(cloudInit),
  };
}
