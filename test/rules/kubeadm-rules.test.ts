import { kubeadmKernelArgsFindings, kubeadmPlanFindings } from '../../src/rules/kubeadm-rules';
import { Severity } from '../../src/values/finding';
import { seed002Plan } from '../fixtures/node-tuning-plan';

describe('kubeadm rules', () => {
  test('KUBEADM_KERNEL_ARGS_NEED_IMAGE: always a warning, naming the real-time kernel when the pool wants one', () => {
    const [finding] = kubeadmPlanFindings(seed002Plan());
    expect([finding.code, finding.severity]).toEqual(['KUBEADM_KERNEL_ARGS_NEED_IMAGE', Severity.WARNING]);
    expect(finding.fix).toContain('extra_kernel_boot_params');
    expect(kubeadmKernelArgsFindings(seed002Plan({ realtimeKernel: true }))[0].expected).toContain('real-time kernel');
    expect(kubeadmKernelArgsFindings(seed002Plan({ kernelArguments: [], realtimeKernel: false }))).toEqual([]);
  });

  test('the shared checks run too', () => {
    expect(kubeadmPlanFindings(seed002Plan({ nodeLabels: { 'node-role.kubernetes.io/rt': '' } })).map((f) => f.code))
      .toEqual(['NODE_LABEL_NOT_SELF_ASSIGNABLE', 'KUBEADM_KERNEL_ARGS_NEED_IMAGE']);
  });
});
