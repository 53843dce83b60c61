import { Size } from 'cdk8s';
import { renderAdmissionSpec } from '../../../src/backends/vm/render';
import { resolveVm } from '../../../src/model/vm/vm-model';
import { givenSettingsOf, resolveSettings, settingsKeyOf } from '../../../src/model/vm/vm-settings';
import { admissionFindings } from '../../../src/rules/vm-admission';
import { vmShapeFindings } from '../../../src/rules/vm-rules';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { CpuFeaturePolicy } from '../../../src/values/vm/cpu-feature';
import { CpuModel } from '../../../src/values/vm/cpu-model';
import { DataDisk } from '../../../src/values/vm/disk';
import { EvictionStrategy } from '../../../src/values/vm/eviction-strategy';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { RealtimeVmSettings } from '../../../src/values/vm/realtime-vm-settings';
import { RunStrategy } from '../../../src/values/vm/run-strategy';
import { VM_SETTINGS_SCHEMA } from '../../../src/values/vm/vm-settings-schema';
import { minimalProps } from '../../fixtures/vm';
import { expectKeyDecidesOutcome } from '../../fixtures/vm-props-arbitrary';

// VMs of one shape share every check that reads their settings (AppCheck runs them once per shape key). The key is
// the canonical JSON of the settings as given, so it holds everything those checks can read: they take the given
// and resolved settings only, and those are a function of the key.

/** What the per-shape checks find for a VM, as text. */
function perShapeOutcome(p: RealtimeVmSettings): string {
  const vm = resolveVm({ id: 'vm' }, p);
  return JSON.stringify([vmShapeFindings(vm), admissionFindings({ spec: renderAdmissionSpec(vm.settings) })]);
}

/** The settings props that make a VM itself rather than its shape. */
const IDENTITY_PROPS = ['bootDisk', 'disks', 'cloudInit', 'allowInlineCredentials', 'sshPublicKeySecrets', 'nodeSelector', 'tolerations'];

/** A value for each settings prop that differs from minimalProps() and its defaults. */
const VARIANTS: { [K in keyof RealtimeVmSettings]?: Partial<RealtimeVmSettings> } = {
  vcpus: { vcpus: 4 },
  maxSockets: { maxSockets: 2 },
  topology: { vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 1 } },
  memory: { memory: Size.mebibytes(1536) },
  dedicatedCpuPlacement: { dedicatedCpuPlacement: true },
  isolateEmulatorThread: { isolateEmulatorThread: true },
  ioThreads: { ioThreads: true },
  ioThreadsPolicy: { ioThreadsPolicy: IoThreadsPolicy.AUTO },
  supplementalPoolThreadCount: { supplementalPoolThreadCount: 1 },
  cpuModel: { cpuModel: CpuModel.HOST_PASSTHROUGH },
  cpuFeatures: { cpuFeatures: [{ name: 'tsc-deadline', policy: CpuFeaturePolicy.REQUIRE }] },
  guestMappingPassthrough: { guestMappingPassthrough: true },
  hugePages: { hugePages: true },
  hugePageSize: { hugePageSize: HugePageSize.ONE_GI },
  realtime: { realtime: true },
  realtimeMask: { realtimeMask: RealtimeMask.all() },
  autoattachMemBalloon: { autoattachMemBalloon: false },
  autoattachGraphicsDevice: { autoattachGraphicsDevice: false },
  autoattachSerialConsole: { autoattachSerialConsole: true },
  runStrategy: { runStrategy: RunStrategy.ALWAYS },
  terminationGracePeriodSeconds: { terminationGracePeriodSeconds: 180 },
  evictionStrategy: { evictionStrategy: EvictionStrategy.NONE },
};

describe('the shape key', () => {
  test('VMs with the same key get the same findings from every per-shape check', () => {
    expectKeyDecidesOutcome((vm) => vm.shapeKey, perShapeOutcome, { numRuns: 800, bothWays: false });
  });

  test('is derived from the settings as given: every settings prop is part of it, even set to its default', () => {
    const settingsProps = Object.keys(VM_SETTINGS_SCHEMA).filter((k) => !IDENTITY_PROPS.includes(k)).sort();
    expect(Object.keys(VARIANTS).sort()).toEqual(settingsProps);
    const base = settingsKeyOf(givenSettingsOf(minimalProps()));
    for (const [prop, variant] of Object.entries(VARIANTS)) {
      expect([prop, settingsKeyOf(givenSettingsOf(minimalProps(variant)))]).not.toEqual([prop, base]);
    }
  });

  test('names, disks, cloud-init, selectors, tolerations and pod labels are not part of it', () => {
    const a = resolveVm({ id: 'a' }, minimalProps());
    const b = resolveVm({ id: 'b', metadata: { name: 'other', namespace: 'ns' }, podLabels: { app: 'x' } }, minimalProps({
      disks: [DataDisk.persistentVolumeClaim('data')],
      cloudInit: CloudInit.fromSecret('s'),
      sshPublicKeySecrets: ['keys'],
      nodeSelector: { zone: 'a' },
      tolerations: [{ key: 'rt', exists: true }],
    }));
    expect(b.shapeKey).toBe(a.shapeKey);
  });

  test('equal keys, equal resolved settings', () => {
    for (const p of [minimalProps(), minimalProps({ vcpus: 3, realtimeMask: RealtimeMask.parse('1-2') })]) {
      const g = givenSettingsOf(p);
      expect(resolveSettings(JSON.parse(settingsKeyOf(g)))).toEqual(resolveSettings(g));
    }
  });
});
