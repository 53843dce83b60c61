import { ignored } from './vm-cpu';
import { VmShapeSettings } from '../model/vm/vm-settings';
import { error, Finding } from '../values/finding';

const MIB = 1024 * 1024;

/** Memory is a positive whole number of MiB and of huge pages (guest memory too, which KubeVirt does not check). */
export function memoryFindings({ given, settings }: VmShapeSettings): Finding[] {
  const out: Finding[] = [];
  const bytes = given.memoryBytes;
  const shown = Number.isFinite(bytes) ? `${bytes} bytes` : given.memory;
  if (!Number.isFinite(bytes) || bytes <= 0 || !Number.isSafeInteger(bytes / MIB)) {
    out.push(error('VM_MEMORY_INVALID', 'memory', shown, 'a positive whole number of MiB, e.g. Size.gibibytes(1)',
      'give the guest memory in whole MiB'));
  }
  if (given.hugePages === false && given.hugePageSize !== undefined) {
    out.push(ignored('hugePageSize', given.hugePageSize, 'hugePages is false', 'remove hugePageSize, or turn hugePages on'));
  }
  const page = settings.hugePageSize;
  if (page !== undefined && out.length === 0 && bytes % page.bytes !== 0) {
    out.push(error('VM_MEMORY_NOT_PAGE_MULTIPLE', 'memory', `${bytes / MIB}Mi`,
      `a whole number of ${page.quantity} huge pages (KubeVirt backs the guest memory with them)`,
      `round the memory to a multiple of ${page.quantity}, or use smaller pages`));
  }
  return out;
}
