import { cpuCountFindings, cpuFeatureFindings, ioThreadFindings, maxSocketsFindings } from './vm-cpu';
import { cloudInitFindings } from './vm-credentials';
import { diskFindings } from './vm-disks';
import { guestTuningFindings } from './vm-guest-tuning';
import { identityFindings } from './vm-identity';
import { attributedToInstancetype, instancetypeFindings } from './vm-instancetype';
import { maskFindings } from './vm-mask';
import { memoryFindings } from './vm-memory';
import { shutdownFindings, tolerationFindings } from './vm-scheduling';
import { VmModel } from '../model/vm/vm-model';
import { VmShapeSettings } from '../model/vm/vm-settings';
import { Finding, Severity } from '../values/finding';

// The library's own rules on a VM's props: the checks KubeVirt leaves to runtime (the real-time mask, guest memory
// vs page size, inline credentials ...) and input sanity, reported on the prop that needs fixing. Split in two: what
// VMs of one shape share (checked once per shape) and what makes each VM itself (checked per VM).

/** The rules on the size and real-time settings, in reporting order: VMs with one shape key get the same findings. */
export function vmShapeFindings(vm: VmShapeSettings): Finding[] {
  // The instance type first: a conflicting or refused one explains the findings on the merged shape below.
  const instancetype = instancetypeFindings(vm);
  if (instancetype.some((f) => f.severity === Severity.ERROR)) return instancetype;
  const shape = [
    ...cpuCountFindings(vm),
    ...maxSocketsFindings(vm),
    ...ioThreadFindings(vm),
    ...cpuFeatureFindings(vm),
    ...maskFindings(vm),
    ...memoryFindings(vm),
    ...shutdownFindings(vm),
  ];
  return [...instancetype, ...attributedToInstancetype(shape, vm.given.instancetype)];
}

/**
 * Every rule on a VM's props, in reporting order: its identity, its shape (`vmShapeFindings`, which the caller may
 * have from another VM of the same shape), then its disks, cloud-init, guest tuning and tolerations.
 */
export function vmFindings(vm: VmModel, shapeFindings: readonly Finding[] = vmShapeFindings(vm)): Finding[] {
  return [
    ...identityFindings(vm),
    ...shapeFindings,
    ...diskFindings(vm),
    ...cloudInitFindings(vm),
    ...guestTuningFindings(vm),
    ...tolerationFindings(vm),
  ];
}
