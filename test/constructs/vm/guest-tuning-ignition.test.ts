import { Size, Testing } from 'cdk8s';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { CommonInstancetype } from '../../../src/constructs/instancetype/common-instancetypes';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { KubeVirtFeatureUse } from '../../../src/values/cluster/feature-use';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { BootDisk } from '../../../src/values/vm/disk';
import { GuestTuning } from '../../../src/values/vm/guest-tuning';
import { synthError } from '../../fixtures/placement';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

const fcos = (extra = {}) => ({
  vcpus: 4,
  memory: Size.gibibytes(4),
  realtimeMask: RealtimeMask.parse('1-3'),
  bootDisk: BootDisk.containerDisk('quay.io/containerdisks/fedora-coreos:stable'),
  ...extra,
});

describe('Ignition guest tuning (Fedora CoreOS, RHCOS)', () => {
  test('the VM carries the Ignition config in its template annotation: kernel arguments from the mask, sysctl, variables file, irqbalance masked', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'fcos', fcos({
      guestTuning: GuestTuning.realtimeVirtualGuestIgnition({ extraKernelArgs: ['idle=poll'], mergeConfigUrls: ['https://config.example/fcos.ign'] }),
    }));
    const objects = Testing.synth(chart);
    expect(objects.map((o) => o.kind)).toEqual(['VirtualMachine']); // no Secret
    const template = objects[0].spec.template;
    const ignition = JSON.parse(template.metadata.annotations['kubevirt.io/ignitiondata']);
    expect(ignition.ignition).toEqual({ config: { merge: [{ source: 'https://config.example/fcos.ign' }] }, version: '3.3.0' });
    expect(ignition.kernelArguments.shouldExist).toEqual([
      'isolcpus=managed_irq,domain,1-3', 'nohz=on', 'nohz_full=1-3', 'rcu_nocbs=1-3', 'irqaffinity=0', 'nosoftlockup', 'idle=poll',
    ]);
    const files = Object.fromEntries(ignition.storage.files.map((f: any) => [f.path, decodeURIComponent(f.contents.source.replace(/^data:,/, ''))]));
    expect(files['/etc/tuned/realtime-virtual-guest-variables.conf']).toBe('isolated_cores=1-3\nisolate_managed_irq=Y\n');
    expect(files['/etc/sysctl.d/90-realtime-virtual-guest.conf']).toBe('kernel.sched_rt_runtime_us = -1\n');
    expect(ignition.systemd.units).toEqual([{ mask: true, name: 'irqbalance.service' }]);
    // No cloud-init disk: the guest does not run cloud-init.
    expect(template.spec.volumes.map((v: any) => v.name)).toEqual(['containerdisk']);
    expect(vm.kubevirtFeatureUses()).toContain(KubeVirtFeatureUse.IGNITION);
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
  });

  test('the app\'s KubeVirt configuration enables ExperimentalIgnitionSupport for it', () => {
    const chart = Testing.chart();
    const config = new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    new RealtimeVirtualMachine(chart, 'fcos', fcos({ guestTuning: GuestTuning.realtimeVirtualGuestIgnition() }));
    Testing.synth(chart);
    expect(config.enabledFeatureGates()).toContain('ExperimentalIgnitionSupport');
  });

  test('cloudInit on an Ignition guest is refused (it would be ignored)', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'fcos', fcos({ guestTuning: GuestTuning.realtimeVirtualGuestIgnition(), cloudInit: CloudInit.fromSecret('x') }));
    expect(synthError(chart)).toContain('[VM_GUEST_TUNING_IGNITION_WITH_CLOUD_INIT] cloudInit');
  });

  test.each([
    ['https://core:s3cret@config.example/a.ign', 'without a user or password'],
    ['https://admin:hunter@2s3cret@config.example/a.ign', 'without a user or password'],
    ['https://config.example/a.ign?token=s3cret', 'without a query string or fragment'],
    ['ftp://config.example/a.ign', '(not ftp:)'],
    ['data:,{}', '(not data:)'],
    ['config.ign', '(this is no URL)'],
  ])('merge URL %s is refused, and a password never reaches the message', (url, problem) => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'fcos', fcos({ guestTuning: GuestTuning.realtimeVirtualGuestIgnition({ mergeConfigUrls: [url] }) }));
    const message = synthError(chart);
    expect(message).toContain('[VM_GUEST_TUNING_IGNITION_URL_INVALID] guestTuning.mergeConfigUrls[0]');
    expect(message).toContain(problem);
    expect(message).not.toContain('s3cret');
  });

  test('the mask still has to leave a housekeeping vCPU', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'fcos', fcos({ realtimeMask: RealtimeMask.all(), guestTuning: GuestTuning.realtimeVirtualGuestIgnition() }));
    expect(synthError(chart)).toContain('[VM_GUEST_TUNING_NO_HOUSEKEEPING]');
  });
});

describe('common instance types on older KubeVirt releases', () => {
  test('a VM on a common instance type asks for CommonInstancetypesDeploymentGate before v1.4 (GA after)', () => {
    for (const [version, listed] of [[KubeVirtVersion.V1_3, true], [KubeVirtVersion.V1_9, false]] as const) {
      const chart = Testing.chart();
      const config = new KubeVirtConfiguration(chart, 'KubeVirt', { version });
      const vm = new RealtimeVirtualMachine(chart, 'rt', { instancetype: CommonInstancetype.named('rt1.xlarge'), bootDisk: BootDisk.containerDisk('x/y:1') });
      Testing.synth(chart);
      expect(vm.kubevirtFeatureUses()).toContain(KubeVirtFeatureUse.COMMON_INSTANCETYPES);
      expect(config.enabledFeatureGates().includes('CommonInstancetypesDeploymentGate')).toBe(listed);
    }
  });
});
