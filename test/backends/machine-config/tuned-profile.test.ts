import { TUNED_INCLUDES, tunedProfileData } from '../../../src/backends/machine-config/tuned-profile';
import { REALTIME_HOST_SYSCTLS } from '../../../src/model/pool/realtime-sysctls';
import { CpuSet } from '../../../src/values/cpu-set';

const data = tunedProfileData({ name: 'worker-rt-realtime', role: 'worker-rt', machineConfigName: '50-worker-rt-realtime', isolated: CpuSet.parse('2-7,10-15') });

/** The key=value lines of one section of a TuneD profile. */
function section(text: string, name: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`[${name}]`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('[')) break;
    if (line.trim() !== '' && !line.startsWith('#')) out.push(line);
  }
  return out;
}

describe('tunedProfileData', () => {
  test('a real-time virtual host with the isolated CPUs', () => {
    expect(section(data, 'main')).toContain(`include=${TUNED_INCLUDES}`);
    expect(TUNED_INCLUDES).toBe('openshift-node,realtime-virtual-host');
    expect(section(data, 'variables')).toEqual(['isolated_cores=2-7,10-15']);
  });

  test('[bootloader] replaces the inherited section and sets no cmdline of its own', () => {
    expect(section(data, 'bootloader')).toEqual(['replace=true']);
    expect(data).not.toMatch(/^cmdline/m);
  });

  test('the real-time sysctls', () => {
    expect(section(data, 'sysctl')).toEqual([
      'kernel.sched_rt_runtime_us=-1',
      'kernel.nmi_watchdog=0',
      'kernel.hung_task_timeout_secs=600',
      'vm.stat_interval=10',
    ]);
    expect(REALTIME_HOST_SYSCTLS).toHaveLength(4);
  });

  test('kthreads that must preempt FIFO-1 vCPUs run at FIFO 11; stalld on', () => {
    expect(section(data, 'scheduler')).toContain('group.ksoftirqd=0:f:11:*:ksoftirqd.*');
    expect(section(data, 'scheduler')).toContain('group.rcuc=0:f:11:*:rcuc.*');
    expect(section(data, 'service')).toEqual(['service.stalld=start,enable']);
  });

  test('snapshot', () => {
    expect(data).toMatchSnapshot();
  });
});
