import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Size } from 'cdk8s';
import { somePartition } from './entries-values';
import { anyNumber, jsonValue, maskText, maybe, shortText, size, wrongValue } from './gen';
import { CaseContext, carriesSecret, cloudInitTexts, SECRET_MARK } from './harness';
import { host, hugePageSize } from './hosts';
import { Rng } from './rng';
import { Warnings } from '../src/constructs/app/warnings';
import { KubeVirtConfiguration } from '../src/constructs/cluster/kubevirt-configuration';
import { CommonInstancetype, CommonPreference } from '../src/constructs/instancetype/common-instancetypes';
import { RealtimeInstancetype } from '../src/constructs/instancetype/realtime-instancetype';
import { NodeFiles } from '../src/constructs/node-files';
import { RealtimeNodePool } from '../src/constructs/pool/realtime-node-pool';
import { ReviewPages } from '../src/constructs/review-pages';
import { RealtimeVirtualMachine } from '../src/constructs/vm/realtime-virtual-machine';
import { FeatureGate } from '../src/values/cluster/feature-gate';
import { HcoVersion } from '../src/values/cluster/hco-version';
import { KubeVirtVersion } from '../src/values/cluster/kubevirt-version';
import { TalosVersion } from '../src/values/cluster/talos-version';
import { HugePageSize } from '../src/values/hugepage-size';
import { PoolBackend } from '../src/values/pool/pool-backend';
import { TopologyManagerPolicy } from '../src/values/pool/topology-manager-policy';
import { RealtimeMask } from '../src/values/realtime-mask';
import { CloudInit } from '../src/values/vm/cloud-init';
import { CpuFeaturePolicy } from '../src/values/vm/cpu-feature';
import { CpuModel } from '../src/values/vm/cpu-model';
import { BootDisk, DataDisk } from '../src/values/vm/disk';
import { EvictionStrategy } from '../src/values/vm/eviction-strategy';
import { GuestTuning } from '../src/values/vm/guest-tuning';
import { IoThreadsPolicy } from '../src/values/vm/io-threads-policy';
import { PreferredCpuTopology, SpreadAcross } from '../src/values/vm/preferred-topology';
import { RunStrategy } from '../src/values/vm/run-strategy';
import { TaintEffect } from '../src/values/vm/taint-effect';

// The constructs: props that are mostly right with a few fields wrong (of the wrong type, out of range, null), JSON
// patches on the objects they write, placement of VMs on pools, then synthesis and the review pages.

/** Cloud-init user data, now and then carrying a planted credential in one of the encodings the scanner must see. */
function userData(r: Rng): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const secret = `${SECRET_MARK}${r.int(1000)}`;
  switch (r.int(14)) {
    case 0: return `#cloud-config\npassword: ${secret}\nchpasswd: { expire: false }\n`;
    case 1: return `#cloud-config\nchpasswd:\n  list: |\n    root:${secret}\n`;
    case 2: return `#cloud-config\nusers:\n  - name: a\n    passwd: "$6$${secret}$abc"\n`;
    case 3: return `#cloud-config\nwrite_files:\n  - path: /etc/x\n    encoding: b64\n    content: ${b64(`token=${secret}`)}\n`;
    case 4: return `Content-Type: multipart/mixed; boundary="B"\nMIME-Version: 1.0\n\n--B\nContent-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n${b64(`#cloud-config\npassword: ${secret}\n`)}\n--B--\n`;
    case 5: return `#!/bin/sh\nusermod -p '$6$${secret}' root\n`;
    case 6: return `#cloud-config-archive\n- type: text/cloud-config\n  content: |\n    password: ${secret}\n`;
    case 7: return `#cloud-config\n"pass\\x77ord": ${secret}\n`;
    case 8: return `#cloud-config\nssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${secret} me\n`;
    case 9: return '#cloud-config\npackages: [passwd]\n# no passwd login\n';
    case 10: return '#cloud-config\nruncmd: [echo hi]\n';
    default: return r.chance(0.5) ? '#cloud-config\n{}\n' : shortText(r, 40);
  }
}

