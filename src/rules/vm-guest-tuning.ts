import { GUEST_VARIABLES_PATH } from '../model/vm/guest-tuning-plan';
import { plainCloudConfig, topLevelKeyCounts, topLevelShape, UserCloudConfig, UserCloudConfigKind } from '../model/vm/user-cloud-config';
import { VmModel } from '../model/vm/vm-model';
import { error, Finding, warning } from '../values/finding';
import { GuestTuningDelivery } from '../values/vm/guest-tuning';

// The guest tuning derives the guest's isolated CPUs from the VM's real-time mask and merges itself into the VM's
// own cloud-config. These rules refuse what would make the derivation meaningless (no real-time vCPU, no
// housekeeping vCPU) and user data the merge cannot combine with, instead of silently dropping either side.

/** Arguments the `realtime-virtual-guest` profile (and its parent `realtime`) sets itself. */
const PROFILE_KERNEL_ARGS = ['isolcpus', 'nohz', 'nohz_full', 'rcu_nocbs', 'irqaffinity'];

/** Top-level cloud-config keys the merge extends: each must be a list. */
const MERGED_LISTS = ['packages', 'runcmd', 'write_files'];

/** A package name as dnf knows it; it is also written into a shell command (the RT kernel's boot entry). */
const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** Every rule on a VM's guest tuning, in reporting order; none without `guestTuning`. */
export function guestTuningFindings(vm: VmModel): Finding[] {
  const plan = vm.guestTuning;
  if (plan === undefined) return [];
  const delivery = plan.tuning.delivery === GuestTuningDelivery.IGNITION ? ignitionFindings(vm) : userDataFindings(plan.userConfig);
  return [...cpuFindings(vm), ...kernelFindings(vm), ...delivery];
}

/** Ignition guests run no cloud-init, and a config to merge is a URL Ignition can fetch, without credentials in it. */
function ignitionFindings(vm: VmModel): Finding[] {
  const out: Finding[] = [];
  if (vm.cloudInit !== undefined) {
    out.push(error('VM_GUEST_TUNING_IGNITION_WITH_CLOUD_INIT', 'cloudInit', vm.cloudInit.secretName !== undefined ? 'CloudInit.fromSecret(...)' : 'CloudInit.userData(...)',
      'no cloudInit with Ignition guest tuning: Fedora CoreOS and RHCOS guests do not run cloud-init, so it would be ignored',
      'drop cloudInit and put your own Ignition config (users, SSH keys) behind a URL in mergeConfigUrls, or use GuestTuning.realtimeVirtualGuest() on a cloud-init guest'));
  }
  vm.guestTuning!.tuning.mergeConfigUrls.forEach((url, i) => {
    const problem = ignitionUrlProblem(url);
    if (problem !== undefined) {
      out.push(error('VM_GUEST_TUNING_IGNITION_URL_INVALID', `guestTuning.mergeConfigUrls[${i}]`, redactedUrl(url),
        `a URL Ignition fetches (${IGNITION_SCHEMES.join(', ')}) ${problem}`,
        'serve your config over https (authenticate with a token in the config server, not in the VM manifest)'));
    }
  });
  return out;
}

/** The URL schemes Ignition v3 fetches configs from (not `data:`, which would put the config inline in the VM). */
const IGNITION_SCHEMES = ['https', 'http', 'tftp', 's3', 'gs', 'arn'];

function ignitionUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(this is no URL)';
  }
  if (!IGNITION_SCHEMES.includes(url.protocol.replace(/:$/, ''))) return `(not ${url.protocol})`;
  if (url.username !== '' || url.password !== '') return 'without a user or password in it (the VM manifest is readable by everyone who reads VMs)';
  if (url.search !== '' || url.hash !== '') return 'without a query string or fragment (a token there would sit in the VM manifest)';
  return undefined;
}

