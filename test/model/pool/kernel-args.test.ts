import { generatedKernelArgs, isWellFormedKernelArg, kernelArgKey, KernelArgInputs, OWNED_KERNEL_ARG_KEYS } from '../../../src/model/pool/kernel-args';
import { CpuSet } from '../../../src/values/cpu-set';

const inputs: KernelArgInputs = {
  isolated: CpuSet.parse('10-15,2-7'),
  reserved: CpuSet.parse('8-9,0-1'),
  balanceIsolated: true,
  realtimeKernel: true,
  hugePageArgs: ['default_hugepagesz=1G', 'hugepagesz=1G', 'hugepages=52'],
  partitionArgs: ['nosmt'],
};

describe('generatedKernelArgs', () => {
  test('emits the documented order with canonical CPU lists', () => {
    expect(generatedKernelArgs(inputs)).toEqual([
      'isolcpus=managed_irq,2-7,10-15',
      'nohz=on',
      'nohz_full=2-7,10-15',
      'rcu_nocbs=2-7,10-15',
      'irqaffinity=0-1,8-9',
      'systemd.cpu_affinity=0-1,8-9',
      'skew_tick=1',
      'tsc=reliable',
      'nosoftlockup',
      'rcutree.kthread_prio=11',
      'default_hugepagesz=1G',
      'hugepagesz=1G',
      'hugepages=52',
      'nosmt',
    ]);
  });

  test('is stable: the same input twice gives the same order', () => {
    expect(generatedKernelArgs({ ...inputs })).toEqual(generatedKernelArgs({ ...inputs }));
  });

  test('balanceIsolated=false adds the domain flag', () => {
    expect(generatedKernelArgs({ ...inputs, balanceIsolated: false })[0]).toBe('isolcpus=domain,managed_irq,2-7,10-15');
  });

  test('rcutree.kthread_prio only with the realtime kernel', () => {
    expect(generatedKernelArgs({ ...inputs, realtimeKernel: false })).not.toContain('rcutree.kthread_prio=11');
  });

  test('every generated key is an owned key', () => {
    for (const arg of generatedKernelArgs(inputs)) expect(OWNED_KERNEL_ARG_KEYS).toContain(kernelArgKey(arg));
  });
});

describe('kernel argument helpers', () => {
  test('kernelArgKey', () => {
    expect(kernelArgKey('isolcpus=managed_irq,2-7')).toBe('isolcpus');
    expect(kernelArgKey('nosmt')).toBe('nosmt');
    expect(kernelArgKey('a=b=c')).toBe('a');
  });

  test.each([
    ['intel_iommu=on', true],
    ['nosmt', true],
    ['', false],
    ['a=1 b=2', false],
    ['"quoted"', false],
    ['=x', false],
  ])('isWellFormedKernelArg(%j) is %s', (arg, ok) => {
    expect(isWellFormedKernelArg(arg)).toBe(ok);
  });

  test('non-strings are not kernel arguments', () => {
    expect(isWellFormedKernelArg(42)).toBe(false);
  });
});
