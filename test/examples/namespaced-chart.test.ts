import { App, Chart, Size, Testing } from 'cdk8s';
import { buildFedoraRealtime } from '../../examples/fedora-realtime';
import { buildFedoraRealtimeTuned } from '../../examples/fedora-realtime-tuned';
import { buildInstancetypes } from '../../examples/instancetypes';
import { buildLibvirtGuideHost } from '../../examples/libvirt-guide-host';
import { buildNodeBackends } from '../../examples/node-backends';
import { buildPerformanceProfileHost } from '../../examples/performance-profile-host';
import { buildRealtimeCluster, EXAMPLE_VERSIONS } from '../../examples/realtime-cluster';
import { buildSmtHost } from '../../examples/smt-host';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { BootDisk } from '../../src/values/vm/disk';
import { GuestTuning } from '../../src/values/vm/guest-tuning';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

// Most app charts are namespaced (`new Chart(app, 'plc', { namespace: 'plc' })`). In such a chart every example must
// still write cluster-scoped objects without a namespace (the schema validator refuses one, taking the scope from the
// vendored CRDs), keep the fixed namespaces of the objects the library places itself, and put the VMs in the chart's.

const NAMESPACE = 'plc';
const FIXED: Record<string, string> = {
  Tuned: 'openshift-cluster-node-tuning-operator',
  KubeVirt: 'kubevirt',
  HyperConverged: 'openshift-cnv',
  // Namespaced like the Cluster API objects that reference them: the chart's.
  TalosConfigTemplate: NAMESPACE,
  KubeadmConfigTemplate: NAMESPACE,
};

const VM_NAMESPACES: Record<string, string> = {
  'fedora-realtime': 'poc',
  'fedora-realtime-tuned': 'poc',
  'fcos-realtime': 'poc',
  'rt-control': 'realtime',
  'rt-dataplane': 'realtime',
  'io-gateway': 'realtime',
  'rt-audio': NAMESPACE,
  'plc-line-1': NAMESPACE,
  'plc-line-2': NAMESPACE,
  'hmi': NAMESPACE,
};

const builders: Array<[string, (app: App) => unknown]> = [
  ['fedora-realtime', (app) => buildFedoraRealtime(app, { namespace: NAMESPACE })],
  ['fedora-realtime-tuned', (app) => buildFedoraRealtimeTuned(app, { namespace: NAMESPACE })],
  ['libvirt-guide-host', (app) => buildLibvirtGuideHost(app, { namespace: NAMESPACE })],
  ['performance-profile-host', (app) => buildPerformanceProfileHost(app, { namespace: NAMESPACE })],
  ['smt-host', (app) => buildSmtHost(app, { namespace: NAMESPACE })],
  ['node-backends', (app) => buildNodeBackends(app, { namespace: NAMESPACE })],
  ['instancetypes', (app) => buildInstancetypes(app)], // its chart is namespaced (plc) already
  ...EXAMPLE_VERSIONS.map((v): [string, (app: App) => unknown] => [`realtime-cluster ${v}`, (app) => buildRealtimeCluster(app, v, { namespace: NAMESPACE })]),
];

describe('every example in a namespaced chart', () => {
  test.each(builders)('%s', (_, build) => {
    const app = Testing.app();
    build(app);
    const objects = app.charts.flatMap((c) => Testing.synth(c));
    expect(objects.length).toBeGreaterThan(0);
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    for (const o of objects) {
      // The examples' VMs name their own namespace, which they keep, and a VM's guest tuning Secret follows its VM;
      // every other namespace is fixed or absent.
      const expected = o.kind === 'VirtualMachine' ? VM_NAMESPACES[o.metadata.name]
        : o.kind === 'Secret' ? VM_NAMESPACES[o.metadata.labels['kubevirt.io/vm']] : FIXED[o.kind];
      expect([o.kind, o.metadata.name, o.metadata.namespace]).toEqual([o.kind, o.metadata.name, expected]);
    }
  });

  test('a VM without a namespace of its own takes the chart\'s', () => {
    const chart = new Chart(Testing.app(), 'plc', { namespace: NAMESPACE });
    new RealtimeVirtualMachine(chart, 'plc-1', { vcpus: 2, memory: Size.gibibytes(2), bootDisk: BootDisk.dataVolume('plc-rootfs') });
    const [vm] = Testing.synth(chart);
    expect(vm.metadata.namespace).toBe(NAMESPACE);
  });

  test('a VM\'s guest tuning Secret is in the VM\'s namespace: the chart\'s, or the VM\'s own', () => {
    const chart = new Chart(Testing.app(), 'plc', { namespace: NAMESPACE });
    const props = {
      vcpus: 2,
      memory: Size.gibibytes(2),
      bootDisk: BootDisk.dataVolume('plc-rootfs'),
      realtimeMask: RealtimeMask.parse('1'),
      guestTuning: GuestTuning.realtimeVirtualGuest(),
    };
    new RealtimeVirtualMachine(chart, 'plc-1', props);
    new RealtimeVirtualMachine(chart, 'plc-2', { ...props, metadata: { namespace: 'other' } });
    const secrets = Testing.synth(chart).filter((o) => o.kind === 'Secret');
    expect(secrets.map((s) => [s.metadata.name, s.metadata.namespace])).toEqual([['plc-1-guest-tuning', NAMESPACE], ['plc-2-guest-tuning', 'other']]);
  });
});
