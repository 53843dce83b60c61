import { talosConfigPatchOps, talosMachineConfigPatch } from '../../../src/backends/talos/talos-machine-config-patch';
import { talosNodeSettings } from '../../../src/backends/talos/talos-node-settings';
import { CpuSet } from '../../../src/values/cpu-set';
import { TaintEffect } from '../../../src/values/vm/taint-effect';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { talosConfigErrors } from '../../talos-schema-validator';

/** Applies JSON-patch `add` operations to a copy of a document (the only op the backend emits). */
function applyAddOps(doc: any, ops: Array<{ op: string; path: string; value: unknown }>): any {
  const out = JSON.parse(JSON.stringify(doc));
  for (const { op, path, value } of ops) {
    expect(op).toBe('add');
    const keys = path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const parent = keys.slice(0, -1).reduce((node, key) => node[key], out);
    expect(parent).toBeDefined();
    parent[keys[keys.length - 1]] = value;
  }
  return out;
}

/** The relevant part of the worker config Talos (and CABPT) generates: machine.kubelet exists, the rest does not. */
const GENERATED_WORKER = { version: 'v1alpha1', machine: { type: 'worker', kubelet: { image: 'ghcr.io/siderolabs/kubelet:v1.36.0' } }, cluster: {} };

describe('Talos 1.13 machine-config patch', () => {
  test('seed-002: validates against the v1.13.9 machine-config schema, alone and merged into a worker config', () => {
    const patch = talosMachineConfigPatch(talosNodeSettings(seed002Plan()));
    expect(talosConfigErrors(patch)).toEqual([]);
    expect(talosConfigErrors({ ...GENERATED_WORKER, machine: { ...GENERATED_WORKER.machine, ...(patch.machine as object) } })).toEqual([]);
    expect(Object.keys(patch.machine as object)).toEqual(['kubelet', 'sysctls', 'sysfs', 'nodeLabels']);
  });

  test('with offlined CPUs and taints it still validates; no deprecated field (install.extraKernelArgs) is ever written', () => {
    const plan = seed002Plan({ offlinedCpus: CpuSet.of([15]), nodeTaints: [{ key: 'rt', value: 'yes', effect: TaintEffect.NO_SCHEDULE }] });
    const patch = talosMachineConfigPatch(talosNodeSettings(plan));
    expect(talosConfigErrors(patch)).toEqual([]);
    expect(JSON.stringify(patch)).not.toContain('extraKernelArgs');
    expect(JSON.stringify(patch)).not.toContain('nodeTaints');
  });

  test('empty maps are left out', () => {
    const patch = talosMachineConfigPatch(talosNodeSettings(seed002Plan({ sysctls: {}, numaHugePages: [], nodeLabels: {} })));
    expect(Object.keys(patch.machine as object)).toEqual(['kubelet']);
    expect(talosConfigErrors(patch)).toEqual([]);
  });

  test('the configPatches ops, applied to a generated worker config, give the same machine config as the strategic patch', () => {
    const settings = talosNodeSettings(seed002Plan({ offlinedCpus: CpuSet.of([15]) }));
    const ops = talosConfigPatchOps(settings);
    expect(ops.map((o) => o.path)).toEqual(['/machine/kubelet/extraConfig', '/machine/sysctls', '/machine/sysfs', '/machine/nodeLabels']);
    const patched = applyAddOps(GENERATED_WORKER, ops);
    expect(talosConfigErrors(patched)).toEqual([]);
    const patch = talosMachineConfigPatch(settings) as any;
    expect(patched.machine.kubelet.extraConfig).toEqual(patch.machine.kubelet.extraConfig);
    expect(patched.machine.sysfs).toEqual(patch.machine.sysfs);
  });
});
