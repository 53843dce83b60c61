import { JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { AppCheck } from '../../../src/constructs/app/app-check';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { ClusterFacts, NO_CLUSTER_FACTS } from '../../../src/model/cluster/cluster-facts';
import { FeatureGate } from '../../../src/values/cluster/feature-gate';
import { HcoVersion } from '../../../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { chartWithPool, synthError, vmProps } from '../../fixtures/placement';

/** The configuration of a chart. */
function configurationOf(chart: Construct): KubeVirtConfiguration {
  return chart.node.findAll().find((c): c is KubeVirtConfiguration => c instanceof KubeVirtConfiguration)!;
}

/** A chart with the SMT pool and a 4-vCPU VM on it, which needs even-parity completion. */
function appNeedingParity() {
  const { chart, pool } = chartWithPool();
  const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 4, nodePool: pool }));
  return { chart, pool, vm };
}

describe('AppCheck.clusterFacts', () => {
  test('nothing declared without a KubeVirtConfiguration', () => {
    expect(AppCheck.of(Testing.chart()).clusterFacts()).toEqual(NO_CLUSTER_FACTS);
  });

  test('v1.9: the VM asks for even parity, the configuration turns it on', () => {
    const { chart, vm } = appNeedingParity();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    expect(AppCheck.of(vm).clusterFacts()).toEqual({ hasConfiguration: true, kubevirtVersion: KubeVirtVersion.V1_9, evenParityCompletion: true });
  });

  test('v1.1 has no AlignCPUs, so no completion', () => {
    const { chart, vm } = appNeedingParity();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_1 });
    expect(AppCheck.of(vm).clusterFacts().evenParityCompletion).toBe(false);
  });

  test('a disabled AlignCPUs, or a JSON patch that removes the annotation, means no completion', () => {
    const disabled = appNeedingParity();
    new KubeVirtConfiguration(disabled.chart, 'KubeVirt', { version: KubeVirtVersion.V1_9, disabledFeatureGates: [FeatureGate.ALIGN_CPUS] });
    expect(AppCheck.of(disabled.vm).clusterFacts().evenParityCompletion).toBe(false);

    const patched = appNeedingParity();
    const config = new KubeVirtConfiguration(patched.chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    config.resource.addJsonPatch(JsonPatch.remove('/metadata/annotations'));
    expect(AppCheck.of(patched.vm).clusterFacts().evenParityCompletion).toBe(false);
  });

  test('a configuration that cannot be rendered (a broken JSON patch) counts as no completion', () => {
    const { chart, vm } = appNeedingParity();
    const config = new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    config.resource.addJsonPatch(JsonPatch.replace('/no/such/path', 1));
    expect(AppCheck.of(vm).clusterFacts().evenParityCompletion).toBe(false);
  });

  test('no VM needs it: no annotation, no completion (even with AlignCPUs listed)', () => {
    const chart = Testing.chart();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9, extraFeatureGates: [FeatureGate.ALIGN_CPUS] });
    expect(AppCheck.of(chart).clusterFacts().evenParityCompletion).toBe(false);
  });

  test('HCO: spec.featureGates.alignCPUs (v1.11+) turns it on', () => {
    const { chart, vm } = appNeedingParity();
    new KubeVirtConfiguration(chart, 'Hco', { hcoVersion: HcoVersion.V1_18 });
    expect(AppCheck.of(vm).clusterFacts())
      .toEqual({ hasConfiguration: true, kubevirtVersion: HcoVersion.V1_18.kubevirtVersion, evenParityCompletion: true });
  });
});

describe('AppCheck.clusterFacts in validation passes', () => {
  /** A construct that reads the facts twice in its validation. */
  function probe(scope: Construct, seen: ClusterFacts[]): void {
    new Construct(scope, 'Probe').node.addValidation({
      validate: () => {
        seen.push(AppCheck.of(scope).clusterFacts(), AppCheck.of(scope).clusterFacts());
        return [];
      },
    });
  }

  test('reads the facts once per validation pass, and afresh in the next pass', async () => {
    const { chart } = appNeedingParity(); // a VM opens validation passes for its app
    const seen: ClusterFacts[] = [];
    probe(chart, seen);
    expect(synthError(chart)).toContain('[PLACEMENT_SMT_ALIGNMENT]'); // no configuration yet: no even parity
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0].hasConfiguration).toBe(false);
    // The next pass (even right away, before the microtask closes this one) sees the configuration added since.
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    Testing.synth(chart);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2].evenParityCompletion).toBe(true);
    await Promise.resolve();
    // Outside a pass: read afresh (a JSON patch added since shows at once).
    configurationOf(chart).resource.addJsonPatch(JsonPatch.remove('/metadata/annotations'));
    expect(AppCheck.of(chart).clusterFacts().evenParityCompletion).toBe(false);
  });

  test('an app whose facts did not change gets the same facts object in its next passes', () => {
    // GIVEN an app with a configuration, synthesized twice (cdk8s validates it again for each chart, too)
    const { chart } = appNeedingParity();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const seen: ClusterFacts[] = [];
    probe(chart, seen);
    Testing.synth(chart);
    Testing.synth(chart);

    // THEN one object for every pass, so results kept by the facts' identity stay valid ...
    expect(new Set(seen).size).toBe(1);
    // ... until a fact changes: then another object
    configurationOf(chart).resource.addJsonPatch(JsonPatch.remove('/metadata/annotations'));
    expect(synthError(chart)).toContain('[PLACEMENT_SMT_ALIGNMENT]');
    expect(seen[seen.length - 1]).not.toBe(seen[0]);
    expect(seen[seen.length - 1].evenParityCompletion).toBe(false);
  });
});
