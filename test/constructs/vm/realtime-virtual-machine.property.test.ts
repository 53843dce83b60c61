import { Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { RealtimeVirtualMachineProps } from '../../../src/constructs/vm/realtime-virtual-machine-props';
import { CORE_CODES } from '../../../src/rules/codes-core';
import { VM_CODES } from '../../../src/rules/codes-vm';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { BootDisk } from '../../../src/values/vm/disk';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { RunStrategy } from '../../../src/values/vm/run-strategy';
import { expectDeployable } from '../../fixtures/vm';

const REGISTERED = { ...CORE_CODES, ...VM_CODES };

// Mostly valid values (so the deployable branch is exercised), with every kind of mistake mixed in.
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof(w(6, fc.constant(undefined)), w(1, arb));
const anyCount = fc.oneof(fc.integer({ min: -1, max: 8 }), fc.constant(1.5), fc.constant(NaN));

const cpuCount = fc.oneof(
  w(6, fc.integer({ min: 1, max: 8 }).map((vcpus) => ({ vcpus }))),
  w(3, fc.record({ sockets: fc.integer({ min: 1, max: 2 }), cores: fc.integer({ min: 1, max: 4 }), threads: fc.integer({ min: 1, max: 2 }) })
    .map((topology) => ({ topology }))),
  w(1, anyCount.map((vcpus) => ({ vcpus }))),
  w(1, fc.record({ sockets: anyCount, cores: anyCount, threads: fc.integer({ min: 0, max: 4 }) }).map((topology) => ({ topology }))),
  w(1, fc.constantFrom({}, { vcpus: 2, topology: { sockets: 2, cores: 1, threads: 1 } })),
);

const memory = fc.oneof(
  w(6, fc.integer({ min: 1, max: 4 }).map((g) => Size.gibibytes(g))),
  w(2, fc.integer({ min: 1, max: 2048 }).map((m) => Size.mebibytes(2 * m))),
  w(1, fc.integer({ min: 0, max: 4097 }).map((m) => Size.mebibytes(m))),
  w(1, fc.integer({ min: 1, max: 4 * 1024 * 1024 }).map((k) => Size.kibibytes(k))),
);

const maskToken = fc.oneof(
  fc.nat({ max: 9 }).map(String),
  fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 })).map(([a, b]) => `${a}-${b}`),
  fc.nat({ max: 9 }).map((n) => `^${n}`),
  fc.constantFrom(' 1 ', '01', '', 'x', '1-', '-1'),
);
const mask = fc.oneof(
  w(1, fc.constant(RealtimeMask.all())),
  w(3, fc.uniqueArray(fc.nat({ max: 1 }), { minLength: 1, maxLength: 2 }).map((ids) => RealtimeMask.vcpus(ids))),
  w(1, fc.uniqueArray(fc.nat({ max: 6 }), { minLength: 1, maxLength: 4 }).map((ids) => RealtimeMask.vcpus(ids))),
  w(1, fc.array(maskToken, { minLength: 1, maxLength: 4 }).map((ts) => RealtimeMask.fromText(ts.join(',')))),
  w(1, fc.string({ maxLength: 8 }).map((s) => RealtimeMask.fromText(s))),
);

const ioThreads = fc.oneof(
  w(6, fc.constant({})),
  w(2, fc.record({ ioThreadsPolicy: fc.constantFrom(...Object.values(IoThreadsPolicy)) })),
  w(2, fc.integer({ min: 1, max: 3 }).map((n) => ({ ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: n }))),
  w(1, fc.record({
    ioThreads: fc.boolean(),
    ioThreadsPolicy: fc.constantFrom(...Object.values(IoThreadsPolicy)),
    supplementalPoolThreadCount: fc.integer({ min: -1, max: 3 }),
  }, { requiredKeys: [] })),
);

const cloudInit = fc.constantFrom(
  CloudInit.fromSecret('rt-userdata'),
  CloudInit.userData('#cloud-config\nbootcmd:\n  - tuned-adm profile realtime\n'),
  CloudInit.userData('#cloud-config\npassword: fedora\nchpasswd: { expire: False }\n'),
);

const name = fc.oneof(
  w(3, fc.constantFrom('fedora-realtime', 'rt-1', 'a')),
  w(1, fc.string({ maxLength: 70 })),
  w(1, fc.stringMatching(/^[a-z0-9][-a-z0-9]{0,70}$/)),
);

const props: fc.Arbitrary<RealtimeVirtualMachineProps> = fc.record({
  cpu: cpuCount,
  io: ioThreads,
  name: rarely(name),
  memory,
  hugePages: rarely(fc.boolean()),
  hugePageSize: fc.oneof(w(4, fc.constant(undefined)), w(2, fc.constant(HugePageSize.TWO_MI)), w(1, fc.constant(HugePageSize.ONE_GI))),
  realtime: rarely(fc.boolean()),
  realtimeMask: fc.oneof(w(3, fc.constant(undefined)), w(3, mask)),
  dedicatedCpuPlacement: rarely(fc.boolean()),
  isolateEmulatorThread: rarely(fc.boolean()),
  guestMappingPassthrough: rarely(fc.boolean()),
  runStrategy: fc.option(fc.constantFrom(...Object.values(RunStrategy)), { nil: undefined }),
  cloudInit: fc.option(cloudInit, { nil: undefined }),
  allowInlineCredentials: rarely(fc.boolean()),
}).map(({ cpu, io, name: vmName, ...rest }) => ({
  ...cpu,
  ...io,
  ...rest,
  metadata: vmName === undefined ? undefined : { name: vmName },
  bootDisk: BootDisk.containerDisk('quay.io/example/rt:1'),
}) as RealtimeVirtualMachineProps);

describe('RealtimeVirtualMachine (property)', () => {
  test('any props either synthesize a deployable VM or fail with registered codes naming fields', () => {
    let deployable = 0;
    fc.assert(fc.property(props, (p) => {
      let objects: any[];
      try {
        // Wrong types are refused when the VM is built (a ValidationError), everything else at synth.
        const chart = Testing.chart();
        new RealtimeVirtualMachine(chart, 'vm', p);
        objects = Testing.synth(chart);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect(e).not.toBeInstanceOf(TypeError);
        expect(e).not.toBeInstanceOf(RangeError);
        const lines = (e as Error).message.split('\n').filter((l) => !l.startsWith('Validation failed')).map((l) => l.trim());
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          const m = /^\[test\/vm\] \[([A-Z0-9_]+)\] ([^:]+): got /.exec(line);
          expect(m).not.toBeNull();
          expect(REGISTERED).toHaveProperty(m![1]);
          expect(m![2].trim()).not.toBe('');
        }
        return;
      }
      expect(objects).toHaveLength(1);
      expectDeployable(objects);
      deployable++;
    }), { numRuns: 150 });
    // The generator is biased towards valid props, so both branches are exercised.
    expect(deployable).toBeGreaterThan(5);
  });
});
