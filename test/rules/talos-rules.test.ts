import {
  talosBootHugePagesFindings, talosHousekeepingFindings, talosInstallerImageFindings, talosKernelDefaultsFindings,
  talosKubeletFieldsFindings, talosPlanFindings,
  talosRealtimeKernelFindings, talosRtGroupSchedFindings, talosSystemReservedFindings, talosVersionFindings, TALOS_PROTECTED_KUBELET_FIELDS,
} from '../../src/rules/talos-rules';
import { TalosVersion } from '../../src/values/cluster/talos-version';
import { Severity } from '../../src/values/finding';
import { HugePageSize } from '../../src/values/hugepage-size';
import { planOf, seed002Plan } from '../fixtures/node-tuning-plan';
import { guideProps } from '../fixtures/pool';

describe('Talos rules', () => {
  const INSTALLER = `factory.talos.dev/metal-installer/${'f'.repeat(64)}:v1.13.9`;

  test('seed-002 as a Talos pool with its installer: only the SCHED_FIFO EPERM warning', () => {
    expect(talosPlanFindings(seed002Plan(), TalosVersion.V1_13, INSTALLER).map((f) => [f.code, f.severity]))
      .toEqual([['TALOS_RT_GROUP_SCHED_EPERM', Severity.WARNING]]);
    expect(talosRtGroupSchedFindings()[0].fix).toContain('pkgs#1484');
  });

  test('TALOS_KUBELET_FIELD_PROTECTED: every field of ProtectedConfigurationFields is refused', () => {
    const kubelet = { ...seed002Plan().kubelet, port: 10251, staticPodPath: '/x', cpuManagerPolicy: 'static' };
    expect(talosKubeletFieldsFindings(seed002Plan({ kubelet })).map((f) => [f.code, f.field])).toEqual([
      ['TALOS_KUBELET_FIELD_PROTECTED', 'kubelet.port'],
      ['TALOS_KUBELET_FIELD_PROTECTED', 'kubelet.staticPodPath'],
    ]);
    expect(TALOS_PROTECTED_KUBELET_FIELDS).toHaveLength(13);
  });

  test('TALOS_SYSTEM_RESERVED_IMPLICIT: Static memory manager without systemReserved.memory', () => {
    const { systemReserved, ...rest } = seed002Plan().kubelet;
    expect(systemReserved).toBeDefined();
    expect(talosSystemReservedFindings(seed002Plan({ kubelet: rest })).map((f) => f.code)).toEqual(['TALOS_SYSTEM_RESERVED_IMPLICIT']);
    expect(talosSystemReservedFindings(seed002Plan({ kubelet: { ...rest, memoryManagerPolicy: 'None' } }))).toEqual([]);
  });

  test('TALOS_REALTIME_KERNEL_UNAVAILABLE: realtimeKernel true is refused with the preempt=full fix', () => {
    const [finding] = talosRealtimeKernelFindings(seed002Plan({ realtimeKernel: true }));
    expect(finding.code).toBe('TALOS_REALTIME_KERNEL_UNAVAILABLE');
    expect(finding.severity).toBe(Severity.ERROR);
    expect(finding.fix).toContain('preempt=full');
  });

  test('TALOS_BOOT_HUGEPAGES_REORDERED: two sizes with boot-time pages; pinned sizes (hugepages=0) are fine', () => {
    const twoBootSizes = planOf(guideProps({
      realtimeKernel: false,
      hugepages: [{ size: HugePageSize.ONE_GI, count: 40 }, { size: HugePageSize.TWO_MI, count: 1024 }],
      defaultHugePageSize: HugePageSize.ONE_GI,
    }));
    const [finding] = talosBootHugePagesFindings(twoBootSizes);
    expect(finding.code).toBe('TALOS_BOOT_HUGEPAGES_REORDERED');
    expect(finding.value).toBe('"2M, 1G"');
    const oneBootOnePinned = planOf(guideProps({
      realtimeKernel: false,
      hugepages: [{ size: HugePageSize.ONE_GI, count: 40 }, { size: HugePageSize.TWO_MI, count: 512, numaNode: 0 }],
      defaultHugePageSize: HugePageSize.ONE_GI,
    }));
    // 2M pinned (hugepages=0) and 1G at boot: grouping gives hugepagesz=2M hugepagesz=1G hugepages=0 hugepages=40, so the
    // 40 pages are lost too: refused.
    expect(talosBootHugePagesFindings(oneBootOnePinned).map((f) => f.code)).toEqual(['TALOS_BOOT_HUGEPAGES_REORDERED']);
    expect(talosBootHugePagesFindings(seed002Plan())).toEqual([]);
    expect(talosBootHugePagesFindings(planOf(guideProps({ hugepages: [{ size: HugePageSize.ONE_GI, count: 52 }] })))).toEqual([]);
  });

  test('TALOS_HOUSEKEEPING_UNPINNED: isolcpus without domain (balanceIsolated true)', () => {
    const balanced = planOf(guideProps({ realtimeKernel: false, balanceIsolated: true }));
    expect(talosHousekeepingFindings(balanced).map((f) => [f.code, f.severity])).toEqual([['TALOS_HOUSEKEEPING_UNPINNED', Severity.WARNING]]);
    expect(talosHousekeepingFindings(seed002Plan())).toEqual([]);
    expect(talosHousekeepingFindings(seed002Plan({ kernelArguments: ['nohz=on'] }))).toEqual([]);
  });

  test('TALOS_SYSCTL_KUBELET_PROTECTED: a kernel default the kubelet checks, with another value', () => {
    const plan = seed002Plan({ sysctls: { 'kernel.panic': '0', 'vm/overcommit_memory': '1', 'kernel.panic_on_oops': '1' } });
    expect(talosKernelDefaultsFindings(plan).map((f) => [f.code, f.field, f.expected])).toEqual([
      ['TALOS_SYSCTL_KUBELET_PROTECTED', 'sysctls.kernel.panic', '10 (the kubelet\'s protectKernelDefaults value)'],
    ]);
  });

  test('TALOS_MACHINE_CONFIG_DEPRECATED: Talos 1.14 deprecates the v1alpha1 fields the backend writes', () => {
    expect(talosVersionFindings(TalosVersion.of('1.13.9'))).toEqual([]);
    expect(talosVersionFindings(TalosVersion.of('1.14.0-rc.1')).map((f) => f.code)).toEqual(['TALOS_MACHINE_CONFIG_DEPRECATED']);
    expect(talosPlanFindings(seed002Plan(), TalosVersion.V1_14).map((f) => f.code)).toContain('TALOS_MACHINE_CONFIG_DEPRECATED');
  });

  test('the library\'s default pool (real-time kernel, node-role label, balanced isolation) collects every Talos refusal', () => {
    const plan = planOf(guideProps(), { nodeLabels: { 'node-role.kubernetes.io/worker-rt': '' } });
    expect(talosPlanFindings(plan).map((f) => f.code)).toEqual([
      'NODE_LABEL_NOT_SELF_ASSIGNABLE', 'TALOS_REALTIME_KERNEL_UNAVAILABLE', 'TALOS_HOUSEKEEPING_UNPINNED', 'TALOS_INSTALLER_IMAGE_UNSET',
      'TALOS_RT_GROUP_SCHED_EPERM',
    ]);
  });
});

