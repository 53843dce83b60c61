import * as kubevirt from '../../imports/virtualmachine-kubevirt.io';
import { CLOUD_INIT_DISK, ResolvedVm } from '../../model/vm/resolve';
import { CpuFeaturePolicy } from '../../values/vm/cpu-feature';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';

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
 * quantities as numbers or strings), in synthesized form for plain props (keys sorted, no undefined field, a fresh
 * object at every level). The VM's L1 takes it as its props and skips the generated serializer.
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

// The objects are built in synthesized form: keys in sorted order, no undefined field, no object shared with the
// resolved VM (or with anything else that outlives the render). The VM renders its spec through a `freshLazy`, so
// synthesis takes it as it is (`isSynthesized`) instead of copying it; a spec that is not in that form (a Lazy a
// caller slipped into a prop) is copied as before.

function specWith(vm: ResolvedVm, placementSelector: { [key: string]: string } | undefined,
  resources: kubevirt.VirtualMachineSpecTemplateSpecDomainResources): kubevirt.VirtualMachineSpec {
  const spec: Record<string, unknown> = {};
  const accessCredentials = renderAccessCredentials(vm);
  if (accessCredentials !== undefined) spec.accessCredentials = accessCredentials;
  spec.domain = renderDomain(vm, resources);
  if (vm.evictionStrategy !== undefined) spec.evictionStrategy = vm.evictionStrategy;
  const nodeSelector = mergeNodeSelectors(placementSelector, vm.nodeSelector);
  if (nodeSelector !== undefined) spec.nodeSelector = nodeSelector;
  if (vm.terminationGracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = vm.terminationGracePeriodSeconds;
  if (vm.tolerations.length > 0) spec.tolerations = vm.tolerations.map(renderToleration);
  spec.volumes = renderVolumes(vm);
  const labels: Record<string, string> = {};
  labels[VM_LABEL] = vm.name;
  const out: Record<string, unknown> = {};
  if (vm.runStrategy !== undefined) out.runStrategy = vm.runStrategy;
  out.template = { metadata: { labels }, spec };
  return out as unknown as kubevirt.VirtualMachineSpec;
}

function renderVolumes(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecVolumes[] {
  const volumes: Array<Record<string, unknown>> = [];
  for (const d of vm.disks) {
    // The source field by assignment (a computed key in an object literal is slow), on the side of `name` that
    // sorting puts it; its body copied, since the resolved VM keeps it for the next render.
    const volume: Record<string, unknown> = {};
    const body = sortedCopy(d.body);
    if (d.volumeType < 'name') volume[d.volumeType] = body;
    volume.name = d.name;
    if (!(d.volumeType < 'name')) volume[d.volumeType] = body;
    volumes.push(volume);
  }
  if (vm.cloudInit) volumes.push({ cloudInitNoCloud: sortedCopy(vm.cloudInit._noCloud()), name: CLOUD_INIT_DISK });
  return volumes as unknown as kubevirt.VirtualMachineSpecTemplateSpecVolumes[];
}

function renderDomain(vm: ResolvedVm,
  resources: kubevirt.VirtualMachineSpecTemplateSpecDomainResources): kubevirt.VirtualMachineSpecTemplateSpecDomain {
  const disks: Array<Record<string, unknown>> = [];
  for (const d of vm.disks) disks.push({ disk: { bus: 'virtio' }, name: d.name });
  if (vm.cloudInit) disks.push({ disk: { bus: 'virtio' }, name: CLOUD_INIT_DISK });
  const domain: Record<string, unknown> = {
    cpu: renderCpu(vm),
    devices: {
      autoattachGraphicsDevice: vm.autoattachGraphicsDevice,
      autoattachMemBalloon: vm.autoattachMemBalloon,
      autoattachSerialConsole: vm.autoattachSerialConsole,
      disks,
    },
  };
  if (vm.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL) {
    domain.ioThreads = vm.supplementalPoolThreadCount === undefined ? {} : { supplementalPoolThreadCount: vm.supplementalPoolThreadCount };
  }
  if (vm.ioThreadsPolicy !== undefined) domain.ioThreadsPolicy = vm.ioThreadsPolicy;
  if (vm.hugePageSize) domain.memory = { hugepages: { pageSize: vm.hugePageSize.quantity } };
  domain.resources = resources;
  return domain as unknown as kubevirt.VirtualMachineSpecTemplateSpecDomain;
}

/** The pool's labels, then the user's (which win on a conflict), as a new object with sorted keys; undefined when neither has any. */
export function mergeNodeSelectors(placement?: { [key: string]: string }, user?: { [key: string]: string }): { [key: string]: string } | undefined {
  if (placement === undefined || Object.keys(placement).length === 0) return user === undefined ? undefined : sortedCopy(user);
  return sortedCopy({ ...placement, ...(user ?? {}) });
}

/** A shallow copy with the keys sorted (values as they are: a non-plain one leaves the spec to be copied whole). */
function sortedCopy<T extends object>(o: T): T {
  if (o === null || typeof o !== 'object') return o;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(o).sort()) copy[key] = (o as Record<string, unknown>)[key];
  return copy as T;
}

/** Guest memory as a quantity: `1Gi` when a whole number of GiB, else `<n>Mi` (or bytes, which validation refuses). */
export function memoryQuantity(bytes: number): string {
  if (Number.isSafeInteger(bytes) && bytes > 0 && bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}Gi`;
  if (Number.isSafeInteger(bytes) && bytes > 0 && bytes % MIB === 0) return `${bytes / MIB}Mi`;
  return String(bytes);
}

function renderCpu(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecDomainCpu {
  // With only a vCPU count, the topology is left to KubeVirt (sockets = vCPUs), as in the real-time guide.
  const topology = vm.usesTopology;
  const cpu: Record<string, unknown> = {};
  if (topology) cpu.cores = vm.cores;
  if (vm.dedicatedCpuPlacement) cpu.dedicatedCpuPlacement = vm.dedicatedCpuPlacement;
  if (vm.cpuFeatures.length > 0) cpu.features = vm.cpuFeatures.map(renderCpuFeature);
  if (vm.isolateEmulatorThread) cpu.isolateEmulatorThread = vm.isolateEmulatorThread;
  const model = vm.cpuModel?.model;
  if (model !== undefined) cpu.model = model;
  if (vm.guestMappingPassthrough) cpu.numa = { guestMappingPassthrough: {} };
  if (vm.realtime) cpu.realtime = renderRealtime(vm);
  if (topology) {
    cpu.sockets = vm.sockets;
    cpu.threads = vm.threads;
  }
  return cpu as kubevirt.VirtualMachineSpecTemplateSpecDomainCpu;
}

function renderCpuFeature(f: { name?: string; policy?: string } | undefined): kubevirt.VirtualMachineSpecTemplateSpecDomainCpuFeatures {
  const feature: Record<string, unknown> = {};
  if (f?.name !== undefined) feature.name = f.name;
  feature.policy = f?.policy ?? CpuFeaturePolicy.REQUIRE;
  return feature as unknown as kubevirt.VirtualMachineSpecTemplateSpecDomainCpuFeatures;
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
  return { limits: { cpu: vm.vcpus, memory }, requests: { cpu: vm.vcpus, memory } };
}

function renderAccessCredentials(vm: ResolvedVm): kubevirt.VirtualMachineSpecTemplateSpecAccessCredentials[] | undefined {
  if (vm.sshPublicKeySecrets.length === 0) return undefined;
  return vm.sshPublicKeySecrets.map((secretName) => ({
    sshPublicKey: { propagationMethod: { noCloud: {} }, source: { secret: { secretName } } },
  }));
}

function renderToleration(t: { key?: string; value?: string; exists?: boolean; effect?: string; tolerationSeconds?: number }):
kubevirt.VirtualMachineSpecTemplateSpecTolerations {
  const toleration: Record<string, unknown> = {};
  if (t?.effect !== undefined) toleration.effect = t.effect;
  if (t?.key !== undefined) toleration.key = t.key;
  const operator = t?.exists ? 'Exists' : t?.value !== undefined ? 'Equal' : undefined;
  if (operator !== undefined) toleration.operator = operator;
  if (t?.tolerationSeconds !== undefined) toleration.tolerationSeconds = t.tolerationSeconds;
  const value = t?.exists ? undefined : t?.value;
  if (value !== undefined) toleration.value = value;
  return toleration as kubevirt.VirtualMachineSpecTemplateSpecTolerations;
}
