import { ignored } from './vm-cpu';
import { ResolvedVm } from '../model/vm/resolve';
import { error, Finding } from '../values/finding';
import { HugePageSize } from '../values/hugepage-size';

const MIB = 1024 * 1024;

/** Memory is a positive whole number of MiB and of huge pages (guest memory too, which KubeVirt does not check). */
export function memoryFindings(vm: ResolvedVm): Finding[] {
  const out: Finding[] = [];
  const bytes = vm.memoryBytes;
  const shown = Number.isFinite(bytes) ? `${bytes} bytes` : describeSize(vm.props.memory);
  if (!Number.isFinite(bytes) || bytes <= 0 || !Number.isSafeInteger(bytes / MIB)) {
    out.push(error('VM_MEMORY_INVALID', 'memory', shown, 'a positive whole number of MiB, e.g. Size.gibibytes(1)',
      'give the guest memory in whole MiB'));
  }
  if (vm.props.hugePages === false && vm.props.hugePageSize !== undefined) {
    out.push(ignored('hugePageSize', String(vm.props.hugePageSize), 'hugePages is false', 'remove hugePageSize, or turn hugePages on'));
  }
  const page = vm.hugePageSize;
  if (page !== undefined && !(page instanceof HugePageSize)) {
    out.push(error('HUGEPAGE_SIZE_UNSUPPORTED', 'hugePageSize', page, '"2Mi" or "1Gi" (the x86_64 huge page sizes)',
      'use HugePageSize.TWO_MI or HugePageSize.ONE_GI'));
  } else if (page !== undefined && out.length === 0 && bytes % page.bytes !== 0) {
    out.push(error('VM_MEMORY_NOT_PAGE_MULTIPLE', 'memory', `${bytes / MIB}Mi`,
      `a whole number of ${page.quantity} huge pages (KubeVirt backs the guest memory with them)`,
      `round the memory to a multiple of ${page.quantity}, or use smaller pages`));
  }
  return out;
}

function describeSize(size: unknown): unknown {
  try {
    return (size as any).asString();
  } catch {
    return size;
  }
}
