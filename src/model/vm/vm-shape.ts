import { HugePageSize } from '../../values/hugepage-size';
import { checkValue, Prop } from '../../values/prop-check';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';

/**
 * What node-side checks need to know about a real-time VM (all defaults applied): its pCPU count, huge page demand
 * and real-time vCPUs, without reading the rendered manifest. VMs of one shape are interchangeable for capacity and
 * placement: the shape holds no name.
 */
export interface VmShape {
  /** Number of vCPUs (sockets × cores × threads). */
  readonly vcpus: number;

  /** Guest sockets (equal to `vcpus` when only a vCPU count was given, KubeVirt's own default topology). */
  readonly sockets: number;

  /** Cores per socket. */
  readonly cores: number;

  /** Threads per core. */
  readonly threads: number;

  /** Guest memory in bytes (also the memory request and limit). */
  readonly memoryBytes: number;

  /**
   * The huge page size backing guest RAM.
   *
   * @default - no huge pages
   */
  readonly hugePageSize?: HugePageSize;

  /** Each vCPU is pinned to a dedicated host CPU. */
  readonly dedicatedCpuPlacement: boolean;

  /** The emulator thread gets extra dedicated host CPU(s). */
  readonly isolateEmulatorThread: boolean;

  /**
   * The IOThreads policy.
   *
   * @default - no IOThreads policy
   */
  readonly ioThreadsPolicy?: IoThreadsPolicy;

  /** IOThreads of the supplemental pool, each on an extra dedicated pCPU (0 unless the policy is SUPPLEMENTAL_POOL). */
  readonly supplementalPoolThreadCount: number;

  /** Some vCPUs run with the real-time scheduling policy. */
  readonly realtime: boolean;

  /** The real-time vCPU ids, ascending (empty when `realtime` is off). */
  readonly realtimeVcpus: number[];

  /** The guest mirrors the host NUMA placement (`numa.guestMappingPassthrough`). */
  readonly guestMappingPassthrough: boolean;
}

/**
 * The number of host CPUs the VM's launcher pod requests (and, with dedicated CPUs, gets pinned):
 * vCPUs + supplemental pool IOThreads + emulator CPUs. The emulator CPUs are 0 without `isolateEmulatorThread`,
 * otherwise 1, or 2 when KubeVirt's even-parity completion is on (AlignCPUs gate plus the KubeVirt CR annotation
 * `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity`) and vCPUs + pool threads is even — so the total is even,
 * as the kubelet's `full-pcpus-only` policy needs on SMT nodes.
 *
 * Mirrors KubeVirt's `renderresources.go` (e.g. 3 vCPUs → 4; 4 vCPUs → 5, or 6 with even parity).
 *
 * @param shape the VM
 * @param evenParityCompletion whether the cluster has even-parity emulator completion on
 */
export function podCpuCount(shape: VmShape, evenParityCompletion: boolean): number {
  // The typed boundary for hand-made shapes: a missing or NaN count would make the sum NaN. 0 vCPUs is allowed here
  // (a VM the rules refuse still has a count); the capacity functions refuse it.
  checkValue(shape, POD_CPU_FIELDS, 'podCpuCount(shape)');
  checkValue(evenParityCompletion, Prop.boolean(), 'podCpuCount(evenParityCompletion)');
  const pinned = pinnedOf(shape);
  if (!shape.isolateEmulatorThread) return pinned;
  const emulator = evenParityCompletion && pinned % 2 === 0 ? 2 : 1;
  return pinned + emulator;
}

/** The launcher pod's CPUs for vCPUs and supplemental-pool IOThreads: `podCpuCount` without the emulator CPUs. */
export function pinnedCpuCount(shape: VmShape): number {
  checkValue(shape, POD_CPU_FIELDS, 'pinnedCpuCount(shape)');
  return pinnedOf(shape);
}

function pinnedOf(shape: VmShape): number {
  const pool = shape.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL ? shape.supplementalPoolThreadCount : 0;
  return shape.vcpus + pool;
}

type PodCpuFields = Pick<VmShape, 'vcpus' | 'isolateEmulatorThread' | 'ioThreadsPolicy' | 'supplementalPoolThreadCount'>;

/** What the pod CPU count reads of a shape. */
const POD_CPU_FIELDS = Prop.fields<PodCpuFields>({
  vcpus: Prop.integer(0),
  isolateEmulatorThread: Prop.boolean(),
  ioThreadsPolicy: Prop.oneOf(IoThreadsPolicy, 'IoThreadsPolicy'),
  supplementalPoolThreadCount: Prop.integer(0),
}, ['vcpus', 'isolateEmulatorThread', 'supplementalPoolThreadCount'], 'VmShape fields (RealtimeVirtualMachine.shape)');

/** A memory size in bytes. */
const BYTES = Prop.satisfies('a number of bytes ≥ 0', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  'pass the memory in bytes, e.g. RealtimeVirtualMachine.shape.memoryBytes');

const MIB = 1024 * 1024;

/** Guest memory as a quantity: `1Gi` when a whole number of GiB, else `<n>Mi` (or bytes, which validation refuses). */
export function memoryQuantity(bytes: number): string {
  checkValue(bytes, BYTES, 'memoryQuantity(bytes)');
  if (Number.isSafeInteger(bytes) && bytes > 0 && bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}Gi`;
  if (Number.isSafeInteger(bytes) && bytes > 0 && bytes % MIB === 0) return `${bytes / MIB}Mi`;
  return String(bytes);
}