/** A cloud-init source: mostly from a Secret or clean user data. */
function cloudInit(r: Rng): CloudInit {
  return r.chance(0.4) ? CloudInit.fromSecret(r.pick(['cloud-init', 'x'])) : CloudInit.userData(userData(r));
}

/** Mostly valid VM props, with a few fields broken. */
export function vmProps(r: Rng, pWrong: number = 0.03): Record<string, unknown> {
  const p: Record<string, unknown> = {
    memory: maybe(r, pWrong, () => (r.chance(0.9) ? Size.gibibytes(r.pick([1, 2, 4, 8])) : size(r))),
    bootDisk: maybe(r, pWrong, () => r.pick([BootDisk.containerDisk('quay.io/x/rt:1'), BootDisk.persistentVolumeClaim('root'), BootDisk.dataVolume('dv')])),
  };
  if (r.chance(0.9)) p.vcpus = maybe(r, pWrong, () => (r.chance(0.9) ? r.between(1, 8) : anyNumber(r)));
  if (r.chance(0.1)) {
    p.topology = maybe(r, pWrong, () => ({ sockets: count1(r), cores: count1(r), threads: r.chance(0.9) ? r.between(1, 2) : anyNumber(r) }));
  }
  const optional: Array<[string, () => unknown]> = [
    ['disks', () => r.many(2, () => maybe(r, pWrong, () => r.pick([DataDisk.containerDisk('quay.io/x/d:1'), DataDisk.persistentVolumeClaim('data'), DataDisk.dataVolume('dv2')])))],
    ['cloudInit', () => cloudInit(r)],
    ['allowInlineCredentials', () => r.chance(0.3)],
    ['sshPublicKeySecrets', () => r.many(2, () => maybe(r, pWrong, () => r.pick(['keys', '', 'k2'])))],
    ['dedicatedCpuPlacement', () => r.chance(0.8)],
    ['isolateEmulatorThread', () => r.chance(0.7)],
    ['ioThreads', () => r.chance(0.8)],
    ['ioThreadsPolicy', () => r.pick(Object.values(IoThreadsPolicy))],
    ['supplementalPoolThreadCount', () => (r.chance(0.8) ? r.int(4) : anyNumber(r))],
    ['cpuModel', () => (r.chance(0.7) ? CpuModel.HOST_PASSTHROUGH : CpuModel.named(r.pick(['Skylake-Server', ' ', 'x'])))],
    ['cpuFeatures', () => r.many(2, () => ({ name: r.pick(['tsc-deadline', 'pcid', '', 'a b']), ...(r.chance(0.5) ? { policy: r.pick(Object.values(CpuFeaturePolicy)) } : {}) }))],
    ['guestMappingPassthrough', () => r.chance(0.8)],
    ['hugePages', () => r.chance(0.8)],
    ['hugePageSize', () => hugePageSize(r, 0)],
    ['realtime', () => r.chance(0.8)],
    ['realtimeMask', () => (r.chance(0.5) ? RealtimeMask.fromText(maskText(r)) : RealtimeMask.all())],
    ['autoattachMemBalloon', () => r.chance(0.2)],
    ['autoattachGraphicsDevice', () => r.chance(0.2)],
    ['autoattachSerialConsole', () => r.chance(0.8)],
    ['runStrategy', () => r.pick(Object.values(RunStrategy))],
    ['terminationGracePeriodSeconds', () => (r.chance(0.8) ? r.int(600) : anyNumber(r))],
    ['evictionStrategy', () => r.pick(Object.values(EvictionStrategy))],
    ['nodeSelector', () => ({ [r.pick(['disk', 'node-role.kubernetes.io/worker-rt', 'a/b/c', ''])]: r.pick(['ssd', '', 'x y']) })],
    ['tolerations', () => r.many(2, () => ({
      ...(r.chance(0.7) ? { key: r.pick(['dedicated', '', 'a/b']) } : {}),
      ...(r.chance(0.5) ? { value: r.pick(['rt', '']) } : {}),
      ...(r.chance(0.3) ? { exists: r.chance(0.5) } : {}),
      ...(r.chance(0.6) ? { effect: r.pick(Object.values(TaintEffect)) } : {}),
      ...(r.chance(0.4) ? { tolerationSeconds: r.chance(0.7) ? r.int(3600) : anyNumber(r) } : {}),
    }))],
    ['metadata', () => ({
      ...(r.chance(0.7) ? { name: r.pick(['rt-vm', 'Bad Name', '', 'a'.repeat(64), 'vm-1']) } : {}),
      ...(r.chance(0.4) ? { namespace: r.pick(['poc', 'NS!', '']) } : {}),
      ...(r.chance(0.3) ? { labels: { [r.pick(['app', 'kubevirt.io/vm'])]: r.pick(['x', 'rt-vm', '']) } } : {}),
      ...(r.chance(0.2) ? { annotations: { a: r.pick(['1', SECRET_MARK]) } } : {}),
    })],
    ['guestTuning', () => (r.chance(0.6)
      ? GuestTuning.realtimeVirtualGuest({
        // rtKernelPackage only with rtKernel (the factory refuses it alone, at once).
        ...(r.chance(0.3) ? (r.chance(0.5) ? { rtKernel: true, rtKernelPackage: r.pick(['kernel-rt', 'kernel rt', '$(x)']) } : { rtKernel: false }) : {}),
        ...(r.chance(0.3) ? { extraKernelArgs: r.many(2, () => r.pick(['idle=poll', 'nohz_full=1', 'a b', '"x"'])) } : {}),
        ...(r.chance(0.2) ? { netdevQueueCount: r.between(1, 8) } : {}),
      })
      : GuestTuning.realtimeVirtualGuestIgnition({
        ...(r.chance(0.3) ? { extraKernelArgs: r.many(2, () => r.pick(['idle=poll', 'isolcpus=1', 'x y'])) } : {}),
        ...(r.chance(0.3) ? { mergeConfigUrls: r.many(2, () => r.pick(['https://a.example/x.ign', `https://u:${SECRET_MARK}@a.example/`, 'data:,{}', 'x'])) } : {}),
      }))],
    // A common instance type (then usually without vcpus and memory), or a hand-made reference with any JSON as its spec.
    ['instancetype', () => (r.chance(0.8) ? CommonInstancetype.named(r.pick(COMMON_NAMES)) : {
      instancetypeKind: r.pick(['VirtualMachineClusterInstancetype', 'virtualmachineinstancetype', 'Foo']),
      instancetypeName: r.pick(['x', 'Bad Name', 'rt1.xlarge']),
      instancetypeSpec: r.chance(0.5) ? { cpu: { guest: r.chance(0.8) ? r.between(1, 8) : jsonValue(r) }, memory: { guest: r.pick(['2Gi', '1.5Gi', 'x', 4]) } } : jsonValue(r),
    })],
    ['preference', () => (r.chance(0.8) ? CommonPreference.named(r.pick(PREFERENCE_NAMES)) : {
      preferenceKind: 'VirtualMachineClusterPreference', preferenceName: 'p', preferenceSpec: { cpu: { preferredCPUTopology: r.pick(['spread', 'cores', 'threads', 'x']), spreadOptions: jsonValue(r) } },
    })],
    ['podLabels', () => ({ [r.pick(['app', 'kubevirt.io/vm', ''])]: r.pick(['rt', '']) })],
  ];
  for (const [key, make] of optional) if (r.chance(0.25)) p[key] = maybe(r, pWrong, make);
  if (p.instancetype !== undefined && r.chance(0.8)) {
    delete p.vcpus;
    delete p.memory;
  }
  if (r.chance(0.02)) p[r.pick(['vcpu', 'memorySize', 'hugepages'])] = 1;
  return p;
}

