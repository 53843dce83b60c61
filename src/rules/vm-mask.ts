import { ignored } from './vm-cpu';
import { VmShapeSettings } from '../model/vm/vm-settings';
import { error, Finding, warning } from '../values/finding';
import { maskProblemFinding, RealtimeMask } from '../values/realtime-mask';

// KubeVirt never validates the real-time mask at admission; virt-handler parses it when the VM starts and silently
// ignores ids the VM does not have. These rules catch at synth what would otherwise be a failed or wrongly-tuned VM.

/** The mask parses, names only existing vCPUs, selects at least one, and leaves a housekeeping vCPU when it can. */
export function maskFindings({ given, settings }: VmShapeSettings): Finding[] {
  if (!settings.realtime) {
    return given.realtimeMask !== undefined
      ? [ignored('realtimeMask', given.realtimeMask, 'realtime is false', 'remove realtimeMask, or turn realtime on')] : [];
  }
  const m = RealtimeMask.fromText(settings.realtimeMask);
  const problem = maskProblemFinding('realtimeMask', m, 'write comma-separated vCPU ids "N", ranges "A-B" (A ≤ B) and negations "^N"');
  if (problem) return [problem];
  const vcpus = settings.vcpus;
  if (vcpus < 1) return []; // the vCPU count itself is reported by the CPU rules
  const out: Finding[] = [];
  const highest = vcpus - 1;
  const outside = m.outOfRangeTokens(vcpus);
  if (outside.length > 0) {
    out.push(error('VM_MASK_OUT_OF_RANGE', 'realtimeMask', m.text,
      `vCPU ids 0-${highest} (the VM has ${vcpus} vCPUs; ${outside.map((t) => `"${t}"`).join(', ')} names others, which virt-handler silently ignores)`,
      `name only vCPUs 0-${highest}, or give the VM more vCPUs`));
  }
  const unmatchable = m.unmatchableTokens();
  if (unmatchable.length > 0) {
    out.push(error('VM_MASK_UNMATCHABLE', 'realtimeMask', m.text,
      `ids without leading zeros (virt-handler compares ${unmatchable.map((t) => `"${t}"`).join(', ')} as text, so it matches no vCPU)`,
      'write the ids without leading zeros, e.g. "1" instead of "01"'));
  }
  if (settings.realtimeVcpus.length === 0) {
    out.push(error('VM_MASK_SELECTS_NONE', 'realtimeMask', m.text,
      `a mask that enables at least one of vCPUs 0-${highest} (a non-empty mask enables only the ids it lists)`,
      'list the real-time vCPUs explicitly, e.g. "1-3"; negations alone ("^0") enable nothing'));
  } else if (vcpus === 1) {
    out.push(warning('VM_REALTIME_NO_HOUSEKEEPING_VCPU', 'realtimeMask', m.text || '(all vCPUs)',
      'at least one non-real-time vCPU for guest housekeeping (libvirt real-time guide)',
      'give the VM 2 or more vCPUs and leave vCPU 0 out of the mask, e.g. vcpus: 2 with RealtimeMask.parse("1")'));
  }
  return out;
}
