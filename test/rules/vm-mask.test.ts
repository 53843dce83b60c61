import { Size, Testing } from 'cdk8s';
import { Warnings } from '../../src/constructs/app/warnings';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { minimalProps, synthError, synthVm } from '../fixtures/vm';

describe('VM real-time mask rules', () => {
  test('fails on a malformed mask at synth, with virt-handler\'s message', () => {
    expect(synthError(minimalProps({ realtimeMask: RealtimeMask.fromText('0,1a') })))
      .toContain('[VM_MASK_SYNTAX] realtimeMask: got "0,1a", expected a KubeVirt vCPU mask such as "0-2,^1" (virt-handler: invalid mask value \'1a\' in \'0,1a\')');
  });

  test('fails on a mask longer than MAX_TEXT_CHARS at synth with VM_MASK_TOO_LONG, naming the length, not the text', () => {
    const message = synthError(minimalProps({ realtimeMask: RealtimeMask.fromText('1,'.repeat(40000) + '1') }));
    expect(message).toContain('[VM_MASK_TOO_LONG] realtimeMask: got "80001 characters", expected a mask of at most 65536 characters');
    expect(message.length).toBeLessThan(2000);
  });

  test('a long mask from configuration on a 4096-vCPU VM is checked from merged ranges, not vCPU by token (issue 13)', () => {
    // 2000 tokens: the old walk cost 4096 × 2000 token tests per query; the ranges are merged once per mask.
    const text = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? `${i}-${i + 1}` : `^${i}`)).join(',');
    const message = synthError(minimalProps({ vcpus: 4096, memory: Size.gibibytes(64), realtimeMask: RealtimeMask.fromText(text) }));
    expect(message).not.toContain('VM_MASK');
  });

  test('fails on a mask that names vCPUs the VM does not have', () => {
    expect(synthError(minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.parse('1-3') })))
      .toContain('[VM_MASK_OUT_OF_RANGE] realtimeMask: got "1-3", expected vCPU ids 0-1 (the VM has 2 vCPUs; "1-3" names others');
  });

  test('fails on more real-time vCPUs than vCPUs', () => {
    expect(synthError(minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.vcpus([0, 1, 2]) })))
      .toContain('[VM_MASK_OUT_OF_RANGE] realtimeMask: got "0-2"');
  });

  test('fails on a mask that selects no vCPU', () => {
    expect(synthError(minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.parse('^0') })))
      .toContain('[VM_MASK_SELECTS_NONE] realtimeMask: got "^0"');
  });

  test('fails on ids with leading zeros, which match no vCPU', () => {
    expect(synthError(minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.parse('0,01') })))
      .toContain('[VM_MASK_UNMATCHABLE] realtimeMask: got "0,01"');
  });

  test('fails on a mask that is not a RealtimeMask (JavaScript callers)', () => {
    expect(synthError(minimalProps({ realtimeMask: '0' as any }))).toContain('[PROP_TYPE_INVALID] realtimeMask: got "0", expected a RealtimeMask');
  });

  test('fails on a mask while realtime is off', () => {
    expect(synthError(minimalProps({ realtime: false, realtimeMask: RealtimeMask.parse('0') })))
      .toContain('[VM_PROP_IGNORED] realtimeMask: got "0"');
  });

  test('warns when a 1-vCPU VM has no housekeeping vCPU', () => {
    const { chart } = synthVm(minimalProps({ vcpus: 1, memory: Size.gibibytes(1) }));
    expect(Warnings.of(chart).list()).toEqual([
      expect.stringContaining('[VM_REALTIME_NO_HOUSEKEEPING_VCPU] realtimeMask: got "(all vCPUs)"'),
    ]);
  });

  test('does not warn when vCPU 0 is left for housekeeping', () => {
    const { chart } = synthVm(minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.parse('1') }));
    expect(Warnings.of(chart).list()).toEqual([]);
    expect(Testing.synth(chart)[0].spec.template.spec.domain.cpu.realtime).toEqual({ mask: '1' });
  });
});