const COMMON_NAMES = CommonInstancetype.names().filter((n) => /^(rt1|cx1|u1|o1)\./.test(n));
const PREFERENCE_NAMES = ['rhel.9.realtime', 'rhel.9', 'fedora'];

function count1(r: Rng): number {
  return r.chance(0.9) ? r.between(1, 3) : anyNumber(r);
}

/** Mostly valid pool props on a small host. */
export function poolProps(r: Rng, role: string, pWrong: number = 0.03): Record<string, unknown> {
  const topology = host(r);
  const partition = somePartition(r, topology);
  const p: Record<string, unknown> = {
    role: maybe(r, pWrong, () => (r.chance(0.9) ? role : r.pick(['worker', 'Bad', '', 'master', 'a'.repeat(70)]))),
    topology: maybe(r, pWrong, () => topology),
    partition: maybe(r, pWrong, () => (r.chance(0.95) ? partition : somePartition(r))),
  };
  const optional: Array<[string, () => unknown]> = [
    ['backend', () => r.pick(Object.values(PoolBackend))],
    ['hugepages', () => r.many(3, () => maybe(r, pWrong, () => ({
      size: hugePageSize(r, pWrong),
      count: maybe(r, pWrong, () => (r.chance(0.8) ? r.between(1, 40) : anyNumber(r))),
      ...(r.chance(0.6) ? { numaNode: maybe(r, pWrong, () => (r.chance(0.9) ? r.int(topology.numaNodeIds.length + 1) : anyNumber(r))) } : {}),
    })))],
    ['defaultHugePageSize', () => hugePageSize(r, 0)],
    ['realtimeKernel', () => r.chance(0.8)],
    ['topologyManagerPolicy', () => r.pick(Object.values(TopologyManagerPolicy))],
    ['balanceIsolated', () => r.chance(0.5)],
    ['additionalKernelArgs', () => r.many(3, () => r.pick(['nosoftlockup', 'a=b', '', 'x y', 'isolcpus=1', 'tsc=reliable', '=x']))],
    ['highPowerConsumption', () => r.chance(0.5)],
    ['perPodPowerManagement', () => r.chance(0.5)],
    ['maxUnavailable', () => (r.chance(0.8) ? r.between(1, 3) : anyNumber(r))],
    ['paused', () => r.chance(0.2)],
    ['nodeCount', () => (r.chance(0.8) ? r.between(1, 4) : anyNumber(r))],
    ['kubeReservedMemory', () => size(r)],
    ['systemReservedMemory', () => size(r)],
    ['evictionHardMemory', () => size(r)],
    ['nodeTaints', () => r.many(2, () => ({
      key: r.pick(['dedicated', '', 'a/b/c']),
      ...(r.chance(0.5) ? { value: r.pick(['rt', '']) } : {}),
      effect: r.pick(Object.values(TaintEffect)),
    }))],
    ['talosVersion', () => r.pick([TalosVersion.V1_13, TalosVersion.V1_14])],
    ['talosInstallerImage', () => r.pick(['ghcr.io/siderolabs/installer:v1.13.9', '', 'x y'])],
    ['kubeletDropInDirectory', () => r.pick(['/etc/kubernetes/kubelet.conf.d', '../escape', '', 'relative'])],
  ];
  for (const [key, make] of optional) if (r.chance(0.3)) p[key] = maybe(r, pWrong, make);
  return p;
}

