import { isDns1123Label } from '../../src/values/kubernetes-names';
import { minimalProps, synthError } from '../fixtures/vm';

describe('VM identity rules', () => {
  test.each(['fedora-realtime', 'a', '0vm', 'a'.repeat(63)])('%s is a DNS-1123 label', (name) => {
    expect(isDns1123Label(name)).toBe(true);
  });

  test.each(['Fedora', '-vm', 'vm-', 'vm_1', 'vm.1', '', 'a'.repeat(64)])('%j is not a DNS-1123 label', (name) => {
    expect(isDns1123Label(name)).toBe(false);
  });

  test('fails on a metadata.name that is not a DNS-1123 label', () => {
    expect(synthError(minimalProps({ metadata: { name: 'Fedora_RT' } }))).toContain('[VM_NAME_INVALID] metadata.name: got "Fedora_RT"');
  });

  test('fails on a construct id that is not a DNS-1123 label when no name is given', () => {
    expect(synthError(minimalProps(), 'MyVm')).toContain('[VM_NAME_INVALID] metadata.name (defaulted from the construct id): got "MyVm"');
  });

  test('fails on an invalid namespace', () => {
    expect(synthError(minimalProps({ metadata: { namespace: 'Bad NS' } }))).toContain('[VM_NAMESPACE_INVALID] metadata.namespace: got "Bad NS"');
  });

  test('fails on a kubevirt.io/vm label that is not the name', () => {
    expect(synthError(minimalProps({ metadata: { name: 'vm', labels: { 'kubevirt.io/vm': 'other' } } })))
      .toContain('[VM_LABEL_CONFLICT] metadata.labels["kubevirt.io/vm"]: got "other"');
  });
});
