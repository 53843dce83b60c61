import { Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { GuestTuning } from '../../../src/values/vm/guest-tuning';
import { expectDeployable, minimalProps, synthError } from '../../fixtures/vm';

// A VM with guestTuning writes a Secret with the merged cloud-config next to it and reads its cloud-init from there.

function synthTuned(extra: Parameters<typeof minimalProps>[0] = {}, chartNamespace?: string) {
  const app = Testing.app();
  const chart = new Chart(app, 'c', { namespace: chartNamespace });
  new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps({
    vcpus: 4, realtimeMask: RealtimeMask.parse('1-3'), guestTuning: GuestTuning.realtimeVirtualGuest(), ...extra,
  }));
  const objects = Testing.synth(chart);
  const vm = objects.find((o) => o.kind === 'VirtualMachine');
  const secret = objects.find((o) => o.kind === 'Secret');
  return { objects, vm, secret, userData: secret?.stringData?.userdata as string };
}

describe('RealtimeVirtualMachine guestTuning', () => {
  test('writes a v1 Secret <vm>-guest-tuning with the user data, and the VM reads its cloud-init disk from it', () => {
    const { objects, vm, secret } = synthTuned();
    expect(objects.map((o) => o.kind)).toEqual(['VirtualMachine', 'Secret']);
    expect(secret.apiVersion).toBe('v1');
    expect(secret.metadata).toEqual({ name: 'rt-vm-guest-tuning', labels: { 'kubevirt.io/vm': 'rt-vm' } });
    expect(secret.type).toBe('Opaque');
    expect(Object.keys(secret.stringData)).toEqual(['userdata']);
    const spec = vm.spec.template.spec;
    expect(spec.volumes).toContainEqual({ name: 'cloudinitdisk', cloudInitNoCloud: { secretRef: { name: 'rt-vm-guest-tuning' } } });
    expect(spec.domain.devices.disks).toContainEqual({ name: 'cloudinitdisk', disk: { bus: 'virtio' } });
    expectDeployable(objects);
  });

  test('isolated_cores is the real-time mask; the cloud-config selects the profile and reboots once', () => {
    const { userData } = synthTuned();
    expect(userData.split('\n')[0]).toBe('#cloud-config');
    const config = YAML.parse(userData);
    expect(config.write_files).toEqual([{
      path: '/etc/tuned/realtime-virtual-guest-variables.conf', permissions: '0644', content: 'isolated_cores=1-3\nisolate_managed_irq=Y\n', defer: true,
    }]);
    expect(config.runcmd).toContainEqual(['tuned-adm', 'profile', 'realtime-virtual-guest']);
    expect(config.power_state).toEqual({ mode: 'reboot', condition: true });
  });

  test('moves the user\'s inline cloud-config into the Secret: nothing of it stays in the VirtualMachine', () => {
    const { vm, userData } = synthTuned({ cloudInit: CloudInit.userData('#cloud-config\nhostname: rt-guest\nruncmd:\n  - echo mine\n') });
    expect(JSON.stringify(vm)).not.toContain('rt-guest');
    const config = YAML.parse(userData);
    expect(config.hostname).toBe('rt-guest');
    expect(config.runcmd[0]).toBe('echo mine');
  });

  test('gives a VM without cloudInit a cloud-init disk, so sshPublicKeySecrets work with the tuning alone', () => {
    const { vm, objects } = synthTuned({ sshPublicKeySecrets: ['my-keys'] });
    expect(vm.spec.template.spec.accessCredentials).toHaveLength(1);
    expectDeployable(objects);
  });

  test('a namespaced chart puts the Secret in the VM\'s namespace (core kinds are namespaced explicitly)', () => {
    expect(synthTuned({}, 'rt').secret.metadata.namespace).toBe('rt');
    expect(synthTuned({ metadata: { namespace: 'vms' } }, 'rt').secret.metadata.namespace).toBe('vms');
    const { vm, secret } = synthTuned({ metadata: { namespace: 'vms' } });
    expect([vm.metadata.namespace, secret.metadata.namespace]).toEqual(['vms', 'vms']);
  });

  test('is deterministic: two syntheses give byte-identical output', () => {
    const props = { cloudInit: CloudInit.userData('#cloud-config\npackages: [vim]\n') };
    expect(JSON.stringify(synthTuned(props).objects)).toBe(JSON.stringify(synthTuned(props).objects));
  });

  test('refuses a guestTuning of the wrong type at once', () => {
    expect(synthError(minimalProps({ guestTuning: 'realtime-virtual-guest' as any })))
      .toMatch(/guestTuning.*GuestTuning\.realtimeVirtualGuest/);
  });

  test('rtKernelPackage without rtKernel is refused, not dropped', () => {
    expect(() => GuestTuning.realtimeVirtualGuest({ rtKernelPackage: 'kernel-rt-custom' })).toThrow(/VM_PROP_IGNORED.*rtKernelPackage/);
  });

  test.each([
    ['an unknown delivery', { delivery: 'CLOUDINIT' }],
    ['a kernel argument that is no string', { extraKernelArgs: [5] }],
    ['no mergeConfigUrls list', { mergeConfigUrls: undefined }],
    ['another profile', { profile: 'throughput-performance' }],
  ])('refuses a hand-made GuestTuning look-alike with %s at once (never a TypeError or a dropped tuning)', (_, change) => {
    const lookAlike = { ...GuestTuning.realtimeVirtualGuest(), profile: 'realtime-virtual-guest', ...change };
    expect(synthError(minimalProps({ guestTuning: lookAlike as any }))).toMatch(/PROP_TYPE_INVALID.*guestTuning/);
  });
});
