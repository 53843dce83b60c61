import { ResolvedVm } from '../model/vm/resolve';
import { error, Finding, warning } from '../values/finding';
import { EvictionStrategy } from '../values/vm/eviction-strategy';

/** Grace period, tolerations and node selector are well-formed; live migration of a pinned VM is flagged. */
export function schedulingFindings(vm: ResolvedVm): Finding[] {
  const out: Finding[] = [];
  const grace = vm.terminationGracePeriodSeconds;
  if (!Number.isSafeInteger(grace) || grace < 0) {
    out.push(error('VM_GRACE_PERIOD_INVALID', 'terminationGracePeriodSeconds', grace, 'a whole number of seconds ≥ 0',
      'use e.g. 180 (KubeVirt default) or 0 for a hard power-off'));
  }
  vm.tolerations.forEach((t, i) => {
    const field = `tolerations[${i}]`;
    if (t?.exists === true && t.value !== undefined) {
      out.push(error('VM_TOLERATION_INVALID', `${field}.value`, t.value, 'no value with exists: true (operator Exists)',
        'drop the value, or drop exists'));
    }
    if ((t?.key === undefined || t.key === '') && t?.exists !== true) {
      out.push(error('VM_TOLERATION_INVALID', `${field}.key`, t?.key, 'a key, unless exists: true (which tolerates every taint)',
        'set the taint key'));
    }
    if (t?.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      out.push(error('VM_TOLERATION_INVALID', `${field}.tolerationSeconds`, t.tolerationSeconds, 'tolerationSeconds only with effect NoExecute',
        'set effect: TaintEffect.NO_EXECUTE, or drop tolerationSeconds'));
    }
  });
  for (const [key, value] of Object.entries(vm.nodeSelector ?? {})) {
    if (typeof value !== 'string') {
      out.push(error('VM_NODE_SELECTOR_INVALID', `nodeSelector["${key}"]`, value, 'a string label value', 'quote the value'));
    }
  }
  if (vm.evictionStrategy === EvictionStrategy.LIVE_MIGRATE && (vm.cpuModel?.isHostPassthrough || vm.dedicatedCpuPlacement)) {
    out.push(warning('VM_LIVE_MIGRATION_UNLIKELY', 'evictionStrategy', vm.evictionStrategy,
      'an eviction strategy that does not depend on live migration (host-passthrough needs an identical target CPU, dedicated CPUs need free cores there)',
      'use EvictionStrategy.NONE (shut down and restart elsewhere) or LIVE_MIGRATE_IF_POSSIBLE, or make sure every node of the pool is identical'));
  }
  return out;
}
