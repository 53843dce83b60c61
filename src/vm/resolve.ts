import { SizeRoundingBehavior } from 'cdk8s';
import { CloudInit } from './cloud-init';
import { CpuFeature, CpuFeaturePolicy } from './cpu-feature';
import { CpuModel } from './cpu-model';
import { EvictionStrategy } from './eviction-strategy';
import { IoThreadsPolicy } from './io-threads-policy';
import { RealtimeVirtualMachineProps } from './realtime-virtual-machine-props';
import { RunStrategy } from './run-strategy';
import { VmToleration } from './toleration';
import { VmShape } from './vm-shape';
import { HugePageSize } from '../model/hugepage-size';
import { RealtimeMask } from '../model/realtime-mask';
import { MAX_VCPUS } from '../model/vcpu-limits';

// Props with every default applied, computed once in the constructor. Resolving never throws, whatever the props
// hold (a JavaScript caller can pass anything): bad values are kept as they are and reported by the rules at synth.

/** One disk and its volume, in emission order. */
export interface ResolvedDisk {
  /** The prop path it came from, for messages (`bootDisk`, `disks[0]`). */
  readonly field: string;
  readonly name: string;
  readonly volumeType: string;
  readonly reference: string;
  readonly body: Record<string, string>;
}

/** The VM with defaults applied. */
export interface ResolvedVm {
  readonly id: string;
  readonly props: RealtimeVirtualMachineProps;
  readonly name: string;
  readonly namespace?: string;
  /** The CPU count comes from `topology` (given without `vcpus`): the spec then writes sockets, cores and threads. */
  readonly usesTopology: boolean;
  /** vCPU count; 0 when neither vcpus nor a usable topology is given. */
  readonly vcpus: number;
  readonly sockets: number;
  readonly cores: number;
  readonly threads: number;
  /** Guest memory in bytes; NaN when `memory` is not a usable Size. */
  readonly memoryBytes: number;
  readonly hugePageSize?: HugePageSize;
  readonly dedicatedCpuPlacement: boolean;
  readonly isolateEmulatorThread: boolean;
  readonly ioThreadsPolicy?: IoThreadsPolicy;
  readonly supplementalPoolThreadCount?: number;
  readonly cpuModel: CpuModel;
  readonly cpuFeatures: CpuFeature[];
  readonly guestMappingPassthrough: boolean;
  readonly realtime: boolean;
  readonly realtimeMask: RealtimeMask;
  readonly autoattachMemBalloon: boolean;
  readonly autoattachGraphicsDevice: boolean;
  readonly autoattachSerialConsole: boolean;
  readonly runStrategy: RunStrategy;
  readonly terminationGracePeriodSeconds: number;
  readonly evictionStrategy: EvictionStrategy;
  readonly nodeSelector?: { [key: string]: string };
  readonly tolerations: VmToleration[];
  /** Boot disk first, then the extra disks (the cloud-init disk is not in this list). */
  readonly disks: ResolvedDisk[];
  readonly cloudInit?: CloudInit;
  readonly sshPublicKeySecrets: string[];
}

/** The name of the cloud-init NoCloud disk and volume (as in KubeVirt's examples). */
export const CLOUD_INIT_DISK = 'cloudinitdisk';

/** The grace period when none is given: KubeVirt's own default. */
export const DEFAULT_TERMINATION_GRACE_SECONDS = 180;

/** Applies the defaults. `chartNamespace` is the namespace cdk8s gives objects without one. */
export function resolveVm(id: string, props: RealtimeVirtualMachineProps, chartNamespace?: string): ResolvedVm {
  const p = ownCopy(props ?? ({} as RealtimeVirtualMachineProps));
  const topology = p.topology;
  const useTopology = topology != null && p.vcpus == null;
  const sockets = useTopology ? num(topology.sockets) : num(p.vcpus);
  const cores = useTopology ? num(topology.cores) : 1;
  const threads = useTopology ? num(topology.threads) : 1;
  const vcpus = sockets * cores * threads;
  const ioThreads = p.ioThreads ?? true;
  const hugePages = p.hugePages ?? true;
  return {
    id,
    props: p,
    name: p.metadata?.name ?? id,
    namespace: p.metadata?.namespace ?? chartNamespace,
    usesTopology: useTopology,
    vcpus: Number.isFinite(vcpus) ? vcpus : 0,
    sockets,
    cores,
    threads,
    memoryBytes: sizeInBytes(p.memory),
    hugePageSize: hugePages ? p.hugePageSize ?? HugePageSize.ONE_GI : undefined,
    dedicatedCpuPlacement: p.dedicatedCpuPlacement ?? true,
    isolateEmulatorThread: p.isolateEmulatorThread ?? true,
    ioThreadsPolicy: ioThreads ? p.ioThreadsPolicy ?? IoThreadsPolicy.AUTO : undefined,
    supplementalPoolThreadCount: p.supplementalPoolThreadCount,
    cpuModel: p.cpuModel ?? CpuModel.HOST_PASSTHROUGH,
    cpuFeatures: Array.isArray(p.cpuFeatures) ? p.cpuFeatures : [{ name: 'tsc-deadline', policy: CpuFeaturePolicy.REQUIRE }],
    guestMappingPassthrough: p.guestMappingPassthrough ?? true,
    realtime: p.realtime ?? true,
    realtimeMask: p.realtimeMask ?? RealtimeMask.all(),
    autoattachMemBalloon: p.autoattachMemBalloon ?? false,
    autoattachGraphicsDevice: p.autoattachGraphicsDevice ?? false,
    autoattachSerialConsole: p.autoattachSerialConsole ?? true,
    runStrategy: p.runStrategy ?? RunStrategy.ALWAYS,
    terminationGracePeriodSeconds: p.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS,
    evictionStrategy: p.evictionStrategy ?? EvictionStrategy.NONE,
    nodeSelector: p.nodeSelector,
    tolerations: Array.isArray(p.tolerations) ? p.tolerations : [],
    disks: resolveDisks(p),
    cloudInit: p.cloudInit,
    sshPublicKeySecrets: Array.isArray(p.sshPublicKeySecrets) ? p.sshPublicKeySecrets : [],
  };
}

