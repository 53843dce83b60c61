import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { Warnings } from '../../../src/constructs/app/warnings';
import { RealtimeNodePool } from '../../../src/constructs/pool/realtime-node-pool';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { TalosVersion } from '../../../src/values/cluster/talos-version';
import { CpuSet } from '../../../src/values/cpu-set';
import { CpuPartition } from '../../../src/values/host/cpu-partition';
import { PoolBackend } from '../../../src/values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../../../src/values/pool/pool-props';
import { TaintEffect } from '../../../src/values/vm/taint-effect';
import { guideProps, ofKind, smtTopology, synthPool } from '../../fixtures/pool';
import { minimalProps } from '../../fixtures/vm';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';
import { schematicErrors, talosConfigErrors } from '../../talos-schema-validator';

const INSTALLER = `factory.talos.dev/metal-installer/${'a'.repeat(64)}:v1.13.9`;

/** The seed-002 host for a backend beyond OpenShift (no real-time kernel unless asked). */
function props(backend: PoolBackend, extra: Partial<RealtimeNodePoolProps> = {}): RealtimeNodePoolProps {
  return guideProps({ backend, nodeCount: 2, ...(backend === PoolBackend.TALOS ? { talosInstallerImage: INSTALLER } : {}), ...extra });
}

function warningCodes(chart: any): string[] {
  return Warnings.of(chart).findings().map((w) => w.finding.code);
}

