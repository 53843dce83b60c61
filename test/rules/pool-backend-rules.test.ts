import { dropInDirectoryFindings, nodePlanFindings } from '../../src/rules/pool-backend-rules';
import { TalosVersion } from '../../src/values/cluster/talos-version';
import { formatFinding } from '../../src/values/finding';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { seed002Plan } from '../fixtures/node-tuning-plan';
import { guideProps } from '../fixtures/pool';

describe('kubelet drop-in directory', () => {
  test.each(['/etc/kubernetes/kubelet.conf.d', '/var/lib/rancher/k3s/agent/etc/kubelet.conf.d', '/etc/kubelet.d/', '/opt/k8s@2/x+y'])(
    'accepts %j', (dir) => {
      expect(dropInDirectoryFindings(dir)).toEqual([]);
    });

  test.each(['etc/kubelet', '/etc/../root', '/..', '/etc//x', '/etc/./x', '/', '/etc/a b', '/etc/x\n', '/etc/-x/.', `/${'a'.repeat(1024)}`])(
    'KUBELET_DROP_IN_DIRECTORY_INVALID for %j', (dir) => {
      const [f] = dropInDirectoryFindings(dir);
      expect(f.code).toBe('KUBELET_DROP_IN_DIRECTORY_INVALID');
      expect(formatFinding(f)).toContain('fix: give the kubelet\'s --config-dir, e.g. /etc/kubernetes/kubelet.conf.d');
    });

  test('unset is the default directory', () => {
    expect(dropInDirectoryFindings(undefined)).toEqual([]);
  });
});

describe('nodePlanFindings', () => {
  const plan = seed002Plan();
  const codes = (backend: PoolBackend, extra = {}) => nodePlanFindings(plan, guideProps(extra), backend).map((f) => f.code);

  test('each backend runs its own checks on the plan; the OpenShift backends have none here', () => {
    expect(codes(PoolBackend.MACHINE_CONFIG)).toEqual([]);
    expect(codes(PoolBackend.PERFORMANCE_PROFILE)).toEqual([]);
    expect(codes(PoolBackend.CLUSTER_API_KUBEADM)).toEqual(['KUBEADM_KERNEL_ARGS_NEED_IMAGE']);
    expect(codes(PoolBackend.KUBELET_DROP_IN)).toEqual(['KUBELET_DROP_IN_HOST_SETTINGS_MANUAL']);
    expect(codes(PoolBackend.KUBELET_DROP_IN, { kubeletDropInDirectory: 'relative' }))
      .toEqual(['KUBELET_DROP_IN_DIRECTORY_INVALID', 'KUBELET_DROP_IN_HOST_SETTINGS_MANUAL']);
    expect(codes(PoolBackend.TALOS)).toContain('TALOS_INSTALLER_IMAGE_UNSET');
    expect(codes(PoolBackend.TALOS, { talosVersion: TalosVersion.V1_14 })).toContain('TALOS_MACHINE_CONFIG_DEPRECATED');
  });
});
