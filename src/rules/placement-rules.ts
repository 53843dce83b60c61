import { ClusterFacts } from '../model/cluster/cluster-facts';
import { CapacityLimit, capacityCountsOf, capacityOf, VmCapacityCounts } from '../model/placement/capacity';
import { PackingItem } from '../model/placement/packing';
import { capacityOptionsOf, isNodeCount } from '../model/placement/pool-options';
import { packPool, PoolVm } from '../model/placement/pool-packing';
import { RealtimeNodePoolModel } from '../model/pool/pool-model';
import { memoryQuantity, pinnedCpuCount, VmShape } from '../model/vm/vm-shape';
import { FeatureGate } from '../values/cluster/feature-gate';
import { FeatureGateState } from '../values/cluster/feature-gate-state';
import { NEWEST_TABLED_VERSION } from '../values/cluster/gate-table';
import { KubeVirtVersion } from '../values/cluster/kubevirt-version';
import { CpuSet } from '../values/cpu-set';
import { error, Finding, Severity, warning } from '../values/finding';
import { NodeTaint } from '../values/pool/node-taint';
import { TopologyManagerPolicy } from '../values/pool/topology-manager-policy';
import { TaintEffect } from '../values/vm/taint-effect';
import { VmToleration } from '../values/vm/toleration';

// Checks across constructs: a VM against the node pool it is placed on and the cluster configuration of the app.
// Each is a pure function of plain values (the VM's shape, the pool's model, the cluster facts) and names the failure
// the cluster would show otherwise. Codes are registered in codes-placement.ts.

/** A VM placed on a pool, with what the app says about the cluster. */
export interface PlacementInput {
  /** The VM. */
  readonly shape: VmShape;
  /** The pool it is placed on. */
  readonly pool: RealtimeNodePoolModel;
  /** The app's KubeVirt configuration facts. */
  readonly cluster: ClusterFacts;
  /** The VM prop that sets its CPU count (`vcpus` or `topology`), for messages. Default `vcpus`. */
  readonly cpuField?: string;
  /** The user's own nodeSelector on the VM. */
  readonly nodeSelector?: { [key: string]: string };
  /** The VM's tolerations. */
  readonly tolerations?: readonly VmToleration[];
}

/** Every placement check of one VM, in a fixed order. */
export function placementFindings(input: PlacementInput): Finding[] {
  return [...nodeSelectorFindings(input), ...taintFindings(input), ...shapePlacementFindings(input)];
}

/**
 * The placement checks that read the VM's shape, the pool and the cluster facts (all but the node selector one), in
 * placementFindings' order.
 */
export function shapePlacementFindings(input: PlacementInput): Finding[] {
  const fit = [...smtAlignmentFindings(input), ...cpuFitFindings(input), ...hugePageFindings(input)];
  return [
    ...realtimeCapableFindings(input),
    ...guestThreadFindings(input),
    ...emulatorSiblingFindings(input),
    ...fit,
    ...numaNodeFitFindingsGiven(input, fit),
    ...numaPassthroughPolicyFindings(input),
    ...configurationFindings(input),
  ];
}

/** PLACEMENT_NODE_SELECTOR_CONFLICT: the user's nodeSelector gives the pool's own label another value. */
export function nodeSelectorFindings(input: PlacementInput): Finding[] {
  const own = input.nodeSelector ?? {};
  return Object.entries(input.pool.nodeSelector)
    .filter(([key, value]) => key in own && own[key] !== value)
    .map(([key, value]) => error('PLACEMENT_NODE_SELECTOR_CONFLICT', `nodeSelector["${key}"]`, own[key],
      `${JSON.stringify(value)}, the label pool ${input.pool.role} selects its nodes by (no node carries both values, `
      + 'so the VM would stay Pending)', 'remove the entry: placing the VM on the pool adds it'));
}

