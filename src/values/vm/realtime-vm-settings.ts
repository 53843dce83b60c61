import { Size } from 'cdk8s';
import { CloudInit } from './cloud-init';
import { CpuFeature } from './cpu-feature';
import { CpuModel } from './cpu-model';
import { BootDisk, DataDisk } from './disk';
import { EvictionStrategy } from './eviction-strategy';
import { GuestCpuTopology } from './guest-topology';
import { IoThreadsPolicy } from './io-threads-policy';
import { RunStrategy } from './run-strategy';
import { VmToleration } from './toleration';
import { HugePageSize } from '../hugepage-size';
import { RealtimeMask } from '../realtime-mask';

/**
 * The settings of a real-time VM (everything but its metadata and placement): its size, disks, cloud-init and every
 * real-time setting of the KubeVirt real-time guide, which are on by default and can be changed or turned off. Only
 * the size and the boot disk are required.
 */
export interface RealtimeVmSettings {
  /**
   * Number of vCPUs (the guest gets that many sockets of one core and one thread, KubeVirt's own default topology).
   * Give exactly one of `vcpus` and `topology`.
   *
   * @default - taken from `topology`
   */
  readonly vcpus?: number;

  /**
   * Explicit guest topology (sockets × cores × threads vCPUs). Give exactly one of `vcpus` and `topology`.
   *
   * @default - taken from `vcpus`
   */
  readonly topology?: GuestCpuTopology;

  /**
   * The most sockets the guest can grow to by CPU hot-plug (`spec.template.spec.domain.cpu.maxSockets`, always
   * written). A whole number ≥ the guest's sockets. Left unset in the object, KubeVirt's LiveUpdate rollout (the
   * default) sets it to sockets × the cluster's hot-plug ratio (4), and QEMU counts every hot-plug slot against its
   * vCPU limit ("hotpluggable cpus requested (208) exceeds ...", kubevirt#17248); each vCPU hot-plugged later needs a
   * dedicated host CPU of its own. The `cx1` common instance types set it equal to the guest's CPUs for that reason.
   *
   * @default - the guest's sockets (no hot-plug slots)
   */
  readonly maxSockets?: number;

  /**
   * Guest memory: a whole number of MiB, and a multiple of the huge page size. Requests and limits are both set
   * to it (Guaranteed QoS, which the CPU manager needs to pin CPUs).
   */
  readonly memory: Size;

  /** The disk the VM boots from. */
  readonly bootDisk: BootDisk;

  /**
   * Extra disks, attached after the boot disk (and before the cloud-init disk).
   *
   * @default - none
   */
  readonly disks?: DataDisk[];

  /**
   * Cloud-init NoCloud user data.
   *
   * @default - no cloud-init disk
   */
  readonly cloudInit?: CloudInit;

  /**
   * Accept credentials (passwords, `chpasswd`, SSH keys ...) in inline cloud-init user data. They are then stored
   * in clear text in the VM object; a warning is recorded. Use `CloudInit.fromSecret` instead whenever you can.
   *
   * @default false
   */
  readonly allowInlineCredentials?: boolean;

  /**
   * Secrets whose values are SSH public keys to authorize in the guest (KubeVirt `accessCredentials`, propagated
   * through the cloud-init NoCloud disk, so `cloudInit` must be set).
   *
   * @default - none
   */
  readonly sshPublicKeySecrets?: string[];

  /**
   * Pin every vCPU to its own host CPU (needs the `CPUManager` feature gate and the kubelet static CPU manager).
   *
   * @default true
   */
  readonly dedicatedCpuPlacement?: boolean;

  /**
   * Give QEMU's emulator thread (and the `auto` IOThreads) a dedicated host CPU of its own, away from the vCPUs.
   * It adds one pCPU to the pod (two with KubeVirt's even-parity completion when vCPUs + pool threads is even).
   *
   * @default true
   */
  readonly isolateEmulatorThread?: boolean;

  /**
   * Emit an IOThreads policy at all (`spec.domain.ioThreadsPolicy`). Set false to leave QEMU without IOThreads.
   *
   * @default true
   */
  readonly ioThreads?: boolean;

