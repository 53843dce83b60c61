import { talosConfigTemplate, talosConfigTemplateProps } from '../../../src/backends/talos/talos-config-template';
import { talosNodeSettings } from '../../../src/backends/talos/talos-node-settings';
import { TalosVersion } from '../../../src/values/cluster/talos-version';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { expectNoLostValues, expectValidAgainstCrds, knownKinds } from '../../schema-validator';

describe('TalosConfigTemplate', () => {
  const settings = talosNodeSettings(seed002Plan());

  test('v1alpha3 of CABPT v0.6.12: validates against the vendored CRD', () => {
    expect(knownKinds()).toContain('bootstrap.cluster.x-k8s.io/v1alpha3/TalosConfigTemplate');
    const template = talosConfigTemplate(settings, { name: 'worker-rt-realtime', version: TalosVersion.of('1.13.9') }) as any;
    expect(template.apiVersion).toBe('bootstrap.cluster.x-k8s.io/v1alpha3');
    expect(template.kind).toBe('TalosConfigTemplate');
    expect(template.metadata).toEqual({ name: 'worker-rt-realtime' });
    expect(template.spec.template.spec.generateType).toBe('worker');
    expect(template.spec.template.spec.talosVersion).toBe('v1.13');
    expect(template.spec.template.spec.configPatches).toHaveLength(4);
    expectValidAgainstCrds([template]);
    expectNoLostValues([template]);
  });

  test('a namespace when given', () => {
    const props = talosConfigTemplateProps(settings, { name: 'a', namespace: 'capi', version: TalosVersion.V1_13 });
    expect(props.metadata).toEqual({ name: 'a', namespace: 'capi' });
  });
});
