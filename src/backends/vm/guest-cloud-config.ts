import { Document, isMap, isScalar, isSeq } from 'yaml';
import { GUEST_VARIABLES_PATH, GuestTuningPlan } from '../../model/vm/guest-tuning-plan';
import { CLOUD_CONFIG_HEADER, UserCloudConfigKind } from '../../model/vm/user-cloud-config';

// The guest tuning as cloud-init user data: one `#cloud-config` that is the user's inline cloud-config (their keys,
// in their order, with their own scalars, anchors and comments) with the tuning merged in. cloud-init runs `runcmd`
// and `power_state` once per instance, so the guest reboots once, into the profile's kernel command line, and later
// boots leave it alone. The rules (rules/vm-guest-tuning.ts) refuse user data this merge cannot combine with.

/** The packages the profile needs: TuneD, the profile and its parent, and cyclictest to verify the result. */
export const GUEST_TUNING_PACKAGES = ['tuned', 'tuned-profiles-nfv-guest', 'tuned-profiles-realtime', 'realtime-tests'];

/** The variables file's content: the isolated vCPUs, managed IRQs kept off them, and the queue count when set. */
export function guestVariables(plan: GuestTuningPlan): string {
  const lines = [`isolated_cores=${plan.isolatedCores.toString()}`, 'isolate_managed_irq=Y'];
  if (plan.tuning.netdevQueueCount !== undefined) lines.push(`netdev_queue_count=${plan.tuning.netdevQueueCount}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The commands the guest runs once. Kernel arguments and the RT kernel go through argv lists (cloud-init runs a
 * list entry without a shell), so no argument is ever read by a shell; only the two commands that need one are strings.
 */
export function guestCommands(plan: GuestTuningPlan): Array<string | string[]> {
  const tuning = plan.tuning;
  // irqbalance would spread IRQs back onto the isolated vCPUs; not every image has it, hence `|| true`. TuneD is
  // started before the profile is selected: a freshly installed tuned.service is not running yet.
  const commands: Array<string | string[]> = [
    'systemctl disable --now irqbalance || true',
    ['systemctl', 'enable', '--now', 'tuned'],
    ['tuned-adm', 'profile', plan.profile],
  ];
  if (tuning.rtKernel && tuning.rtKernelPackage !== undefined) commands.push(rtKernelDefault(tuning.rtKernelPackage));
  if (tuning.extraKernelArgs.length > 0) commands.push(['grubby', '--update-kernel=ALL', `--args=${tuning.extraKernelArgs.join(' ')}`]);
  return commands;
}

/**
 * Makes the newest kernel of the RT package the default boot entry. The kernel release is the directory of the
 * package's `/lib/modules/<release>/vmlinuz` (the package itself or its `-core` subpackage, as on RHEL 9), which is
 * also the suffix of its `/boot/vmlinuz-<release>`. The package name is checked by the rules (letters, digits, `._+-`).
 */
function rtKernelDefault(pkg: string): string {
  return `v=$(rpm -ql ${pkg} ${pkg}-core 2>/dev/null | sed -n 's|^/lib/modules/\\([^/]*\\)/vmlinuz$|\\1|p' | sort -V | tail -n 1)`
    + ' && test -n "$v" && grubby --set-default "/boot/vmlinuz-$v"';
}

/** The packages to install: the profile's, and the RT kernel with `rtKernel`. */
export function guestPackages(plan: GuestTuningPlan): string[] {
  const tuning = plan.tuning;
  return tuning.rtKernel && tuning.rtKernelPackage !== undefined ? [...GUEST_TUNING_PACKAGES, tuning.rtKernelPackage] : [...GUEST_TUNING_PACKAGES];
}

/**
 * The merged user data. The user's keys come first, as they wrote them; their `packages`, `write_files` and
 * `runcmd` lists get the tuning's entries appended (the user's commands run before the tuning's); keys the user does
 * not have are added after theirs in a fixed order, so the output is deterministic.
 */
export function renderGuestCloudConfig(plan: GuestTuningPlan): string {
  const user = plan.userConfig;
  // A clone: the model keeps the parsed document for the next render.
  const doc = user.kind === UserCloudConfigKind.CLOUD_CONFIG && user.document !== undefined && isMap(user.document.contents)
    ? user.document.clone() : new Document({}, { version: '1.1' });
  const additions: Array<[string, unknown[]]> = [
    ['packages', guestPackages(plan)],
    // Deferred to the final stage, after the packages: the profile's package ships its own variables file.
    ['write_files', [{ path: GUEST_VARIABLES_PATH, permissions: '0644', content: guestVariables(plan), defer: true }]],
    ['runcmd', guestCommands(plan)],
  ];
  for (const [key, items] of additions) {
    const existing = doc.get(key, true);
    if (isSeq(existing)) {
      // A package the user lists already is not listed twice.
      const known = new Set(existing.items.map((i) => (isScalar(i) ? String(i.value) : undefined)));
      for (const item of items) if (key !== 'packages' || !known.has(item as string)) existing.add(doc.createNode(item));
    } else {
      // Absent, or a value the rules refuse (VM_GUEST_TUNING_USER_DATA_CONFLICT): the tuning's list.
      doc.set(key, doc.createNode(items));
    }
  }
  // The one reboot: after runcmd, once per instance; `condition: true` reboots unconditionally.
  doc.set('power_state', doc.createNode({ mode: 'reboot', condition: true }));
  const body = doc.toString({ lineWidth: 0 });
  return `${CLOUD_CONFIG_HEADER}\n${stripHeader(body)}`;
}

/** The YAML text without a leading `#cloud-config` comment line (it is written once, first). */
function stripHeader(text: string): string {
  const firstLine = text.split('\n', 1)[0];
  return firstLine.replace(/\r$/, '').trimEnd() === CLOUD_CONFIG_HEADER ? text.slice(firstLine.length + 1) : text;
}
