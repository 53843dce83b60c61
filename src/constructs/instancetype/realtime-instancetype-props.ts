import { ApiObjectMetadata, Size } from 'cdk8s';
import { HugePageSize } from '../../values/hugepage-size';
import { RealtimeMask } from '../../values/realtime-mask';
import { CpuFeature } from '../../values/vm/cpu-feature';
import { CpuModel } from '../../values/vm/cpu-model';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';
import { PreferredCpuTopology, SpreadAcross } from '../../values/vm/preferred-topology';

/**
 * Props of a `RealtimeInstancetype`: a size and the real-time settings of `RealtimeVmSettings`, with the same
 * defaults. Real-time scheduling, NUMA passthrough and huge pages are always on (an instance type cannot switch them
 * off for the VMs that reference it: a VM would fill them back in).
 */
export interface RealtimeInstancetypeProps {
  /**
   * Name, labels and annotations of the VirtualMachineClusterInstancetype (and of its preference, which has the
   * same name). Cluster-scoped: no namespace.
   *
   * @default - the name is the construct id (which must then be a DNS-1123 subdomain)
   */
  readonly metadata?: ApiObjectMetadata;

  /** Number of vCPUs (`spec.cpu.guest`). */
  readonly vcpus: number;

  /** Guest memory (`spec.memory.guest`): a whole number of MiB and a multiple of the huge page size. */
  readonly memory: Size;

  /**
   * How the preference lays the vCPUs out (`preferredCPUTopology`). `SPREAD` with
   * `SpreadAcross.SOCKETS_CORES_THREADS` gives a guest of 2-thread cores, the shape an SMT real-time pool wants.
   *
   * @default PreferredCpuTopology.SOCKETS - one socket per vCPU (KubeVirt's default)
   */
  readonly preferredTopology?: PreferredCpuTopology;

  /**
   * With `PreferredCpuTopology.SPREAD`: what the vCPUs are spread across.
   *
   * @default SpreadAcross.SOCKETS_CORES (KubeVirt's default)
   */
  readonly spreadAcross?: SpreadAcross;

  /**
   * With `PreferredCpuTopology.SPREAD`: the spread ratio (cores per socket, or threads per core for CORES_THREADS).
   *
   * @default 2 (KubeVirt's default)
   */
  readonly spreadRatio?: number;

  /**
   * The most sockets CPU hot-plug can grow the guest to (`spec.cpu.maxSockets`).
   *
   * @default - the guest's sockets under the preferred topology (no hot-plug slots)
   */
  readonly maxSockets?: number;

  /** @default true */
  readonly dedicatedCpuPlacement?: boolean;

  /** @default true */
  readonly isolateEmulatorThread?: boolean;

  /** @default IoThreadsPolicy.AUTO */
  readonly ioThreadsPolicy?: IoThreadsPolicy;

  /**
   * IOThreads of the supplemental pool, with `IoThreadsPolicy.SUPPLEMENTAL_POOL` only.
   *
   * @default - none
   */
  readonly supplementalPoolThreadCount?: number;

  /** @default CpuModel.HOST_PASSTHROUGH */
  readonly cpuModel?: CpuModel;

  /**
   * CPU features, as the preference's `preferredCPUFeatures` (a VM naming a feature itself keeps its own policy).
   *
   * @default - `tsc-deadline` with policy `require`
   */
  readonly cpuFeatures?: CpuFeature[];

  /** @default HugePageSize.ONE_GI */
  readonly hugePageSize?: HugePageSize;

  /**
   * Which vCPUs run real-time (`spec.cpu.realtime.mask`).
   *
   * @default RealtimeMask.all() - every vCPU
   */
  readonly realtimeMask?: RealtimeMask;
}