/**
 * PLACEMENT_TAINT_NOT_TOLERATED: the pool's nodes carry a NoSchedule or NoExecute taint the VM does not tolerate
 * (a PreferNoSchedule taint only steers the scheduler, and the VM's nodeSelector leaves it no other node anyway).
 */
export function taintFindings(input: PlacementInput): Finding[] {
  const tolerations = input.tolerations ?? [];
  return input.pool.nodeTaints
    .filter((taint) => taint.effect !== TaintEffect.PREFER_NO_SCHEDULE)
    .filter((taint) => !tolerations.some((t) => tolerates(t, taint)))
    .map((taint) => error('PLACEMENT_TAINT_NOT_TOLERATED', 'tolerations', describeTaint(taint),
      `a toleration of pool ${input.pool.role}'s taint ${describeTaint(taint)} (every node of the pool carries it, so the `
      + 'launcher pod is never scheduled and the VM stays Pending)',
      `add tolerations: [{ key: '${taint.key}', ${taint.value === undefined ? 'exists: true' : `value: '${taint.value}'`}, `
      + `effect: TaintEffect.${effectMember(taint.effect)} }] to the VM, or remove the taint from the pool`));
}

/** Kubernetes' matching rule: same effect (or any), same key (or any with Exists), and Exists or an equal value. */
function tolerates(toleration: VmToleration, taint: NodeTaint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) return false;
  if (toleration.key === undefined || toleration.key === '') return toleration.exists === true;
  if (toleration.key !== taint.key) return false;
  return toleration.exists === true || (toleration.value ?? '') === (taint.value ?? '');
}

function describeTaint(taint: NodeTaint): string {
  return `${taint.key}${taint.value === undefined ? '' : `=${taint.value}`}:${taint.effect}`;
}

function effectMember(effect: TaintEffect): string {
  return Object.entries(TaintEffect).find(([, value]) => value === effect)?.[0] ?? 'NO_SCHEDULE';
}

/** PLACEMENT_POOL_NOT_REALTIME_CAPABLE: a real-time VM on a pool that does not allow unlimited real-time runtime. */
export function realtimeCapableFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  if (!shape.realtime || pool.realtimeCapable) return [];
  const label = (input.cluster.kubevirtVersion ?? NEWEST_TABLED_VERSION).realtimeNodeLabel;
  return [error('PLACEMENT_POOL_NOT_REALTIME_CAPABLE', 'realtime', true,
    `a pool whose nodes run with kernel.sched_rt_runtime_us = -1, which is what makes KubeVirt label them ${label}=true; `
    + `pool ${pool.role} does not, so the nodeSelector ${label}=true KubeVirt gives the pod matches none of its nodes (VM Pending)`,
    'place the VM on a real-time pool, or set realtime: false')];
}

/**
 * PLACEMENT_GUEST_THREADS_WITHOUT_SMT: guest SMT threads on hosts without SMT (kubevirt#11749).
 * PLACEMENT_GUEST_THREADS_MISMATCH: the guest's threads per core differ from the host's, although they could match.
 */
export function guestThreadFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  if (!shape.dedicatedCpuPlacement) return [];
  const hostThreads = pool.partition.topology.threadsPerCore;
  const field = input.cpuField === 'topology' ? 'topology.threads' : 'vcpus';
  const value = input.cpuField === 'topology' ? shape.threads : shape.vcpus;
  if (shape.threads > 1 && !pool.smtEnabled) {
    return [error('PLACEMENT_GUEST_THREADS_WITHOUT_SMT', field, value,
      `1 thread per core: pool ${pool.role} runs without SMT, so the guest's "sibling" threads are pinned to separate `
      + 'host cores (kubevirt#11749) and the guest optimises for a topology that does not exist',
      'use threads: 1 (more cores or sockets instead), or place the VM on a pool with SMT')];
  }
  if (pool.smtEnabled && pool.fullPcpusOnly && shape.threads !== hostThreads && shape.vcpus % hostThreads === 0) {
    return [warning('PLACEMENT_GUEST_THREADS_MISMATCH', field, value,
      `${hostThreads} threads per core, like the hosts of pool ${pool.role}: the kubelet pins the pod to whole cores `
      + `(full-pcpus-only), so the vCPUs share cores ${hostThreads} by ${hostThreads}, but the guest sees ${shape.threads} `
      + 'thread(s) per core and treats SMT siblings as independent cores (a mismatched guest topology costs much '
      + 'performance under load: "KubeVirt and the Cost of Containerizing VMs")',
      `use topology { sockets: 1, cores: ${shape.vcpus / hostThreads}, threads: ${hostThreads} }, and check with `
      + '`virsh vcpupin` that guest siblings land on host siblings (kubevirt#4687)')];
  }
  return [];
}

