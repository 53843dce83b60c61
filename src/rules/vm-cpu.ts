import { isCount, ResolvedVm } from '../model/vm/resolve';
import { error, Finding } from '../values/finding';
import { CpuFeaturePolicy } from '../values/vm/cpu-feature';
import { IoThreadsPolicy } from '../values/vm/io-threads-policy';

/** Highest value of an int32 field of the CRD (sockets, cores, threads). */
const INT32_MAX = 2 ** 31 - 1;

/** Exactly one of vcpus/topology, positive whole numbers, at most two threads per core with dedicated CPUs. */
export function cpuCountFindings(vm: ResolvedVm): Finding[] {
  const { vcpus, topology } = vm.props;
  if (vcpus != null && topology != null) {
    return [error('VM_CPU_COUNT_AMBIGUOUS', 'vcpus, topology', { vcpus, topology }, 'exactly one of vcpus and topology',
      'remove one: give either a vCPU count or a sockets/cores/threads topology')];
  }
  if (vcpus == null && topology == null) {
    return [error('VM_CPU_COUNT_MISSING', 'vcpus', undefined, 'a vCPU count or a topology (the library never picks a size for you)',
      'set vcpus (e.g. 2) or topology ({ sockets, cores, threads })')];
  }
  const out: Finding[] = [];
  if (vcpus != null && !isCount(vcpus)) {
    out.push(error('VM_VCPUS_INVALID', 'vcpus', vcpus, 'a whole number ≥ 1 (the CPU manager pins whole CPUs only)',
      'give a whole number of vCPUs'));
  }
  if (topology != null) {
    for (const part of ['sockets', 'cores', 'threads'] as const) {
      const n = (topology as any)[part];
      if (!isCount(n) || n > INT32_MAX) {
        out.push(error('VM_TOPOLOGY_INVALID', `topology.${part}`, n, 'a whole number ≥ 1', `set topology.${part} to 1 or more`));
      }
    }
    if (vm.dedicatedCpuPlacement && isCount(topology.threads) && topology.threads > 2) {
      out.push(error('VM_THREADS_OVER_TWO', 'topology.threads', topology.threads,
        'at most 2 threads per core with dedicated CPUs (x86 SMT has two siblings per core)',
        'use threads: 1 or 2 and more cores or sockets'));
    }
  }
  return out;
}

/** The supplemental IOThread pool count goes with the SUPPLEMENTAL_POOL policy, and only with it. */
export function ioThreadFindings(vm: ResolvedVm): Finding[] {
  const { props } = vm;
  const out: Finding[] = [];
  if (props.ioThreads === false && props.ioThreadsPolicy !== undefined) {
    out.push(ignored('ioThreadsPolicy', props.ioThreadsPolicy, 'ioThreads is false', 'remove ioThreadsPolicy, or turn ioThreads on'));
  }
  const count = props.supplementalPoolThreadCount;
  if (vm.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL) {
    if (!isCount(count)) {
      out.push(error('VM_SUPPLEMENTAL_POOL_COUNT_INVALID', 'supplementalPoolThreadCount', count,
        'a whole number ≥ 1 with IoThreadsPolicy.SUPPLEMENTAL_POOL (each thread adds one dedicated pCPU to the pod)',
        'set supplementalPoolThreadCount, e.g. 1'));
    }
  } else if (count !== undefined) {
    out.push(ignored('supplementalPoolThreadCount', count, `the IOThreads policy is ${vm.ioThreadsPolicy ?? 'off'}`,
      'remove supplementalPoolThreadCount, or use IoThreadsPolicy.SUPPLEMENTAL_POOL'));
  }
  return out;
}

/** CPU features need a name and a known policy, each name once. */
export function cpuFeatureFindings(vm: ResolvedVm): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const policies = Object.values(CpuFeaturePolicy) as string[];
  vm.cpuFeatures.forEach((f, i) => {
    const name = f?.name;
    if (typeof name !== 'string' || name.trim() === '') {
      out.push(error('VM_CPU_FEATURE_INVALID', `cpuFeatures[${i}].name`, name, 'a libvirt feature name such as "tsc-deadline"',
        'name the feature'));
    } else if (seen.has(name)) {
      out.push(error('VM_CPU_FEATURE_INVALID', `cpuFeatures[${i}].name`, name, 'each feature listed once', 'remove the duplicate'));
    } else {
      seen.add(name);
    }
    if (f?.policy !== undefined && !policies.includes(f.policy)) {
      out.push(error('VM_CPU_FEATURE_INVALID', `cpuFeatures[${i}].policy`, f.policy, `one of ${policies.join(', ')}`,
        'use a CpuFeaturePolicy value'));
    }
  });
  const model = vm.cpuModel?.model;
  if (typeof model !== 'string' || model.trim() === '') {
    out.push(error('VM_CPU_FEATURE_INVALID', 'cpuModel', model, 'a CPU model name', 'use CpuModel.HOST_PASSTHROUGH or CpuModel.named("...")'));
  }
  return out;
}

/** A finding for a prop that would have no effect (never silently dropped). */
export function ignored(field: string, value: unknown, because: string, fix: string): Finding {
  return error('VM_PROP_IGNORED', field, value, `no value, since ${because} (it would have no effect)`, fix);
}
