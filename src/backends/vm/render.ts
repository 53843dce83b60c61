import { IGNITION_ANNOTATION, renderGuestIgnition } from './guest-ignition';
import { CLOUD_INIT_DISK, VM_LABEL, VmModel } from '../../model/vm/vm-model';
import { VmSettings } from '../../model/vm/vm-settings';
import { memoryQuantity } from '../../model/vm/vm-shape';
import { GuestTuningDelivery } from '../../values/vm/guest-tuning';
import { IoThreadsPolicy } from '../../values/vm/io-threads-policy';
import { VmToleration } from '../../values/vm/toleration';

// Turns a resolved VM into the `spec` of its kubevirt.io/v1 VirtualMachine, as JSON (the API server's field names,
// quantities as numbers or strings), validated in the tests against the vendored CRD.
//
// The objects are built in synthesized form: keys in sorted order, no undefined field, no object shared with the
// model (or with anything else that outlives the render). The VM renders its spec through a `freshLazy`, so
// synthesis takes it as it is instead of copying it (docs/performance.md, P22).

/** A JSON object. */
type Json = Record<string, unknown>;

/** The `spec` of the VirtualMachine; `placementSelector` is the node pool's labels when the VM is placed. */
export function renderVmSpec(vm: VmModel, placementSelector?: Readonly<Record<string, string>>): Json {
  const s = vm.settings;
  const spec: Json = {};
  const accessCredentials = renderAccessCredentials(vm);
  if (accessCredentials !== undefined) spec.accessCredentials = accessCredentials;
  spec.domain = renderDomain(s, renderDisks(vm));
  spec.evictionStrategy = s.evictionStrategy;
  const nodeSelector = mergeNodeSelectors(placementSelector, vm.nodeSelector);
  if (nodeSelector !== undefined) spec.nodeSelector = nodeSelector;
  spec.terminationGracePeriodSeconds = s.terminationGracePeriodSeconds;
  if (vm.tolerations.length > 0) spec.tolerations = vm.tolerations.map(renderToleration);
  spec.volumes = renderVolumes(vm);
  const out: Json = {};
  const it = s.instancetype;
  if (it !== undefined) out.instancetype = { kind: it.kind, name: it.name };
  if (it?.preferenceName !== undefined) out.preference = { kind: it.preferenceKind, name: it.preferenceName };
  out.runStrategy = s.runStrategy;
  out.template = { metadata: templateMetadata(vm), spec };
  return out;
}

/**
 * The part of the spec KubeVirt's admission rules read (`admissionView`): the run strategy, the eviction strategy and
 * the domain, without the names, disks and selectors that tell VMs of one shape apart. A pure function of the
 * settings, so VMs of one shape render the same view.
 */
export function renderAdmissionSpec(s: VmSettings): Json {
  return { runStrategy: s.runStrategy, template: { spec: { domain: renderDomain(s, []), evictionStrategy: s.evictionStrategy } } };
}

/** The template's metadata: the pod labels, and the Ignition config with Ignition guest tuning. */
function templateMetadata(vm: VmModel): Json {
  const labels = templateLabels(vm);
  if (vm.guestTuning?.tuning.delivery !== GuestTuningDelivery.IGNITION) return { labels };
  return { annotations: { [IGNITION_ANNOTATION]: renderGuestIgnition(vm.guestTuning) }, labels };
}

/** The labels of the launcher pod: the user's pod labels and `kubevirt.io/vm: <name>`, sorted. */
export function templateLabels(vm: VmModel): Record<string, string> {
  return sortedCopy({ ...vm.podLabels, [VM_LABEL]: vm.name });
}

function renderDisks(vm: VmModel): Json[] {
  const disks: Json[] = [];
  for (const d of vm.disks) disks.push({ disk: { bus: 'virtio' }, name: d.name });
  if (vm.hasCloudInitDisk) disks.push({ disk: { bus: 'virtio' }, name: CLOUD_INIT_DISK });
  return disks;
}

function renderVolumes(vm: VmModel): Json[] {
  const volumes: Json[] = [];
  for (const d of vm.disks) {
    // The source field by assignment (a computed key in an object literal is slow), on the side of `name` that
    // sorting puts it; its body copied, since the model keeps it for the next render.
    const volume: Json = {};
    const body = sortedCopy(d.body);
    if (d.volumeType < 'name') volume[d.volumeType] = body;
    volume.name = d.name;
    if (!(d.volumeType < 'name')) volume[d.volumeType] = body;
    volumes.push(volume);
  }
  const noCloud = cloudInitNoCloud(vm);
  if (noCloud !== undefined) volumes.push({ cloudInitNoCloud: noCloud, name: CLOUD_INIT_DISK });
  return volumes;
}

/**
 * The body of the `cloudInitNoCloud` volume. With guest tuning the user data is the library's Secret, which holds
 * the user's own inline cloud-config too: nothing of it stays inline in the VirtualMachine.
 */
function cloudInitNoCloud(vm: VmModel): Json | undefined {
  if (vm.guestTuning?.tuning.delivery === GuestTuningDelivery.CLOUD_INIT) return { secretRef: { name: vm.guestTuning.secretName } };
  return vm.cloudInit === undefined ? undefined : sortedCopy(vm.cloudInit._noCloud());
}

