import { GuestTuningPlan } from '../model/vm/guest-tuning-plan';
import { GuestTuningDelivery } from '../values/vm/guest-tuning';

// The guest side of a review page: for each VM with guest tuning, what its guest isolates and how to check it. The
// numbers come from the model (GuestTuningPlan); this module only writes them down.

/** One VM's guest tuning, for the review page. */
export interface GuestTuningRow {
  /** The VM's name. */
  readonly name: string;
  /** The VM's guest tuning. */
  readonly plan: GuestTuningPlan;
}

const DELIVERY: Record<GuestTuningDelivery, string> = {
  [GuestTuningDelivery.CLOUD_INIT]: 'cloud-init',
  [GuestTuningDelivery.IGNITION]: 'Ignition',
};

/**
 * The cyclictest run that checks a tuned guest: one measuring thread per isolated vCPU, pinned to them, at SCHED_FIFO
 * priority 95 with memory locked, and the main thread on the housekeeping vCPUs, for an hour.
 */
export function verificationCommand(plan: GuestTuningPlan): string {
  return `cyclictest -m -p95 -a ${plan.isolatedCores.toString()} -t ${plan.isolatedCores.size} `
    + `--mainaffinity ${plan.housekeeping.toString()} -D 1h`;
}

/** The Markdown section; '' when no VM has guest tuning. */
export function guestTuningSection(rows: readonly GuestTuningRow[]): string {
  if (rows.length === 0) return '';
  const lines = [
    '## Guest tuning',
    '',
    'The guest isolates its real-time vCPUs (the real-time mask: the vCPU index is the guest CPU id) and keeps the '
      + 'others for housekeeping. It reboots once: after cloud-init selects the profile, or when Ignition applies the kernel arguments on first boot.',
    '',
    '| VM | profile | `isolated_cores` | housekeeping vCPUs | delivery | verify in the guest |',
    '|---|---|---|---|---|---|',
  ];
  for (const { name, plan } of rows) {
    lines.push(`| \`${name}\` | \`${plan.profile}\` | ${cell(plan.isolatedCores.toString())} | ${cell(plan.housekeeping.toString())} | `
      + `${delivery(plan)} | \`${verificationCommand(plan)}\` |`);
  }
  lines.push('', 'Also check `tuned-adm active` and that `/proc/cmdline` carries `isolcpus`, `nohz_full` and `rcu_nocbs` for the isolated vCPUs.', '', '');
  return lines.join('\n');
}

function delivery(plan: GuestTuningPlan): string {
  const how = DELIVERY[plan.tuning.delivery];
  return plan.tuning.delivery === GuestTuningDelivery.CLOUD_INIT ? `${how}, Secret \`${plan.secretName}\`` : `${how}, annotation \`kubevirt.io/ignitiondata\``;
}

function cell(list: string): string {
  return list === '' ? 'none' : `\`${list}\``;
}
