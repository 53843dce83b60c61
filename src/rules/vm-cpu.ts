import { VmShapeSettings } from '../model/vm/vm-settings';
import { error, Finding, warning } from '../values/finding';
import { MAX_VCPUS, VCPU_LIMIT_REASON } from '../values/vcpu-limits';
import { IoThreadsPolicy } from '../values/vm/io-threads-policy';

/** Highest value of an int32 field of the CRD (sockets, cores, threads). */
const INT32_MAX = 2 ** 31 - 1;

/** Exactly one of vcpus/topology, positive whole numbers, at most two threads per core with dedicated CPUs. */
export function cpuCountFindings({ given, settings }: VmShapeSettings): Finding[] {
  const { vcpus, topology } = given;
  if (vcpus !== undefined && topology !== undefined) {
    return [error('VM_CPU_COUNT_AMBIGUOUS', 'vcpus, topology', { vcpus, topology }, 'exactly one of vcpus and topology',
      'remove one: give either a vCPU count or a sockets/cores/threads topology')];
  }
  if (vcpus === undefined && topology === undefined) {
    return [error('VM_CPU_COUNT_MISSING', 'vcpus', undefined, 'a vCPU count or a topology (the library never picks a size for you)',
      'set vcpus (e.g. 2) or topology ({ sockets, cores, threads })')];
  }
  const out: Finding[] = [];
  if (vcpus !== undefined && !(vcpus >= 1)) {
    out.push(error('VM_VCPUS_INVALID', 'vcpus', vcpus, 'a whole number ≥ 1 (the CPU manager pins whole CPUs only)',
      'give a whole number of vCPUs'));
  }
  if (topology !== undefined) {
    for (const part of ['sockets', 'cores', 'threads'] as const) {
      const n = topology[part];
      if (!(n >= 1 && n <= INT32_MAX)) {
        out.push(error('VM_TOPOLOGY_INVALID', `topology.${part}`, n, 'a whole number ≥ 1', `set topology.${part} to 1 or more`));
      }
    }
    if (settings.dedicatedCpuPlacement && topology.threads > 2) {
      out.push(error('VM_THREADS_OVER_TWO', 'topology.threads', topology.threads,
        'at most 2 threads per core with dedicated CPUs (x86 SMT has two siblings per core)',
        'use threads: 1 or 2 and more cores or sockets'));
    }
  }
  // Compared on the requested count: a topology whose product is not a safe integer resolves to 0 vCPUs.
  const requested = vcpus ?? topology!.sockets * topology!.cores * topology!.threads;
  if (out.length === 0 && (settings.vcpus > MAX_VCPUS || requested > MAX_VCPUS)) {
    out.push(error('VM_VCPUS_ABOVE_LIMIT', vcpus !== undefined ? 'vcpus' : 'topology', vcpus ?? topology,
      `at most ${MAX_VCPUS} vCPUs ${VCPU_LIMIT_REASON}`, `give the VM at most ${MAX_VCPUS} vCPUs`));
  }
  return out;
}

/** The supplemental IOThread pool count goes with the SUPPLEMENTAL_POOL policy, and only with it. */
export function ioThreadFindings({ given, settings }: VmShapeSettings): Finding[] {
  const out: Finding[] = [];
  if (given.ioThreads === false && given.ioThreadsPolicy !== undefined) {
    out.push(ignored('ioThreadsPolicy', given.ioThreadsPolicy, 'ioThreads is false', 'remove ioThreadsPolicy, or turn ioThreads on'));
  }
  const count = given.supplementalPoolThreadCount;
  if (settings.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL) {
    if (count === undefined || !(count >= 1)) {
      out.push(error('VM_SUPPLEMENTAL_POOL_COUNT_INVALID', 'supplementalPoolThreadCount', count,
        'a whole number ≥ 1 with IoThreadsPolicy.SUPPLEMENTAL_POOL (each thread adds one dedicated pCPU to the pod)',
        'set supplementalPoolThreadCount, e.g. 1'));
    }
  } else if (count !== undefined) {
    out.push(ignored('supplementalPoolThreadCount', count, `the IOThreads policy is ${settings.ioThreadsPolicy ?? 'off'}`,
      'remove supplementalPoolThreadCount, or use IoThreadsPolicy.SUPPLEMENTAL_POOL'));
  }
  return out;
}

/** CPU features are listed once each; the CPU model has a name. */
export function cpuFeatureFindings({ settings }: VmShapeSettings): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  settings.cpuFeatures.forEach((f, i) => {
    if (seen.has(f.name)) {
      out.push(error('VM_CPU_FEATURE_INVALID', `cpuFeatures[${i}].name`, f.name, 'each feature listed once', 'remove the duplicate'));
    }
    seen.add(f.name);
  });
  if (settings.cpuModel.trim() === '') {
    out.push(error('VM_CPU_FEATURE_INVALID', 'cpuModel', settings.cpuModel, 'a CPU model name', 'use CpuModel.HOST_PASSTHROUGH or CpuModel.named("...")'));
  }
  return out;
}

/** A finding for a prop that would have no effect (never silently dropped). */
export function ignored(field: string, value: unknown, because: string, fix: string): Finding {
  return error('VM_PROP_IGNORED', field, value, `no value, since ${because} (it would have no effect)`, fix);
}

/** KubeVirt's own message for sockets above maxSockets (vms-admitter.go validateLiveUpdateCPU, v1.9). */
export const KUBEVIRT_SOCKETS_ABOVE_MAX = 'Number of sockets in CPU topology is greater than the maximum sockets allowed';

/**
 * `maxSockets` is a whole number ≥ the guest's sockets (KubeVirt refuses fewer at admission, but only when sockets
 * are written: a VM sized by `vcpus` would otherwise pass and fail at start). Hot-plug slots on a dedicated-CPU VM are
 * reported: QEMU counts them against its vCPU limit, and each vCPU hot-plugged later needs a dedicated host CPU.
 */
export function maxSocketsFindings({ given, settings }: VmShapeSettings): Finding[] {
  const max = given.maxSockets;
  if (max === undefined || settings.sockets < 1) return [];
  if (!(Number.isSafeInteger(max) && max >= settings.sockets && max <= INT32_MAX)) {
    return [error('VM_MAX_SOCKETS_INVALID', 'maxSockets', max,
      `a whole number ≥ the guest's ${settings.sockets} socket(s) (KubeVirt rejects fewer with: "${KUBEVIRT_SOCKETS_ABOVE_MAX}")`,
      `set maxSockets to ${settings.sockets} (no hot-plug slots), or leave it unset`)];
  }
  if (max > settings.sockets && settings.dedicatedCpuPlacement) {
    const slots = (max - settings.sockets) * settings.cores * settings.threads;
    return [warning('VM_MAX_SOCKETS_HOTPLUG_SLOTS', 'maxSockets', max,
      `maxSockets equal to the guest's ${settings.sockets} socket(s) on a dedicated-CPU VM: its ${slots} hot-plug vCPU slot(s) `
      + 'count against the dedicated CPUs of the node once plugged (the pod\'s CPU request grows, and the VM must fit a '
      + 'node with that many free isolated CPUs) and against QEMU\'s vCPU limit ("hotpluggable cpus requested ... exceeds")',
      `set maxSockets to ${settings.sockets}`)];
  }
  return [];
}
