import { TaintEffect } from 'cdk8s-plus-27';
import {
  K3S_KUBELET_DROP_IN_DIR, KUBELET_DROP_IN_DIR, KUBELET_DROP_IN_FILE, kubeletDropInConfiguration, kubeletDropInFile,
} from '../../../src/backends/kubelet-drop-in/kubelet-drop-in-file';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

/** KubeletConfiguration (kubelet.config.k8s.io/v1beta1) fields the backend may write; the kubelet refuses unknown ones. */
const KUBELET_CONFIGURATION_FIELDS = [
  'apiVersion', 'kind', 'cpuManagerPolicy', 'cpuManagerPolicyOptions', 'cpuManagerReconcilePeriod', 'reservedSystemCPUs',
  'topologyManagerPolicy', 'topologyManagerScope', 'memoryManagerPolicy', 'reservedMemory', 'kubeReserved', 'systemReserved',
  'evictionHard', 'registerWithTaints',
];

describe('kubelet drop-in file', () => {
  test('a KubeletConfiguration with apiVersion, kind and the plan\'s fields, as JSON in the drop-in directory', () => {
    const plan = seed002Plan();
    const file = kubeletDropInFile(plan);
    expect(file.path).toBe(`${KUBELET_DROP_IN_DIR}/${KUBELET_DROP_IN_FILE}`);
    expect(file.path).toMatch(/\.conf$/);
    expect(file.mode).toBe(0o644);
    const config = JSON.parse(file.contents);
    expect(config.apiVersion).toBe('kubelet.config.k8s.io/v1beta1');
    expect(config.kind).toBe('KubeletConfiguration');
    expect({ ...config, apiVersion: undefined, kind: undefined }).toEqual({ ...plan.kubelet, apiVersion: undefined, kind: undefined });
    expect(Object.keys(config).filter((k) => !KUBELET_CONFIGURATION_FIELDS.includes(k))).toEqual([]);
  });

  test('k3s directory (trailing slash trimmed) and taints as registerWithTaints', () => {
    expect(kubeletDropInFile(seed002Plan(), `${K3S_KUBELET_DROP_IN_DIR}/`).path).toBe(`${K3S_KUBELET_DROP_IN_DIR}/${KUBELET_DROP_IN_FILE}`);
    const config = kubeletDropInConfiguration(seed002Plan({ nodeTaints: [{ key: 'rt', effect: TaintEffect.NO_EXECUTE }] }));
    expect(config.registerWithTaints).toEqual([{ key: 'rt', effect: 'NoExecute' }]);
  });
});