/**
 * The domain. With an instance type, the fields it decides are left out (KubeVirt copies them in and refuses a VM
 * that sets them), and so are the CPU and memory requests (it derives them from the instance type).
 */
function renderDomain(s: VmSettings, disks: Json[]): Json {
  const own = ownFields(s);
  const domain: Json = {
    cpu: renderCpu(s, own),
    devices: {
      autoattachGraphicsDevice: s.autoattachGraphicsDevice,
      autoattachMemBalloon: s.autoattachMemBalloon,
      autoattachSerialConsole: s.autoattachSerialConsole,
      disks,
    },
  };
  if (s.ioThreadsPolicy === IoThreadsPolicy.SUPPLEMENTAL_POOL && own('supplementalPoolThreadCount')) {
    domain.ioThreads = s.supplementalPoolThreadCount > 0 ? { supplementalPoolThreadCount: s.supplementalPoolThreadCount } : {};
  }
  if (s.ioThreadsPolicy !== undefined && own('ioThreadsPolicy')) domain.ioThreadsPolicy = s.ioThreadsPolicy;
  if (s.hugePageSize && own('hugePageSize')) domain.memory = { hugepages: { pageSize: s.hugePageSize.quantity } };
  if (s.instancetype !== undefined) return domain;
  // Requests equal limits for CPU and memory: the pod gets the Guaranteed QoS class, which the kubelet CPU manager
  // needs before it pins CPUs. With huge pages KubeVirt turns the memory into a hugepages-<size> request itself.
  const memory = memoryQuantity(s.memoryBytes);
  domain.resources = { limits: { cpu: s.vcpus, memory }, requests: { cpu: s.vcpus, memory } };
  return domain;
}

/** The pool's labels, then the user's (which win on a conflict), as a new object with sorted keys; undefined when neither has any. */
export function mergeNodeSelectors(placement?: Readonly<Record<string, string>>,
  user?: Readonly<Record<string, string>>): Record<string, string> | undefined {
  if (placement === undefined || Object.keys(placement).length === 0) return user === undefined ? undefined : sortedCopy(user);
  return sortedCopy({ ...placement, ...(user ?? {}) });
}

/** A shallow copy with the keys sorted. */
function sortedCopy<T extends object>(o: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(o).sort()) copy[key] = (o as Record<string, unknown>)[key];
  return copy as T;
}

/** Whether the VM writes the fields of a settings prop itself (false for what its instance type decides). */
function ownFields(s: VmSettings): (prop: string) => boolean {
  const decided = s.instancetype?.decides;
  return decided === undefined ? () => true : (prop) => !decided.includes(prop);
}

function renderCpu(s: VmSettings, own: (prop: string) => boolean): Json {
  // With only a vCPU count, the topology is left to KubeVirt (sockets = vCPUs), as in the real-time guide; with an
  // instance type, KubeVirt derives it from the preference.
  const topology = s.usesTopology && own('topology');
  const cpu: Json = {};
  if (topology) cpu.cores = s.cores;
  if (s.dedicatedCpuPlacement && own('dedicatedCpuPlacement')) cpu.dedicatedCpuPlacement = true;
  if (s.cpuFeatures.length > 0) cpu.features = s.cpuFeatures.map((f) => ({ name: f.name, policy: f.policy }));
  if (s.isolateEmulatorThread && own('isolateEmulatorThread')) cpu.isolateEmulatorThread = true;
  // Always written: left out, KubeVirt's LiveUpdate rollout would add sockets × 4 hot-plug slots (kubevirt#17248).
  if (own('maxSockets')) cpu.maxSockets = s.maxSockets;
  if (own('cpuModel')) cpu.model = s.cpuModel;
  if (s.guestMappingPassthrough && own('guestMappingPassthrough')) cpu.numa = { guestMappingPassthrough: {} };
  if (s.realtime && own('realtime')) cpu.realtime = s.realtimeMask === '' ? {} : { mask: s.realtimeMask };
  if (topology) {
    cpu.sockets = s.sockets;
    cpu.threads = s.threads;
  }
  return cpu;
}

function renderAccessCredentials(vm: VmModel): Json[] | undefined {
  if (vm.sshPublicKeySecrets.length === 0) return undefined;
  return vm.sshPublicKeySecrets.map((secretName) => ({
    sshPublicKey: { propagationMethod: { noCloud: {} }, source: { secret: { secretName } } },
  }));
}

function renderToleration(t: VmToleration): Json {
  const toleration: Json = {};
  if (t.effect !== undefined) toleration.effect = t.effect;
  if (t.key !== undefined) toleration.key = t.key;
  const operator = t.exists ? 'Exists' : t.value !== undefined ? 'Equal' : undefined;
  if (operator !== undefined) toleration.operator = operator;
  if (t.tolerationSeconds !== undefined) toleration.tolerationSeconds = t.tolerationSeconds;
  const value = t.exists ? undefined : t.value;
  if (value !== undefined) toleration.value = value;
  return toleration;
}
