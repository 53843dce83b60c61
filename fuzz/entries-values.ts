import { anyNumber, anyString, cpulist, maskText, maybe, shortText, wrongValue } from './gen';
import { CaseContext } from './harness';
import { explicitProps, host, hugePageSize, lscpuText, planOptions, uniformProps, virshText } from './hosts';
import { Rng } from './rng';
import { evenParityCompletionOf } from '../src/model/cluster/cluster-facts';
import { requiredGates } from '../src/model/cluster/required-gates';
import { FeatureGate } from '../src/values/cluster/feature-gate';
import { allFeatureUses, gateForUse, KubeVirtFeatureUse, whyUseNeedsGate } from '../src/values/cluster/feature-use';
import { HcoVersion } from '../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../src/values/cluster/kubevirt-version';
import { TalosVersion } from '../src/values/cluster/talos-version';
import { CpuSet } from '../src/values/cpu-set';
import { CpuPartition } from '../src/values/host/cpu-partition';
import { HostTopology } from '../src/values/host/host-topology';
import { HugePageSize } from '../src/values/hugepage-size';
import { RealtimeMask } from '../src/values/realtime-mask';
import { CloudInit } from '../src/values/vm/cloud-init';
import { CpuModel } from '../src/values/vm/cpu-model';
import { BootDisk, DataDisk } from '../src/values/vm/disk';

// Entry points of the value types: parsers and factories with text or numbers from anywhere, then every query on
// the values they return.

/** A CPU id argument: mostly a plausible id, sometimes an edge number or a wrong type. */
function cpuArg(r: Rng): number {
  return maybe(r, 0.05, () => (r.chance(0.8) ? r.int(80) : anyNumber(r)));
}

/** A CpuSet from text, or a small literal set. */
function someSet(r: Rng): CpuSet {
  try {
    return r.chance(0.5) ? CpuSet.parse(cpulist(r).slice(0, 200)) : CpuSet.of(r.many(6, () => r.int(64)));
  } catch {
    return CpuSet.range(0, 3);
  }
}

export function cpuSetCase(r: Rng, c: CaseContext): void {
  const text = r.chance(0.85) ? cpulist(r) : wrongValue(r);
  c.note('text', text);
  const field = r.chance(0.9) ? undefined : maybe(r, 0.5, () => anyString(r));
  c.note('field', field);
  const parsed = c.call('CpuSet.parse', () => CpuSet.parse(text as string, field as string));
  const ids = r.chance(0.9) ? r.many(8, () => cpuArg(r)) : wrongValue(r);
  c.note('ids', ids);
  const of = c.call('CpuSet.of', () => CpuSet.of(ids as number[]));
  const [first, last] = [cpuArg(r), cpuArg(r)];
  c.note('range', [first, last]);
  const range = c.call('CpuSet.range', () => CpuSet.range(first, last));
  const sets = r.chance(0.9) ? r.many(4, () => (r.chance(0.95) ? someSet(r) : wrongValue(r))) : wrongValue(r);
  c.note('sets', sets);
  const union = c.call('CpuSet.unionOf', () => CpuSet.unionOf(sets as CpuSet[]));
  for (const o of [parsed, of, range, union]) {
    if (!o.ok) continue;
    const set = o.value;
    const other = r.chance(0.95) ? someSet(r) : wrongValue(r) as CpuSet;
    const id = cpuArg(r);
    c.note('other', other);
    c.note('id', id);
    c.call('CpuSet queries', () => {
      c.text('CpuSet.toString', set.toString());
      c.text('CpuSet.toMask', set.toMask());
      c.objects('CpuSet numbers', [set.size, set.min ?? 0, set.max ?? 0, set.isEmpty, set.has(id)]);
      if (set.size <= 10000) c.objects('CpuSet.toArray', set.toArray());
    });
    for (const op of ['union', 'intersection', 'difference', 'isSubsetOf', 'overlaps', 'sameAs'] as const) {
      const result = c.call(`CpuSet.${op}`, () => set[op](other));
      if (result.ok) c.text(`CpuSet.${op}`, String(result.value));
    }
  }
}