/**
 * The props as one object of a fixed shape, every prop in declaration order (the type makes sure none is left out).
 * Props objects built by callers (spreads, optional fields) nearly all have a hidden class of their own, so every
 * later read of them (the rules, the renderer, the memo keys, for thousands of VMs) would be a slow megamorphic
 * lookup; reads of this copy are fast.
 */
function ownCopy(p: RealtimeVirtualMachineProps): RealtimeVirtualMachineProps {
  const copy: { [K in keyof Required<RealtimeVirtualMachineProps>]: RealtimeVirtualMachineProps[K] } = {
    metadata: p.metadata,
    vcpus: p.vcpus,
    topology: p.topology,
    memory: p.memory,
    bootDisk: p.bootDisk,
    disks: p.disks,
    cloudInit: p.cloudInit,
    allowInlineCredentials: p.allowInlineCredentials,
    sshPublicKeySecrets: p.sshPublicKeySecrets,
    dedicatedCpuPlacement: p.dedicatedCpuPlacement,
    isolateEmulatorThread: p.isolateEmulatorThread,
    ioThreads: p.ioThreads,
    ioThreadsPolicy: p.ioThreadsPolicy,
    supplementalPoolThreadCount: p.supplementalPoolThreadCount,
    cpuModel: p.cpuModel,
    cpuFeatures: p.cpuFeatures,
    guestMappingPassthrough: p.guestMappingPassthrough,
    hugePages: p.hugePages,
    hugePageSize: p.hugePageSize,
    realtime: p.realtime,
    realtimeMask: p.realtimeMask,
    autoattachMemBalloon: p.autoattachMemBalloon,
    autoattachGraphicsDevice: p.autoattachGraphicsDevice,
    autoattachSerialConsole: p.autoattachSerialConsole,
    runStrategy: p.runStrategy,
    terminationGracePeriodSeconds: p.terminationGracePeriodSeconds,
    evictionStrategy: p.evictionStrategy,
    nodePool: p.nodePool,
    nodeSelector: p.nodeSelector,
    tolerations: p.tolerations,
  };
  return copy;
}

/** The shape other constructs read; only meaningful when the VM has no validation error. */
export function shapeOf(vm: ResolvedVm): VmShape {
  return {
    name: vm.name,
    namespace: vm.namespace,
    vcpus: vm.vcpus,
    sockets: vm.sockets,
    cores: vm.cores,
    threads: vm.threads,
    memoryBytes: Number.isFinite(vm.memoryBytes) ? vm.memoryBytes : 0,
    hugePageSize: vm.hugePageSize,
    dedicatedCpuPlacement: vm.dedicatedCpuPlacement,
    isolateEmulatorThread: vm.isolateEmulatorThread,
    ioThreadsPolicy: vm.ioThreadsPolicy,
    supplementalPoolThreadCount: vm.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL && isCount(vm.supplementalPoolThreadCount)
      ? vm.supplementalPoolThreadCount! : 0,
    realtime: vm.realtime,
    realtimeVcpus: realtimeVcpus(vm),
    guestMappingPassthrough: vm.guestMappingPassthrough,
  };
}

/** The real-time vCPU ids (none when realtime is off or the mask is malformed). */
export function realtimeVcpus(vm: ResolvedVm): number[] {
  if (!vm.realtime || !(vm.realtimeMask instanceof RealtimeMask) || !vm.realtimeMask.isValid) return [];
  // Capped at the vCPU ceiling, so the cost stays bounded: a VM with more vCPUs is refused (VM_VCPUS_ABOVE_LIMIT).
  return vm.realtimeMask.enabledVcpus(Math.min(vm.vcpus, MAX_VCPUS));
}

function resolveDisks(p: RealtimeVirtualMachineProps): ResolvedDisk[] {
  const out: ResolvedDisk[] = [];
  const boot = p.bootDisk;
  if (boot != null && typeof boot._volumeBody === 'function') {
    out.push({ field: 'bootDisk', name: boot.name, volumeType: boot.volumeType, reference: boot.reference, body: boot._volumeBody() });
  }
  let containerDisks = 0;
  (Array.isArray(p.disks) ? p.disks : []).forEach((d, i) => {
    if (d == null || typeof d._volumeBody !== 'function') return;
    const name = d.name ?? (d.volumeType === 'containerDisk' ? `containerdisk-${++containerDisks}` : '');
    out.push({ field: `disks[${i}]`, name, volumeType: d.volumeType, reference: d.reference, body: d._volumeBody() });
  });
  return out;
}

function sizeInBytes(size: unknown): number {
  try {
    const kib = (size as any).toKibibytes({ rounding: SizeRoundingBehavior.NONE });
    return typeof kib === 'number' ? kib * 1024 : NaN;
  } catch {
    return NaN;
  }
}

function num(x: unknown): number {
  return typeof x === 'number' ? x : NaN;
}

/** A positive whole number. */
export function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
}