/** Configuration props, mostly valid. */
export function configurationProps(r: Rng, pWrong: number = 0.05): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  const target = r.int(10);
  if (target < 6 || target === 9) p.version = maybe(r, pWrong, () => r.pick(KubeVirtVersion.known()));
  if (target >= 6) p.hcoVersion = maybe(r, pWrong, () => r.pick(HcoVersion.known()));
  const gates = () => r.many(3, () => maybe(r, pWrong, () => (r.chance(0.9) ? r.pick(FeatureGate.wellKnown()) : FeatureGate.custom('SomeGate'))));
  if (r.chance(0.3)) p.extraFeatureGates = maybe(r, pWrong, gates);
  if (r.chance(0.3)) p.disabledFeatureGates = maybe(r, pWrong, gates);
  if (r.chance(0.2)) p.name = maybe(r, pWrong, () => r.pick(['kubevirt', 'kubevirt-hyperconverged', 'Bad Name', '', 'kv.x']));
  if (r.chance(0.2)) p.namespace = maybe(r, pWrong, () => r.pick(['kubevirt', 'openshift-cnv', 'NS!', '']));
  return p;
}

/** JSON patch paths worth trying on each kind of object. */
const PATCH_PATHS = [
  '/spec/template/spec/volumes/-', '/spec/template/spec/volumes/0', '/spec/template/spec/domain/cpu/cores', '/spec/runStrategy',
  '/spec/template/spec/domain/resources/requests/memory', '/spec/template/spec/domain/cpu/realtime/mask', '/metadata/name',
  '/metadata/labels/x', '/kind', '/apiVersion', '/metadata', '/spec', '/spec/template/spec/domain/devices/disks/-',
  '/spec/configuration/developerConfiguration/featureGates/-', '/spec/cpu/isolated', '/spec/cpu/reserved', '/spec/kernelArguments/-',
  '/spec/maxUnavailable', '/spec/kubeletConfig/reservedSystemCPUs', '/metadata/annotations/a', '/x', '', '/', '/~1/~0',
  '/spec/template/spec/domain/cpu/features/0/policy', '/spec/template/spec/domain/cpu/features/0/name', '/spec/template/spec/domain/cpu/features/-',
  '/spec/template/spec/domain/memory/hugepages/pageSize', '/spec/template/spec/domain/memory/guest', '/spec/template/spec/domain/resources/requests/cpu',
  '/spec/template/spec/domain/resources/limits/memory', '/spec/template/spec/domain/cpu/sockets', '/spec/template/spec/domain/cpu/threads',
  '/spec/template/spec/domain/cpu/dedicatedCpuPlacement', '/spec/template/spec/domain/cpu/numa', '/spec/template/spec/evictionStrategy',
  '/spec/template/spec/domain/devices/video', '/spec/running', '/spec/template/spec/domain/cpu/maxSockets', '/spec/template/spec/domain/memory/maxGuest',
  '/spec/template/spec/domain/ioThreadsPolicy', '/spec/template/spec/domain/cpu/isolateEmulatorThread', '/spec/template/metadata/labels/kubevirt.io~1vm',
];