function synthError(build: () => unknown): string {
  try {
    build();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('RealtimeNodePool beyond OpenShift', () => {
  test('Talos: one TalosConfigTemplate (namespaced, valid), the patch and schematic as files, the stock kernel', () => {
    const { pool, objects } = synthPool(props(PoolBackend.TALOS));

    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(objects.map((o) => o.kind)).toEqual(['TalosConfigTemplate']);
    expect(objects[0].metadata.name).toBe('worker-rt-realtime');
    expect(pool.bootstrapTemplateName).toBe('worker-rt-realtime');
    expect(pool.machineConfigPool).toBeUndefined();
    expect(pool.model.realtimeKernel).toBe(false);
    expect(pool.model.nodeSelector).toEqual({ 'node.kubernetes.io/worker-rt': '' });

    expect(pool.files.map((f) => f.fileName)).toEqual(['worker-rt.talos-patch.yaml', 'worker-rt.schematic.yaml']);
    const patch = YAML.parse(pool.files[0].contents);
    expect(talosConfigErrors(patch)).toEqual([]);
    expect(patch.machine.install.image).toBe(INSTALLER);
    expect(patch.machine.kubelet.extraConfig.cpuManagerPolicy).toBe('static');
    expect(patch.machine.sysctls['kernel.sched_rt_runtime_us']).toBe('-1');
    const schematic = YAML.parse(pool.files[1].contents);
    expect(schematicErrors(schematic)).toEqual([]);
    expect(schematic.customization.extraKernelArgs).toEqual(pool.model.kernelArguments);
    // The template carries the same settings as the patch file, as JSON-patch operations.
    const ops = objects[0].spec.template.spec.configPatches;
    expect(ops.find((op: any) => op.path === '/machine/install/image').value).toBe(INSTALLER);
    expect(ops.find((op: any) => op.path === '/machine/kubelet/extraConfig').value).toEqual(patch.machine.kubelet.extraConfig);

    expect(pool.limitations.join('\n')).toContain('PREEMPT_RT');
    expect(pool.rebootSummary().some((l) => l.includes('kubelet state reset'))).toBe(true);
  });

  test('Talos: a real-time kernel is refused with a fix; the EPERM risk is a warning', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'Pool', props(PoolBackend.TALOS, { realtimeKernel: true }));
    expect(synthError(() => Testing.synth(chart))).toMatch(/\[TALOS_REALTIME_KERNEL_UNAVAILABLE\] realtimeKernel: got true[\s\S]*fix: set realtimeKernel: false/);

    const ok = Testing.chart();
    new RealtimeNodePool(ok, 'Pool', props(PoolBackend.TALOS));
    Testing.synth(ok);
    expect(warningCodes(ok)).toContain('TALOS_RT_GROUP_SCHED_EPERM');
    expect(warningCodes(ok)).not.toContain('TALOS_INSTALLER_IMAGE_UNSET');
  });

  test('Talos: the installer image is checked under its prop name; a 1.14 release warns', () => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'Pool', props(PoolBackend.TALOS, { talosInstallerImage: undefined, talosVersion: TalosVersion.V1_14 }));
    Testing.synth(chart);
    const warnings = Warnings.of(chart).findings().map((w) => w.finding);
    expect(warnings.find((f) => f.code === 'TALOS_INSTALLER_IMAGE_UNSET')?.field).toBe('talosInstallerImage');
    expect(warnings.map((f) => f.code)).toContain('TALOS_MACHINE_CONFIG_DEPRECATED');

    const bad = Testing.chart();
    new RealtimeNodePool(bad, 'Pool', props(PoolBackend.TALOS, { talosInstallerImage: 'factory.talos.dev/installer' }));
    expect(synthError(() => Testing.synth(bad))).toMatch(/\[TALOS_INSTALLER_IMAGE_INVALID\] talosInstallerImage/);
  });

  test('Cluster API kubeadm: one KubeadmConfigTemplate (v1beta2, valid) and the image-builder vars; kernel arguments warned', () => {
    const chart = Testing.chart(); // Testing charts have no namespace: the template stays without one
    const pool = new RealtimeNodePool(chart, 'Pool', props(PoolBackend.CLUSTER_API_KUBEADM));
    const objects = Testing.synth(chart);

    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    const template = ofKind(objects, 'KubeadmConfigTemplate');
    expect(template.apiVersion).toBe('bootstrap.cluster.x-k8s.io/v1beta2');
    expect(pool.files).toHaveLength(1);
    const vars = JSON.parse(pool.files[0].contents);
    expect(vars.extra_kernel_boot_params).toBe(pool.model.kernelArguments.join(' '));
    expect(warningCodes(chart)).toContain('KUBEADM_KERNEL_ARGS_NEED_IMAGE');
    expect(pool.limitations[0]).toMatch(/kubeadm cannot set kernel arguments/);
  });

  test('kubelet drop-in: no objects, the drop-in and node files under root/, the kernel-argument line', () => {
    const { pool, objects } = synthPool(props(PoolBackend.KUBELET_DROP_IN, { kubeletDropInDirectory: '/var/lib/rancher/k3s/agent/etc/kubelet.conf.d' }));
    expect(objects).toEqual([]);
    const names = pool.files.map((f) => f.fileName);
    expect(names[0]).toMatch(/^root\/var\/lib\/rancher\/k3s\/agent\/etc\/kubelet\.conf\.d\/.+\.conf$/);
    expect(names).toContain('kernel-arguments.txt');
    expect(names).toContain('kubelet-flags.txt');
    expect(names.every((n) => !n.includes('..') && !n.startsWith('/'))).toBe(true);
    const line = pool.files.find((f) => f.fileName === 'kernel-arguments.txt')!.contents.trim();
    expect(line).toBe(pool.model.kernelArguments.join(' '));
    const dropIn = JSON.parse(pool.files[0].contents);
    expect(dropIn.reservedSystemCPUs).toBe(pool.model.partition.reserved.toString());
  });

  test.each(['relative/dir', '/etc/../../outside', '/etc/kubelet conf.d', '/etc//x', '/', '/etc/./x'])(
    'kubelet drop-in: the directory %j is refused', (directory) => {
      const chart = Testing.chart();
      new RealtimeNodePool(chart, 'Pool', props(PoolBackend.KUBELET_DROP_IN, { kubeletDropInDirectory: directory }));
      expect(synthError(() => Testing.synth(chart))).toContain('[KUBELET_DROP_IN_DIRECTORY_INVALID] kubeletDropInDirectory');
    });

  test.each([
    [PoolBackend.TALOS, 'maxUnavailable', { maxUnavailable: 2 }],
    [PoolBackend.KUBELET_DROP_IN, 'paused', { paused: true }],
    [PoolBackend.MACHINE_CONFIG, 'nodeTaints', { nodeTaints: [{ key: 'rt', effect: TaintEffect.NO_SCHEDULE }] }],
    [PoolBackend.CLUSTER_API_KUBEADM, 'talosInstallerImage', { talosInstallerImage: INSTALLER }],
    [PoolBackend.PERFORMANCE_PROFILE, 'kubeletDropInDirectory', { kubeletDropInDirectory: '/etc/kubernetes/kubelet.conf.d' }],
  ] as Array<[PoolBackend, string, Partial<RealtimeNodePoolProps>]>)('%s: %s is refused, not dropped', (backend, prop, extra) => {
    const chart = Testing.chart();
    new RealtimeNodePool(chart, 'Pool', guideProps({ backend, ...extra }));
    expect(synthError(() => Testing.synth(chart))).toContain(`[POOL_PROP_NOT_FOR_BACKEND] ${prop}:`);
  });

  test('every VM-to-pool check runs on every backend: the same capacity, the same placement errors', () => {
    const seen = Object.values(PoolBackend).map((backend) => {
      const chart = Testing.chart();
      const pool = new RealtimeNodePool(chart, 'Pool', guideProps({ backend, nodeCount: 2, realtimeKernel: false }));
      const fits = new RealtimeVirtualMachine(chart, 'fits', minimalProps({ vcpus: 4 }));
      fits.placeOn(pool);
      new RealtimeVirtualMachine(chart, 'big', minimalProps({ vcpus: 12 })).placeOn(pool);
      const placement = synthError(() => Testing.synth(chart)).split('\n').filter((l) => l.includes('[PLACEMENT_'));
      return { backend, capacity: pool.capacityFor(fits), placement };
    });
    const [machineConfig] = seen;
    expect(machineConfig.placement).toEqual([expect.stringContaining('[test/big] [PLACEMENT_CPUS_EXCEED_NUMA_NODE] vcpus: got 12')]);
    for (const other of seen.slice(1)) {
      expect(other.capacity).toEqual(machineConfig.capacity);
      // NTO sets full-pcpus-only under single-numa-node even without SMT, so its message says "in whole cores".
      if (other.backend === PoolBackend.PERFORMANCE_PROFILE) expect(other.placement[0]).toContain('[PLACEMENT_CPUS_EXCEED_NUMA_NODE]');
      else expect(other.placement).toEqual(machineConfig.placement);
    }
  });

  test('a tainted pool needs a matching toleration on the VM', () => {
    const taint = { key: 'realtime', value: 'true', effect: TaintEffect.NO_SCHEDULE };
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', props(PoolBackend.CLUSTER_API_KUBEADM, { nodeTaints: [taint] }));
    new RealtimeVirtualMachine(chart, 'vm', minimalProps()).placeOn(pool);
    expect(synthError(() => Testing.synth(chart))).toContain(
      '[PLACEMENT_TAINT_NOT_TOLERATED] tolerations: got "realtime=true:NoSchedule"');

    const tolerated = Testing.chart();
    const pool2 = new RealtimeNodePool(tolerated, 'Pool', props(PoolBackend.CLUSTER_API_KUBEADM, { nodeTaints: [taint] }));
    new RealtimeVirtualMachine(tolerated, 'vm', minimalProps({ tolerations: [{ key: 'realtime', exists: true }] })).placeOn(pool2);
    const objects = Testing.synth(tolerated);
    expect(ofKind(objects, 'KubeadmConfigTemplate').spec.template.spec.joinConfiguration.nodeRegistration.taints)
      .toEqual([{ key: 'realtime', value: 'true', effect: 'NoSchedule' }]);
  });

  test('emitted settings: the same kernel arguments and kubelet settings as the MachineConfig pool, the backend named', () => {
    const openshift = synthPool(guideProps({ realtimeKernel: false })).pool.emittedSettings();
    for (const backend of [PoolBackend.TALOS, PoolBackend.CLUSTER_API_KUBEADM, PoolBackend.KUBELET_DROP_IN]) {
      const settings = new RealtimeNodePool(Testing.chart(), 'Pool', guideProps({ backend, realtimeKernel: false })).emittedSettings();
      expect(settings.source).toBe(`node pool worker-rt (${backend} backend)`);
      expect(settings.kernelArguments).toEqual(openshift.kernelArguments);
      expect(settings.kubeletSettings).toEqual(openshift.kubeletSettings);
    }
  });

  test('MachineConfig backend: offlined CPUs are switched off by a unit (not silently dropped), and listed as a reboot input', () => {
    const topology = smtTopology();
    const partition = CpuPartition.explicit(topology, { reserved: CpuSet.parse('0-1,40-41'), isolated: CpuSet.parse('2-38,42-78'), offlined: CpuSet.parse('39,79') });
    const { pool, objects } = synthPool(guideProps({ topology, partition, hugepages: [] }));
    const units = ofKind(objects, 'MachineConfig').spec.config.systemd.units;
    expect(units.map((u: any) => u.name)).toContain('kubevirt-rt-cpus-offline.service');
    expect(pool.rebootSummary()).toContain('MachineConfig 50-worker-rt-realtime: CPUs 39,79 offline (unit kubevirt-rt-cpus-offline.service, before the kubelet)');
  });
});
