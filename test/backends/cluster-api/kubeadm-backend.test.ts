import { renderKubeadmBackend } from '../../../src/backends/cluster-api/kubeadm-backend';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

describe('renderKubeadmBackend', () => {
  test('seed-002: the template (valid), the image-builder vars and their file, notes and limitations', () => {
    const plan = seed002Plan();
    const out = renderKubeadmBackend(plan);
    expectValidAgainstCrds([out.kubeadmConfigTemplate]);
    expectNoLostValues([out.kubeadmConfigTemplate, out.imageBuilderVars]);
    expect((out.kubeadmConfigTemplate as any).metadata.name).toBe('worker-rt-realtime');
    expect(out.files).toEqual([{ fileName: 'worker-rt.image-builder.json', contents: `${JSON.stringify(out.imageBuilderVars, null, 2)}\n` }]);
    expect(out.imageBuilderVars.extra_kernel_boot_params.split(' ')).toEqual(plan.kernelArguments);
    expect(out.rebootNotes.length).toBeGreaterThan(plan.kernelArguments.length);
    expect(out.limitations[0]).toContain('kubeadm cannot set kernel arguments');
  });

  test('options and determinism', () => {
    const out = renderKubeadmBackend(seed002Plan(), { templateName: 'rt-v2', namespace: 'capi' });
    expect((out.kubeadmConfigTemplate as any).metadata).toEqual({ name: 'rt-v2', namespace: 'capi' });
    expect(JSON.stringify(renderKubeadmBackend(seed002Plan()))).toBe(JSON.stringify(renderKubeadmBackend(seed002Plan())));
  });
});
