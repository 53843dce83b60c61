import { error } from '../values/finding';
import { MAX_NUMA_NODE_ID } from '../values/host/topology-data';
import { HugePageSize } from '../values/hugepage-size';
import { HugePageAllocation } from '../values/pool/pool-props';
import { ValidationError } from '../values/validation-error';

/** More entries than sizes × NUMA nodes cannot be meant. */
const MAX_ENTRIES = HugePageSize.all().length * (MAX_NUMA_NODE_ID + 1);

const ENTRY = /^([0-9A-Za-z]{1,4}):(\d{1,15})(?:@(\d{1,4}))?$/;

/**
 * Reads `--hugepages 1Gi:48` or `--hugepages 1Gi:24@0,1Gi:24@1` into a RealtimeNodePool's `hugepages` prop: each
 * comma-separated entry is SIZE:COUNT (pages at boot, spread evenly over the NUMA nodes) or SIZE:COUNT@NODE (pages on
 * that NUMA node). Sizes are 1Gi/2Mi (or the kernel's 1G/2M), counts whole numbers from 1. Whether the nodes exist
 * is the host's business (`hugePageAllocationFindings`). Throws a ValidationError naming the entry.
 *
 * @param text the option's value
 * @param option the option's name, for messages
 */
export function parseHugePagesOption(text: string, option: string): HugePageAllocation[] {
  const entries = text.split(',');
  if (entries.length > MAX_ENTRIES) {
    throw bad(option, `${entries.length} entries`, `at most ${MAX_ENTRIES} entries (one per page size and NUMA node)`);
  }
  return entries.map((entry, i) => {
    const match = ENTRY.exec(entry.trim());
    const size = match && HugePageSize.all().find((s) => s.quantity === match[1] || s.kernelName === match[1]);
    const count = match ? Number(match[2]) : NaN;
    const node = match?.[3] === undefined ? undefined : Number(match[3]);
    if (!match || !size || !Number.isSafeInteger(count) || count < 1 || (node !== undefined && node > MAX_NUMA_NODE_ID)) {
      throw bad(entries.length === 1 ? option : `${option} entry ${i + 1}`, entry,
        `SIZE:COUNT or SIZE:COUNT@NODE with SIZE 1Gi or 2Mi, COUNT a whole number ≥ 1 and NODE a NUMA node id (0-${MAX_NUMA_NODE_ID})`);
    }
    return { size, count, ...(node !== undefined ? { numaNode: node } : {}) };
  });
}

function bad(field: string, value: string, expected: string): ValidationError {
  return new ValidationError([error('CLI_BAD_HUGEPAGES', field, value, expected,
    'write e.g. --hugepages 1Gi:48 (spread over the NUMA nodes) or --hugepages 1Gi:24@0,1Gi:24@1 (per NUMA node)')]);
}
