import { RealtimeMask } from '../../src/values/realtime-mask';
import { MAX_MASK_CHARS, MAX_VCPUS } from '../../src/values/vcpu-limits';

describe('vCPU ceilings', () => {
  test('RealtimeMask exposes the same ceilings the rules use', () => {
    expect(RealtimeMask.MAX_VCPUS).toBe(MAX_VCPUS);
    expect(RealtimeMask.MAX_TEXT_CHARS).toBe(MAX_MASK_CHARS);
  });

  test('the longest sensible mask (every vCPU named once and negated once) fits the text ceiling', () => {
    const ids = Array.from({ length: MAX_VCPUS }, (_, i) => i);
    const text = [...ids.map(String), ...ids.map((i) => `^${i}`)].join(',');
    expect(text).toHaveLength(42835);
    expect(text.length).toBeLessThan(MAX_MASK_CHARS);
    const mask = RealtimeMask.parse(text);
    expect(mask.enabledVcpus(MAX_VCPUS)).toEqual([]);
    expect(mask.disabledVcpus()).toEqual(ids);
  });
});
