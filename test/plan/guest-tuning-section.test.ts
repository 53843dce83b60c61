import { guestTuningPlanOf } from '../../src/model/vm/guest-tuning-plan';
import { givenSettingsOf, resolveSettings } from '../../src/model/vm/vm-settings';
import { guestTuningSection, verificationCommand } from '../../src/plan/guest-tuning-section';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { GuestTuning } from '../../src/values/vm/guest-tuning';
import { minimalProps } from '../fixtures/vm';

function planOf(vcpus: number, mask: string) {
  const settings = resolveSettings(givenSettingsOf(minimalProps({ vcpus, realtimeMask: RealtimeMask.parse(mask) })));
  return guestTuningPlanOf('vm', settings, GuestTuning.realtimeVirtualGuest());
}

describe('guest tuning review section', () => {
  test('cyclictest runs one thread per isolated vCPU, pinned to them, with its main thread on the housekeeping vCPUs', () => {
    expect(verificationCommand(planOf(8, '1-3,5-7'))).toBe('cyclictest -m -p95 -a 1-3,5-7 -t 6 --mainaffinity 0,4 -D 1h');
  });

  test('empty without rows; one table row per VM', () => {
    expect(guestTuningSection([])).toBe('');
    const section = guestTuningSection([{ name: 'a', plan: planOf(2, '1') }, { name: 'b', plan: planOf(4, '2-3') }]);
    expect(section.split('\n').filter((l) => l.startsWith('| `'))).toEqual([
      '| `a` | `realtime-virtual-guest` | `1` | `0` | cloud-init, Secret `vm-guest-tuning` | `cyclictest -m -p95 -a 1 -t 1 --mainaffinity 0 -D 1h` |',
      '| `b` | `realtime-virtual-guest` | `2-3` | `0-1` | cloud-init, Secret `vm-guest-tuning` | `cyclictest -m -p95 -a 2-3 -t 2 --mainaffinity 0-1 -D 1h` |',
    ]);
  });
});
