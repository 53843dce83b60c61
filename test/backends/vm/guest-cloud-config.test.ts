import * as YAML from 'yaml';
import { guestCommands, renderGuestCloudConfig } from '../../../src/backends/vm/guest-cloud-config';
import { guestTuningPlanOf } from '../../../src/model/vm/guest-tuning-plan';
import { givenSettingsOf, resolveSettings } from '../../../src/model/vm/vm-settings';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { GuestTuning, RealtimeVirtualGuestOptions } from '../../../src/values/vm/guest-tuning';
import { minimalProps } from '../../fixtures/vm';

const SETTINGS = resolveSettings(givenSettingsOf(minimalProps({ vcpus: 4, realtimeMask: RealtimeMask.parse('1-3') })));

function render(options: RealtimeVirtualGuestOptions = {}, userData?: string): string {
  return renderGuestCloudConfig(guestTuningPlanOf('vm', SETTINGS, GuestTuning.realtimeVirtualGuest(options),
    userData === undefined ? undefined : CloudInit.userData(userData)));
}

describe('guest cloud-config', () => {
  test('without user data: the tuning alone, in a fixed order', () => {
    expect(render()).toBe([
      '#cloud-config',
      'packages:',
      '  - tuned',
      '  - tuned-profiles-nfv-guest',
      '  - tuned-profiles-realtime',
      '  - realtime-tests',
      'write_files:',
      '  - path: /etc/tuned/realtime-virtual-guest-variables.conf',
      '    permissions: "0644"',
      '    content: |',
      '      isolated_cores=1-3',
      '      isolate_managed_irq=Y',
      '    defer: true',
      'runcmd:',
      '  - systemctl disable --now irqbalance || true',
      '  - - systemctl',
      '    - enable',
      '    - --now',
      '    - tuned',
      '  - - tuned-adm',
      '    - profile',
      '    - realtime-virtual-guest',
      'power_state:',
      '  mode: reboot',
      '  condition: true',
      '',
    ].join('\n'));
  });

  test('RT kernel, extra kernel arguments (as one argv entry, no shell) and the queue count', () => {
    const config = YAML.parse(render({ rtKernel: true, extraKernelArgs: ['idle=poll', 'intel_iommu=on'], netdevQueueCount: 2 }));
    expect(config.packages).toContain('kernel-rt');
    expect(config.write_files[0].content).toBe('isolated_cores=1-3\nisolate_managed_irq=Y\nnetdev_queue_count=2\n');
    expect(config.runcmd).toContainEqual(['grubby', '--update-kernel=ALL', '--args=idle=poll intel_iommu=on']);
    expect(config.runcmd.some((c: unknown) => typeof c === 'string' && c.includes('grubby --set-default') && c.includes('rpm -ql kernel-rt kernel-rt-core'))).toBe(true);
  });

  test('the RT kernel package is installed only with rtKernel', () => {
    expect(YAML.parse(render({})).packages).not.toContain('kernel-rt');
    expect(YAML.parse(render({ rtKernel: true, rtKernelPackage: 'kernel-rt-core' })).packages).toContain('kernel-rt-core');
  });

  test('merges the user\'s cloud-config: their keys, scalars and comments kept, lists extended after their entries', () => {
    const text = render({}, '#cloud-config\n# my guest\nssh_pwauth: no\npackages: [vim, tuned]\nruncmd:\n  - echo first\nwrite_files:\n  - path: /etc/motd\n    content: hi\n');
    expect(text.startsWith('#cloud-config\n# my guest\nssh_pwauth: no\n')).toBe(true);
    expect(text.match(/#cloud-config/g)).toHaveLength(1);
    const config = YAML.parse(text, { version: '1.1' });
    expect(config.ssh_pwauth).toBe(false); // still YAML 1.1 "no", as cloud-init reads it
    expect(config.packages).toEqual(['vim', 'tuned', 'tuned-profiles-nfv-guest', 'tuned-profiles-realtime', 'realtime-tests']);
    expect(config.runcmd[0]).toBe('echo first');
    expect(config.write_files.map((f: { path: string }) => f.path)).toEqual(['/etc/motd', '/etc/tuned/realtime-virtual-guest-variables.conf']);
    expect(config.power_state).toEqual({ mode: 'reboot', condition: true });
  });

  test('empty user keys (runcmd: with nothing) take the tuning\'s values', () => {
    const config = YAML.parse(render({}, '#cloud-config\nruncmd:\npower_state:\n'));
    expect(config.runcmd).toContainEqual(['tuned-adm', 'profile', 'realtime-virtual-guest']);
    expect(config.power_state).toEqual({ mode: 'reboot', condition: true });
  });

  test('leaves the model\'s parsed document alone: rendering twice gives the same text', () => {
    const plan = guestTuningPlanOf('vm', SETTINGS, GuestTuning.realtimeVirtualGuest(), CloudInit.userData('#cloud-config\nruncmd: [a]\n'));
    expect(renderGuestCloudConfig(plan)).toBe(renderGuestCloudConfig(plan));
    expect(YAML.parse(renderGuestCloudConfig(plan)).runcmd.filter((c: unknown) => c === 'a')).toHaveLength(1);
  });

  test('the commands select the profile after irqbalance is off and TuneD runs', () => {
    const plan = guestTuningPlanOf('vm', SETTINGS, GuestTuning.realtimeVirtualGuest());
    expect(guestCommands(plan)).toEqual([
      'systemctl disable --now irqbalance || true', ['systemctl', 'enable', '--now', 'tuned'], ['tuned-adm', 'profile', 'realtime-virtual-guest'],
    ]);
  });
});
