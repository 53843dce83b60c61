import { obj, P, TemplateView, text } from './vm-admission-context';
import { rejected } from './vm-admission-cpu';
import { Finding, warning } from '../values/finding';
import { parseQuantity, printed, QUANTITY_PATTERN, value, ZERO } from '../values/quantity';

// Mirrors of KubeVirt v1.9 admission rules on NUMA, realtime and huge pages (reference §1.4-1.6).

/** §1.4 `validateNUMA`: guestMappingPassthrough needs dedicated CPUs and huge pages. */
export function numaFindings(t: TemplateView): Finding[] {
  const gmp = obj(t.cpu?.numa).guestMappingPassthrough;
  if (gmp == null) return [];
  const out: Finding[] = [];
  const field = `${P}.domain.cpu.numa.guestMappingPassthrough`;
  if (t.cpu?.dedicatedCpuPlacement !== true) {
    out.push(rejected('VM_KV_NUMA_WITHOUT_DEDICATED', field, gmp,
      `${P}.domain.cpu.dedicatedCpuPlacement must be set to true when NUMA topology strategy is set in ${field}`,
      'turn dedicatedCpuPlacement on, or guestMappingPassthrough off'));
  }
  if (t.memory === undefined || t.memory.hugepages == null) {
    out.push(rejected('VM_KV_NUMA_WITHOUT_HUGEPAGES', field, gmp,
      `${P}.domain.memory.hugepages must be requested when NUMA topology strategy is set in ${field}`,
      'turn hugePages on, or guestMappingPassthrough off'));
  }
  return out;
}

/** §1.5 `validateRealtime`: realtime needs dedicated CPUs and NUMA passthrough. */
export function realtimeFindings(t: TemplateView): Finding[] {
  if (t.cpu?.realtime == null) return [];
  const out: Finding[] = [];
  const realtime = `${P}.domain.cpu.realtime`;
  if (t.cpu.dedicatedCpuPlacement !== true) {
    out.push(rejected('VM_KV_REALTIME_WITHOUT_DEDICATED', `${P}.domain.cpu.dedicatedCpuPlacement`, t.cpu.dedicatedCpuPlacement,
      `${P}.domain.cpu.dedicatedCpuPlacement must be set to true when ${realtime} is used`,
      'turn dedicatedCpuPlacement on, or realtime off'));
  }
  if (obj(t.cpu.numa).guestMappingPassthrough == null) {
    const field = `${P}.domain.cpu.numa.guestMappingPassthrough`;
    out.push(rejected('VM_KV_REALTIME_WITHOUT_NUMA', field, t.cpu.numa,
      `${field} must be defined when ${realtime} is used`, 'turn guestMappingPassthrough on, or realtime off'));
  }
  return out;
}

/** §1.6 `validateHugepagesMemoryRequests` and the Stage-only guest ≤ limit check. */
export function hugepageFindings(t: TemplateView): Finding[] {
  const out: Finding[] = [];
  const hugepages = t.memory?.hugepages;
  if (hugepages != null) {
    const pageField = `${P}.domain.memory.hugepages.pageSize`;
    const raw = obj(hugepages).pageSize ?? '';
    const page = parseQuantity(raw);
    if (page === undefined) {
      out.push(rejected('VM_KV_HUGEPAGE_SIZE_INVALID', pageField, raw,
        `${pageField} '${text(raw)}': quantities must match the regular expression '${QUANTITY_PATTERN}'`, 'use HugePageSize.TWO_MI or ONE_GI'));
    } else if (value(page) <= ZERO) {
      // KubeVirt divides by the page size here (a zero size would crash the webhook); refuse it up front.
      out.push(rejected('VM_KV_HUGEPAGE_SIZE_INVALID', pageField, raw, `${pageField} '${text(raw)}' must be a positive size`,
        'use HugePageSize.TWO_MI or ONE_GI'));
    } else {
      out.push(...pageMultipleFindings(t, value(page), page.text));
    }
  }
  const guest = parseQuantity(t.memory?.guest);
  if (guest !== undefined && t.limitsMemory !== undefined && value(guest) > value(t.limitsMemory)) {
    out.push(warning('VM_KV_GUEST_ABOVE_LIMIT', `${P}.domain.memory.guest`, guest.text,
      `at most the memory limit (with the Stage rollout strategy KubeVirt rejects this with: "${P}.domain.memory.guest '${guest.text}' must be equal to or less than the memory limit ${P}.domain.resources.limits.memory '${t.limitsMemory.text}'")`,
      'set the guest memory equal to the memory limit'));
  }
  return out;
}

function pageMultipleFindings(t: TemplateView, pageBytes: bigint, pageText: string): Finding[] {
  let vmMemory = value(t.requestsMemory);
  if (vmMemory === ZERO) vmMemory = value(parseQuantity(t.memory?.guest));
  if (vmMemory === ZERO) vmMemory = value(t.limitsMemory);
  const field = `${P}.domain.resources.requests.memory`;
  const requests = printed(t.requestsMemory);
  const pageField = `${P}.domain.memory.hugepages.pageSize`;
  if (vmMemory !== ZERO && vmMemory < pageBytes) {
    return [rejected('VM_KV_MEMORY_BELOW_PAGE_SIZE', field, `${vmMemory} bytes (page ${pageText})`,
      `${field} '${requests}' must be equal to or larger than page size ${pageField} '${pageText}'`,
      'give the VM at least one huge page of memory, or use smaller pages')];
  }
  if (vmMemory % pageBytes !== ZERO) {
    return [rejected('VM_KV_MEMORY_NOT_PAGE_MULTIPLE', field, `${vmMemory} bytes (page ${pageText})`,
      `${field} '${requests}' is not a multiple of the page size ${pageField} '${pageText}'`,
      'make the memory a whole number of huge pages')];
  }
  return [];
}
