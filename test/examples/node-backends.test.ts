import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { buildNodeBackends, main } from '../../examples/node-backends';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';
import { schematicErrors, talosConfigErrors } from '../talos-schema-validator';

describe('examples/node-backends: the seed-002 host on every backend', () => {
  const app = Testing.app();
  const charts = buildNodeBackends(app as App);
  const objects = charts.flatMap((c) => Testing.synth(c));
  const pools = app.node.findAll().filter((c) => RealtimeNodePool.isRealtimeNodePool(c)) as RealtimeNodePool[];
  const byBackend = (b: PoolBackend) => pools.find((p) => p.backend === b)!;

  test('one pool per backend; every object valid against its CRD, nothing lost', () => {
    expect(pools.map((p) => p.backend).sort()).toEqual(Object.values(PoolBackend).sort());
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'KubeVirt', 'KubeadmConfigTemplate', 'KubeletConfig', 'MachineConfig', 'MachineConfigPool', 'MachineConfigPool',
      'PerformanceProfile', 'TalosConfigTemplate', 'Tuned', 'VirtualMachine',
    ]);
  });

  test('the same props give every backend the same node: kernel arguments (in order), reserved CPUs, huge pages', () => {
    const openshift = byBackend(PoolBackend.MACHINE_CONFIG).model;
    for (const backend of [PoolBackend.CLUSTER_API_KUBEADM, PoolBackend.KUBELET_DROP_IN]) {
      const model = byBackend(backend).model;
      expect(model.kernelArguments).toEqual(openshift.kernelArguments);
      expect(model.partition.reserved.toString()).toBe('0-1,8-9');
      expect(model.hugepages).toEqual(openshift.hugepages);
    }
    expect(openshift.kernelArguments[0]).toBe('isolcpus=managed_irq,2-7,10-15');
  });

  test('the Talos patch and schematic are valid against the Talos v1.13.9 and Image Factory schemas', () => {
    const talos = byBackend(PoolBackend.TALOS);
    const [patch, schematic] = talos.files.map((f) => YAML.parse(f.contents));
    expect(talosConfigErrors(patch)).toEqual([]);
    expect(schematicErrors(schematic)).toEqual([]);
    expect(schematic.customization.extraKernelArgs).toContain('preempt=full');
    expect(schematic.customization.extraKernelArgs[0]).toBe('isolcpus=domain,managed_irq,2-7,10-15');
  });

  test('the VM on the tainted k3s pool tolerates the taint and selects the self-assigned label', () => {
    const vm = objects.find((o) => o.kind === 'VirtualMachine');
    expect(vm.spec.template.spec.nodeSelector).toEqual({ 'node.kubernetes.io/rt-k3s': '' });
    expect(vm.spec.template.spec.tolerations).toEqual([{ key: 'realtime', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]);
  });

  test('main writes the YAML, the node files and one review page per pool naming its backend', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-backends-'));
    main(path.join(dir, 'yaml'), path.join(dir, 'files'));
    expect(fs.readdirSync(path.join(dir, 'yaml')).sort()).toEqual([
      'seed-002-cluster-api.k8s.yaml', 'seed-002-k3s.k8s.yaml', 'seed-002-openshift.k8s.yaml',
    ]);
    expect(fs.existsSync(path.join(dir, 'files', 'rt-talos', 'rt-talos.schematic.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'files', 'rt-kubeadm', 'rt-kubeadm.image-builder.json'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'files', 'rt-k3s', 'kernel-arguments.txt'), 'utf8'))
      .toBe(`${byBackend(PoolBackend.KUBELET_DROP_IN).model.kernelArguments.join(' ')}\n`);
    const page = fs.readFileSync(path.join(dir, 'files', 'review', 'rt-kubeadm.md'), 'utf8');
    expect(page).toContain('## Backend: cluster-api-kubeadm');
    expect(page).toContain('kubeadm cannot set kernel arguments');
  });
});
