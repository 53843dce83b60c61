import { renderGuestCloudConfig } from '../../../src/backends/vm/guest-cloud-config';
import { guestTuningPlanOf } from '../../../src/model/vm/guest-tuning-plan';
import { plainCloudConfig, readUserCloudConfig, UserCloudConfigKind } from '../../../src/model/vm/user-cloud-config';
import { givenSettingsOf, resolveSettings } from '../../../src/model/vm/vm-settings';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CloudInit } from '../../../src/values/vm/cloud-init';
import { GuestTuning } from '../../../src/values/vm/guest-tuning';
import { minimalProps } from '../../fixtures/vm';

function plan(props: Parameters<typeof minimalProps>[0]) {
  const settings = resolveSettings(givenSettingsOf(minimalProps(props)));
  const p = guestTuningPlanOf('vm', settings, GuestTuning.realtimeVirtualGuest());
  return [p.isolatedCores.toString(), p.housekeeping.toString()];
}

describe('guest tuning plan', () => {
  test('isolated cores are the real-time vCPUs, housekeeping the others', () => {
    expect(plan({ vcpus: 4, realtimeMask: RealtimeMask.parse('1-3') })).toEqual(['1-3', '0']);
    expect(plan({ vcpus: 8, realtimeMask: RealtimeMask.parse('0-7,^0,^4') })).toEqual(['1-3,5-7', '0,4']);
    expect(plan({ vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 2 }, realtimeMask: RealtimeMask.parse('2-3') })).toEqual(['2-3', '0-1']);
  });

  test('realtime {} means every vCPU; realtime off isolates none', () => {
    expect(plan({ vcpus: 4 })).toEqual(['0-3', '']);
    expect(plan({ vcpus: 4, realtime: false })).toEqual(['', '0-3']);
  });

  test('the Secret is named after the VM', () => {
    const settings = resolveSettings(givenSettingsOf(minimalProps({ vcpus: 2 })));
    expect(guestTuningPlanOf('db-1', settings, GuestTuning.realtimeVirtualGuest()).secretName).toBe('db-1-guest-tuning');
  });
});

describe('reading the user\'s cloud-init', () => {
  test('none, a Secret, cloud-config, something else', () => {
    expect(readUserCloudConfig(undefined).kind).toBe(UserCloudConfigKind.NONE);
    expect(readUserCloudConfig(CloudInit.fromSecret('s')).kind).toBe(UserCloudConfigKind.SECRET);
    expect(readUserCloudConfig(CloudInit.userData('#cloud-config\r\nhostname: x\r\n')).kind).toBe(UserCloudConfigKind.CLOUD_CONFIG);
    expect(readUserCloudConfig(CloudInit.userData('#cloud-config\n')).kind).toBe(UserCloudConfigKind.CLOUD_CONFIG);
    expect(readUserCloudConfig(CloudInit.userData('#include https://example.com/x')).kind).toBe(UserCloudConfigKind.NOT_CLOUD_CONFIG);
  });

  test('bounded: alias bombs are kept as aliases, never expanded; huge texts are refused', () => {
    const bomb = `#cloud-config\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 20 }, (_, i) => `b${i}: &b${i} [${Array(9).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`).join('\n')}\n`;
    const read = readUserCloudConfig(CloudInit.userData(bomb));
    expect(read.kind).toBe(UserCloudConfigKind.CLOUD_CONFIG);
    expect(plainCloudConfig(read)).toBeUndefined();
    const settings = resolveSettings(givenSettingsOf(minimalProps({ vcpus: 2, realtimeMask: RealtimeMask.parse('1') })));
    const rendered = renderGuestCloudConfig(guestTuningPlanOf('vm', settings, GuestTuning.realtimeVirtualGuest(), CloudInit.userData(bomb)));
    expect(rendered.length).toBeLessThan(bomb.length + 1000);
    expect(readUserCloudConfig(CloudInit.userData(`#cloud-config\n${'#'.repeat(1024 * 1024)}`)).problem).toMatch(/more than 1048576/);
  });
});
