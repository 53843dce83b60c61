import { imageBuilderVars } from '../../../src/backends/cluster-api/image-builder-vars';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('image-builder vars', () => {
  test('extra_kernel_boot_params: the kernel arguments as one line, in order', () => {
    const plan = seed002Plan();
    expect(imageBuilderVars(plan)).toEqual({ extra_kernel_boot_params: plan.kernelArguments.join(' ') });
    expect(imageBuilderVars(plan).extra_kernel_boot_params).toMatch(/^isolcpus=domain,managed_irq,2-7,10-15 nohz=on /);
  });
});