export function realtimeMaskCase(r: Rng, c: CaseContext): void {
  const text = r.chance(0.85) ? maskText(r) : wrongValue(r);
  c.note('text', text);
  const ids = r.chance(0.9) ? r.many(6, () => maybe(r, 0.05, () => (r.chance(0.9) ? r.int(20) : anyNumber(r)))) : wrongValue(r);
  c.note('ids', ids);
  const vcpus = maybe(r, 0.05, () => (r.chance(0.8) ? r.int(40) : anyNumber(r)));
  c.note('vcpus', vcpus);
  const masks = [
    c.call('RealtimeMask.parse', () => RealtimeMask.parse(text as string)),
    c.call('RealtimeMask.fromText', () => RealtimeMask.fromText(text as string)),
    c.call('RealtimeMask.vcpus', () => RealtimeMask.vcpus(ids as number[])),
    c.call('RealtimeMask.all', () => RealtimeMask.all()),
  ];
  for (const m of masks) {
    if (!m.ok) continue;
    const mask = m.value;
    c.text('RealtimeMask.toString', mask.toString());
    c.objects('RealtimeMask fields', [mask.isValid, mask.selectsAll]);
    if (mask.problem !== undefined) c.message('RealtimeMask.problem', mask.problem);
    const enabled = c.call('RealtimeMask.enabledVcpus', () => mask.enabledVcpus(vcpus));
    if (enabled.ok) c.objects('RealtimeMask.enabledVcpus', enabled.value);
    c.call('RealtimeMask.isEnabled', () => mask.isEnabled(vcpus));
    const out = c.call('RealtimeMask.outOfRangeTokens', () => mask.outOfRangeTokens(vcpus));
    if (out.ok) c.objects('RealtimeMask.outOfRangeTokens', out.value);
    c.call('RealtimeMask.unmatchableTokens', () => mask.unmatchableTokens());
    const disabled = c.call('RealtimeMask.disabledVcpus', () => mask.disabledVcpus());
    if (disabled.ok) c.objects('RealtimeMask.disabledVcpus', disabled.value);
  }
}

/** Version-ish text. */
function versionText(r: Rng): string {
  if (r.chance(0.5)) return `${r.pick(['', 'v', 'V', ' v'])}${r.pick([0, 1, 2, 1, 1])}.${r.int(25)}${r.chance(0.5) ? `.${r.int(12)}` : ''}${r.chance(0.1) ? r.pick(['-rc.1', '+b', '-', '.0.0']) : ''}`;
  if (r.chance(0.2)) return `1.${'9'.repeat(r.pick([16, 25, 400]))}`;
  return anyString(r);
}

export function versionsCase(r: Rng, c: CaseContext): void {
  const text = r.chance(0.9) ? versionText(r) : wrongValue(r);
  c.note('version', text);
  const kubevirt = c.call('KubeVirtVersion.of', () => KubeVirtVersion.of(text as string));
  if (kubevirt.ok) {
    const v = kubevirt.value;
    c.text('KubeVirtVersion', `${v} ${v.cpuManagerNodeLabel} ${v.compareTo(KubeVirtVersion.V1_5)} ${v.atLeast(KubeVirtVersion.V1_9)}`);
    for (const gate of FeatureGate.wellKnown()) c.text('FeatureGate.stateIn', `${gate.stateIn(v)} ${gate.isOnByDefaultIn(v)}`);
  }
  const other = r.chance(0.9) ? r.pick([...KubeVirtVersion.known(), ...HcoVersion.known()]) : wrongValue(r);
  c.note('other', other);
  const use = r.chance(0.9) ? r.pick(allFeatureUses()) : wrongValue(r);
  const uses = r.chance(0.9) ? r.many(4, () => (r.chance(0.95) ? r.pick(allFeatureUses()) : wrongValue(r))) : wrongValue(r);
  c.note('uses', uses);
  const target = kubevirt.ok ? kubevirt.value : KubeVirtVersion.V1_9;
  c.call('KubeVirtVersion.compareTo', () => target.compareTo(other as KubeVirtVersion));
  c.call('FeatureGate.stateIn', () => FeatureGate.NUMA.isOnByDefaultIn(other as KubeVirtVersion));
  const required = c.call('requiredGates', () => requiredGates(other as KubeVirtVersion, uses as KubeVirtFeatureUse[]));
  if (required.ok) for (const g of required.value) c.message('requiredGates reason', g.reason);
  c.call('gateForUse', () => c.text('gateForUse', `${gateForUse(use as KubeVirtFeatureUse)} ${whyUseNeedsGate(use as KubeVirtFeatureUse)}`));
  c.call('evenParityCompletionOf', () => evenParityCompletionOf(r.chance(0.5) ? { spec: {} } : wrongValue(r), r.chance(0.95) ? r.chance(0.5) : wrongValue(r) as boolean,
    other as KubeVirtVersion));
  const hco = c.call('HcoVersion.of', () => HcoVersion.of(text as string));
  if (hco.ok) c.call('HcoVersion.kubevirtVersion', () => c.text('HcoVersion', `${hco.value} ${hco.value.kubevirtVersion} ${hco.value.atLeast(other as HcoVersion)}`));
  const talos = c.call('TalosVersion.of', () => TalosVersion.of(text as string));
  if (talos.ok) c.text('TalosVersion', `${talos.value} ${talos.value.contractVersion}`);
  const name = r.chance(0.5) ? r.pick(['CPUManager', 'DownwardMetrics', 'numa', 'A1', '1A', 'Snap shot', '']) : r.chance(0.9) ? anyString(r) : wrongValue(r);
  c.note('gate', name);
  const gate = c.call('FeatureGate.custom', () => FeatureGate.custom(name as string));
  if (gate.ok) c.text('FeatureGate', `${gate.value} ${gate.value.isWellKnown} ${gate.value.introducedIn ?? 'custom'}`);
  const size = r.chance(0.5) ? r.pick(['2Mi', '1Gi', '2M', '1G', '1gi', '4Ki', ' 2Mi', '']) : r.chance(0.9) ? anyString(r) : wrongValue(r);
  const field = r.chance(0.9) ? undefined : maybe(r, 0.5, () => anyString(r));
  c.note('hugePageSize', [size, field]);
  const parsed = c.call('HugePageSize.parse', () => HugePageSize.parse(size as string, field as string));
  if (parsed.ok) c.text('HugePageSize', `${parsed.value} ${parsed.value.resourceName} ${parsed.value.kibibytes} ${parsed.value.mebibytes}`);
}

