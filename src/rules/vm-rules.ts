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
  const out: Finding[] = [];
  // Runs for every VM of the app, nearly always finding nothing: append, without a spread per rule.
  for (const rule of RULES) {
    const found = rule(vm);
    for (const f of found) out.push(f);
  }
  return out;
}

/** The rules, in reporting order. */
const RULES: ReadonlyArray<(vm: ResolvedVm) => Finding[]> = [
  identityFindings,
  cpuCountFindings,
  ioThreadFindings,
  cpuFeatureFindings,
  maskFindings,
  memoryFindings,
  diskFindings,
  cloudInitFindings,
  schedulingFindings,
];