/** A cloud-init volume carrying a planted secret, as a patch would add it. */
function secretVolume(r: Rng): unknown {
  const text = userData(r);
  const source = r.pick(['cloudInitNoCloud', 'cloudInitConfigDrive']);
  const field = r.pick(['userData', 'userDataBase64', 'networkData', 'networkDataBase64']);
  const value = field.endsWith('Base64') ? Buffer.from(text).toString('base64') : text;
  return { name: 'cloudinitdisk2', [source]: { [field]: value } };
}

/** Adds 0-3 random JSON patches to an object. */
function patch(r: Rng, c: CaseContext, target: ApiObject, label: string): void {
  const ops = r.many(3, () => {
    const p = r.pick(PATCH_PATHS);
    const value = p.includes('volumes') && r.chance(0.6) ? secretVolume(r) : jsonValue(r);
    switch (r.int(6)) {
      case 0: return JsonPatch.remove(p);
      case 1: return JsonPatch.replace(p, value);
      case 2: return JsonPatch.copy(r.pick(PATCH_PATHS), p);
      case 3: return JsonPatch.move(r.pick(PATCH_PATHS), p);
      default: return JsonPatch.add(p, value);
    }
  });
  if (ops.length === 0) return;
  c.note(`${label} patches`, ops.map((o) => (o as unknown as { operation: unknown }).operation));
  c.call(`${label}.addJsonPatch`, () => target.addJsonPatch(...ops));
}

