import { VmModel } from '../model/vm/vm-model';
import { VmShapeSettings } from '../model/vm/vm-settings';
import { error, Finding, warning } from '../values/finding';
import { EvictionStrategy } from '../values/vm/eviction-strategy';

/** The grace period is a whole number ≥ 0; live migration of a pinned or host-passthrough VM is flagged. */
export function shutdownFindings({ settings }: VmShapeSettings): Finding[] {
  const out: Finding[] = [];
  const grace = settings.terminationGracePeriodSeconds;
  if (grace < 0) {
    out.push(error('VM_GRACE_PERIOD_INVALID', 'terminationGracePeriodSeconds', grace, 'a whole number of seconds ≥ 0',
      'use e.g. 180 (KubeVirt default) or 0 for a hard power-off'));
  }
  if (settings.evictionStrategy === EvictionStrategy.LIVE_MIGRATE && (settings.cpuModel === 'host-passthrough' || settings.dedicatedCpuPlacement)) {
    out.push(warning('VM_LIVE_MIGRATION_UNLIKELY', 'evictionStrategy', settings.evictionStrategy,
      'an eviction strategy that does not depend on live migration (host-passthrough needs an identical target CPU, dedicated CPUs need free cores there)',
      'use EvictionStrategy.NONE (shut down and restart elsewhere) or LIVE_MIGRATE_IF_POSSIBLE, or make sure every node of the pool is identical'));
  }
  return out;
}

/** Tolerations are well-formed. */
export function tolerationFindings(vm: VmModel): Finding[] {
  const out: Finding[] = [];
  vm.tolerations.forEach((t, i) => {
    const field = `tolerations[${i}]`;
    if (t.exists === true && t.value !== undefined) {
      out.push(error('VM_TOLERATION_INVALID', `${field}.value`, t.value, 'no value with exists: true (operator Exists)',
        'drop the value, or drop exists'));
    }
    if ((t.key === undefined || t.key === '') && t.exists !== true) {
      out.push(error('VM_TOLERATION_INVALID', `${field}.key`, t.key, 'a key, unless exists: true (which tolerates every taint)',
        'set the taint key'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      out.push(error('VM_TOLERATION_INVALID', `${field}.tolerationSeconds`, t.tolerationSeconds, 'tolerationSeconds only with effect NoExecute',
        'set effect: TaintEffect.NO_EXECUTE, or drop tolerationSeconds'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds < 0) {
      out.push(error('VM_TOLERATION_INVALID', `${field}.tolerationSeconds`, t.tolerationSeconds, 'a whole number of seconds ≥ 0',
        'use 0 or more seconds'));
    }
  });
  return out;
}
