import { guestTopology } from '../../model/vm/instancetype-merge';
import { VmSettings } from '../../model/vm/vm-settings';
import { memoryQuantity } from '../../model/vm/vm-shape';

// The specs of a RealtimeInstancetype's VirtualMachineClusterInstancetype and VirtualMachineClusterPreference
// (instancetype.kubevirt.io/v1beta1), as the API server reads them. Every real-time setting is written explicitly
// (booleans too), so a VM referencing the type takes all of them from it and fills nothing in itself.

/** A JSON object. */
type Json = Record<string, unknown>;

/** How the preference lays out the vCPUs. */
export interface PreferenceLayout {
  readonly preferredTopology: string;
  readonly spreadAcross?: string;
  readonly spreadRatio?: number;
}

/** The preference spec: topology (and spread options) and the preferred CPU features. */
export function renderPreferenceSpec(s: VmSettings, layout: PreferenceLayout): Json {
  const cpu: Json = { preferredCPUTopology: layout.preferredTopology };
  if (s.cpuFeatures.length > 0) cpu.preferredCPUFeatures = s.cpuFeatures.map((f) => ({ name: f.name, policy: f.policy }));
  if (layout.spreadAcross !== undefined || layout.spreadRatio !== undefined) {
    const spreadOptions: Json = {};
    if (layout.spreadAcross !== undefined) spreadOptions.across = layout.spreadAcross;
    if (layout.spreadRatio !== undefined) spreadOptions.ratio = layout.spreadRatio;
    cpu.spreadOptions = spreadOptions;
  }
  return { cpu: sorted(cpu) };
}

/** The instance type spec; `maxSockets` defaults to the sockets the preference gives the vCPUs. */
export function renderInstancetypeSpec(s: VmSettings, maxSockets: number | undefined, preference: Json): Json {
  const cpu: Json = {
    dedicatedCPUPlacement: s.dedicatedCpuPlacement,
    guest: s.vcpus,
    isolateEmulatorThread: s.isolateEmulatorThread,
    maxSockets: maxSockets ?? guestTopology(s.vcpus, preference).sockets,
    model: s.cpuModel,
    numa: { guestMappingPassthrough: {} },
    realtime: s.realtimeMask === '' ? {} : { mask: s.realtimeMask },
  };
  const memory: Json = { guest: memoryQuantity(s.memoryBytes) };
  if (s.hugePageSize !== undefined) memory.hugepages = { pageSize: s.hugePageSize.quantity };
  const spec: Json = { cpu };
  if (s.supplementalPoolThreadCount > 0) spec.ioThreads = { supplementalPoolThreadCount: s.supplementalPoolThreadCount };
  if (s.ioThreadsPolicy !== undefined) spec.ioThreadsPolicy = s.ioThreadsPolicy;
  spec.memory = memory;
  return spec;
}

function sorted(o: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(o).sort()) out[key] = o[key];
  return out;
}