/**
 * PLACEMENT_EMULATOR_ON_REALTIME_SIBLING: the isolated emulator thread shares a physical core with a real-time vCPU.
 *
 * On an SMT pool with full-pcpus-only the launcher pod gets whole cores. virt-launcher (KubeVirt v1.9.0,
 * `converter/vcpu/vcpu.go`: `cpuChunksToCells`, `FitCores`, `FormatEmulatorThreadPin`) walks the pod's CPUs core by
 * core in CPU order, pins vCPUs to consecutive threads (vCPU 0 and 1 on the two threads of the first core, ...), then
 * the supplemental-pool IOThreads, then gives the emulator thread the next free thread. When vCPUs + pool IOThreads
 * do not fill whole cores (an odd count on 2-thread cores: the pod is N+1 CPUs, no even-parity completion), that free
 * thread is on the last vCPUs' core: QEMU's main loop, which is not real-time, then competes with a real-time vCPU
 * for the core's execution units. Not refused: the VM runs, and leaving that vCPU out of the mask makes it sound.
 */
export function emulatorSiblingFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  if (!shape.dedicatedCpuPlacement || !shape.isolateEmulatorThread || !pool.smtEnabled || !pool.fullPcpusOnly) return [];
  const threads = pool.partition.topology.threadsPerCore;
  const pinned = pinnedCpuCount(shape);
  const lastCoreThreads = pinned % threads;
  if (lastCoreThreads === 0) return [];
  const c = capacityFor(input);
  // A pod that is not whole cores is refused by the kubelet (PLACEMENT_SMT_ALIGNMENT): nothing is pinned at all.
  if (c.podCpus % threads !== 0) return [];
  const lastCoreStart = pinned - lastCoreThreads;
  const mates = shape.realtimeVcpus.filter((vcpu) => vcpu >= lastCoreStart && vcpu < shape.vcpus);
  if (mates.length === 0) return [];
  const mateText = mates.length === 1 ? `real-time vCPU ${mates[0]}` : `real-time vCPUs ${CpuSet.of(mates)}`;
  const poolThreads = pinned - shape.vcpus;
  const counted = poolThreads > 0 ? `${plural(shape.vcpus, 'vCPU')} + ${plural(poolThreads, 'supplemental-pool IOThread')}` : plural(shape.vcpus, 'vCPU');
  const fixes: string[] = [];
  // Whole cores of vCPUs leave the emulator an even pod remainder only on 2-thread cores (2 CPUs with even parity).
  const whole = threads === 2 ? [shape.vcpus - lastCoreThreads, shape.vcpus + threads - lastCoreThreads].filter((n) => n >= 1) : [];
  if (whole.length > 0) {
    fixes.push(`give the VM ${whole.join(' or ')} vCPUs, so its vCPUs fill whole cores and the emulator thread gets a core of its own`
    + (input.cluster.evenParityCompletion ? ' (even-parity completion is on)' : ' (with even-parity completion: a KubeVirtConfiguration '
      + 'for KubeVirt v1.2 or later enables AlignCPUs and alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity)'));
  }
  const rest = shape.realtimeVcpus.filter((vcpu) => !mates.includes(vcpu));
  if (rest.length > 0) {
    fixes.push(`leave ${mates.length === 1 ? `vCPU ${mates[0]}` : `vCPUs ${CpuSet.of(mates)}`} out of the real-time mask `
      + `(realtimeMask: RealtimeMask.parse('${CpuSet.of(rest)}')), so the emulator shares its core with a housekeeping vCPU`);
  }
  fixes.push('place the VM on a pool without SMT (disableSmt)');
  return [warning('PLACEMENT_EMULATOR_ON_REALTIME_SIBLING', cpuFieldOf(input), cpuValueOf(input),
    `vCPUs that fill whole cores of pool ${pool.role} (${threads} threads per core, full-pcpus-only): the pod gets `
    + `${describePod(c)} in whole cores, ${counted} leave the last core part-filled, and KubeVirt pins the isolated `
    + `emulator thread (QEMU's main loop, not real-time) to its free thread, the SMT sibling of ${mateText}, which then `
    + 'shares the core with it', fixes.join('; or '))];
}

