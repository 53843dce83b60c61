import { CpuFeaturePolicy } from './cpu-feature';
import { IoThreadsPolicy } from './io-threads-policy';
import { CLOUD_INIT_DISK, ResolvedVm } from './resolve';
import * as kubevirt from '../imports/virtualmachine-kubevirt.io';

// Turns a resolved VM into the typed L1 spec. It runs lazily at synthesis, after validation, but must still never
// throw on bad input (someone may call toJson() directly): every access is guarded.

/** The label KubeVirt's examples put on a VM and its template, used by Services and by `virtctl`. */
export const VM_LABEL = 'kubevirt.io/vm';

const MIB = 1024 * 1024;

/** The `spec` of the VirtualMachine. */
export function renderSpec(vm: ResolvedVm, placementSelector?: { [key: string]: string }): kubevirt.VirtualMachineSpec {
  return specWith(vm, placementSelector, renderResources(vm));
}

/**
 * The `spec` as JSON: what the L1's typed serializer makes of `renderSpec(vm)` (the API server's field names,
 * quantities as numbers or strings), undefined fields included. The props of an L1 created with
 * `withLatePatches(..., { propsAreJson: true })`, which skips the generated serializer.
 */
export function renderSpecJson(vm: ResolvedVm, placementSelector?: { [key: string]: string }): object {
  // Only the quantities differ from renderSpec: renderResourcesJson gives their JSON values.
  const resources = renderResourcesJson(vm) as kubevirt.VirtualMachineSpecTemplateSpecDomainResources;
  return specWith(vm, placementSelector, resources);
}

/**
 * The part of `renderSpecJson(vm)` that the admission rules read (`admissionView`): the run strategy, the eviction
 * strategy and the domain, without the names, volumes and selectors that tell VMs of one shape apart. What a VM
 * renders for its admission check.
 */
export function renderAdmissionSpecJson(vm: ResolvedVm): object {
  const resources = renderResourcesJson(vm) as kubevirt.VirtualMachineSpecTemplateSpecDomainResources;
  return { runStrategy: vm.runStrategy, template: { spec: { domain: renderDomain(vm, resources), evictionStrategy: vm.evictionStrategy } } };
}

function specWith(vm: ResolvedVm, placementSelector: { [key: string]: string } | undefined,
  resources: kubevirt.VirtualMachineSpecTemplateSpecDomainResources): kubevirt.VirtualMachineSpec {
  return {
    runStrategy: vm.runStrategy,
    template: {
      metadata: { labels: { [VM_LABEL]: vm.name } },
      spec: {
        accessCredentials: renderAccessCredentials(vm),
        domain: renderDomain(vm, resources),
        evictionStrategy: vm.evictionStrategy,
        nodeSelector: mergeNodeSelectors(placementSelector, vm.nodeSelector),
        terminationGracePeriodSeconds: vm.terminationGracePeriodSeconds,
        tolerations: vm.tolerations.length > 0 ? vm.tolerations.map(renderToleration) : undefined,
        volumes: renderVolumes(vm),
      },
    },
  };
}