export function vmValuesCase(r: Rng, c: CaseContext): void {
  const text = () => (r.chance(0.85) ? r.pick(['quay.io/x/rt:1', 'claim', 'dv-1', 'Bad Name', '', ' ', shortText(r)]) : wrongValue(r));
  const options = () => (r.chance(0.6) ? undefined : r.chance(0.8) ? { name: maybe(r, 0.1, () => r.pick(['disk-1', 'Bad', '', 'a'.repeat(70)])) } : wrongValue(r));
  for (const [label, make] of [
    ['CpuModel.named', (t: unknown) => CpuModel.named(t as string)],
    ['CloudInit.fromSecret', (t: unknown) => CloudInit.fromSecret(t as string)],
    ['CloudInit.userData', (t: unknown) => CloudInit.userData(t as string)],
  ] as const) {
    const t = text();
    c.note(label, t);
    const made = c.call(label, () => make(t));
    if (made.ok) c.text(label, JSON.stringify(made.value));
  }
  for (const [label, make] of [
    ['BootDisk.containerDisk', (t: unknown, o: unknown) => BootDisk.containerDisk(t as string, o as {})],
    ['BootDisk.persistentVolumeClaim', (t: unknown, o: unknown) => BootDisk.persistentVolumeClaim(t as string, o as {})],
    ['BootDisk.dataVolume', (t: unknown, o: unknown) => BootDisk.dataVolume(t as string, o as {})],
    ['DataDisk.containerDisk', (t: unknown, o: unknown) => DataDisk.containerDisk(t as string, o as {})],
    ['DataDisk.persistentVolumeClaim', (t: unknown, o: unknown) => DataDisk.persistentVolumeClaim(t as string, o as {})],
    ['DataDisk.dataVolume', (t: unknown, o: unknown) => DataDisk.dataVolume(t as string, o as {})],
  ] as const) {
    const [t, o] = [text(), options()];
    c.note(label, [t, o]);
    const made = c.call(label, () => make(t, o));
    if (made.ok) c.text(label, `${made.value.name ?? ''} ${made.value.volumeType} ${made.value.reference} ${JSON.stringify(made.value._volumeBody())}`);
  }
}

