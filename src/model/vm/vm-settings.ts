import { SizeRoundingBehavior } from 'cdk8s';
import { VmShape } from './vm-shape';
import { HugePageSize } from '../../values/hugepage-size';
import { RealtimeMask } from '../../values/realtime-mask';
import { MAX_VCPUS } from '../../values/vcpu-limits';
import { CpuFeaturePolicy } from '../../values/vm/cpu-feature';
import { CpuModel } from '../../values/vm/cpu-model';
import { EvictionStrategy } from '../../values/vm/eviction-strategy';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';
import { RealtimeVmSettings } from '../../values/vm/realtime-vm-settings';
import { RunStrategy } from '../../values/vm/run-strategy';

// What VMs of one shape share: their size and real-time settings, without names, disks or cloud-init. An app has
// thousands of VMs and a few dozen shapes, so everything that depends only on these settings (the VM's own rules,
// the KubeVirt admission mirror, the placement checks) is computed once per shape. A shape is identified by its key,
// the canonical JSON of the settings as given: nothing is hand-picked, so a new setting is part of the key the moment
// it is part of `GivenVmSettings`, and those checks cannot read anything else (they take these two types only).

/** The grace period when none is given: KubeVirt's own default. */
export const DEFAULT_TERMINATION_GRACE_SECONDS = 180;

/** The settings props of a VM as given (primitives only; undefined where the prop is not set). */
export interface GivenVmSettings {
  readonly vcpus?: number;
  readonly topology?: { readonly sockets: number; readonly cores: number; readonly threads: number };
  readonly maxSockets?: number;
  /** Guest memory in bytes (NaN for a Size that is no number). */
  readonly memoryBytes: number;
  /** Guest memory as the Size prints it, for messages. */
  readonly memory: string;
  readonly dedicatedCpuPlacement?: boolean;
  readonly isolateEmulatorThread?: boolean;
  readonly ioThreads?: boolean;
  readonly ioThreadsPolicy?: IoThreadsPolicy;
  readonly supplementalPoolThreadCount?: number;
  readonly cpuModel?: string;
  readonly cpuFeatures?: ReadonlyArray<{ readonly name: string; readonly policy?: CpuFeaturePolicy }>;
  readonly guestMappingPassthrough?: boolean;
  readonly hugePages?: boolean;
  /** The page size's quantity (`1Gi`, `2Mi`). */
  readonly hugePageSize?: string;
  readonly realtime?: boolean;
  /** The real-time mask's text. */
  readonly realtimeMask?: string;
  readonly autoattachMemBalloon?: boolean;
  readonly autoattachGraphicsDevice?: boolean;
  readonly autoattachSerialConsole?: boolean;
  readonly runStrategy?: RunStrategy;
  readonly evictionStrategy?: EvictionStrategy;
  readonly terminationGracePeriodSeconds?: number;
}

/** A VM's settings with every default applied: its shape, plus what the rendered domain and strategies hold. */
export interface VmSettings extends VmShape {
  /** The CPU count comes from `topology` (given without `vcpus`): the spec then writes sockets, cores and threads. */
  readonly usesTopology: boolean;
  /** The most sockets CPU hot-plug can grow the guest to (`cpu.maxSockets`): the guest's sockets unless given. */
  readonly maxSockets: number;
  /** The CPU model name (`host-passthrough` ...). */
  readonly cpuModel: string;
  /** CPU features, each with its policy. */
  readonly cpuFeatures: ReadonlyArray<{ readonly name: string; readonly policy: CpuFeaturePolicy }>;
  /** The real-time mask's text (`''`: every vCPU); meaningful when `realtime` is on. */
  readonly realtimeMask: string;
  readonly autoattachMemBalloon: boolean;
  readonly autoattachGraphicsDevice: boolean;
  readonly autoattachSerialConsole: boolean;
  readonly runStrategy: RunStrategy;
  readonly evictionStrategy: EvictionStrategy;
  readonly terminationGracePeriodSeconds: number;
}

/** What the rules that VMs of one shape share read: the settings as given and with defaults applied. */
export interface VmShapeSettings {
  readonly given: GivenVmSettings;
  readonly settings: VmSettings;
}

/**
 * The settings props, as given, in one fixed shape (the boundary has checked their types). Props objects built by
 * callers nearly all have a hidden class of their own; this copy is what everything later reads.
 */
