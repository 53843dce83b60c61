import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { CliIo, main } from '../../src/cli/main';
import { KubeVirtConfiguration } from '../../src/constructs/cluster/kubevirt-configuration';
import { ALL_CODES } from '../../src/rules/codes';
import { FeatureGate } from '../../src/values/cluster/feature-gate';
import { HcoVersion } from '../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { HugePageSize } from '../../src/values/hugepage-size';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { ValidationError } from '../../src/values/validation-error';
import { memoryIo } from '../cli/io';
import { SEED_002_VIRSH_CAPABILITIES } from '../plan/seed-002';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

// Issue #6: every public entry point either returns a usable value or fails with the library's own error type,
// whose message names a registered code and the field. Never a TypeError/RangeError, never a hang. The constructs'
// props, CpuSet, HostTopology parsers and CpuPartition.plan have their own property tests next to their unit tests;
// this file covers the remaining entry points.

const RUNS = { numRuns: 200 };

/** Asserts `e` is the library's ValidationError with registered codes. */
function expectLibraryError(e: unknown): void {
  expect(e).toBeInstanceOf(ValidationError);
  for (const f of (e as ValidationError).findings) {
    expect(ALL_CODES).toHaveProperty([f.code]);
    expect(f.field.length).toBeGreaterThan(0);
  }
}

/** Asserts a synth failure lists only registered `[CODE]` lines. */
function expectSynthError(e: unknown): void {
  expect(e).toBeInstanceOf(Error);
  expect(e).not.toBeInstanceOf(TypeError);
  expect(e).not.toBeInstanceOf(RangeError);
  const codes = [...(e as Error).message.matchAll(/\[([A-Z][A-Z0-9_]+)\]/g)].map((m) => m[1]);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(ALL_CODES).toHaveProperty([code]);
}

/** Text that looks like the input grammar often enough to reach deep paths. */
const maskish = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.array(fc.oneof(fc.nat(40).map(String), fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => `${a}-${b}`),
    fc.nat(40).map((n) => `^${n}`), fc.constantFrom(' ', '', '-', '^', 'a', '01')), { maxLength: 6 }).map((p) => p.join(',')),
);

describe('entry points never crash', () => {
  test('RealtimeMask.parse: a mask or VM_MASK_SYNTAX; enabled vCPUs stay within the VM', () => {
    fc.assert(fc.property(maskish, fc.integer({ min: 1, max: 64 }), (text, vcpus) => {
      let mask: RealtimeMask;
      try {
        mask = RealtimeMask.parse(text);
      } catch (e) {
        expectLibraryError(e);
        expect((e as ValidationError).code).toBe('VM_MASK_SYNTAX');
        return;
      }
      for (const id of mask.enabledVcpus(vcpus)) {
        expect(Number.isInteger(id)).toBe(true);
        expect(id).toBeGreaterThanOrEqual(0);
        expect(id).toBeLessThan(vcpus);
      }
      expect(mask.toString()).not.toMatch(/undefined|NaN/);
    }), RUNS);
  });

  test('KubeVirtVersion.of / HcoVersion.of / FeatureGate.custom / HugePageSize.parse', () => {
    const versionish = fc.oneof(fc.string({ maxLength: 12 }),
      fc.tuple(fc.constantFrom('', 'v'), fc.nat(20), fc.nat(30), fc.nat(9)).map(([v, a, b, c]) => `${v}${a}.${b}.${c}`));
    fc.assert(fc.property(versionish, fc.string({ maxLength: 16 }), fc.string({ maxLength: 5 }), (version, gate, size) => {
      for (const parse of [() => KubeVirtVersion.of(version), () => HcoVersion.of(version),
        () => FeatureGate.custom(gate), () => HugePageSize.parse(size)]) {
        try {
          const value = parse();
          expect(String(value)).not.toMatch(/undefined|NaN|\[object Object\]/);
        } catch (e) {
          expectLibraryError(e);
        }
      }
    }), RUNS);
  });

  test('KubeVirtConfiguration: random targets and gate lists → a synth error with codes, or valid CRs', () => {
    const gates = fc.array(fc.constantFrom(...FeatureGate.wellKnown(), FeatureGate.custom('SomeFutureGate')), { maxLength: 4 });
    const target = fc.oneof(
      fc.record({ version: fc.constantFrom(...KubeVirtVersion.known()) }),
      fc.record({ hcoVersion: fc.constantFrom(...HcoVersion.known()) }),
      fc.record({ version: fc.constantFrom(...KubeVirtVersion.known()), hcoVersion: fc.constantFrom(...HcoVersion.known()) }),
      fc.constant({}),
    );
    fc.assert(fc.property(target, gates, gates, (t, extra, disabled) => {
      const chart = Testing.chart();
      new KubeVirtConfiguration(chart, 'KubeVirt', { ...t, extraFeatureGates: extra, disabledFeatureGates: disabled });
      let objects: any[];
      try {
        objects = Testing.synth(chart);
      } catch (e) {
        expectSynthError(e);
        return;
      }
      expectValidAgainstCrds(objects);
      expectNoLostValues(objects);
    }), { numRuns: 100 });
  });

  test('the plan CLI: any argv gives exit code 0, 1 or 2, never throws, and explains every failure', async () => {
    const flag = fc.constantFrom('plan', 'host.xml', '-', '--reserved-cpus', '--offlined-cpus', '--split-across-numa',
      '--disable-smt', '--vcpus', '--memory', '--hugepage-size', '--isolate-emulator-thread', '--no-isolate-emulator-thread',
      '--emulator-even-parity', '--no-emulator-even-parity', '--hugepages', '--format', '--svg', '--help', 'json', 'text', '4', '0', '-1',
      '99', '1Gi', '2Mi', '3Gi', 'none', '1Gi:52', '1Gi:4@1', '1Gi:4@7', '2Mi:0', 'x', '--nope', 'out.svg', '--');
    // Half the runs start from a valid command so the random tail reaches planning and rendering, not only parsing.
    const argvs = fc.oneof(fc.array(flag, { maxLength: 10 }),
      fc.array(flag, { maxLength: 8 }).map((tail) => ['plan', 'host.xml', '--reserved-cpus', '4', ...tail]));
    const seen = new Set<number>();
    await fc.assert(fc.asyncProperty(argvs, async (argv) => {
      const env = memoryIo({ files: { 'host.xml': SEED_002_VIRSH_CAPABILITIES }, stdin: SEED_002_VIRSH_CAPABILITIES });
      const io: CliIo = {
        ...env.io,
        fs: { ...env.io.fs, writeFileSync: (file: string) => expect(argv).toContain(file) }, // it writes only where it was told to
      };
      const code = await main(argv, io);
      seen.add(code);
      expect([0, 1, 2]).toContain(code);
      if (code !== 0) expect(env.stderr.text).toMatch(/\S/);
      expect(env.stdout.text + env.stderr.text).not.toMatch(/undefined|NaN|Infinity|\[object Object\]|TypeError|\n\s+at /);
    }), {
      numRuns: 150,
      // One known case per exit code, so the property is always exercised on each outcome whatever the random draw.
      examples: [[['plan', 'host.xml', '--reserved-cpus', '4']], [['plan', 'host.xml', '--reserved-cpus', '99']], [['--nope']]],
    });
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});
