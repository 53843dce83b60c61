import { POOL_SYSCTL_PATH, sysctlFile, sysctlFileContents } from '../../../src/backends/node-files/sysctl-file';

describe('sysctl file', () => {
  test('key = value lines sorted by key under a header naming the pool', () => {
    const text = sysctlFileContents('worker-rt', { 'vm.stat_interval': '10', 'kernel.sched_rt_runtime_us': '-1' });
    expect(text.split('\n')[0]).toContain('node pool worker-rt');
    expect(text).toMatch(/\nkernel\.sched_rt_runtime_us = -1\nvm\.stat_interval = 10\n$/);
  });

  test('one readable file at the pool path; none without sysctls', () => {
    expect(sysctlFile('worker-rt', {})).toEqual([]);
    const [file] = sysctlFile('worker-rt', { 'kernel.nmi_watchdog': '0' });
    expect(file.path).toBe(POOL_SYSCTL_PATH);
    expect(file.mode).toBe(0o644);
  });
});
