import { schematicErrors, talosConfigErrors } from './talos-schema-validator';

describe('Talos schema validator', () => {
  test('accepts a v1alpha1 worker config with kubelet extraConfig, sysctls, sysfs and labels', () => {
    expect(talosConfigErrors({
      version: 'v1alpha1',
      machine: {
        type: 'worker',
        kubelet: { extraConfig: { cpuManagerPolicy: 'static' } },
        sysctls: { 'kernel.sched_rt_runtime_us': '-1' },
        sysfs: { 'devices.system.node.node0.hugepages.hugepages-1048576kB.nr_hugepages': '26' },
        nodeLabels: { 'node.kubernetes.io/worker-rt': '' },
      },
      cluster: {},
    })).toEqual([]);
  });

  test('refuses deprecated fields that are absent from the schema (install.extraKernelArgs) and unknown fields', () => {
    expect(talosConfigErrors({ machine: { install: { extraKernelArgs: ['isolcpus=2-7'] } } }).length).toBeGreaterThan(0);
    expect(talosConfigErrors({ machine: { sysctl: {} } }).length).toBeGreaterThan(0);
    expect(talosConfigErrors({ machine: { sysctls: { 'kernel.panic': 10 } } }).length).toBeGreaterThan(0);
  });

  test('schematic: customization.extraKernelArgs passes, unknown fields and an "auto" bootloader do not', () => {
    expect(schematicErrors({ customization: { extraKernelArgs: ['nohz=on'] } })).toEqual([]);
    expect(schematicErrors({ customization: { kernelArgs: ['nohz=on'] } }).length).toBeGreaterThan(0);
    expect(schematicErrors({ customization: { bootloader: 'auto' } }).length).toBeGreaterThan(0);
    expect(schematicErrors({ customization: { extraKernelArgs: ['two args'] } }).length).toBeGreaterThan(0);
  });
});
