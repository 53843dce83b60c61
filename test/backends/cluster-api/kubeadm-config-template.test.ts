import { activationCommands, kubeadmConfigTemplate, kubeadmConfigTemplateProps } from '../../../src/backends/cluster-api/kubeadm-config-template';
import { CPUS_OFFLINE_UNIT_NAME } from '../../../src/backends/node-files/cpu-offline-unit';
import { CpuSet } from '../../../src/values/cpu-set';
import { TaintEffect } from '../../../src/values/vm/taint-effect';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { expectNoLostValues, expectValidAgainstCrds, knownKinds } from '../../schema-validator';

describe('KubeadmConfigTemplate', () => {
  test('seed-002: v1beta2, valid against the Cluster API v1.14.0 CRD', () => {
    expect(knownKinds()).toContain('bootstrap.cluster.x-k8s.io/v1beta2/KubeadmConfigTemplate');
    const template = kubeadmConfigTemplate(seed002Plan(), { name: 'worker-rt-realtime' }) as any;
    expect(template.apiVersion).toBe('bootstrap.cluster.x-k8s.io/v1beta2');
    expect(template.kind).toBe('KubeadmConfigTemplate');
    expectValidAgainstCrds([template]);
    expectNoLostValues([template]);
    const spec = template.spec.template.spec;
    expect(spec.files.map((f: any) => [f.path, f.permissions, f.owner])).toEqual([
      ['/etc/sysctl.d/99-kubevirt-realtime.conf', '0644', 'root:root'],
      ['/usr/local/bin/kubevirt-rt-hugepages-allocation.sh', '0755', 'root:root'],
      ['/etc/systemd/system/kubevirt-rt-kubelet-state-cleanup.service', '0644', 'root:root'],
      ['/etc/systemd/system/hugepages-allocation-1048576kB-NUMA0.service', '0644', 'root:root'],
      ['/etc/systemd/system/hugepages-allocation-1048576kB-NUMA1.service', '0644', 'root:root'],
      ['/etc/kubernetes/patches/kubeletconfiguration0+strategic.json', '0644', 'root:root'],
    ]);
    expect(spec.joinConfiguration.patches).toEqual({ directory: '/etc/kubernetes/patches' });
    expect(spec.joinConfiguration.nodeRegistration).toEqual({ kubeletExtraArgs: [{ name: 'node-labels', value: 'node.kubernetes.io/worker-rt=' }] });
    expect(spec.preKubeadmCommands).toEqual([
      'sysctl --system',
      'systemctl daemon-reload',
      'systemctl enable --now kubevirt-rt-kubelet-state-cleanup.service',
      'systemctl enable --now hugepages-allocation-1048576kB-NUMA0.service',
      'systemctl enable --now hugepages-allocation-1048576kB-NUMA1.service',
    ]);
  });

  test('offlined CPUs and taints: the offline unit is started first, taints through nodeRegistration', () => {
    const plan = seed002Plan({ offlinedCpus: CpuSet.of([15]), nodeTaints: [{ key: 'kubevirt.io/realtime', value: 'true', effect: TaintEffect.NO_SCHEDULE }] });
    const template = kubeadmConfigTemplate(plan, { name: 'rt', namespace: 'capi' }) as any;
    expectValidAgainstCrds([template]);
    expect(template.metadata).toEqual({ name: 'rt', namespace: 'capi' });
    expect(template.spec.template.spec.joinConfiguration.nodeRegistration.taints).toEqual([{ key: 'kubevirt.io/realtime', value: 'true', effect: 'NoSchedule' }]);
    expect(activationCommands(plan)[3]).toBe(`systemctl enable --now ${CPUS_OFFLINE_UNIT_NAME}`);
  });

  test('a plan with nothing to activate and no labels: no preKubeadmCommands, no kubeletExtraArgs (the CRD wants at least one)', () => {
    const props = kubeadmConfigTemplateProps(seed002Plan({ sysctls: {}, numaHugePages: [], nodeLabels: {}, kubelet: {} }), { name: 'bare' });
    expect(props.spec!.template.spec!.preKubeadmCommands).toBeUndefined();
    expect(props.spec!.template.spec!.joinConfiguration!.nodeRegistration).toBeUndefined();
    expectValidAgainstCrds([kubeadmConfigTemplate(seed002Plan({ sysctls: {}, numaHugePages: [], nodeLabels: {}, kubelet: {} }), { name: 'bare' })]);
  });
});
