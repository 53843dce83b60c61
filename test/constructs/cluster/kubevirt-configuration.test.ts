import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { Warnings } from '../../../src/constructs/app/warnings';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { KubeVirtConfigurationProps } from '../../../src/constructs/cluster/kubevirt-configuration-props';
import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { KubeVirtFeatureUse as U } from '../../../src/values/cluster/feature-use';
import { HcoVersion } from '../../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { FakeConsumer } from '../../fixtures/consumer';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

/** A real-time VM as the VM construct will declare it: dedicated CPUs, NUMA passthrough, even-parity emulator CPUs. */
const RT_VM = [U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH, U.EMULATOR_THREAD_EVEN_PARITY];

function build(props: KubeVirtConfigurationProps, consumers: Record<string, U[]> = {}) {
  const chart = Testing.chart();
  const config = new KubeVirtConfiguration(chart, 'cluster', props);
  for (const [id, uses] of Object.entries(consumers)) new FakeConsumer(chart, id, uses);
  return { chart, config };
}

function synth(props: KubeVirtConfigurationProps, consumers: Record<string, U[]> = {}) {
  const { chart, config } = build(props, consumers);
  const objects = Testing.synth(chart);
  expectValidAgainstCrds(objects);
  expectNoLostValues(objects);
  return { objects, config, warnings: Warnings.of(chart.node.root).findings().map((w) => w.finding) };
}

