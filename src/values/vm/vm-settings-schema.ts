import { CpuFeature, CpuFeaturePolicy } from './cpu-feature';
import { EvictionStrategy } from './eviction-strategy';
import { GuestCpuTopology } from './guest-topology';
import { GUEST_TUNED_PROFILE, GuestTuningDelivery } from './guest-tuning';
import { IoThreadsPolicy } from './io-threads-policy';
import { RealtimeVmSettings } from './realtime-vm-settings';
import { RunStrategy } from './run-strategy';
import { TaintEffect } from './taint-effect';
import { VmToleration } from './toleration';
import { Prop, PropSchema } from '../prop-check';

// The runtime types of a VM's settings props (see prop-check.ts). Value classes are recognised by their fields or
// methods rather than `instanceof`, so values made by another copy of this library (two packages that both depend on
// it) are accepted.

const TOPOLOGY: PropSchema<GuestCpuTopology> = {
  sockets: Prop.wholeNumber(),
  cores: Prop.wholeNumber(),
  threads: Prop.wholeNumber(),
};

const CPU_FEATURE: PropSchema<CpuFeature> = {
  name: Prop.string(),
  policy: Prop.oneOf(CpuFeaturePolicy, 'CpuFeaturePolicy'),
};

const TOLERATION: PropSchema<VmToleration> = {
  key: Prop.string(true),
  value: Prop.string(true),
  exists: Prop.boolean(),
  effect: Prop.oneOf(TaintEffect, 'TaintEffect'),
  tolerationSeconds: Prop.wholeNumber(),
};

/** A Size of cdk8s (any object that converts to KiB). */
export const SIZE = Prop.withMethod('toKibibytes', 'a Size (e.g. Size.gibibytes(8))', 'use Size.gibibytes(n) or Size.mebibytes(n) from cdk8s');

/** HugePageSize.ONE_GI or HugePageSize.TWO_MI (of any copy of this library). */
export const HUGE_PAGE_SIZE = Prop.satisfies('HugePageSize.ONE_GI or HugePageSize.TWO_MI',
  (v) => v !== null && typeof v === 'object' && ['1Gi', '2Mi'].includes((v as { quantity?: unknown }).quantity as string),
  'use HugePageSize.ONE_GI or HugePageSize.TWO_MI');

/**
 * A GuestTuning (of any copy of this library): recognised by its fields, each of its type, so a hand-made look-alike
 * is refused here rather than read by the rules and renderers.
 */
export const GUEST_TUNING = Prop.satisfies('a GuestTuning',
  (v) => {
    if (v === null || typeof v !== 'object') return false;
    const t = v as Record<string, unknown>;
    const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
    return (Object.values(GuestTuningDelivery) as unknown[]).includes(t.delivery) && t.profile === GUEST_TUNED_PROFILE
      && typeof t.rtKernel === 'boolean' && (t.rtKernelPackage === undefined || typeof t.rtKernelPackage === 'string')
      && strings(t.extraKernelArgs) && strings(t.mergeConfigUrls)
      && (t.netdevQueueCount === undefined || (typeof t.netdevQueueCount === 'number' && Number.isSafeInteger(t.netdevQueueCount)));
  },
  'use GuestTuning.realtimeVirtualGuest({ ... }) or GuestTuning.realtimeVirtualGuestIgnition({ ... })');

/** The settings props of a VM. */
export const VM_SETTINGS_SCHEMA: PropSchema<RealtimeVmSettings> = {
  vcpus: Prop.wholeNumber(),
  topology: Prop.struct(TOPOLOGY, ['sockets', 'cores', 'threads'], 'a topology { sockets, cores, threads }'),
  maxSockets: Prop.wholeNumber(),
  memory: SIZE,
  bootDisk: Prop.withMethod('_volumeBody', 'a BootDisk', 'use BootDisk.containerDisk(image), .persistentVolumeClaim(claim) or .dataVolume(name)'),
  disks: Prop.arrayOf(Prop.withMethod('_volumeBody', 'a DataDisk', 'use DataDisk.containerDisk(image), .persistentVolumeClaim(claim) or .dataVolume(name)')),
  cloudInit: Prop.withMethod('_noCloud', 'a CloudInit', 'use CloudInit.fromSecret(name) or CloudInit.userData(text)'),
  allowInlineCredentials: Prop.boolean(),
  sshPublicKeySecrets: Prop.arrayOf(Prop.string()),
  dedicatedCpuPlacement: Prop.boolean(),
  isolateEmulatorThread: Prop.boolean(),
  ioThreads: Prop.boolean(),
  ioThreadsPolicy: Prop.oneOf(IoThreadsPolicy, 'IoThreadsPolicy'),
  supplementalPoolThreadCount: Prop.wholeNumber(),
  cpuModel: Prop.satisfies('a CpuModel', (v) => v !== null && typeof v === 'object' && typeof (v as { model?: unknown }).model === 'string',
    'use CpuModel.HOST_PASSTHROUGH or CpuModel.named("...")'),
  cpuFeatures: Prop.arrayOf(Prop.struct(CPU_FEATURE, ['name'], 'a CpuFeature { name, policy }')),
  guestMappingPassthrough: Prop.boolean(),
  hugePages: Prop.boolean(),
  hugePageSize: HUGE_PAGE_SIZE,
  realtime: Prop.boolean(),
  realtimeMask: Prop.satisfies('a RealtimeMask', (v) => v !== null && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string',
    'use RealtimeMask.parse("1-3"), RealtimeMask.vcpus([...]) or RealtimeMask.all()'),
  autoattachMemBalloon: Prop.boolean(),
  autoattachGraphicsDevice: Prop.boolean(),
  autoattachSerialConsole: Prop.boolean(),
  runStrategy: Prop.oneOf(RunStrategy, 'RunStrategy'),
  terminationGracePeriodSeconds: Prop.wholeNumber(),
  evictionStrategy: Prop.oneOf(EvictionStrategy, 'EvictionStrategy'),
  nodeSelector: Prop.record(Prop.string(true)),
  instancetype: Prop.satisfies('an instance type (RealtimeInstancetype or CommonInstancetype.named(...))',
    (v) => hasRef(v, 'instancetypeKind', 'instancetypeName', 'instancetypeSpec'),
    'pass a RealtimeInstancetype of the app or CommonInstancetype.named("rt1.xlarge")'),
  preference: Prop.satisfies('a preference (RealtimeInstancetype.preference or CommonPreference.named(...))',
    (v) => hasRef(v, 'preferenceKind', 'preferenceName', 'preferenceSpec'),
    'pass CommonPreference.named("rhel.9.realtime"), or leave it out to use the instance type\'s own'),
  tolerations: Prop.arrayOf(Prop.struct(TOLERATION, [], 'a VmToleration')),
};

/** An object with a kind and a name (non-empty strings) and a spec object under the given keys. */
function hasRef(v: unknown, kindKey: string, nameKey: string, specKey: string): boolean {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  const spec = o[specKey];
  return typeof o[kindKey] === 'string' && o[kindKey] !== '' && typeof o[nameKey] === 'string' && o[nameKey] !== ''
    && spec !== null && typeof spec === 'object' && !Array.isArray(spec);
}
