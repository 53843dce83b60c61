import { CodeInfo } from './code-info';

/** Codes of the value types shared by every layer (CPU lists, huge page sizes). */
export const CORE_CODES: Record<string, CodeInfo> = {
  CPUSET_SYNTAX: {
    severity: 'error',
    meaning: 'A CPU list is not a valid Linux cpulist (ids and low-high ranges, comma-separated, ids 0-8191).',
    prevents: 'a kubelet that refuses to start on an invalid --reserved-cpus, or kernel arguments the kernel ignores',
    fix: 'write the CPUs as a cpulist such as "2-7,10-15"',
  },
  HUGEPAGE_SIZE_UNSUPPORTED: {
    severity: 'error',
    meaning: 'A huge page size other than the x86_64 sizes 2Mi and 1Gi was requested.',
    prevents: 'a VM whose hugepages-<size> resource no node offers (Pending forever), or a kernel that ignores hugepagesz',
    fix: 'use HugePageSize.TWO_MI or HugePageSize.ONE_GI',
  },
};
