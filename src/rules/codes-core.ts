import { CodeInfo } from './code-info';

/** Codes of the value types shared by every layer (CPU lists, huge page sizes). */
export const CORE_CODES: Record<string, CodeInfo> = {
  CPUSET_SYNTAX: {
    severity: 'error',
    meaning: 'A CPU list is not a valid Linux cpulist (ids and low-high ranges, comma-separated, ids 0-8191).',
    prevents: 'a kubelet that refuses to start on an invalid --reserved-cpus, or kernel arguments the kernel ignores',
    fix: 'write the CPUs as a cpulist such as "2-7,10-15"',
  },
  CPUSET_TOO_LONG: {
    severity: 'error',
    meaning: 'A cpulist text is longer than 1 MiB (CpuSet.MAX_TEXT_CHARS); one naming each of the 8192 possible CPUs once is under 40 KiB.',
    prevents: 'unbounded memory and time spent reading a runaway or generated text (a whole file pasted as a CPU list)',
    fix: 'pass the cpulist itself, written in ranges such as "0-3,8-11"',
  },
  HUGEPAGE_SIZE_UNSUPPORTED: {
    severity: 'error',
    meaning: 'A huge page size other than the x86_64 sizes 2Mi and 1Gi was requested.',
    prevents: 'a VM whose hugepages-<size> resource no node offers (Pending forever), or a kernel that ignores hugepagesz',
    fix: 'use HugePageSize.TWO_MI or HugePageSize.ONE_GI',
  },
};
