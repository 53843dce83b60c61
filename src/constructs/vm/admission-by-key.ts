import { IConstruct } from 'constructs';
import { memoryQuantity, renderAdmissionSpecJson } from '../../backends/vm/render';
import { memoKeyOf } from '../../model/vm/memo-key';
import { ResolvedVm } from '../../model/vm/resolve';
import { admissionFindingsOfRenderedView } from '../../rules/vm-admission';
import { admissionView } from '../../rules/vm-admission-context';
import { Finding } from '../../values/finding';
import { CpuFeaturePolicy } from '../../values/vm/cpu-feature';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';
import { keptForApp, onceForKey } from '../app/validation-pass';

// An app has thousands of VMs and a few dozen distinct admission views: the admission mirror runs once per view (the
// rules are a pure function of the view, so the findings are kept for the app's lifetime). The key is built from the
// resolved props (a few µs cheaper per VM than rendering the view and reading it as a key, which cost as much as the
// rules themselves).

/**
 * `admissionFindingsOfRenderedView(admissionView({ spec: renderAdmissionSpecJson(vm) }))`, computed once per app
 * for VMs with the same `admissionViewKey`. Only for a VM whose object is its rendered props (no JSON
 * patch, built-in resolvers only): the caller checks that.
 *
 * @param key `admissionViewKey(vm)`, which a VM computes once (its resolved props never change)
 */
export function renderedAdmissionFindings(scope: IConstruct, vm: ResolvedVm, key: string | undefined): readonly Finding[] | undefined {
  if (key === undefined) return findingsOfRender(vm);
  const memo = keptForApp(scope, 'admissionByViewKey', () => new Map<string, readonly Finding[] | undefined>());
  return onceForKey(memo, key, () => {
    const found = findingsOfRender(vm);
    return found === undefined ? undefined : Object.freeze(found);
  });
}

function findingsOfRender(vm: ResolvedVm): Finding[] | undefined {
  return admissionFindingsOfRenderedView(admissionView({ spec: renderAdmissionSpecJson(vm) }));
}

/**
 * Identifies the admission view of `renderAdmissionSpecJson(vm)`: two VMs with the same key render the same view (the
 * run and eviction strategies, the domain's CPU, memory, resources, IOThreads and graphics flag). It mirrors what
 * render.ts writes into those fields, value by value, with the same conditions. Undefined when an input is not a
 * string, finite number or boolean where one is expected (then the VM's view is rendered and checked on its own).
 */
export function admissionViewKey(vm: ResolvedVm): string | undefined {
  return memoKeyOf(() => keyParts(vm));
}

function keyParts(vm: ResolvedVm): unknown[] | undefined {
  const topology = vm.usesTopology;
  const parts: unknown[] = [
    vm.runStrategy,
    vm.evictionStrategy,
    // domain.cpu (renderCpu)
    topology, topology ? vm.sockets : undefined, topology ? vm.cores : undefined, topology ? vm.threads : undefined,
    vm.cpuModel?.model,
    vm.dedicatedCpuPlacement || undefined,
    vm.isolateEmulatorThread || undefined,
    !!vm.guestMappingPassthrough,
    !!vm.realtime, vm.realtime ? vm.realtimeMask?.text ?? '' : undefined,
    vm.cpuFeatures.length,
    // domain.memory, domain.resources
    !!vm.hugePageSize, vm.hugePageSize ? vm.hugePageSize.quantity : undefined,
    vm.vcpus,
    memoryQuantity(vm.memoryBytes),
    // domain.ioThreadsPolicy, domain.ioThreads, devices
    vm.ioThreadsPolicy,
    vm.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL ? vm.supplementalPoolThreadCount : undefined,
    vm.autoattachGraphicsDevice,
  ];
  for (const f of vm.cpuFeatures) {
    if (f !== null && typeof f !== 'object') return undefined;
    parts.push(f?.name, f?.policy ?? CpuFeaturePolicy.REQUIRE);
  }
  return parts;
}
