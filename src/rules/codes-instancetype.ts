import { CodeInfo } from './code-info';

const REJECTED = 'the API server rejecting the VirtualMachine at apply time (KubeVirt admission webhook)';

/** Codes of the instance type and preference a RealtimeVirtualMachine references (and of RealtimeInstancetype). */
export const INSTANCETYPE_CODES: Record<string, CodeInfo> = {
  INSTANCETYPE_NAME_INVALID: {
    severity: 'error',
    meaning: 'A RealtimeInstancetype\'s name (metadata.name, or the construct id) is not a DNS-1123 subdomain.',
    prevents: 'the API server refusing the VirtualMachineClusterInstancetype',
    fix: 'set metadata.name to lowercase letters, digits, "-" and "."',
  },
  INSTANCETYPE_UNKNOWN: {
    severity: 'error',
    meaning: 'CommonInstancetype.named / CommonPreference.named was given a name the common-instancetypes release KubeVirt '
      + 'v1.9 deploys does not have.',
    prevents: 'a VM stuck with "failed to find instancetype" (the VM controller cannot expand it)',
    fix: 'use a name the error lists (CommonInstancetype.names()), or emit a RealtimeInstancetype',
  },
  VM_INSTANCETYPE_CONFLICT: {
    severity: 'error',
    meaning: 'The VM gives a prop whose field the instance type sets (its size, dedicated CPUs, emulator thread, NUMA, '
      + 'real-time mask, huge pages, IOThreads policy, maxSockets or CPU model). KubeVirt refuses such a VM: "VM field(s) '
      + '... conflicts with selected instance type" (or silently overrides the field, for maxSockets).',
    prevents: REJECTED,
    fix: 'remove the prop from the VM (the instance type decides it), or pick or emit an instance type with the value you want',
  },
  VM_KV_INSTANCETYPE_CONFLICT: {
    severity: 'error',
    meaning: 'The VirtualMachine as written (JSON patches included) sets a field the selected instance type sets: KubeVirt '
      + 'v1.9 refuses it with "VM field(s) <path> conflicts with selected instance type" (pkg/instancetype/apply).',
    prevents: REJECTED,
    fix: 'remove the field (or the JSON patch that adds it)',
  },
  VM_INSTANCETYPE_UNSUPPORTED: {
    severity: 'error',
    meaning: 'The instance type sets fields the library does not model (e.g. memory.overcommitPercent of the o1 series, '
      + 'nodeSelector, gpus, hostDevices): the VM\'s capacity and placement checks would be wrong.',
    prevents: 'a VM whose pod requests and node placement differ from what the library checked',
    fix: 'reference an instance type without those fields (e.g. the rt1 or cx1 series), or emit a RealtimeInstancetype',
  },
  VM_INSTANCETYPE_INVALID: {
    severity: 'error',
    meaning: 'The instance type gives no whole number of vCPUs (cpu.guest) or no guest memory quantity (memory.guest).',
    prevents: REJECTED,
    fix: 'reference a valid instance type',
  },
  VM_PREFERENCE_REQUIREMENTS_UNMET: {
    severity: 'error',
    meaning: 'The instance type gives fewer vCPUs or less memory than the preference requires (KubeVirt: "insufficient CPU '
      + 'resources of N vCPU provided by instance type, preference requires M vCPU"; "insufficient Memory resources ...").',
    prevents: REJECTED,
    fix: 'pick a larger instance type, or a preference with lower requirements',
  },
  VM_PREFERENCE_SPREAD_NOT_DIVISIBLE: {
    severity: 'error',
    meaning: 'The preference spreads the vCPUs across sockets, cores (and threads) with a ratio the instance type\'s vCPU count '
      + 'is not divisible by (KubeVirt: "N vCPUs provided by the instance type are not divisible by ...").',
    prevents: REJECTED,
    fix: 'pick an instance type whose vCPU count the spread divides, or another preference',
  },
  VM_PREFERENCE_INVALID: {
    severity: 'error',
    meaning: 'The preference is one KubeVirt\'s preference admitter refuses (an unknown preferredCPUTopology, an unsupported '
      + 'spreadOptions.across, a ratio other than 2 across CoresThreads), or a reference to something that is no preference.',
    prevents: REJECTED,
    fix: 'reference a valid preference (CommonPreference.named or a RealtimeInstancetype\'s)',
  },
  VM_PREFERENCE_WITHOUT_INSTANCETYPE: {
    severity: 'error',
    meaning: 'A preference is given without an instance type: the VM\'s own vcpus or topology decide its shape, so the '
      + 'library would drop the preference.',
    prevents: 'a preference that silently has no effect on the VM the library checked',
    fix: 'add the instancetype, or remove the preference',
  },
  VM_INSTANCETYPE_INCOMPLETE: {
    severity: 'warning',
    meaning: 'The instance type leaves real-time settings to the VM (the rt1 series: no cpu.model host-passthrough, no '
      + 'tsc-deadline, no ioThreadsPolicy, no maxSockets; the u1 series also no dedicated CPUs, NUMA, real-time or huge pages). '
      + 'The VM writes them itself; another VM on the same instance type without this library gets none of them.',
    prevents: 'VMs of one instance type running with different real-time settings (and CPU hot-plug slots, kubevirt#17248)',
    fix: 'emit a RealtimeInstancetype that sets them all, or acknowledge the warning',
  },
};
