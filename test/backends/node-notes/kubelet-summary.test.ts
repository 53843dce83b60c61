import { kubeletSettingsSummary } from '../../../src/backends/node-notes/kubelet-summary';

describe('kubeletSettingsSummary', () => {
  test('every field in order, strings as is, the rest as compact JSON', () => {
    expect(kubeletSettingsSummary({ cpuManagerPolicy: 'static', kubeReserved: { memory: '500Mi' }, x: 3 }))
      .toBe('cpuManagerPolicy static, kubeReserved {"memory":"500Mi"}, x 3');
  });
});
