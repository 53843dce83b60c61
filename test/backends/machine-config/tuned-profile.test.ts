import {
  TUNED_FORCE_LATENCY, TUNED_INCLUDES, TUNED_PS_BLACKLIST, TUNED_RT_KERNEL_DROPPED_SYSCTLS, tunedProfileData,
} from '../../../src/backends/machine-config/tuned-profile';
import { REALTIME_HOST_SYSCTLS } from '../../../src/model/pool/realtime-sysctls';
import { CpuSet } from '../../../src/values/cpu-set';

const inputs = { name: 'worker-rt-realtime', role: 'worker-rt', machineConfigName: '50-worker-rt-realtime', isolated: CpuSet.parse('2-7,10-15') };
const data = tunedProfileData(inputs);
const defaultKernel = tunedProfileData({ ...inputs, realtimeKernel: false });

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

  test('points at the document that lists every difference from NTO\'s profile', () => {
    expect(data).toContain('# Where this differs from the Node Tuning Operator\'s profile, and why: docs/tuned-vs-nto.md');
  });

  test('[bootloader] replaces the inherited section and sets no cmdline of its own', () => {
    expect(section(data, 'bootloader')).toEqual(['replace=true']);
    expect(data).not.toMatch(/^cmdline/m);
    expect(defaultKernel).not.toMatch(/^cmdline/m);
  });

  test('the real-time sysctls, with NTO\'s timer migration', () => {
    expect(section(defaultKernel, 'sysctl')).toEqual([
      'kernel.sched_rt_runtime_us=-1',
      'kernel.nmi_watchdog=0',
      'kernel.hung_task_timeout_secs=600',
      'vm.stat_interval=10',
      'kernel.timer_migration=1',
    ]);
    expect(REALTIME_HOST_SYSCTLS).toHaveLength(5);
  });

  test('on the real-time kernel (the default) drops the sysctls that kernel lacks, like NTO\'s -rt child profile', () => {
    expect(TUNED_RT_KERNEL_DROPPED_SYSCTLS).toEqual(['kernel.numa_balancing', 'net.core.busy_read', 'net.core.busy_poll']);
    expect(section(data, 'sysctl')[0]).toBe('drop=kernel.numa_balancing,net.core.busy_read,net.core.busy_poll');
    expect(section(data, 'sysctl').slice(1)).toEqual(section(defaultKernel, 'sysctl'));
    expect(tunedProfileData({ ...inputs, realtimeKernel: true })).toBe(data);
  });

  test('changes no NIC queue count: drops the channels option inherited from realtime', () => {
    expect(section(data, 'net')).toEqual(['drop=channels']);
  });

  test('NTO\'s C-state limit, process blacklist and fwupd timer', () => {
    expect(section(data, 'cpu')).toEqual([`force_latency=${TUNED_FORCE_LATENCY}`]);
    expect(TUNED_FORCE_LATENCY).toBe('cstate.id:1|3');
    expect(section(data, 'scheduler')).toContain(`ps_blacklist=${TUNED_PS_BLACKLIST}`);
    expect(TUNED_PS_BLACKLIST).not.toContain('#');
    expect(section(data, 'service')).toEqual(['service.fwupd-refresh.timer=stop,disable', 'service.stalld=start,enable']);
  });

  test('kthreads that must preempt FIFO-1 vCPUs run at FIFO 11', () => {
    expect(section(data, 'scheduler')).toContain('group.ksoftirqd=0:f:11:*:ksoftirqd.*');
    expect(section(data, 'scheduler')).toContain('group.rcuc=0:f:11:*:rcuc.*');
    expect(section(data, 'scheduler')).toContain('group.ktimers=0:f:11:*:ktimers.*');
  });

  test('no option inside a section is set twice, and every line is a section, a comment or key=value', () => {
    let keys = new Set<string>();
    for (const line of data.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      if (/^\[[a-z]+\]$/.test(line)) {
        keys = new Set();
        continue;
      }
      const key = line.slice(0, line.indexOf('='));
      expect(line).toMatch(/^[a-z_.-]+=\S/);
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
  });

  test('snapshot', () => {
    expect(data).toMatchSnapshot();
  });
});