/** PLACEMENT_SMT_ALIGNMENT: the pod's CPU count is not a multiple of the host's threads per core (full-pcpus-only). */
export function smtAlignmentFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  if (!shape.dedicatedCpuPlacement || !pool.fullPcpusOnly) return [];
  const c = capacityFor(input);
  const parityHelps = c.limitedBy.includes(CapacityLimit.EMULATOR_PARITY);
  if (!parityHelps && !c.limitedBy.includes(CapacityLimit.SMT_ALIGNMENT)) return [];
  const threads = pool.partition.topology.threadsPerCore;
  const kubelet = `SMT Alignment Error: requested ${c.podCpus} cpus not multiple cpus per core = ${threads}`;
  const expected = `a launcher pod CPU count that is a multiple of ${threads}: pool ${pool.role} runs with SMT and `
    + `full-pcpus-only and the pod needs ${describePod(c)}, so the kubelet refuses it ("${kubelet}") and the VM never starts`;
  if (parityHelps) {
    return [error('PLACEMENT_SMT_ALIGNMENT', 'isolateEmulatorThread', true, expected, parityFix(input.cluster))];
  }
  return [error('PLACEMENT_SMT_ALIGNMENT', cpuFieldOf(input), cpuValueOf(input), expected,
    `use a vCPU count that makes the pod a multiple of ${threads} CPUs`)];
}

/**
 * PLACEMENT_CPUS_EXCEED_NUMA_NODE (single-numa-node) / PLACEMENT_CPUS_EXCEED_NODE (other policies): the pod needs
 * more exclusive CPUs than one NUMA node (one node) of the pool can hand out.
 */
export function cpuFitFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  if (!shape.dedicatedCpuPlacement) return [];
  const c = capacityFor(input);
  const perNuma = c.perNumaNode.map((n) => n.allocatableCpuCount);
  const singleNuma = pool.topologyManagerPolicy === TopologyManagerPolicy.SINGLE_NUMA_NODE;
  const room = singleNuma ? Math.max(0, ...perNuma) : perNuma.reduce((a, b) => a + b, 0);
  if (c.podCpus <= room) return [];
  const whole = pool.fullPcpusOnly ? ' in whole cores' : '';
  const maxVcpus = room - (c.podCpus - c.vcpus);
  const fix = (maxVcpus >= 1 ? `give the VM at most ${maxVcpus} vCPUs, or ` : '')
    + 'isolate more CPUs (partition) or use a pool with bigger nodes';
  if (singleNuma) {
    return [error('PLACEMENT_CPUS_EXCEED_NUMA_NODE', cpuFieldOf(input), cpuValueOf(input),
      `a launcher pod that fits the isolated CPUs of one NUMA node of pool ${pool.role}: it needs ${describePod(c)}, the `
      + `largest NUMA node has ${room}${whole} (single-numa-node: the kubelet rejects the pod with TopologyAffinityError)`, fix)];
  }
  return [error('PLACEMENT_CPUS_EXCEED_NODE', cpuFieldOf(input), cpuValueOf(input),
    `a launcher pod that fits the isolated CPUs of a node of pool ${pool.role}: it needs ${describePod(c)}, a node has `
    + `${room}${whole} (the pod stays Pending: Insufficient cpu)`, fix)];
}

