import { guestVariables } from './guest-cloud-config';
import { GUEST_VARIABLES_PATH, GuestTuningPlan } from '../../model/vm/guest-tuning-plan';

// The guest tuning as an Ignition v3.3.0 config, for image-based guests (Fedora CoreOS, RHCOS) that do not run
// cloud-init and install no packages at boot. It applies what the `realtime-virtual-guest` profile (and its parent
// `realtime`) would: the kernel arguments derived from the mask, `kernel.sched_rt_runtime_us=-1`, irqbalance off; and
// writes the profile's variables file for a TuneD layered into the image. Ignition applies `kernelArguments` on the
// first boot and reboots once. KubeVirt hands the config to the guest through QEMU's fw_cfg
// (`opt/com.coreos/config`), from the VMI annotation `kubevirt.io/ignitiondata`.

/** The VMI annotation KubeVirt reads the Ignition config from. */
export const IGNITION_ANNOTATION = 'kubevirt.io/ignitiondata';

/** The Ignition spec version: the first with `kernelArguments`. */
const IGNITION_VERSION = '3.3.0';

/** The sysctl file that lifts the real-time throttling, as the `realtime` profile does. */
const SYSCTL_PATH = '/etc/sysctl.d/90-realtime-virtual-guest.conf';

/** The kernel arguments the profiles derive from the isolated and housekeeping vCPUs, then the extra ones. */
export function guestKernelArguments(plan: GuestTuningPlan): string[] {
  const isolated = plan.isolatedCores.toString();
  return [
    `isolcpus=managed_irq,domain,${isolated}`,
    'nohz=on',
    `nohz_full=${isolated}`,
    `rcu_nocbs=${isolated}`,
    `irqaffinity=${plan.housekeeping.toString()}`,
    'nosoftlockup',
    ...plan.tuning.extraKernelArgs,
  ];
}

/** The config as the annotation carries it: compact JSON with a fixed key order (deterministic output). */
export function renderGuestIgnition(plan: GuestTuningPlan): string {
  const config: Record<string, unknown> = {
    ignition: {
      ...(plan.tuning.mergeConfigUrls.length > 0 ? { config: { merge: plan.tuning.mergeConfigUrls.map((source) => ({ source })) } } : {}),
      version: IGNITION_VERSION,
    },
    kernelArguments: { shouldExist: guestKernelArguments(plan) },
    storage: {
      files: [
        file(SYSCTL_PATH, 'kernel.sched_rt_runtime_us = -1\n'),
        file(GUEST_VARIABLES_PATH, guestVariables(plan)),
      ],
    },
    systemd: { units: [{ mask: true, name: 'irqbalance.service' }] },
  };
  return JSON.stringify(config);
}

function file(path: string, content: string): Record<string, unknown> {
  return { contents: { source: `data:,${encodeURIComponent(content)}` }, mode: 0o644, overwrite: true, path };
}
