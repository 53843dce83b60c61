import { admissionView, count, obj, P, templateView, TemplateView, text } from './vm-admission-context';
import { cpuFeatureFindings, dedicatedCpuFindings, rejected, resourceFindings, threadFindings } from './vm-admission-cpu';
import { hugepageFindings, numaFindings, realtimeFindings } from './vm-admission-memory';
import { Finding, warning } from '../values/finding';

// The admission layer: every KubeVirt v1.9 webhook rule (VM and VMI-template admitters) that concerns the fields
// this library emits, run over the plain JSON of a VirtualMachine exactly as it would reach the API server. The
// construct runs it on its own rendered output (so JSON patches are checked too); tests run it on every output.

const RUN_STRATEGIES = ['Always', 'Halted', 'Manual', 'RerunOnFailure', 'Once', 'WaitAsReceiver'];
const EVICTION_STRATEGIES = ['None', 'LiveMigrate', 'LiveMigrateIfPossible', 'External'];

/**
 * The findings KubeVirt's admission webhook would turn into a rejection (errors) or an admission warning
 * (warnings) for this VirtualMachine object. Empty when KubeVirt admits it.
 *
 * @param vm a `kubevirt.io/v1` VirtualMachine as plain JSON (e.g. one object of `Testing.synth`)
 */
export function admissionFindings(vm: unknown): Finding[] {
  return findingsOfView(admissionView(vm));
}

/** The rules, on an `admissionView` (nothing else of the object is in reach). */
function findingsOfView(view: Record<string, any>): Finding[] {
  const t = templateView(view);
  return [
    ...runStrategyFindings(view.spec),
    ...resourceFindings(t),
    ...dedicatedCpuFindings(t),
    ...threadFindings(t),
    ...numaFindings(t),
    ...realtimeFindings(t),
    ...hugepageFindings(t),
    ...cpuFeatureFindings(t),
    ...deviceFindings(t),
    ...hotplugFindings(t),
    ...evictionFindings(t),
  ];
}

/** §1.9 runStrategy / running (vms-admitter.go). */
function runStrategyFindings(spec: Record<string, any>): Finding[] {
  const out: Finding[] = [];
  const running = spec.running;
  const strategy = spec.runStrategy;
  if (running != null && strategy != null) {
    out.push(rejected('VM_KV_RUNNING_AND_RUN_STRATEGY', 'spec.running', running,
      'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead',
      'remove spec.running; keep spec.runStrategy (RealtimeVirtualMachineProps.runStrategy)'));
  } else if (running == null && strategy == null) {
    out.push(rejected('VM_KV_RUN_STRATEGY_MISSING', 'spec.running', running, 'RunStrategy must be specified',
      'set spec.runStrategy (RealtimeVirtualMachineProps.runStrategy)'));
  }
  if (strategy != null && !RUN_STRATEGIES.includes(strategy)) {
    out.push(rejected('VM_KV_RUN_STRATEGY_INVALID', 'spec.runStrategy', strategy, `Invalid RunStrategy (${text(strategy)})`,
      'use a RunStrategy value'));
  }
  if (running != null) {
    out.push(warning('VM_KV_RUNNING_DEPRECATED', 'spec.running', running,
      'spec.runStrategy (KubeVirt warns: "spec.running is deprecated, please use spec.runStrategy instead.")',
      'replace spec.running with spec.runStrategy'));
  }
  return out;
}

/** §1.8: a video device needs the graphics device. */
function deviceFindings(t: TemplateView): Finding[] {
  const devices = obj(t.domain.devices);
  if (devices.video != null && devices.autoattachGraphicsDevice === false) {
    return [rejected('VM_KV_VIDEO_WITHOUT_GRAPHICS', `${P}.video`, devices.video,
      'Video configuration is not allowed when autoattachGraphicsDevice is set to false',
      'remove devices.video, or turn autoattachGraphicsDevice on')];
  }
  return [];
}

/** §1.9 memory and CPU hotplug (LiveUpdate rollout, KubeVirt's default). */
function hotplugFindings(t: TemplateView): Finding[] {
  const out: Finding[] = [];
  const guestField = `${P}.domain.memory.guest`;
  if (t.memory?.maxGuest != null) {
    if (t.cpu?.realtime != null) {
      out.push(rejected('VM_KV_MAX_GUEST_REALTIME', guestField, t.memory.maxGuest, 'Memory hotplug is not compatible with realtime VMs',
        'remove memory.maxGuest: real-time VMs cannot hotplug memory'));
    } else if (obj(t.cpu?.numa).guestMappingPassthrough != null) {
      out.push(rejected('VM_KV_MAX_GUEST_NUMA', guestField, t.memory.maxGuest, 'Memory hotplug is not compatible with guest mapping passthrough',
        'remove memory.maxGuest: NUMA-passthrough VMs cannot hotplug memory'));
    }
  }
  const sockets = count(t.cpu?.sockets);
  const maxSockets = count(t.cpu?.maxSockets);
  if (maxSockets !== 0 && sockets > maxSockets) {
    out.push(rejected('VM_KV_SOCKETS_ABOVE_MAX', `${P}.domain.cpu.sockets`, `${sockets} > maxSockets ${maxSockets}`,
      'Number of sockets in CPU topology is greater than the maximum sockets allowed', 'raise maxSockets or lower sockets'));
  }
  return out;
}

function evictionFindings(t: TemplateView): Finding[] {
  const strategy = t.spec.evictionStrategy;
  if (strategy != null && !EVICTION_STRATEGIES.includes(strategy)) {
    return [rejected('VM_KV_EVICTION_STRATEGY_INVALID', `${P}.evictionStrategy`, strategy,
      `evictionStrategy one of ${EVICTION_STRATEGIES.join(', ')}`, 'use an EvictionStrategy value')];
  }
  return [];
}