function renderVolumes(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecVolumes[] {
  const volumes: Array<Record<string, unknown>> = [];
  for (const d of vm.disks) {
    // The source field by assignment: a computed key in an object literal is slow, for thousands of VMs.
    const volume: Record<string, unknown> = { name: d.name };
    volume[d.volumeType] = d.body;
    volumes.push(volume);
  }
  if (vm.cloudInit) volumes.push({ name: CLOUD_INIT_DISK, cloudInitNoCloud: vm.cloudInit._noCloud() });
  return volumes as unknown as kubevirt.VirtualMachineSpecTemplateSpecVolumes[];
}

function renderDomain(vm: ResolvedVm,
  resources: kubevirt.VirtualMachineSpecTemplateSpecDomainResources): kubevirt.VirtualMachineSpecTemplateSpecDomain {
  return {
    cpu: renderCpu(vm),
    devices: {
      autoattachGraphicsDevice: vm.autoattachGraphicsDevice,
      autoattachMemBalloon: vm.autoattachMemBalloon,
      autoattachSerialConsole: vm.autoattachSerialConsole,
      disks: [...vm.disks.map((d) => d.name), ...(vm.cloudInit ? [CLOUD_INIT_DISK] : [])]
        .map((name) => ({ name, disk: { bus: 'virtio' } })),
    },
    ioThreadsPolicy: vm.ioThreadsPolicy,
    ioThreads: vm.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL
      ? { supplementalPoolThreadCount: vm.supplementalPoolThreadCount } : undefined,
    memory: vm.hugePageSize ? { hugepages: { pageSize: vm.hugePageSize.quantity } } : undefined,
    resources,
  };
}

/** The pool's labels, then the user's (which win on a conflict); undefined when neither has any. */
export function mergeNodeSelectors(placement?: { [key: string]: string }, user?: { [key: string]: string }): { [key: string]: string } | undefined {
  if (placement === undefined || Object.keys(placement).length === 0) return user;
  return { ...placement, ...(user ?? {}) };
}

/** Guest memory as a quantity: `1Gi` when a whole number of GiB, else `<n>Mi` (or bytes, which validation refuses). */
export function memoryQuantity(bytes: number): string {
  if (Number.isSafeInteger(bytes) && bytes > 0 && bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}Gi`;
  if (Number.isSafeInteger(bytes) && bytes > 0 && bytes % MIB === 0) return `${bytes / MIB}Mi`;
  return String(bytes);
}

function renderCpu(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecDomainCpu {
  // With only a vCPU count, the topology is left to KubeVirt (sockets = vCPUs), as in the real-time guide.
  const topology = vm.props.topology != null && vm.props.vcpus == null;
  return {
    sockets: topology ? vm.sockets : undefined,
    cores: topology ? vm.cores : undefined,
    threads: topology ? vm.threads : undefined,
    model: vm.cpuModel?.model,
    dedicatedCpuPlacement: vm.dedicatedCpuPlacement || undefined,
    isolateEmulatorThread: vm.isolateEmulatorThread || undefined,
    features: vm.cpuFeatures.length > 0
      ? vm.cpuFeatures.map((f) => ({ name: f?.name, policy: f?.policy ?? CpuFeaturePolicy.REQUIRE }))
      : undefined,
    numa: vm.guestMappingPassthrough ? { guestMappingPassthrough: {} } : undefined,
    realtime: vm.realtime ? renderRealtime(vm) : undefined,
  };
}

function renderRealtime(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecDomainCpuRealtime {
  const text = vm.realtimeMask?.text ?? '';
  return text === '' ? {} : { mask: text };
}

function renderResources(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecDomainResources {
  // Requests equal limits for CPU and memory: the pod gets the Guaranteed QoS class, which the kubelet CPU manager
  // needs before it pins CPUs. With huge pages KubeVirt turns the memory into a hugepages-<size> request itself.
  const memory = memoryQuantity(vm.memoryBytes);
  return {
    requests: {
      cpu: kubevirt.VirtualMachineSpecTemplateSpecDomainResourcesRequests.fromNumber(vm.vcpus),
      memory: kubevirt.VirtualMachineSpecTemplateSpecDomainResourcesRequests.fromString(memory),
    },
    limits: {
      cpu: kubevirt.VirtualMachineSpecTemplateSpecDomainResourcesLimits.fromNumber(vm.vcpus),
      memory: kubevirt.VirtualMachineSpecTemplateSpecDomainResourcesLimits.fromString(memory),
    },
  };
}

/** renderResources with the quantities as the JSON values the typed serializer writes. */
function renderResourcesJson(vm: ResolvedVm): Record<string, Record<string, number | string>> {
  const memory = memoryQuantity(vm.memoryBytes);
  return { requests: { cpu: vm.vcpus, memory }, limits: { cpu: vm.vcpus, memory } };
}

function renderAccessCredentials(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecAccessCredentials[] | undefined {
  if (vm.sshPublicKeySecrets.length === 0) return undefined;
  return vm.sshPublicKeySecrets.map((secretName) => ({
    sshPublicKey: { source: { secret: { secretName } }, propagationMethod: { noCloud: {} } },
  }));
}

function renderToleration(t: { key?: string; value?: string; exists?: boolean; effect?: string; tolerationSeconds?: number }):
kubevirt.VirtualMachineSpecTemplateSpecTolerations {
  return {
    key: t?.key,
    operator: t?.exists ? 'Exists' : t?.value !== undefined ? 'Equal' : undefined,
    value: t?.exists ? undefined : t?.value,
    effect: t?.effect,
    tolerationSeconds: t?.tolerationSeconds,
  };
}