/** Synthesizes the app and checks its YAML, its objects, its warnings and the credentials of its VMs. */
function synth(c: CaseContext, app: App, chart: Chart, credentialsAllowed: (vmName: string) => boolean): boolean {
  const yaml = c.call('app.synthYaml', () => app.synthYaml());
  if (!yaml.ok) return false;
  c.text('synthesized YAML', yaml.value);
  const objects = c.call('chart.toJson', () => chart.toJson());
  if (!objects.ok) return false;
  c.objects('synthesized objects', objects.value);
  for (const w of Warnings.of(app).findings()) {
    c.code('warning', w.finding.code);
    c.message('warning', `[${w.finding.code}] ${w.finding.field}: got ${w.finding.value}, expected ${w.finding.expected}; fix: ${w.finding.fix}`);
  }
  type Written = { kind?: string; metadata?: { name?: string; labels?: Record<string, string> }; stringData?: unknown; spec?: any };
  for (const o of objects.value as Written[]) {
    // A guest-tuning Secret carries its VM's user data (the VM named in its label): the same rule as inline data.
    const vmName = o.kind === 'Secret' ? o.metadata?.labels?.['kubevirt.io/vm'] : o.metadata?.name;
    if ((o.kind !== 'VirtualMachine' && o.kind !== 'Secret') || credentialsAllowed(String(vmName))) continue;
    const texts = o.kind === 'Secret' ? [JSON.stringify(o.stringData ?? '')]
      : [...cloudInitTexts(o), JSON.stringify(o.spec?.template?.metadata?.annotations ?? {})];
    const leaked = texts.filter((t) => carriesSecret(t));
    if (leaked.length > 0) c.fail('credential', 'app.synthYaml', `${o.kind} ${o.metadata?.name} written with a credential: ${leaked[0].slice(0, 200)}`);
  }
  return true;
}

function newApp(): { app: App; chart: Chart } {
  const app = new App({ outdir: os.tmpdir() });
  return { app, chart: new Chart(app, 'chart', {}) };
}

export function vmCase(r: Rng, c: CaseContext): void {
  const { app, chart } = newApp();
  const props = r.chance(0.99) ? vmProps(r) : wrongValue(r);
  c.note('props', props);
  const id = r.chance(0.95) ? 'rt-vm' : r.pick(['Bad_Id', 'x'.repeat(70), 'vm']);
  const vm = c.call('new RealtimeVirtualMachine', () => new RealtimeVirtualMachine(chart, id, props as never));
  if (!vm.ok) return;
  if (r.chance(0.4)) patch(r, c, vm.value, 'vm');
  const allowed = (props as { allowInlineCredentials?: unknown }).allowInlineCredentials === true;
  const ok = synth(c, app, chart, () => allowed);
  if (ok) {
    c.call('vm queries', () => c.objects('vm', [vm.value.podCpuCount(), vm.value.podSelectorLabels, vm.value.kubevirtFeatureUses()]));
  }
}

/** Mostly valid RealtimeInstancetype props, with a few fields broken. */
function instancetypeProps(r: Rng, pWrong: number = 0.05): Record<string, unknown> {
  const p: Record<string, unknown> = {
    vcpus: maybe(r, pWrong, () => (r.chance(0.9) ? r.between(1, 16) : anyNumber(r))),
    memory: maybe(r, pWrong, () => (r.chance(0.9) ? Size.gibibytes(r.pick([1, 2, 8])) : size(r))),
  };
  const optional: Array<[string, () => unknown]> = [
    ['metadata', () => ({ name: r.pick(['rt-4c', 'Bad_Name', '', 'a'.repeat(300), 'rt.small']) })],
    ['preferredTopology', () => r.pick(Object.values(PreferredCpuTopology))],
    ['spreadAcross', () => r.pick(Object.values(SpreadAcross))],
    ['spreadRatio', () => (r.chance(0.8) ? r.between(1, 4) : anyNumber(r))],
    ['maxSockets', () => (r.chance(0.8) ? r.between(1, 16) : anyNumber(r))],
    ['dedicatedCpuPlacement', () => r.chance(0.8)],
    ['isolateEmulatorThread', () => r.chance(0.8)],
    ['ioThreadsPolicy', () => r.pick(Object.values(IoThreadsPolicy))],
    ['supplementalPoolThreadCount', () => r.int(3)],
    ['cpuModel', () => CpuModel.named(r.pick(['host-passthrough', 'Skylake-Server', ' ']))],
    ['cpuFeatures', () => r.many(2, () => ({ name: r.pick(['tsc-deadline', 'pcid', '']) }))],
    ['hugePageSize', () => hugePageSize(r, 0)],
    ['realtimeMask', () => RealtimeMask.fromText(maskText(r))],
  ];
  for (const [key, make] of optional) if (r.chance(0.3)) p[key] = maybe(r, pWrong, make);
  return p;
}

