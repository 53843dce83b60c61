import { Size } from 'cdk8s';
import * as fc from 'fast-check';
import { HugePageSize } from '../../src/model/hugepage-size';
import { RealtimeMask } from '../../src/model/realtime-mask';
import { CloudInit } from '../../src/vm/cloud-init';
import { CpuFeaturePolicy } from '../../src/vm/cpu-feature';
import { CpuModel } from '../../src/vm/cpu-model';
import { BootDisk, DataDisk } from '../../src/vm/disk';
import { EvictionStrategy } from '../../src/vm/eviction-strategy';
import { IoThreadsPolicy } from '../../src/vm/io-threads-policy';
import { RealtimeVirtualMachineProps } from '../../src/vm/realtime-virtual-machine-props';
import { ResolvedVm, resolveVm } from '../../src/vm/resolve';
import { RunStrategy } from '../../src/vm/run-strategy';

// VM props, valid or not, for the properties the renderers and the admission shortcuts must keep for any input: every
// prop the spec renders varies, with values a JavaScript caller could pass besides the typed ones.

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const anyVmProps: fc.Arbitrary<RealtimeVirtualMachineProps> = fc.record({
  vcpus: opt(fc.oneof(fc.integer({ min: -1, max: 16 }), fc.constant(NaN), fc.constant(1.5))),
  topology: opt(fc.record({
    sockets: fc.integer({ min: 0, max: 3 }), cores: fc.integer({ min: 1, max: 4 }), threads: fc.integer({ min: 1, max: 3 }),
  })),
  memory: fc.oneof(fc.integer({ min: 1, max: 8 }).map((g) => Size.gibibytes(g)), fc.integer({ min: 0, max: 5000 }).map((m) => Size.mebibytes(m))),
  hugePages: opt(fc.boolean()),
  hugePageSize: opt(fc.constantFrom(HugePageSize.TWO_MI, HugePageSize.ONE_GI)),
  realtime: opt(fc.boolean()),
  realtimeMask: opt(fc.constantFrom(RealtimeMask.all(), RealtimeMask.parse('1-3'), RealtimeMask.vcpus([1]), RealtimeMask.fromText('x'))),
  isolateEmulatorThread: opt(fc.boolean()),
  dedicatedCpuPlacement: opt(fc.boolean()),
  guestMappingPassthrough: opt(fc.boolean()),
  ioThreads: opt(fc.boolean()),
  ioThreadsPolicy: opt(fc.constantFrom(...Object.values(IoThreadsPolicy))),
  supplementalPoolThreadCount: opt(fc.integer({ min: -1, max: 3 })),
  cpuModel: opt(fc.constantFrom(CpuModel.HOST_PASSTHROUGH, CpuModel.HOST_MODEL, CpuModel.named('Skylake-Server-IBRS'))),
  cpuFeatures: opt(fc.array(fc.record({
    name: fc.constantFrom('tsc-deadline', 'invtsc', ''),
    policy: opt(fc.constantFrom(...Object.values(CpuFeaturePolicy), 'bogus' as CpuFeaturePolicy)),
  }), { maxLength: 2 })),
  runStrategy: opt(fc.constantFrom(...Object.values(RunStrategy), 'Sometimes' as RunStrategy)),
  evictionStrategy: opt(fc.constantFrom(...Object.values(EvictionStrategy))),
  autoattachGraphicsDevice: opt(fc.boolean()),
  autoattachMemBalloon: opt(fc.boolean()),
  autoattachSerialConsole: opt(fc.boolean()),
  terminationGracePeriodSeconds: opt(fc.integer({ min: 0, max: 600 })),
  cloudInit: opt(fc.constantFrom(CloudInit.fromSecret('s'), CloudInit.userData('#cloud-config\n'))),
  sshPublicKeySecrets: opt(fc.array(fc.constantFrom('k1', 'k2', ''), { maxLength: 2 })),
  nodeSelector: opt(fc.dictionary(fc.constantFrom('a', 'b/c'), fc.constantFrom('', 'x'), { noNullPrototype: true })),
  tolerations: opt(fc.array(fc.record({ key: opt(fc.constant('k')), exists: opt(fc.boolean()) }), { maxLength: 2 })),
  disks: opt(fc.array(fc.constantFrom(DataDisk.persistentVolumeClaim('data'), DataDisk.containerDisk('img:1')), { maxLength: 2 })),
}).map((p) => ({ ...p, bootDisk: BootDisk.containerDisk('quay.io/example/rt:1') }) as RealtimeVirtualMachineProps);

/**
 * Pairs of props that share most fields (each taken from a second arbitrary props with odds 1 in 12): what the memo
 * keys' properties need, where both "same key" and "one field apart" must come up often.
 */
const oneIn12 = fc.integer({ min: 0, max: 11 }).map((n) => n === 0);

export const similarVmPropsPairs = fc.tuple(anyVmProps, anyVmProps, fc.array(oneIn12, { minLength: 40, maxLength: 40 }))
  .map(([a, b, take]) => {
    const mixed: Record<string, unknown> = { ...a };
    Object.keys(b).forEach((k, i) => {
      if (take[i % take.length]) mixed[k] = (b as any)[k];
    });
    return [a, mixed as unknown as RealtimeVirtualMachineProps] as const;
  });

/**
 * Checks a memo key over `similarVmPropsPairs`: VMs with equal keys have the same `outcome` (with `bothWays`, VMs
 * with different outcomes also have different keys), and both equal keys and different outcomes came up often enough
 * for that to mean something.
 */
export function expectKeyDecidesOutcome(keyOf: (vm: ResolvedVm) => string | undefined,
  outcome: (p: RealtimeVirtualMachineProps) => string, options: { numRuns: number; bothWays: boolean }): void {
  let sameKey = 0;
  let differentOutcome = 0;
  fc.assert(fc.property(similarVmPropsPairs, ([a, b]) => {
    const ka = keyOf(resolveVm('a', a));
    const kb = keyOf(resolveVm('b', b));
    if (ka === undefined || kb === undefined) return;
    const same = outcome(a) === outcome(b);
    if (ka === kb) sameKey++;
    if (!same) differentOutcome++;
    if (options.bothWays) expect(ka === kb).toBe(same);
    else if (ka === kb) expect(same).toBe(true);
  }), { numRuns: options.numRuns });
  expect(sameKey).toBeGreaterThan(20);
  expect(differentOutcome).toBeGreaterThan(20);
}