export function givenSettingsOf(p: RealtimeVmSettings): GivenVmSettings {
  return {
    vcpus: p.vcpus,
    topology: p.topology === undefined ? undefined : { sockets: p.topology.sockets, cores: p.topology.cores, threads: p.topology.threads },
    maxSockets: p.maxSockets,
    memoryBytes: bytesOf(p.memory),
    memory: sizeText(p.memory),
    dedicatedCpuPlacement: p.dedicatedCpuPlacement,
    isolateEmulatorThread: p.isolateEmulatorThread,
    ioThreads: p.ioThreads,
    ioThreadsPolicy: p.ioThreadsPolicy,
    supplementalPoolThreadCount: p.supplementalPoolThreadCount,
    cpuModel: p.cpuModel?.model,
    cpuFeatures: p.cpuFeatures?.map((f) => (f.policy === undefined ? { name: f.name } : { name: f.name, policy: f.policy })),
    guestMappingPassthrough: p.guestMappingPassthrough,
    hugePages: p.hugePages,
    hugePageSize: p.hugePageSize?.quantity,
    realtime: p.realtime,
    realtimeMask: p.realtimeMask?.text,
    autoattachMemBalloon: p.autoattachMemBalloon,
    autoattachGraphicsDevice: p.autoattachGraphicsDevice,
    autoattachSerialConsole: p.autoattachSerialConsole,
    runStrategy: p.runStrategy,
    evictionStrategy: p.evictionStrategy,
    terminationGracePeriodSeconds: p.terminationGracePeriodSeconds,
  };
}

/** The key of a VM shape: the canonical JSON of its given settings (fixed key order, unset props left out). */
export function settingsKeyOf(given: GivenVmSettings): string {
  // NaN memory would print as null: its Size's text is in the key too, so shapes stay apart.
  return JSON.stringify(given);
}

/** Applies the defaults: a pure function of the given settings, so VMs with one shape key have equal settings. */
export function resolveSettings(g: GivenVmSettings): VmSettings {
  const usesTopology = g.topology !== undefined && g.vcpus === undefined;
  const sockets = usesTopology ? g.topology!.sockets : g.vcpus ?? 0;
  const cores = usesTopology ? g.topology!.cores : 1;
  const threads = usesTopology ? g.topology!.threads : 1;
  const product = sockets * cores * threads;
  const vcpus = Number.isSafeInteger(product) && product > 0 ? product : 0;
  const ioThreadsPolicy = g.ioThreads === false ? undefined : g.ioThreadsPolicy ?? IoThreadsPolicy.AUTO;
  const realtime = g.realtime ?? true;
  const realtimeMask = g.realtimeMask ?? '';
  const pool = g.supplementalPoolThreadCount;
  return {
    vcpus,
    sockets,
    cores,
    threads,
    memoryBytes: Number.isFinite(g.memoryBytes) ? g.memoryBytes : 0,
    hugePageSize: g.hugePages === false ? undefined : hugePageSizeOf(g.hugePageSize),
    dedicatedCpuPlacement: g.dedicatedCpuPlacement ?? true,
    isolateEmulatorThread: g.isolateEmulatorThread ?? true,
    ioThreadsPolicy,
    supplementalPoolThreadCount: ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL && pool !== undefined
      && Number.isSafeInteger(pool) && pool > 0 ? pool : 0,
    realtime,
    realtimeVcpus: realtime ? enabledVcpus(realtimeMask, vcpus) : [],
    guestMappingPassthrough: g.guestMappingPassthrough ?? true,
    usesTopology,
    maxSockets: g.maxSockets ?? sockets,
    cpuModel: g.cpuModel ?? CpuModel.HOST_PASSTHROUGH.model,
    cpuFeatures: (g.cpuFeatures ?? [{ name: 'tsc-deadline' }]).map((f) => ({ name: f.name, policy: f.policy ?? CpuFeaturePolicy.REQUIRE })),
    realtimeMask,
    autoattachMemBalloon: g.autoattachMemBalloon ?? false,
    autoattachGraphicsDevice: g.autoattachGraphicsDevice ?? false,
    autoattachSerialConsole: g.autoattachSerialConsole ?? true,
    runStrategy: g.runStrategy ?? RunStrategy.ALWAYS,
    evictionStrategy: g.evictionStrategy ?? EvictionStrategy.NONE,
    terminationGracePeriodSeconds: g.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS,
  };
}

/** The real-time vCPU ids (none when the mask is malformed: the mask rules report it). */
function enabledVcpus(text: string, vcpus: number): number[] {
  const mask = RealtimeMask.fromText(text);
  // Above the ceiling the VM is refused (VM_VCPUS_ABOVE_LIMIT); its ids are listed up to the ceiling meanwhile.
  return mask.isValid ? mask.enabledVcpus(Math.min(vcpus, MAX_VCPUS)) : [];
}

function hugePageSizeOf(quantity: string | undefined): HugePageSize | undefined {
  if (quantity === undefined) return HugePageSize.ONE_GI;
  return HugePageSize.all().find((s) => s.quantity === quantity);
}

function bytesOf(size: RealtimeVmSettings['memory']): number {
  try {
    return size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
  } catch {
    return NaN;
  }
}

function sizeText(size: RealtimeVmSettings['memory']): string {
  try {
    return size.asString();
  } catch {
    return String(size);
  }
}