  /**
   * The IOThreads policy, emitted at `spec.domain.ioThreadsPolicy` (KubeVirt's real-time blog wrongly nests it
   * under `cpu`, where the API server drops it).
   *
   * @default IoThreadsPolicy.AUTO
   */
  readonly ioThreadsPolicy?: IoThreadsPolicy;

  /**
   * Number of IOThreads of the supplemental pool; required with `IoThreadsPolicy.SUPPLEMENTAL_POOL` and only
   * allowed with it. Each thread adds one dedicated pCPU to the pod.
   *
   * @default - none
   */
  readonly supplementalPoolThreadCount?: number;

  /**
   * The guest CPU model.
   *
   * @default CpuModel.HOST_PASSTHROUGH
   */
  readonly cpuModel?: CpuModel;

  /**
   * CPU features of the guest; `[]` for none.
   *
   * @default - `tsc-deadline` with policy `require` (the real-time guide's timer)
   */
  readonly cpuFeatures?: CpuFeature[];

  /**
   * Mirror the host NUMA placement of the pinned CPUs and memory into the guest (`numa.guestMappingPassthrough`).
   * KubeVirt requires it for `realtime`, and it requires dedicated CPUs and huge pages.
   *
   * @default true
   */
  readonly guestMappingPassthrough?: boolean;

  /**
   * Back the guest RAM with huge pages (`memory.hugepages`).
   *
   * @default true
   */
  readonly hugePages?: boolean;

  /**
   * The huge page size, when `hugePages` is on.
   *
   * @default HugePageSize.ONE_GI
   */
  readonly hugePageSize?: HugePageSize;

  /**
   * Run vCPUs with the real-time scheduling policy (SCHED_FIFO) and lock the guest memory (`cpu.realtime`).
   *
   * @default true
   */
  readonly realtime?: boolean;

  /**
   * Which vCPUs run real-time. Linux guests want at least one non-real-time vCPU for housekeeping (libvirt's
   * real-time guide), e.g. `RealtimeMask.parse('1-3')` on a 4-vCPU VM.
   *
   * @default RealtimeMask.all() - every vCPU (emitted as `realtime: {}`)
   */
  readonly realtimeMask?: RealtimeMask;

  /**
   * Attach the memory balloon device. Off for real-time guests: ballooning moves guest memory around at runtime.
   *
   * @default false
   */
  readonly autoattachMemBalloon?: boolean;

  /**
   * Attach a graphics device (VNC). Off for real-time guests: fewer emulated devices, fewer interrupts.
   *
   * @default false
   */
  readonly autoattachGraphicsDevice?: boolean;

  /**
   * Attach the serial console (`virtctl console`), the one device the real-time guide keeps.
   *
   * @default true
   */
  readonly autoattachSerialConsole?: boolean;

  /**
   * When KubeVirt runs the VM.
   *
   * @default RunStrategy.ALWAYS
   */
  readonly runStrategy?: RunStrategy;

  /**
   * Seconds the guest gets to shut down before it is killed.
   *
   * @default 180 - KubeVirt's own default: the guest can flush its disks. (The real-time blog uses 0, a hard power
   * off, which only suits throwaway container disks.)
   */
  readonly terminationGracePeriodSeconds?: number;

  /**
   * What a node drain does to the VM.
   *
   * @default EvictionStrategy.NONE - the VM is shut down and restarted elsewhere. A host-passthrough VM with
   * dedicated CPUs can in general not live-migrate (the target needs the identical CPU and free dedicated cores,
   * and a migration is a latency hit), and a cluster-wide `LiveMigrate` default would block drains forever.
   */
  readonly evictionStrategy?: EvictionStrategy;

  /**
   * Node labels the VM's pod must match, e.g. a real-time node pool's role label. KubeVirt adds its own
   * (`kubevirt.io/realtime`, `cpumanager`) on top.
   *
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * Tolerations of the VM's pod, e.g. for a tainted real-time node pool.
   *
   * @default - none
   */
  readonly tolerations?: VmToleration[];
}
