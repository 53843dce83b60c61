import { App, Chart, Size, Testing } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus33 from 'cdk8s-plus-33';
import { buildPlcComposition } from '../../examples/plc-composition';
import { Warnings } from '../../src/constructs/app/warnings';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { BootDisk } from '../../src/values/vm/disk';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

describe('examples/plc-composition', () => {
  const app = Testing.app();
  const chart = buildPlcComposition(app as App);
  const objects = Testing.synth(chart);
  const find = (kind: string, name?: string) => objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name.includes(name)));
  const vm = find('VirtualMachine', 'plc-1');
  const podLabels = vm.spec.template.metadata.labels;

  test('the Service selects the labels of the VM\'s pod template (what KubeVirt puts on the virt-launcher pod)', () => {
    expect(podLabels).toEqual({ 'app': 'plc', 'kubevirt.io/vm': 'plc-1' });
    const service = find('Service', 'modbus');
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.metadata.namespace).toBe('plc');
  });

  test('the NetworkPolicy selects the VM\'s pod and lets the HMI pods reach port 502', () => {
    const policy = find('NetworkPolicy', 'plc-ingress');
    expect(policy.metadata.namespace).toBe('plc');
    expect(policy.spec.podSelector).toEqual({ matchLabels: podLabels });
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'hmi' } } }], ports: [{ port: 502, protocol: 'TCP' }] }]);
  });

  test('the VM reads its user data from the Secret the chart writes', () => {
    const secret = find('Secret');
    const volume = vm.spec.template.spec.volumes.find((v: any) => v.cloudInitNoCloud);
    expect(volume.cloudInitNoCloud).toEqual({ secretRef: { name: secret.metadata.name } });
    expect(secret.stringData.userdata).toMatch(/^#cloud-config\n/);
  });

  test('cluster-scoped node objects carry no namespace; the rest are valid; no warnings', () => {
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    for (const kind of ['MachineConfigPool', 'MachineConfig', 'KubeletConfig']) expect(find(kind).metadata.namespace).toBeUndefined();
    expect(Warnings.of(chart).list()).toEqual([]);
  });
});

describe('a VM in a cdk8s-plus-33 app (what `cdk8s init` scaffolds), without a second cdk8s-plus line', () => {
  test('Service, select, NetworkPolicy peers and Pods.select work as with -27', () => {
    const chart = new Chart(Testing.app(), 'plc', { namespace: 'plc' });
    const vm = new RealtimeVirtualMachine(chart, 'plc-1', {
      vcpus: 2, memory: Size.gibibytes(2), bootDisk: BootDisk.dataVolume('plc-rootfs'), podLabels: { app: 'plc' },
    });
    const svc = new kplus33.Service(chart, 'modbus', { selector: vm, ports: [{ port: 502 }] });
    const other = new kplus33.Service(chart, 'other', { ports: [{ port: 502 }] });
    other.select(vm);
    const policy = new kplus33.NetworkPolicy(chart, 'np', { selector: kplus33.Pods.select(chart, 'hmi', { labels: { app: 'hmi' } }) });
    policy.addEgressRule(vm, [kplus33.NetworkPolicyPort.tcp(502)]);
    const objects = Testing.synth(chart);
    const labels = { 'app': 'plc', 'kubevirt.io/vm': 'plc-1' };
    expect(objects.filter((o) => o.kind === 'Service').map((o) => o.spec.selector)).toEqual([labels, labels]);
    const egress = objects.find((o) => o.kind === 'NetworkPolicy').spec.egress[0].to[0];
    expect(egress).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'plc' } }, podSelector: { matchLabels: labels } });
    expect(vm.podSelectorLabels).toEqual(labels);
    expect(svc.name).toBeDefined();
  });

  test('and the same with cdk8s-plus-27: the selector contract is the same', () => {
    const chart = new Chart(Testing.app(), 'plc');
    const vm = new RealtimeVirtualMachine(chart, 'plc-1', { vcpus: 2, memory: Size.gibibytes(2), bootDisk: BootDisk.dataVolume('plc-rootfs') });
    new kplus27.Service(chart, 'modbus', { selector: vm, ports: [{ port: 502 }] });
    expect(Testing.synth(chart).find((o) => o.kind === 'Service').spec.selector).toEqual({ 'kubevirt.io/vm': 'plc-1' });
  });
});
