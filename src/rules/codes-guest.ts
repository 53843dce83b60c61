import { CodeInfo } from './code-info';

function fault(meaning: string, prevents: string, fix: string): CodeInfo {
  return { severity: 'error', meaning, prevents, fix };
}

/** Codes of the guest tuning rules (rules/vm-guest-tuning.ts): a VM's `guestTuning` and the user data it merges with. */
export const GUEST_CODES: Record<string, CodeInfo> = {
  VM_GUEST_TUNING_IGNITION_WITH_CLOUD_INIT: fault('Ignition guest tuning on a VM with cloudInit: Fedora CoreOS and RHCOS guests do not run cloud-init.',
    'user data (users, SSH keys, commands) the guest silently ignores',
    'drop cloudInit and merge your own Ignition config by URL (mergeConfigUrls), or use cloud-init guest tuning on a cloud-init guest'),
  VM_GUEST_TUNING_IGNITION_URL_INVALID: fault('A mergeConfigUrls entry is no URL Ignition fetches (https, http, tftp, s3, gs, arn; not an inline data: URL), or carries a user or password.',
    'a guest that fails Ignition on first boot (unfetchable config), or a credential in the VM manifest',
    'serve the config over https and keep credentials out of the URL'),
  VM_GUEST_TUNING_NEEDS_REALTIME: fault('guestTuning is set on a VM with realtime: false; the isolated guest CPUs are the real-time vCPUs, so there are none.',
    'a guest tuned for real-time whose vCPUs are not scheduled SCHED_FIFO, or a profile that refuses an empty isolated_cores',
    'turn realtime on (with a realtimeMask that leaves vCPU 0 out), or drop guestTuning'),
  VM_GUEST_TUNING_NO_HOUSEKEEPING: fault('The real-time mask covers every vCPU (realtime: {} or no realtimeMask), so the guest would isolate all its CPUs.',
    'a guest with no CPU left for its IRQs, RCU callbacks and kernel threads (hangs, RCU stalls; irqaffinity with an empty list)',
    'the guest needs at least one non-real-time vCPU for housekeeping; set realtimeMask e.g. RealtimeMask.parse(\'1-3\') on a 4-vCPU VM'),
  VM_GUEST_TUNING_USER_DATA_FROM_SECRET: fault('guestTuning with cloudInit: CloudInit.fromSecret(...): the library cannot merge the tuning into a Secret it cannot read.',
    'a VM whose own user data or guest tuning is silently dropped (a cloud-init disk has one user data)',
    'give the cloud-config inline (CloudInit.userData("#cloud-config ...") without credentials), or drop guestTuning and do the tuning in your Secret'),
  VM_GUEST_TUNING_USER_DATA_NOT_CLOUD_CONFIG: fault('guestTuning with inline user data that is not a #cloud-config mapping (a shell script, MIME multipart, '
    + '#include, or YAML that does not parse).',
  'a merged user data that cloud-init reads as something else, dropping either the tuning or your data',
  'write your user data as #cloud-config (a shell script fits in runcmd), or drop guestTuning and tune the guest yourself'),
  VM_GUEST_TUNING_USER_DATA_CONFLICT: fault('The inline cloud-config has keys the merge cannot combine: its own power_state, packages/runcmd/write_files '
    + 'that are not lists, or a write_files entry for the profile\'s variables file.',
  'your setting or the tuning being silently overwritten (two reboots, a lost command, a variables file that isolates other CPUs)',
  'remove power_state (the tuning reboots once after runcmd), write packages, runcmd and write_files as lists, and leave the variables file to the tuning'),
  VM_GUEST_TUNING_KERNEL_ARG_INVALID: fault('An extraKernelArgs entry is empty, has whitespace or quotes, or sets an argument the realtime-virtual-guest profile '
    + 'sets itself (isolcpus, nohz, nohz_full, rcu_nocbs, irqaffinity).',
  'a kernel command line split or quoted wrongly by grubby, or two values of one argument (the kernel takes the last, undoing the profile)',
  'give one argument per entry, e.g. ["idle=poll"], without the profile\'s own arguments'),
  VM_GUEST_TUNING_KERNEL_PACKAGE_INVALID: fault('rtKernelPackage is not a package name (letters, digits and . _ + -, starting with a letter or digit).',
    'cloud-init\'s package step failing, or a boot-entry command that breaks on the name',
    'name the RT kernel package, e.g. "kernel-rt"'),
  VM_GUEST_TUNING_OTHER_TUNED_PROFILE: {
    severity: 'warning',
    meaning: 'The inline user data selects another TuneD profile (tuned-adm profile ... or /etc/tuned/active_profile) besides the guest tuning\'s.',
    prevents: 'a guest whose active profile depends on which command ran last (TuneD keeps one active profile)',
    fix: 'remove the other profile from your user data; the guest tuning selects realtime-virtual-guest',
  },
};