/**
 * PLACEMENT_HUGEPAGE_SIZE_NOT_ON_POOL: the pool has no pages of the VM's size.
 * PLACEMENT_HUGEPAGES_EXCEED_NUMA_NODE (single-numa-node) / PLACEMENT_HUGEPAGES_EXCEED_NODE: not enough of them.
 */
export function hugePageFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  const size = shape.hugePageSize;
  if (!size) return [];
  const ofSize = pool.hugepages.filter((p) => p.size === size);
  if (ofSize.length === 0) {
    const sizes = [...new Set(pool.hugepages.map((p) => p.size.quantity))];
    return [error('PLACEMENT_HUGEPAGE_SIZE_NOT_ON_POOL', 'hugePageSize', size.quantity,
      `a page size pool ${pool.role} sets aside (${sizes.length > 0 ? `it has ${sizes.join(', ')}` : 'it has no huge pages'}): `
      + `the pod requests ${size.resourceName}, which no node of the pool offers, so the VM stays Pending`,
      `use the pool's page size, or add { size: ${size.quantity === '1Gi' ? 'HugePageSize.ONE_GI' : 'HugePageSize.TWO_MI'}, count } to the pool's hugepages`)];
  }
  const need = Math.ceil(shape.memoryBytes / size.bytes);
  // The texts only for a finding: this runs once per VM of the app.
  const value = () => `${memoryQuantity(shape.memoryBytes)} (${need} x ${size.quantity})`;
  const perNode = () => ofSize.map((p) => `NUMA node ${p.numaNode}: ${p.count}`).join(', ');
  if (pool.topologyManagerPolicy === TopologyManagerPolicy.SINGLE_NUMA_NODE) {
    const largest = Math.max(...ofSize.map((p) => p.count));
    if (need <= largest) return [];
    return [error('PLACEMENT_HUGEPAGES_EXCEED_NUMA_NODE', 'memory', value(),
      `at most ${largest} x ${size.quantity}, the most one NUMA node of pool ${pool.role} has (${perNode()}): under `
      + 'single-numa-node all of the pod\'s huge pages come from one NUMA node, so the kubelet rejects it with '
      + 'TopologyAffinityError (kubevirt#6981)', `shrink the VM to ${largest * size.mebibytes}Mi or less, or set aside more pages per NUMA node`)];
  }
  const total = ofSize.reduce((sum, p) => sum + p.count, 0);
  if (need <= total) return [];
  return [error('PLACEMENT_HUGEPAGES_EXCEED_NODE', 'memory', value(),
    `at most ${total} x ${size.quantity}, all a node of pool ${pool.role} has (${perNode()}): the pod stays Pending `
    + `(Insufficient ${size.resourceName})`, `shrink the VM to ${total * size.mebibytes}Mi or less, or set aside more pages`)];
}

/**
 * PLACEMENT_NO_NUMA_NODE_FITS: under single-numa-node the CPUs fit some NUMA node and the pages fit some NUMA node,
 * but no NUMA node has both (only reported when neither alone explains it).
 */
export function numaNodeFitFindings(input: PlacementInput): Finding[] {
  return numaNodeFitFindingsGiven(input, [...smtAlignmentFindings(input), ...cpuFitFindings(input), ...hugePageFindings(input)]);
}