/** A RealtimeInstancetype, and VMs referencing it (some with conflicting props), synthesized together. */
export function instancetypeCase(r: Rng, c: CaseContext): void {
  const { app, chart } = newApp();
  const props = r.chance(0.99) ? instancetypeProps(r) : wrongValue(r);
  c.note('props', props);
  const it = c.call('new RealtimeInstancetype', () => new RealtimeInstancetype(chart, 'rt-type', props as never));
  if (!it.ok) return;
  for (let i = 0; i < r.between(1, 2); i++) {
    const vm: Record<string, unknown> = { ...vmProps(r), instancetype: it.value };
    if (r.chance(0.7)) {
      delete vm.vcpus;
      delete vm.memory;
    }
    c.note(`vm ${i}`, vm);
    const made = c.call('new RealtimeVirtualMachine', () => new RealtimeVirtualMachine(chart, `vm-${i}`, vm as never));
    if (made.ok && r.chance(0.3)) patch(r, c, made.value, 'vm');
  }
  synth(c, app, chart, () => true);
}

export function poolCase(r: Rng, c: CaseContext): void {
  const { app, chart } = newApp();
  const props = r.chance(0.99) ? poolProps(r, 'worker-rt') : wrongValue(r);
  c.note('props', props);
  const pool = c.call('new RealtimeNodePool', () => new RealtimeNodePool(chart, 'Pool', props as never));
  if (!pool.ok) return;
  const p = pool.value;
  for (const l1 of [p.machineConfigPool, p.machineConfig, p.kubeletConfig, p.tuned, p.performanceProfile]) {
    if (l1 !== undefined && r.chance(0.15)) patch(r, c, l1, l1.kind);
  }
  synth(c, app, chart, () => true);
  c.call('pool queries', () => {
    c.text('rebootSummary', p.rebootSummary().join('\n'));
    c.objects('hugePagesOfNumaNode', [p.hugePagesOfNumaNode(r.int(3), r.pick(HugePageSize.all()))]);
  });
}

export function configurationCase(r: Rng, c: CaseContext): void {
  const { app, chart } = newApp();
  const props = r.chance(0.99) ? configurationProps(r) : wrongValue(r);
  c.note('props', props);
  const config = c.call('new KubeVirtConfiguration', () => new KubeVirtConfiguration(chart, 'KubeVirt', props as never));
  if (!config.ok) return;
  if (r.chance(0.3)) patch(r, c, config.value.resource, 'configuration');
  synth(c, app, chart, () => true);
  c.call('configuration queries', () => c.objects('configuration', [config.value.enabledFeatureGates(), config.value.clusterFacts().evenParityCompletion]));
}