/** A URL for a message: scheme, host and path only (never its user, password, query or fragment). */
function redactedUrl(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** Real-time on, and at least one vCPU left for housekeeping. */
function cpuFindings(vm: VmModel): Finding[] {
  const s = vm.settings;
  if (!s.realtime) {
    return [error('VM_GUEST_TUNING_NEEDS_REALTIME', 'guestTuning', 'realtime: false',
      'realtime on: the guest isolates the real-time vCPUs (realtimeMask)',
      'turn realtime on with a realtimeMask that leaves vCPU 0 out, e.g. RealtimeMask.parse(\'1-3\'), or drop guestTuning')];
  }
  const plan = vm.guestTuning!;
  // A malformed or empty mask has no real-time vCPU: the mask rules report it.
  if (plan.isolatedCores.isEmpty || !plan.housekeeping.isEmpty) return [];
  const highest = s.vcpus - 1;
  return [error('VM_GUEST_TUNING_NO_HOUSEKEEPING', 'realtimeMask', s.realtimeMask === '' ? '(every vCPU)' : s.realtimeMask,
    `a mask that leaves at least one of vCPUs 0-${highest} out: the guest needs at least one non-real-time vCPU for housekeeping`,
    `set realtimeMask e.g. RealtimeMask.parse('${highest > 1 ? `1-${highest}` : '1'}')${s.vcpus < 2 ? ' and give the VM 2 or more vCPUs' : ''}`)];
}

/** Extra kernel arguments are single words the profile does not set; the RT kernel package is a package name. */
function kernelFindings(vm: VmModel): Finding[] {
  const tuning = vm.guestTuning!.tuning;
  const out: Finding[] = [];
  tuning.extraKernelArgs.forEach((arg, i) => {
    const field = `guestTuning.extraKernelArgs[${i}]`;
    const problem = kernelArgProblem(arg);
    if (problem !== undefined) {
      out.push(error('VM_GUEST_TUNING_KERNEL_ARG_INVALID', field, arg, `one kernel argument (${problem})`,
        'give one argument per entry, without spaces or quotes, e.g. "idle=poll"'));
      return;
    }
    const key = arg.split('=', 1)[0];
    if (PROFILE_KERNEL_ARGS.includes(key)) {
      out.push(error('VM_GUEST_TUNING_KERNEL_ARG_INVALID', field, arg,
        `an argument the realtime-virtual-guest profile does not set (it sets ${PROFILE_KERNEL_ARGS.join(', ')} from the real-time mask)`,
        `remove "${arg}": the profile derives it from realtimeMask`));
    }
  });
  if (tuning.rtKernelPackage !== undefined && !PACKAGE_NAME.test(tuning.rtKernelPackage)) {
    out.push(error('VM_GUEST_TUNING_KERNEL_PACKAGE_INVALID', 'guestTuning.rtKernelPackage', tuning.rtKernelPackage,
      'a package name (letters, digits and . _ + -, starting with a letter or digit)', 'name the RT kernel package, e.g. "kernel-rt"'));
  }
  return out;
}

function kernelArgProblem(arg: string): string | undefined {
  if (arg === '') return 'not empty';
  if (/\s/.test(arg)) return 'no whitespace: grubby splits the arguments at whitespace';
  if (/["'`\\]/.test(arg)) return 'no quotes or backslashes: the kernel command line gives them a meaning of their own';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(arg)) return 'no control characters';
  return undefined;
}

/** The user's cloud-init is inline cloud-config the merge can combine with, and selects no other TuneD profile. */
function userDataFindings(config: UserCloudConfig): Finding[] {
  switch (config.kind) {
    case UserCloudConfigKind.NONE:
      return [];
    case UserCloudConfigKind.SECRET:
      return [error('VM_GUEST_TUNING_USER_DATA_FROM_SECRET', 'cloudInit', 'CloudInit.fromSecret(...)',
        'inline #cloud-config user data (or none): the library cannot merge the tuning into a Secret it cannot read',
        'give your cloud-config inline with CloudInit.userData("#cloud-config\\n...") (credentials stay in sshPublicKeySecrets), '
        + 'or drop guestTuning and do the tuning in your Secret')];
    case UserCloudConfigKind.NOT_CLOUD_CONFIG:
      return [error('VM_GUEST_TUNING_USER_DATA_NOT_CLOUD_CONFIG', 'cloudInit.userData', config.problem,
        'a #cloud-config mapping the guest tuning can merge into (first line "#cloud-config")',
        'write your user data as #cloud-config (shell commands fit in runcmd), or drop guestTuning and tune the guest yourself')];
    default:
      return [...conflictFindings(config), ...otherProfileFindings(config)];
  }
}

function conflictFindings(config: UserCloudConfig): Finding[] {
  const out: Finding[] = [];
  const counts = topLevelKeyCounts(config);
  if (counts.has('<<')) {
    out.push(error('VM_GUEST_TUNING_USER_DATA_CONFLICT', 'cloudInit.userData <<', 'a top-level merge key',
      'top-level keys written out: a merged-in key would be shadowed by the one the guest tuning adds',
      'write the keys out at the top level instead of merging them in with <<'));
  }
  for (const key of [...MERGED_LISTS, 'power_state']) {
    const n = counts.get(key) ?? 0;
    if (n > 1) {
      out.push(error('VM_GUEST_TUNING_USER_DATA_CONFLICT', `cloudInit.userData ${key}`, `${key} given ${n} times`,
        `${key} once: cloud-init keeps the last one, so entries merged into another would be lost`, `write ${key} once`));
    }
  }
  if (topLevelShape(config, 'power_state') !== 'absent') {
    out.push(error('VM_GUEST_TUNING_USER_DATA_CONFLICT', 'cloudInit.userData power_state', 'a power_state of its own',
      'no power_state: the guest tuning reboots the guest once, after runcmd',
      'remove power_state from your cloud-config'));
  }
  for (const key of MERGED_LISTS) {
    if (topLevelShape(config, key) === 'other') {
      out.push(error('VM_GUEST_TUNING_USER_DATA_CONFLICT', `cloudInit.userData ${key}`, `a ${key} that is not a list`,
        `${key} as a list, which the guest tuning extends with its own entries`, `write ${key} as a YAML list`));
    }
  }
  const files = plainCloudConfig(config)?.write_files;
  if (Array.isArray(files) && files.some((f) => typeof f === 'object' && f !== null && (f as { path?: unknown }).path === GUEST_VARIABLES_PATH)) {
    out.push(error('VM_GUEST_TUNING_USER_DATA_CONFLICT', 'cloudInit.userData write_files', GUEST_VARIABLES_PATH,
      'the profile\'s variables file left to the guest tuning (it derives isolated_cores from realtimeMask)',
      'remove that write_files entry; set netdevQueueCount in GuestTuning.realtimeVirtualGuest({...}) instead'));
  }
  return out;
}

/** Another profile selected by `tuned-adm profile X` anywhere in the data, or a written `/etc/tuned/active_profile`. */
function otherProfileFindings(config: UserCloudConfig): Finding[] {
  const others = new Set<string>();
  const text = config.text ?? '';
  for (const m of text.matchAll(/tuned-adm\s+profile\s+([A-Za-z0-9_.+-]+(?:[ \t]+[A-Za-z0-9_.+-]+)*)/g)) {
    for (const profile of m[1].split(/[ \t]+/)) if (profile !== 'realtime-virtual-guest') others.add(profile);
  }
  const files = plainCloudConfig(config)?.write_files;
  if (Array.isArray(files)) {
    for (const f of files) {
      const entry = f as { path?: unknown; content?: unknown } | null;
      if (entry === null || typeof entry !== 'object' || entry.path !== '/etc/tuned/active_profile') continue;
      // Only a profile name is echoed: the file's content could be anything.
      const content = typeof entry.content === 'string' ? entry.content.trim() : '';
      const profile = /^[A-Za-z0-9_.+-]{1,64}$/.test(content) ? content : '(a profile that is not one name)';
      if (profile !== 'realtime-virtual-guest') others.add(profile);
    }
  }
  if (others.size === 0) return [];
  return [warning('VM_GUEST_TUNING_OTHER_TUNED_PROFILE', 'cloudInit.userData', [...others].sort().join(', '),
    'no other TuneD profile: the guest tuning selects realtime-virtual-guest, and TuneD keeps one active profile',
    'remove the other profile from your user data')];
}