/** numaNodeFitFindings, given what the SMT, CPU and huge page checks already found for the input. */
function numaNodeFitFindingsGiven(input: PlacementInput, explained: Finding[]): Finding[] {
  const { shape, pool } = input;
  if (!shape.dedicatedCpuPlacement || pool.topologyManagerPolicy !== TopologyManagerPolicy.SINGLE_NUMA_NODE) return [];
  if (explained.some((f) => f.severity === Severity.ERROR)) return [];
  if (capacityFor(input).total > 0) return [];
  // The full capacity (with its sentence per NUMA node) only for the message.
  const c = capacityOf(pool.partition, shape, capacityOptionsOf(pool, input.cluster.evenParityCompletion));
  return [error('PLACEMENT_NO_NUMA_NODE_FITS', 'nodePool', pool.role,
    'a NUMA node with room for both the VM\'s CPUs and its huge pages (single-numa-node keeps them together, the '
    + `kubelet rejects the pod with TopologyAffinityError otherwise): ${c.perNumaNode.map((n) => n.reason).join(' ')}`,
    'set aside the huge pages on the NUMA nodes that have the isolated CPUs (hugepages[].numaNode), or shrink the VM')];
}

/** PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY: NUMA passthrough on a pool whose kubelet does not align NUMA nodes. */
export function numaPassthroughPolicyFindings(input: PlacementInput): Finding[] {
  const { shape, pool } = input;
  const loose = pool.topologyManagerPolicy === TopologyManagerPolicy.BEST_EFFORT || pool.topologyManagerPolicy === TopologyManagerPolicy.NONE;
  if (!shape.guestMappingPassthrough || !loose) return [];
  return [warning('PLACEMENT_NUMA_PASSTHROUGH_LOOSE_TOPOLOGY', 'guestMappingPassthrough', true,
    `a pool whose kubelet aligns CPUs and memory to NUMA nodes (single-numa-node or restricted); pool ${pool.role} runs `
    + `${pool.topologyManagerPolicy}, where QEMU can fail to start the guest with "cannot bind memory to host NUMA nodes: `
    + 'Operation not permitted" (kubevirt#17248)',
    'set the pool\'s topologyManagerPolicy to TopologyManagerPolicy.SINGLE_NUMA_NODE, or turn guestMappingPassthrough (and realtime, which needs it) off')];
}

/** PLACEMENT_NO_KUBEVIRT_CONFIGURATION: dedicated CPUs, and nothing in the app turns the CPUManager gate on. */
export function configurationFindings(input: PlacementInput): Finding[] {
  if (!input.shape.dedicatedCpuPlacement || input.cluster.hasConfiguration) return [];
  const labels = `${KubeVirtVersion.V1_8.cpuManagerNodeLabel}=true (${KubeVirtVersion.V1_7.cpuManagerNodeLabel}=true before v1.8)`;
  return [warning('PLACEMENT_NO_KUBEVIRT_CONFIGURATION', 'dedicatedCpuPlacement', true,
    `a KubeVirtConfiguration in the app, so the CPUManager gate follows the VMs: KubeVirt gives the pod the nodeSelector ${labels}, `
    + `which virt-handler keeps true only with CPUManager on (pool ${input.pool.role} already runs the static CPU manager); `
    + 'without it the VM stays Pending',
    'add new KubeVirtConfiguration(app, ..., { version }) for the cluster\'s KubeVirt, or make sure its KubeVirt CR lists CPUManager')];
}

/**
 * PLACEMENT_POOL_CAPACITY_EXCEEDED: the VMs placed on a pool do not all fit its declared `nodeCount` nodes.
 * Skipped when the pool declares no node count.
 */