/** A whole app: a configuration, pools, VMs placed on them; synthesized (even when refused), then its review pages. */
export function appCase(r: Rng, c: CaseContext): void {
  const { app, chart } = newApp();
  if (r.chance(0.8)) c.call('new KubeVirtConfiguration', () => new KubeVirtConfiguration(chart, 'KubeVirt', configurationProps(r, 0.01) as never));
  const pools: RealtimeNodePool[] = [];
  for (let i = 0; i < r.between(1, 2); i++) {
    const made = c.call('new RealtimeNodePool', () => new RealtimeNodePool(chart, `Pool${i}`, poolProps(r, `worker-rt${i}`, 0.01) as never));
    if (made.ok) pools.push(made.value);
  }
  const vms: RealtimeVirtualMachine[] = [];
  const allowed = new Set<string>();
  for (let i = 0; i < r.between(1, 4); i++) {
    const props = vmProps(r, 0.01);
    if (pools.length > 0 && r.chance(0.8)) props.nodePool = r.pick(pools);
    // Named after the construct id either way, so the credential check knows which VM allowed inline credentials.
    if (r.chance(0.5)) props.metadata = { name: `vm-${i}` };
    else delete props.metadata;
    if (props.allowInlineCredentials === true) allowed.add(`vm-${i}`);
    c.note(`vm${i}`, props);
    const vm = c.call('new RealtimeVirtualMachine', () => new RealtimeVirtualMachine(chart, `vm-${i}`, props as never));
    if (vm.ok) vms.push(vm.value);
  }
  if (vms.length > 0 && r.chance(0.2)) patch(r, c, r.pick(vms), 'vm');
  const ok = synth(c, app, chart, (name) => allowed.has(name));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-review-'));
  try {
    // Never a relative path: the pages would land in the working directory.
    fs.writeFileSync(path.join(dir, 'file'), '');
    const outdir = r.chance(0.9) ? path.join(dir, 'review') : r.pick([path.join(dir, 'file', 'review'), `${dir}/a\0b`, '', 42, null, undefined, {}]);
    c.note('outdir', typeof outdir === 'string' ? outdir.replace(dir, '<tmp>') : outdir);
    const written = c.call('ReviewPages.write', () => ReviewPages.write(r.chance(0.98) ? chart : wrongValue(r) as never, outdir as string));
    if (written.ok) for (const file of written.value) c.text(`review page ${path.basename(file)}`, fs.readFileSync(file, 'utf8'));
    const files = c.call('NodeFiles.write', () => NodeFiles.write(r.chance(0.98) ? chart : wrongValue(r) as never,
      typeof outdir === 'string' ? outdir.replace('review', 'files') : outdir as string));
    if (files.ok) for (const file of files.value) c.text(`node file ${path.basename(file)}`, fs.readFileSync(file, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const anything = r.chance(0.5) ? r.pick([chart, app, ...vms, ...pools]) : wrongValue(r);
  c.note('predicate argument', anything);
  c.call('static predicates', () => c.objects('predicates', [RealtimeVirtualMachine.isRealtimeVirtualMachine(anything),
    RealtimeNodePool.isRealtimeNodePool(anything), KubeVirtConfiguration.isKubeVirtConfiguration(anything)]));
  const scope = r.chance(0.9) ? chart : wrongValue(r) as Chart;
  c.call('Warnings.of', () => {
    for (const line of Warnings.of(scope).list()) c.message('Warnings.list', line);
  });
  c.call('KubeVirtConfiguration.findIn', () => KubeVirtConfiguration.findIn(scope));
  for (const pool of pools) {
    c.call('pool.emittedSettings', () => c.objects('pool.emittedSettings', pool.emittedSettings()));
  }
  for (const vm of vms) {
    for (const pool of pools) {
      const capacity = c.call('pool.capacityFor', () => pool.capacityFor(vm));
      if (capacity.ok) {
        c.objects('pool.capacityFor', capacity.value.capacity);
        c.message('pool.capacityFor reason', capacity.value.reason);
      }
    }
    c.call('vm.podCpuCount', () => vm.podCpuCount(r.chance(0.5)));
    if (ok && pools.length > 0 && r.chance(0.1)) c.call('vm.placeOn', () => vm.placeOn(r.chance(0.9) ? r.pick(pools) : wrongValue(r) as never));
  }
}