describe('Talos installer image', () => {
  test('TALOS_INSTALLER_IMAGE_UNSET when the backend has no installerImage; none when it has one', () => {
    expect(talosInstallerImageFindings(undefined).map((f) => [f.code, f.severity])).toEqual([['TALOS_INSTALLER_IMAGE_UNSET', Severity.WARNING]]);
    expect(talosPlanFindings(seed002Plan(), TalosVersion.V1_13, undefined).map((f) => f.code)).toContain('TALOS_INSTALLER_IMAGE_UNSET');
    for (const ok of [`factory.talos.dev/metal-installer/${'a'.repeat(64)}:v1.13.9`, 'registry.local:5000/installer:v1.13.9',
      `factory.talos.dev/installer@sha256:${'0'.repeat(64)}`]) {
      expect(talosInstallerImageFindings(ok)).toEqual([]);
    }
  });

  test('TALOS_INSTALLER_IMAGE_INVALID: no tag, whitespace, empty', () => {
    for (const bad of ['factory.talos.dev/metal-installer/abc', 'registry.local:5000/installer', 'a b:v1', '', 42 as any]) {
      expect(talosInstallerImageFindings(bad).map((f) => f.code)).toEqual(['TALOS_INSTALLER_IMAGE_INVALID']);
    }
  });
});
