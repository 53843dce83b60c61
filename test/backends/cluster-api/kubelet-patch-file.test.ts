import { KUBEADM_PATCHES_DIR, KUBELET_PATCH_FILE, kubeletPatchFile } from '../../../src/backends/cluster-api/kubelet-patch-file';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('kubeadm kubelet patch file', () => {
  test('target kubeletconfiguration, strategic merge, JSON with the plan\'s fields and no apiVersion/kind', () => {
    const plan = seed002Plan();
    const file = kubeletPatchFile(plan);
    expect(file.path).toBe('/etc/kubernetes/patches/kubeletconfiguration0+strategic.json');
    expect(file.path).toBe(`${KUBEADM_PATCHES_DIR}/${KUBELET_PATCH_FILE}`);
    expect(file.mode).toBe(0o644);
    expect(JSON.parse(file.contents)).toEqual(plan.kubelet);
    expect(file.contents.endsWith('}\n')).toBe(true);
  });
});
