import { Finding } from '../finding';
import { cpuCountFindings, cpuFeatureFindings, ioThreadFindings } from './vm-cpu';
import { cloudInitFindings } from './vm-credentials';
import { diskFindings } from './vm-disks';
import { identityFindings } from './vm-identity';
import { maskFindings } from './vm-mask';
import { memoryFindings } from './vm-memory';
import { schedulingFindings } from './vm-scheduling';
import { ResolvedVm } from '../vm/resolve';

/**
 * The library's own rules on a VM's props: the checks KubeVirt leaves to runtime (the real-time mask, guest memory
 * vs page size, inline credentials ...) and input sanity, reported on the prop that needs fixing.
 */
export function vmPropFindings(vm: ResolvedVm): Finding[] {
  return [
    ...identityFindings(vm),
    ...cpuCountFindings(vm),
    ...ioThreadFindings(vm),
    ...cpuFeatureFindings(vm),
    ...maskFindings(vm),
    ...memoryFindings(vm),
    ...diskFindings(vm),
    ...cloudInitFindings(vm),
    ...schedulingFindings(vm),
  ];
}
