import * as YAML from 'yaml';
import { renderTalosBackend } from '../../../src/backends/talos/talos-backend';
import { TalosVersion } from '../../../src/values/cluster/talos-version';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';
import { schematicErrors, talosConfigErrors } from '../../talos-schema-validator';

describe('renderTalosBackend', () => {
  test('seed-002: patch, schematic and template, each valid against its schema; files are their YAML', () => {
    const out = renderTalosBackend(seed002Plan());
    expect(talosConfigErrors(out.machineConfigPatch)).toEqual([]);
    expect(schematicErrors(out.schematic)).toEqual([]);
    expectValidAgainstCrds([out.talosConfigTemplate]);
    expectNoLostValues([out.machineConfigPatch, out.schematic, out.talosConfigTemplate]);
    expect(out.files.map((f) => f.fileName)).toEqual(['worker-rt.talos-patch.yaml', 'worker-rt.schematic.yaml']);
    expect(YAML.parse(out.files[0].contents)).toEqual(out.machineConfigPatch);
    expect(YAML.parse(out.files[1].contents)).toEqual(out.schematic);
    expect((out.talosConfigTemplate as any).metadata.name).toBe('worker-rt-realtime');
    expect(out.rebootNotes.length).toBeGreaterThan(0);
    expect(out.limitations.length).toBeGreaterThan(0);
  });

  test('options: template name, namespace and Talos version', () => {
    const out = renderTalosBackend(seed002Plan(), { templateName: 'rt-v2', namespace: 'capi', version: TalosVersion.of('1.14.0') });
    expect((out.talosConfigTemplate as any).metadata).toEqual({ name: 'rt-v2', namespace: 'capi' });
    expect((out.talosConfigTemplate as any).spec.template.spec.talosVersion).toBe('v1.14');
  });

  test('deterministic: the same plan renders byte-identical files', () => {
    expect(renderTalosBackend(seed002Plan()).files).toEqual(renderTalosBackend(seed002Plan()).files);
  });

  test('seed-002 files (snapshot)', () => {
    expect(renderTalosBackend(seed002Plan()).files.map((f) => `# ${f.fileName}\n${f.contents}`).join('---\n')).toMatchSnapshot();
  });
});

describe('renderTalosBackend with the Image Factory installer', () => {
  const installerImage = `factory.talos.dev/metal-installer/${'a'.repeat(64)}:v1.13.9`;

  test('machine.install.image in the patch (first configPatches op), still valid against both schemas', () => {
    const out = renderTalosBackend(seed002Plan(), { installerImage });
    expect((out.machineConfigPatch as any).machine.install).toEqual({ image: installerImage });
    expect(Object.keys((out.machineConfigPatch as any).machine)[0]).toBe('install');
    expect(talosConfigErrors(out.machineConfigPatch)).toEqual([]);
    const ops = (out.talosConfigTemplate as any).spec.template.spec.configPatches;
    expect(ops[0]).toEqual({ op: 'add', path: '/machine/install/image', value: installerImage });
    expectValidAgainstCrds([out.talosConfigTemplate]);
  });
});
