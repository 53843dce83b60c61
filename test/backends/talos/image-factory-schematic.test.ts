import { imageFactorySchematic } from '../../../src/backends/talos/image-factory-schematic';
import { seed002Plan } from '../../fixtures/node-tuning-plan';
import { schematicErrors } from '../../talos-schema-validator';

describe('Image Factory schematic', () => {
  test('customization.extraKernelArgs carries the kernel arguments in the library\'s order', () => {
    const plan = seed002Plan();
    const schematic = imageFactorySchematic(plan) as any;
    expect(schematic).toEqual({ customization: { extraKernelArgs: plan.kernelArguments } });
    expect(schematic.customization.extraKernelArgs).not.toBe(plan.kernelArguments);
    expect(schematic.customization.extraKernelArgs.slice(0, 3)).toEqual(['isolcpus=domain,managed_irq,2-7,10-15', 'nohz=on', 'nohz_full=2-7,10-15']);
    expect(schematicErrors(schematic)).toEqual([]);
  });
});
