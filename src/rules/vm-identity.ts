import { ResolvedVm } from '../model/vm/resolve';
import { error, Finding } from '../values/finding';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** True when `text` is a DNS-1123 label: at most 63 characters of [a-z0-9-], starting and ending alphanumeric. */
export function isDns1123Label(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 63 && DNS1123_LABEL.test(text);
}

/** The VM name and namespace are DNS-1123 labels; the `kubevirt.io/vm` label is ours to set. */
export function identityFindings(vm: ResolvedVm): Finding[] {
  const out: Finding[] = [];
  if (!isDns1123Label(vm.name)) {
    const field = vm.props.metadata?.name !== undefined ? 'metadata.name' : 'metadata.name (defaulted from the construct id)';
    out.push(error('VM_NAME_INVALID', field, vm.name,
      'a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit',
      'set metadata.name to a name like "fedora-realtime" (VirtualMachine names become pod names and DNS labels)'));
  }
  if (vm.namespace !== undefined && !isDns1123Label(vm.namespace)) {
    out.push(error('VM_NAMESPACE_INVALID', 'metadata.namespace', vm.namespace, 'a DNS-1123 label',
      'use an existing namespace name such as "poc"'));
  }
  const label = vm.props.metadata?.labels?.['kubevirt.io/vm'];
  if (label !== undefined && label !== vm.name) {
    out.push(error('VM_LABEL_CONFLICT', 'metadata.labels["kubevirt.io/vm"]', label, `the VM name ${JSON.stringify(vm.name)}`,
      'remove the label: the construct sets kubevirt.io/vm to the VM name on the VM and its template'));
  }
  return out;
}