function synthError(props: KubeVirtConfigurationProps, consumers: Record<string, U[]> = {}): string {
  const { chart } = build(props, consumers);
  expect(() => Testing.synth(chart)).toThrow(/Validation failed/);
  try {
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('KubeVirtConfiguration on vanilla KubeVirt', () => {
  test('v1.3: CPUManager and NUMA (NUMA is opt-in before v1.4)', () => {
    // GIVEN a VM with dedicated CPUs and NUMA passthrough, WHEN targeting v1.3
    const { objects } = synth({ version: KubeVirtVersion.V1_3 }, { vm: [U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH] });
    // THEN one KubeVirt CR lists both gates
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({
      apiVersion: 'kubevirt.io/v1',
      kind: 'KubeVirt',
      metadata: { name: 'kubevirt', namespace: 'kubevirt' },
      spec: { configuration: { developerConfiguration: { featureGates: ['CPUManager', 'NUMA'] } } },
    });
    expect(objects[0].metadata.annotations).toBeUndefined();
    expect(objects).toMatchSnapshot();
  });

  test('v1.9: only CPUManager (NUMA is GA)', () => {
    const { objects, warnings } = synth({ version: KubeVirtVersion.V1_9 }, { vm: [U.DEDICATED_CPUS, U.GUEST_MAPPING_PASSTHROUGH] });
    expect(objects[0].spec.configuration.developerConfiguration.featureGates).toEqual(['CPUManager']);
    expect(warnings).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('even parity: AlignCPUs and the KubeVirt-CR annotation with an empty value', () => {
    const { objects } = synth({ version: KubeVirtVersion.V1_5 }, { vm: RT_VM });
    expect(objects[0].metadata.annotations).toEqual({ 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' });
    expect(objects[0].spec.configuration.developerConfiguration.featureGates).toEqual(['AlignCPUs', 'CPUManager']);
    expect(objects).toMatchSnapshot();
  });

  test('no consumer: an explicit empty gate list', () => {
    const { objects } = synth({ version: KubeVirtVersion.V1_9 });
    expect(objects[0].spec).toEqual({ configuration: { developerConfiguration: { featureGates: [] } } });
  });

  test('uses of every consumer in the app count, in any chart, even added after the configuration', () => {
    const app = Testing.app();
    const infra = new Chart(app, 'infra');
    const config = new KubeVirtConfiguration(infra, 'cluster', { version: KubeVirtVersion.V1_2, extraFeatureGates: [FeatureGate.custom('DownwardMetrics')] });
    const workloads = new Chart(app, 'workloads');
    new FakeConsumer(workloads, 'vm1', [U.DEDICATED_CPUS]);
    new FakeConsumer(workloads, 'vm2', [U.SIDECAR, U.DEDICATED_CPUS]);
    const objects = Testing.synth(infra);
    expect(objects[0].spec.configuration.developerConfiguration.featureGates).toEqual(['CPUManager', 'DownwardMetrics', 'Sidecar']);
    expect(config.enabledFeatureGates()).toEqual(['CPUManager', 'DownwardMetrics', 'Sidecar']);
    expect(KubeVirtConfiguration.findIn(workloads)).toBe(config);
    expect(KubeVirtConfiguration.isKubeVirtConfiguration(config)).toBe(true);
    expect(KubeVirtConfiguration.isKubeVirtConfiguration(infra)).toBe(false);
  });

  test('v1.8: disabledFeatureGates written; before v1.8 a disabled gate is just not listed', () => {
    const props = { disabledFeatureGates: [FeatureGate.VSOCK, FeatureGate.SIDECAR] };
    const v18 = synth({ version: KubeVirtVersion.V1_8, ...props }).objects[0];
    expect(v18.spec.configuration.developerConfiguration).toEqual({ featureGates: [], disabledFeatureGates: ['Sidecar', 'VSOCK'] });
    const v17 = synth({ version: KubeVirtVersion.V1_7, ...props }).objects[0];
    expect(v17.spec.configuration.developerConfiguration).toEqual({ featureGates: [] });
  });

  test('name and namespace can be overridden; exposes version, labels and the L1', () => {
    const { objects, config } = synth({ version: KubeVirtVersion.of('1.7.2'), name: 'kv', namespace: 'virt' });
    expect(objects[0].metadata).toEqual({ name: 'kv', namespace: 'virt' });
    expect(config.kubevirtVersion.toString()).toBe('v1.7.2');
    expect(config.kubevirtVersion.cpuManagerNodeLabel).toBe('cpumanager');
    expect(config.isHcoManaged).toBe(false);
    expect(config.resource.node.id).toBe('Resource');
  });

  test('escape hatch: addJsonPatch on the resource is applied after the typed serializer', () => {
    const { chart, config } = build({ version: KubeVirtVersion.V1_9 }, { vm: [U.DEDICATED_CPUS] });
    config.resource.addJsonPatch(JsonPatch.add('/spec/configuration/developerConfiguration/featureGates/-', 'Snapshot'));
    config.resource.addJsonPatch(JsonPatch.add('/spec/workloadUpdateStrategy', { workloadUpdateMethods: ['LiveMigrate'] }));
    const objects = Testing.synth(chart);
    expect(objects[0].spec.configuration.developerConfiguration.featureGates).toEqual(['CPUManager', 'Snapshot']);
    expect(objects[0].spec.workloadUpdateStrategy).toEqual({ workloadUpdateMethods: ['LiveMigrate'] });
    expectValidAgainstCrds(objects);
  });

  test('deterministic: the same app twice gives identical YAML', () => {
    const render = () => {
      const app = new App({ outdir: '/tmp/unused' });
      const chart = new Chart(app, 'c');
      new FakeConsumer(chart, 'vm-b', [U.SIDECAR, U.DEDICATED_CPUS]);
      new KubeVirtConfiguration(chart, 'cluster', {
        version: KubeVirtVersion.V1_3,
        extraFeatureGates: [FeatureGate.VSOCK, FeatureGate.custom('DownwardMetrics'), FeatureGate.VSOCK],
      });
      new FakeConsumer(chart, 'vm-a', [U.GUEST_MAPPING_PASSTHROUGH, U.EMULATOR_THREAD_EVEN_PARITY]);
      return app.synthYaml();
    };
    const first = render();
    expect(render()).toBe(first);
    expect(YAML.parse(first).spec.configuration.developerConfiguration.featureGates)
      .toEqual(['AlignCPUs', 'CPUManager', 'DownwardMetrics', 'NUMA', 'Sidecar', 'VSOCK']);
  });
});

describe('KubeVirtConfiguration on HCO (OpenShift Virtualization)', () => {
  test('HCO v1.13: HyperConverged v1beta1 with alignCPUs; CPUManager and NUMA are hard-coded by HCO', () => {
    const { objects, warnings, config } = synth({ hcoVersion: HcoVersion.V1_13 }, { vm: RT_VM });
    expect(objects).toHaveLength(1);
    expect(objects[0]).toEqual({
      apiVersion: 'hco.kubevirt.io/v1beta1',
      kind: 'HyperConverged',
      metadata: { name: 'kubevirt-hyperconverged', namespace: 'openshift-cnv' },
      spec: { featureGates: { alignCPUs: true } },
    });
    expect(warnings).toEqual([]);
    expect(config.isHcoManaged).toBe(true);
    expect(config.kubevirtVersion.toString()).toBe('v1.3.0');
    expect(config.enabledFeatureGates()).toEqual(['AlignCPUs']);
    expect(objects).toMatchSnapshot();
  });

  test('HCO v1.18: Sidecar through the jsonpatch annotation, with a warning', () => {
    const { objects, warnings } = synth({ hcoVersion: HcoVersion.V1_18 }, { vm: [...RT_VM, U.SIDECAR] });
    expect(objects[0].metadata.annotations).toEqual({
      'kubevirt.kubevirt.io/jsonpatch':
        '[{"op":"add","path":"/spec/configuration/developerConfiguration/featureGates/-","value":"Sidecar"}]',
    });
    expect(JSON.parse(objects[0].metadata.annotations['kubevirt.kubevirt.io/jsonpatch'])).toEqual([
      { op: 'add', path: '/spec/configuration/developerConfiguration/featureGates/-', value: 'Sidecar' },
    ]);
    expect(objects[0].spec).toEqual({ featureGates: { alignCPUs: true } });
    expect(warnings.map((w) => w.code)).toEqual(['HCO_GATE_VIA_JSONPATCH']);
    expect(objects).toMatchSnapshot();
  });

  test('HCO without consumers: an empty spec', () => {
    expect(synth({ hcoVersion: HcoVersion.V1_15 }).objects[0].spec).toEqual({});
  });

  test('HcoVersion.of() maps to the KubeVirt release for gate decisions', () => {
    const { objects } = synth({ hcoVersion: HcoVersion.of('1.11.1') }, { vm: [U.SIDECAR] });
    expect(JSON.parse(objects[0].metadata.annotations['kubevirt.kubevirt.io/jsonpatch'])).toHaveLength(1);
  });
});

describe('KubeVirtConfiguration findings at synth', () => {
  test('fails when a VM needs a gate the user disabled, naming the VM use and the gate', () => {
    const message = synthError({ version: KubeVirtVersion.V1_8, disabledFeatureGates: [FeatureGate.CPU_MANAGER] },
      { vm: [U.DEDICATED_CPUS] });
    expect(message).toContain('[test/cluster] [GATE_DISABLED_BUT_REQUIRED] disabledFeatureGates: got "CPUManager", expected CPUManager enabled, because DEDICATED_CPUS of test/vm needs it');
  });

  test('fails on a gate the release does not have and on a feature that needs a newer release', () => {
    const message = synthError({ version: KubeVirtVersion.V1_1, extraFeatureGates: [FeatureGate.ALIGN_CPUS] }, { vm: RT_VM });
    expect(message).toContain('[GATE_NOT_IN_VERSION] extraFeatureGates: got "AlignCPUs"');
    expect(message).toContain('[FEATURE_NEEDS_NEWER_KUBEVIRT] version: got "v1.1.0", expected KubeVirt v1.2.0 or later: EMULATOR_THREAD_EVEN_PARITY of test/vm needs the AlignCPUs gate');
  });

  test('fails on a gate both enabled and disabled', () => {
    const message = synthError({
      version: KubeVirtVersion.V1_8, extraFeatureGates: [FeatureGate.SIDECAR], disabledFeatureGates: [FeatureGate.SIDECAR],
    });
    expect(message).toContain('feature gate "Sidecar" exists on both "FeatureGates" and "DisabledFeatureGates"');
  });

  test('warns on a GA gate listed (NUMA on v1.4) and drops it from the output', () => {
    const { objects, warnings } = synth({ version: KubeVirtVersion.V1_4, extraFeatureGates: [FeatureGate.NUMA] });
    expect(objects[0].spec.configuration.developerConfiguration.featureGates).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'GATE_GA_REDUNDANT', field: 'extraFeatureGates', value: '"NUMA"' });
    expect(warnings[0].expected).toContain('feature gate NUMA is deprecated (feature state is "General Availability"), therefore it can be safely removed and is redundant');
  });

  test('fails without a target, and with both targets, without crashing at construction', () => {
    expect(synthError({}, { vm: [U.DEDICATED_CPUS] })).toContain('[CLUSTER_TARGET_MISSING] version: got (not set)');
    expect(synthError({ version: KubeVirtVersion.V1_3, hcoVersion: HcoVersion.V1_13 }))
      .toContain('[CLUSTER_TARGET_AMBIGUOUS] hcoVersion: got "both version and hcoVersion"');
  });

  test('fails on HCO with another CR name or a hard-coded gate disabled; warns on a hard-coded gate listed', () => {
    const message = synthError({ hcoVersion: HcoVersion.V1_16, name: 'my-hco', disabledFeatureGates: [FeatureGate.HOST_DEVICES] });
    expect(message).toContain('[HCO_NAME_FIXED] name: got "my-hco"');
    expect(message).toContain('[HCO_GATE_NOT_DISABLABLE] disabledFeatureGates: got "HostDevices"');
    const { warnings, objects } = synth({ hcoVersion: HcoVersion.V1_16, extraFeatureGates: [FeatureGate.CPU_MANAGER] });
    expect(warnings.map((w) => `${w.code} ${w.value}`)).toEqual(['HCO_GATE_HARD_CODED "CPUManager"']);
    expect(objects[0].spec).toEqual({});
  });

  test('fails on a name or namespace the API server refuses (issue 13), on KubeVirt and on HCO', () => {
    const message = synthError({ version: KubeVirtVersion.V1_9, name: 'Bad Name', namespace: 'NS!' });
    expect(message).toContain('[test/cluster] [CLUSTER_NAME_INVALID] name: got "Bad Name", expected a DNS-1123 subdomain');
    expect(message).toContain('[test/cluster] [CLUSTER_NAMESPACE_INVALID] namespace: got "NS!", expected a DNS-1123 label');
    expect(synthError({ version: KubeVirtVersion.V1_9, name: '' })).toContain('[CLUSTER_NAME_INVALID] name: got ""');
    expect(synthError({ hcoVersion: HcoVersion.V1_16, namespace: '' })).toContain('[CLUSTER_NAMESPACE_INVALID] namespace: got ""');
  });

  test.each([
    [{ version: '1.5' }, '[PROP_TYPE_INVALID] version: got "1.5", expected a KubeVirtVersion'],
    [{ version: HcoVersion.V1_13 }, '[PROP_TYPE_INVALID] version: got an object of class HcoVersion, expected a KubeVirtVersion'],
    [{ hcoVersion: KubeVirtVersion.V1_3 }, '[PROP_TYPE_INVALID] hcoVersion: got an object of class KubeVirtVersion, expected an HcoVersion'],
    [{ version: KubeVirtVersion.V1_9, extraFeatureGates: 'CPUManager' }, '[PROP_TYPE_INVALID] extraFeatureGates: got "CPUManager", expected a list'],
    [{ version: KubeVirtVersion.V1_9, disabledFeatureGates: ['NUMA'] }, '[PROP_TYPE_INVALID] disabledFeatureGates[0]: got "NUMA", expected a FeatureGate'],
    [{ version: KubeVirtVersion.V1_9, extraFeatureGates: [null] }, '[PROP_TYPE_INVALID] extraFeatureGates[0]: got null'],
    [{ version: KubeVirtVersion.V1_9, name: 42 }, '[PROP_TYPE_INVALID] name: got 42, expected a string'],
    [{ version: KubeVirtVersion.V1_9, namespace: null }, '[PROP_TYPE_INVALID] namespace: got null'],
    [{ version: KubeVirtVersion.V1_9, nmae: 'kv' }, '[PROP_UNKNOWN] nmae: got "kv", expected one of the KubeVirtConfiguration props'],
    [undefined, '[test/cluster] [PROP_TYPE_INVALID] KubeVirtConfiguration props: got (not set), expected an object with the '
      + 'KubeVirtConfiguration props; fix: pass an object literal, e.g. {}'],
  ])('refuses %j at the typed boundary, when constructed (issue 13)', (props, line) => {
    expect(() => build(props as unknown as KubeVirtConfigurationProps)).toThrow(line);
  });

  test('accepts versions and gates of another copy of the library (recognised by their fields)', () => {
    const foreignVersion = { major: 1, minor: 9, patch: 0, compareTo: KubeVirtVersion.V1_9.compareTo, atLeast: KubeVirtVersion.V1_9.atLeast };
    expect(() => build({ version: foreignVersion as unknown as KubeVirtVersion })).not.toThrow();
  });

  test('findIn refuses a scope that is not a construct (issue 13: a TypeError)', () => {
    expect(() => KubeVirtConfiguration.findIn(undefined as unknown as Chart)).toThrow('[PROP_REQUIRED] KubeVirtConfiguration.findIn(scope)');
    expect(() => KubeVirtConfiguration.findIn({} as Chart)).toThrow('[PROP_TYPE_INVALID] KubeVirtConfiguration.findIn(scope): got an object');
    const { chart, config } = build({ version: KubeVirtVersion.V1_9 });
    expect(KubeVirtConfiguration.findIn(chart)).toBe(config);
  });

  test('warns once per synth-relevant finding, even when the app is synthesized twice', () => {
    const { chart } = build({ version: KubeVirtVersion.of('1.10.0') });
    Testing.synth(chart);
    Testing.synth(chart);
    expect(Warnings.of(chart).findings().map((w) => w.finding.code)).toEqual(['VERSION_BEYOND_TABLE']);
  });
});
