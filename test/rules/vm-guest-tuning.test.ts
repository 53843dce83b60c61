import { Chart, Testing } from 'cdk8s';
import { Warnings } from '../../src/constructs/app/warnings';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { CloudInit } from '../../src/values/vm/cloud-init';
import { GuestTuning, RealtimeVirtualGuestOptions } from '../../src/values/vm/guest-tuning';
import { minimalProps, synthError } from '../fixtures/vm';

// Every guest tuning rule, triggered through a VM at synth.

const MASK = RealtimeMask.parse('1-3');

function tunedError(extra: Parameters<typeof minimalProps>[0] = {}, options: RealtimeVirtualGuestOptions = {}): string {
  return synthError(minimalProps({ vcpus: 4, realtimeMask: MASK, guestTuning: GuestTuning.realtimeVirtualGuest(options), ...extra }));
}

function userDataError(text: string): string {
  return tunedError({ cloudInit: CloudInit.userData(text) });
}

describe('guest tuning rules', () => {
  test('a sound VM passes', () => {
    expect(tunedError()).toBe('');
    expect(userDataError('#cloud-config\npackages: [vim]\nruncmd: [echo hi]\nwrite_files: []\n')).toBe('');
    expect(userDataError('#cloud-config\n')).toBe('');
    // Empty keys are read by cloud-init as not set: the tuning's lists and power_state take their place.
    expect(userDataError('#cloud-config\nruncmd:\npackages:\npower_state:\n')).toBe('');
  });

  test('VM_GUEST_TUNING_NEEDS_REALTIME: realtime off', () => {
    expect(synthError(minimalProps({ vcpus: 4, realtime: false, guestTuning: GuestTuning.realtimeVirtualGuest() })))
      .toContain('[VM_GUEST_TUNING_NEEDS_REALTIME] guestTuning: got "realtime: false", expected realtime on');
  });

  test('VM_GUEST_TUNING_NO_HOUSEKEEPING: realtime {} (every vCPU) or a mask naming them all', () => {
    expect(tunedError({ realtimeMask: undefined })).toContain(
      '[VM_GUEST_TUNING_NO_HOUSEKEEPING] realtimeMask: got "(every vCPU)", expected a mask that leaves at least one of vCPUs 0-3 out: '
      + 'the guest needs at least one non-real-time vCPU for housekeeping; fix: set realtimeMask e.g. RealtimeMask.parse(\'1-3\')');
    expect(tunedError({ realtimeMask: RealtimeMask.parse('0-3') })).toContain('[VM_GUEST_TUNING_NO_HOUSEKEEPING] realtimeMask: got "0-3"');
    expect(tunedError({ vcpus: 1, realtimeMask: undefined })).toContain('and give the VM 2 or more vCPUs');
    expect(tunedError({ vcpus: 2, realtimeMask: undefined })).toContain('fix: set realtimeMask e.g. RealtimeMask.parse(\'1\')');
  });

  test('a malformed mask is left to the mask rules', () => {
    const message = tunedError({ realtimeMask: RealtimeMask.fromText('1-x') });
    expect(message).toContain('VM_MASK_SYNTAX');
    expect(message).not.toContain('VM_GUEST_TUNING');
  });

  test('VM_GUEST_TUNING_USER_DATA_FROM_SECRET: the library cannot merge into a Secret it cannot read', () => {
    expect(tunedError({ cloudInit: CloudInit.fromSecret('mine') })).toContain(
      '[VM_GUEST_TUNING_USER_DATA_FROM_SECRET] cloudInit: got "CloudInit.fromSecret(...)", expected inline #cloud-config user data (or none)');
  });

  test('VM_GUEST_TUNING_USER_DATA_NOT_CLOUD_CONFIG: shell script, MIME, YAML that does not parse or is not a mapping', () => {
    expect(userDataError('#!/bin/sh\necho hi\n')).toContain(
      '[VM_GUEST_TUNING_USER_DATA_NOT_CLOUD_CONFIG] cloudInit.userData: got "a shell script (#!)"');
    // Never a quote of the data: it may be a credential.
    const leak = userDataError('password: S3cretPassw0rd!\n');
    expect(leak).toContain('got "user data whose first line is not \\"#cloud-config\\""');
    expect(leak).not.toContain('S3cret');
    expect(userDataError('Content-Type: multipart/mixed; boundary="x"\n')).toContain('got "a MIME multipart message"');
    expect(userDataError('#cloud-config\nruncmd: [unclosed\n')).toContain('got "a #cloud-config whose YAML does not parse"');
    expect(userDataError('#cloud-config\n- a\n- b\n')).toContain('got "a #cloud-config whose YAML is not a mapping"');
  });

  test('VM_GUEST_TUNING_USER_DATA_CONFLICT: power_state, non-list packages/runcmd/write_files, the variables file', () => {
    expect(userDataError('#cloud-config\npower_state: {mode: poweroff}\n')).toContain(
      '[VM_GUEST_TUNING_USER_DATA_CONFLICT] cloudInit.userData power_state: got "a power_state of its own"');
    const lists = userDataError('#cloud-config\npackages: vim\nruncmd: echo hi\nwrite_files: {path: /x}\n');
    for (const key of ['packages', 'runcmd', 'write_files']) {
      expect(lists).toContain(`[VM_GUEST_TUNING_USER_DATA_CONFLICT] cloudInit.userData ${key}: got "a ${key} that is not a list"`);
    }
    expect(userDataError('#cloud-config\nwrite_files:\n  - path: /etc/tuned/realtime-virtual-guest-variables.conf\n    content: isolated_cores=0\n'))
      .toContain('[VM_GUEST_TUNING_USER_DATA_CONFLICT] cloudInit.userData write_files: got "/etc/tuned/realtime-virtual-guest-variables.conf"');
  });

  test('VM_GUEST_TUNING_USER_DATA_CONFLICT: a merged key given twice, or through a top-level merge key (cloud-init keeps the last)', () => {
    expect(userDataError('#cloud-config\nruncmd:\n  - echo first\npackages: [vim]\nruncmd:\n  - echo second\n')).toContain(
      '[VM_GUEST_TUNING_USER_DATA_CONFLICT] cloudInit.userData runcmd: got "runcmd given 2 times"');
    expect(userDataError('#cloud-config\nbase: &b\n  runcmd: [echo a]\n<<: *b\n')).toContain(
      '[VM_GUEST_TUNING_USER_DATA_CONFLICT] cloudInit.userData <<: got "a top-level merge key"');
  });

  test('VM_GUEST_TUNING_KERNEL_ARG_INVALID: empty, whitespace, quotes, and the profile\'s own arguments', () => {
    expect(tunedError({}, { extraKernelArgs: ['idle=poll', 'intel_iommu=on'] })).toBe('');
    // An empty string is refused by the type boundary of the factory already.
    expect(() => GuestTuning.realtimeVirtualGuest({ extraKernelArgs: [''] })).toThrow(/extraKernelArgs\[0\]: got "", expected a non-empty string/);
    const message = tunedError({}, { extraKernelArgs: ['a\tb', 'a b', 'x="y"', 'isolcpus=1-3', 'nohz_full=1-3', 'nohz=on', 'rcu_nocbs=1', 'irqaffinity=0'] });
    expect(message).toContain('[VM_GUEST_TUNING_KERNEL_ARG_INVALID] guestTuning.extraKernelArgs[0]: got "a\\tb", expected one kernel argument (no whitespace');
    expect(message).toContain('guestTuning.extraKernelArgs[1]: got "a b", expected one kernel argument (no whitespace');
    expect(message).toContain('guestTuning.extraKernelArgs[2]: got "x=\\"y\\"", expected one kernel argument (no quotes');
    for (let i = 3; i <= 7; i++) expect(message).toContain(`[VM_GUEST_TUNING_KERNEL_ARG_INVALID] guestTuning.extraKernelArgs[${i}]`);
    expect(message).toContain('remove "isolcpus=1-3": the profile derives it from realtimeMask');
  });

  test('VM_GUEST_TUNING_KERNEL_PACKAGE_INVALID: an RT kernel package that is not a package name', () => {
    expect(tunedError({}, { rtKernel: true, rtKernelPackage: 'kernel-rt; rm -rf /' })).toContain(
      '[VM_GUEST_TUNING_KERNEL_PACKAGE_INVALID] guestTuning.rtKernelPackage: got "kernel-rt; rm -rf /"');
    expect(tunedError({}, { rtKernel: true, rtKernelPackage: 'kernel-rt-5.14' })).toBe('');
  });

  test('VM_GUEST_TUNING_OTHER_TUNED_PROFILE: a warning when the user data selects another profile', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps({
      vcpus: 4,
      realtimeMask: MASK,
      guestTuning: GuestTuning.realtimeVirtualGuest(),
      cloudInit: CloudInit.userData('#cloud-config\nbootcmd:\n  - tuned-adm profile realtime\nwrite_files:\n  - path: /etc/tuned/active_profile\n    content: throughput-performance\n'),
    }));
    Testing.synth(chart);
    expect(Warnings.of(app).list()).toEqual([
      '[c/rt-vm] [VM_GUEST_TUNING_OTHER_TUNED_PROFILE] cloudInit.userData: got "realtime, throughput-performance", expected no other TuneD profile: '
      + 'the guest tuning selects realtime-virtual-guest, and TuneD keeps one active profile; fix: remove the other profile from your user data',
    ]);
  });

  test('credentials in the inline user data are still refused: the Secret is written in clear text too', () => {
    expect(userDataError('#cloud-config\npassword: hunter2\n')).toContain('[VM_INLINE_CREDENTIALS] cloudInit.userData');
  });
});
