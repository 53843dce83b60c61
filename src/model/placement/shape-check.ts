import { Finding } from '../../values/finding';
import { Prop, PropRule, PropSchema } from '../../values/prop-check';
import { ValidationError } from '../../values/validation-error';
import { MAX_VCPUS } from '../../values/vcpu-limits';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';
import { HUGE_PAGE_SIZE } from '../../values/vm/vm-settings-schema';
import { VmShape } from '../vm/vm-shape';

// The typed boundary of the capacity functions. A VmShape is a plain struct that JavaScript callers (and the plan
// CLI) can build by hand, and a VM whose props the rules refuse still has one: a shape with 0 vCPUs and no huge pages
// asks for 0 CPUs per VM, which made `floor(cpus / 0)` infinite and the capacity loop run forever. So every public
// function that takes a shape checks it first: counts are whole numbers in their range, flags are booleans. The
// shape is usually a larger object (a VM's resolved settings are a VmShape and more), so only the fields capacity
// reads are checked.

const FIX = 'pass the shape of a VM that synthesizes (RealtimeVirtualMachine.shape), or fix the count';

/** A whole number from `min` to `max` (`what` says what it counts), with the fix of the capacity boundary. */
export function countRule(min: number, max: number, what: string): PropRule {
  const bounded = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
  return Prop.satisfies(`${bounded} (${what})`, (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max, FIX);
}

const ANY_COUNT = Number.MAX_SAFE_INTEGER;

const VM_SHAPE_SCHEMA: PropSchema<VmShape> = {
  vcpus: countRule(1, MAX_VCPUS, 'a VM has at least one vCPU'),
  sockets: countRule(1, ANY_COUNT, 'guest sockets'),
  cores: countRule(1, ANY_COUNT, 'cores per socket'),
  threads: countRule(1, ANY_COUNT, 'threads per core'),
  memoryBytes: countRule(1, ANY_COUNT, 'guest memory in bytes'),
  hugePageSize: HUGE_PAGE_SIZE,
  dedicatedCpuPlacement: Prop.boolean(),
  isolateEmulatorThread: Prop.boolean(),
  ioThreadsPolicy: Prop.oneOf(IoThreadsPolicy, 'IoThreadsPolicy'),
  supplementalPoolThreadCount: countRule(0, ANY_COUNT, 'extra IOThread CPUs'),
  realtime: Prop.boolean(),
  // Capacity never reads the real-time vCPU ids.
  realtimeVcpus: Prop.any('the real-time vCPU ids'),
  guestMappingPassthrough: Prop.boolean(),
};

const VM_SHAPE = Prop.fields(VM_SHAPE_SCHEMA, ['vcpus', 'sockets', 'cores', 'threads', 'memoryBytes', 'dedicatedCpuPlacement',
  'isolateEmulatorThread', 'supplementalPoolThreadCount'], 'VmShape fields (RealtimeVirtualMachine.shape)');

/**
 * The problems of `shape` as the capacity functions see it (empty when it is usable): at least one vCPU, some memory,
 * whole counts, booleans for the flags.
 *
 * @param field the name of the shape in messages
 */
export function vmShapeProblems(shape: unknown, field: string = 'shape'): Finding[] {
  const out: Finding[] = [];
  VM_SHAPE.check(shape, field, out);
  return out;
}

/** Whether capacity can be computed for `shape`. */
export function isUsableShape(shape: unknown): shape is VmShape {
  return vmShapeProblems(shape).length === 0;
}

/** Throws a ValidationError listing the problems of `shape` (see `vmShapeProblems`). */
export function checkShape(shape: unknown, field: string): void {
  const problems = vmShapeProblems(shape, field);
  if (problems.length > 0) throw new ValidationError(problems);
}
