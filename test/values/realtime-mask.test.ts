import * as fc from 'fast-check';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { ValidationError } from '../../src/values/validation-error';

describe('RealtimeMask', () => {
  describe('KubeVirt parser cases (pkg/hypervisor/kvm/realtime_test.go, reference §5.32)', () => {
    test.each([
      ['0-2,5-6', [0, 1, 2, 5, 6], []],
      ['10-12 ,  20,21', [10, 11, 12, 20, 21], []],
      ['0-2,^1', [0, 2], [1]],
      ['^1,0-3,^3,4,5,6-8,^7', [0, 2, 4, 5, 6, 8], [1, 3, 7]],
      ['^0,0', [], [0]],
      ['0,^0,1', [1], [0]],
    ])('"%s" enables %j and disables %j', (text, enabled, disabled) => {
      const mask = RealtimeMask.parse(text);
      expect(mask.enabledVcpus(32)).toEqual(enabled);
      expect(mask.disabledVcpus()).toEqual(disabled);
      expect(mask.toString()).toBe(text);
    });

    test('an empty mask selects every vCPU', () => {
      const mask = RealtimeMask.parse('');
      expect(mask.selectsAll).toBe(true);
      expect(mask.enabledVcpus(4)).toEqual([0, 1, 2, 3]);
    });

    test('a mask with only negations selects no vCPU', () => {
      expect(RealtimeMask.parse('^3').enabledVcpus(8)).toEqual([]);
    });
  });

  describe('invalid masks carry virt-handler\'s message (reference §5.33)', () => {
    test.each([
      ['  ', "invalid mask value '  ' in '  '"],
      ['3,3a', "invalid mask value '3a' in '3,3a'"],
      ['1-0', 'invalid mask range `1-0`'],
      ['1-', "invalid mask value '1-' in '1-'"],
      ['-1', "invalid mask value '-1' in '-1'"],
      ['0,-1', "invalid mask value '-1' in '0,-1'"],
      ['^-1', "invalid mask value '^-1' in '^-1'"],
      [' , ', "invalid mask value ' ' in ' , '"],
      ['a-b', "invalid mask value 'a-b' in 'a-b'"],
      ['99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ])('"%s" → %s', (text, problem) => {
      expect(RealtimeMask.fromText(text).problem).toBe(problem);
      expect(() => RealtimeMask.parse(text)).toThrow(ValidationError);
      expect(() => RealtimeMask.parse(text)).toThrow(`[VM_MASK_SYNTAX] realtimeMask: got ${JSON.stringify(text)}`);
      expect(() => RealtimeMask.parse(text)).toThrow(problem);
    });

    test('fromText keeps a malformed mask for synth-time reporting; using it throws', () => {
      const mask = RealtimeMask.fromText('0-x');
      expect(mask.isValid).toBe(false);
      expect(() => mask.enabledVcpus(2)).toThrow(/VM_MASK_SYNTAX/);
    });
  });

  test('all() is the empty mask', () => {
    expect(RealtimeMask.all().text).toBe('');
    expect(RealtimeMask.all().enabledVcpus(3)).toEqual([0, 1, 2]);
  });

  test('vcpus() writes the ids canonically', () => {
    expect(RealtimeMask.vcpus([5, 0, 1, 2, 2]).toString()).toBe('0-2,5');
    expect(RealtimeMask.vcpus([1]).enabledVcpus(2)).toEqual([1]);
  });

  test('fails vcpus() without ids or with bad ids', () => {
    expect(() => RealtimeMask.vcpus([])).toThrow(/VM_MASK_SELECTS_NONE/);
    expect(() => RealtimeMask.vcpus([-1])).toThrow(/VM_MASK_SYNTAX/);
    expect(() => RealtimeMask.vcpus([1.5])).toThrow(/VM_MASK_SYNTAX/);
  });

  test('ids beyond the VM are ignored, like virt-handler does, and listed by outOfRangeTokens', () => {
    const mask = RealtimeMask.parse('1,3-5');
    expect(mask.enabledVcpus(4)).toEqual([1, 3]);
    expect(mask.outOfRangeTokens(4)).toEqual(['3-5']);
    expect(mask.outOfRangeTokens(6)).toEqual([]);
  });

  test('ids with leading zeros match no vCPU (virt-handler keys them by text), except in ranges', () => {
    const mask = RealtimeMask.parse('01,^03,02-04');
    expect(mask.enabledVcpus(8)).toEqual([2, 3, 4]);
    expect(mask.unmatchableTokens()).toEqual(['01', '^03']);
  });

  test('isEnabled answers per vCPU', () => {
    const mask = RealtimeMask.parse('0-2,^1');
    expect([0, 1, 2, 3].map((id) => mask.isEnabled(id))).toEqual([true, false, true, false]);
  });

  test('enabledVcpus follows virt-handler: an id is real-time when no ^id names it and a range or a single id does', () => {
    const token = fc.oneof(
      fc.tuple(fc.nat(12), fc.nat(4)).map(([a, n]) => ({ text: `${a}-${a + n}`, range: [a, a + n] as const })),
      fc.nat(12).map((a) => ({ text: `${a}`, single: `${a}` })),
      fc.constantFrom('01', '007').map((a) => ({ text: a, single: a })),
      fc.oneof(fc.nat(12).map(String), fc.constant('01')).map((a) => ({ text: `^${a}`, negation: a })),
    );
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 20 }), (tokens, count) => {
      const mask = RealtimeMask.fromText(tokens.map((t) => t.text).join(','));
      const expected: number[] = [];
      for (let id = 0; id < count; id++) {
        const key = String(id);
        const negated = tokens.some((t) => 'negation' in t && t.negation === key);
        const named = tokens.some((t) => ('range' in t && t.range![0] <= id && id <= t.range![1]) || ('single' in t && t.single === key));
        if (!negated && named) expected.push(id);
      }
      expect(mask.enabledVcpus(count)).toEqual(expected);
      expect(expected.every((id) => mask.isEnabled(id))).toBe(true);
    }), { numRuns: 300 });
  });

  test('ids beyond Go int64 are refused, long ids within it are not', () => {
    expect(RealtimeMask.fromText('9223372036854775808').problem).toContain('value out of range');
    expect(RealtimeMask.fromText('0009223372036854775807').isValid).toBe(true);
    expect(RealtimeMask.fromText('123456789012345678').isValid).toBe(true);
  });
});