export function poolCapacityFindings(pool: RealtimeNodePoolModel, vms: PoolVm[], cluster: ClusterFacts): Finding[] {
  if (!isNodeCount(pool.nodeCount)) return [];
  const packing = packPool(pool, pool.nodeCount, vms, cluster.evenParityCompletion);
  if (!packing || packing.result.unplaced.length === 0) return [];
  const { placed, unplaced } = packing.result;
  const numaNodes = pool.partition.topology.numaNodeIds.length;
  const bins = `${plural(pool.nodeCount, 'node')}${packing.perNumaNode ? ` x ${plural(numaNodes, 'NUMA node')}` : ''}`;
  const packed = placed.length + unplaced.length;
  const skipped = packing.skipped.length > 0
    ? ` (${packed} of the ${vms.length} VMs placed there; the other ${packing.skipped.length} cannot run on it at all and report their own errors)` : '';
  return [error('PLACEMENT_POOL_CAPACITY_EXCEEDED', 'nodeCount', pool.nodeCount,
    `room for the ${plural(packed, 'VM')} placed on pool ${pool.role}${skipped}: packed first-fit decreasing (most `
    + `CPUs first, then most huge pages) into ${bins}, ${placed.length} fit and ${unplaced.length} `
    + `${unplaced.length === 1 ? 'does' : 'do'} not (${unplaced.map(describeItem).join('; ')}); on the cluster `
    + `${unplaced.length === 1 ? 'it' : 'they'} would stay Pending`,
    `raise nodeCount to ${packing.nodesNeeded} (first-fit decreasing places every VM there), or place fewer or smaller VMs on the pool`)];
}

// Several rules read the same capacity of one input: computed once per input object.
const CAPACITY = new WeakMap<PlacementInput, VmCapacityCounts>();

function capacityFor(input: PlacementInput): VmCapacityCounts {
  let capacity = CAPACITY.get(input);
  if (capacity === undefined) {
    capacity = capacityCountsOf(input.pool.partition, input.shape, capacityOptionsOf(input.pool, input.cluster.evenParityCompletion));
    CAPACITY.set(input, capacity);
  }
  return capacity;
}

function cpuFieldOf(input: PlacementInput): string {
  return input.cpuField ?? 'vcpus';
}

function cpuValueOf(input: PlacementInput): unknown {
  const s = input.shape;
  return input.cpuField === 'topology' ? { sockets: s.sockets, cores: s.cores, threads: s.threads } : s.vcpus;
}

/** `10 CPUs (8 vCPUs + 2 emulator CPUs)`. */
function describePod(c: VmCapacityCounts): string {
  const poolCpus = c.podCpus - c.vcpus - c.emulatorCpus;
  const parts = [plural(c.vcpus, 'vCPU')];
  if (poolCpus > 0) parts.push(plural(poolCpus, 'IOThread CPU'));
  if (c.emulatorCpus > 0) parts.push(plural(c.emulatorCpus, 'emulator CPU'));
  return `${plural(c.podCpus, 'CPU')} (${parts.join(' + ')})`;
}

function describeItem(item: PackingItem): string {
  const pages = item.pageSize ? `, ${item.pages} x ${item.pageSize.quantity}` : '';
  return `${item.name}: ${plural(item.cpus, 'CPU')}${pages}`;
}

/** How to get even-parity completion, given what the app declares. */
function parityFix(cluster: ClusterFacts): string {
  const alternatives = 'or use an odd vCPU count, or isolateEmulatorThread: false';
  const version = cluster.kubevirtVersion;
  if (!cluster.hasConfiguration || !version) {
    return 'add a KubeVirtConfiguration for KubeVirt v1.2 or later: it enables AlignCPUs and the '
      + `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity annotation this VM asks for (the emulator then gets 2 CPUs); ${alternatives}`;
  }
  if (FeatureGate.ALIGN_CPUS.stateIn(version) === FeatureGateState.NOT_PRESENT) {
    return `upgrade KubeVirt to v1.2 or later (KubeVirt ${version} has no AlignCPUs, so no even-parity completion); ${alternatives}`;
  }
  return 'let the KubeVirtConfiguration enable AlignCPUs (remove it from disabledFeatureGates; on HCO, v1.11 or later '
    + `has spec.featureGates.alignCPUs) so KubeVirt completes the emulator CPUs to even parity; ${alternatives}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