/** Checks every query of a topology. */
function queryTopology(r: Rng, c: CaseContext, t: HostTopology): void {
  const node = maybe(r, 0.05, () => (r.chance(0.9) ? r.int(5) : anyNumber(r)));
  const cpu = cpuArg(r);
  const size = hugePageSize(r);
  c.note('query', { node, cpu, size });
  c.call('HostTopology queries', () => {
    c.text('HostTopology.toString', t.toString());
    c.objects('HostTopology numbers', [t.numaNodeIds, t.threadsPerCore, t.smtEnabled, t.hasCpu(cpu)]);
    c.text('HostTopology.cpusOfNumaNode', t.cpusOfNumaNode(node).toString());
    c.text('HostTopology.coresOfNumaNode', t.coresOfNumaNode(node).join(' '));
    if (t.cpus.size <= 2048) c.objects('HostTopology.logicalCpus', t.logicalCpus());
    c.text('HostTopology.cores', t.cores().slice(0, 100).join(' '));
    c.text('HostTopology.withoutSmt', t.withoutSmt().toString());
    const memory = t.memoryOfNumaNode(node);
    if (memory !== undefined) c.text('HostTopology.memoryOfNumaNode', memory.asString());
  });
  c.call('HostTopology.hugePagesOfNumaNode', () => c.objects('hugePages', [t.hugePagesOfNumaNode(node, size) ?? 0]));
  for (const q of ['numaNodeOf', 'socketOf', 'siblingsOf'] as const) c.call(`HostTopology.${q}`, () => c.text(q, String(t[q](cpu))));
}

export function uniformTopologyCase(r: Rng, c: CaseContext): void {
  const props = r.chance(0.97) ? uniformProps(r) : wrongValue(r);
  c.note('props', props);
  const t = c.call('HostTopology.uniform', () => HostTopology.uniform(props as never));
  if (t.ok) queryTopology(r, c, t.value);
}

export function hostTextCase(r: Rng, c: CaseContext): void {
  const base = host(r);
  const xml = r.chance(0.5);
  const text = r.chance(0.9) ? (xml ? virshText(r, base) : lscpuText(r, base)) : r.chance(0.8) ? anyString(r) : wrongValue(r);
  c.note(xml ? 'xml' : 'lscpu', text);
  const t = c.call(xml ? 'HostTopology.fromVirshCapabilities' : 'HostTopology.fromLscpu',
    () => (xml ? HostTopology.fromVirshCapabilities(text as string) : HostTopology.fromLscpu(text as string)));
  if (t.ok) queryTopology(r, c, t.value);
}

/** Checks every query of a partition. */
export function queryPartition(r: Rng, c: CaseContext, p: CpuPartition): void {
  const node = maybe(r, 0.05, () => (r.chance(0.9) ? r.int(5) : anyNumber(r)));
  c.note('node', node);
  c.call('CpuPartition queries', () => {
    c.text('CpuPartition.toString', p.toString());
    c.text('CpuPartition lists', `${p.reservedOfNumaNode(node)} ${p.isolatedOfNumaNode(node)} ${p.offlinedOfNumaNode(node)} ${p.extraKernelArgs}`);
    for (const w of p.warnings) {
      c.code('CpuPartition.warnings', w.code);
      c.message('CpuPartition.warnings', `[${w.code}] ${w.field}: got ${w.value}, expected ${w.expected}; fix: ${w.fix}`);
    }
  });
}

export function partitionCase(r: Rng, c: CaseContext): void {
  const topology = r.chance(0.97) ? host(r) : wrongValue(r) as HostTopology;
  c.note('topology', topology);
  if (r.chance(0.6)) {
    const options = r.chance(0.97) ? planOptions(r, topology instanceof HostTopology ? topology : host(r)) : wrongValue(r);
    c.note('plan', options);
    const p = c.call('CpuPartition.plan', () => CpuPartition.plan(topology, options as never));
    if (p.ok) queryPartition(r, c, p.value);
  } else {
    const props = r.chance(0.97) ? explicitProps(r, topology instanceof HostTopology ? topology : host(r)) : wrongValue(r);
    c.note('explicit', props);
    const p = c.call('CpuPartition.explicit', () => CpuPartition.explicit(topology, props as never));
    if (p.ok) queryPartition(r, c, p.value);
  }
}

/** A partition that plans (a fallback when the random one is refused). */
export function somePartition(r: Rng, topology: HostTopology = host(r)): CpuPartition {
  try {
    return CpuPartition.plan(topology, planOptions(r, topology, 0));
  } catch {
    try {
      return CpuPartition.plan(topology, { reservedCpuCount: topology.threadsPerCore });
    } catch {
      const fallback = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 4, threadsPerCore: 2 });
      return CpuPartition.plan(fallback, { reservedCpuCount: 2 });
    }
  }
}

