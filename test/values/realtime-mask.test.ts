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
    expect(() => RealtimeMask.vcpus([4096])).toThrow(/VM_MASK_SYNTAX/);
  });

  test('refuses arguments of the wrong type at the typed boundary (issue 13)', () => {
    expect(() => RealtimeMask.vcpus([1.5])).toThrow('[PROP_TYPE_INVALID] RealtimeMask.vcpus(ids)[0]: got 1.5, expected a whole number');
    expect(() => RealtimeMask.vcpus('1' as unknown as number[])).toThrow(/\[PROP_TYPE_INVALID\] RealtimeMask.vcpus\(ids\): got "1"/);
    expect(() => RealtimeMask.vcpus([NaN])).toThrow(/\[PROP_TYPE_INVALID\]/);
    // A number was once turned into a mask text ("42"), and undefined into "undefined".
    expect(() => RealtimeMask.parse(42 as unknown as string)).toThrow('[PROP_TYPE_INVALID] RealtimeMask.parse(text): got 42, expected a string');
    expect(() => RealtimeMask.fromText(undefined as unknown as string)).toThrow(/\[PROP_REQUIRED\] RealtimeMask.fromText\(text\)/);
    expect(RealtimeMask.fromText('').selectsAll).toBe(true);
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

// --- Against a reference that does what virt-handler does ----------------------------------------------------------
// A line-by-line model of KubeVirt's ParseCPUMask / IsEnabled (pkg/hypervisor/common/vcpu.go): a map keyed by text,
// ranges expanded id by id (fine for the small ids generated here), negations always written, ids set only once.

/** unicode.IsSpace, the characters Go's strings.TrimSpace removes. */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const GO_INT64_MAX = BigInt('9223372036854775807');

function goTrimSpace(text: string): string {
  return text.replace(new RegExp(`^${GO_SPACE}+`), '').replace(new RegExp(`${GO_SPACE}+$`), '');
}

/** strconv.Atoi: the value, or Go's error text. */
function atoi(digits: string): bigint | string {
  const value = BigInt(digits);
  return value > GO_INT64_MAX ? `strconv.Atoi: parsing "${digits}": value out of range` : value;
}

function goParseCpuMask(mask: string): { mask: Map<string, boolean> } | { error: string } {
  const vcpus = new Map<string, boolean>();
  if (mask.length === 0) return { mask: vcpus };
  for (const i of mask.split(',')) {
    const m = goTrimSpace(i);
    let match: RegExpExecArray | null;
    if ((match = /^(\d+)-(\d+)$/.exec(m))) {
      const start = atoi(match[1]);
      if (typeof start === 'string') return { error: start };
      const end = atoi(match[2]);
      if (typeof end === 'string') return { error: end };
      if (start > end) return { error: `invalid mask range \`${start}-${end}\`` };
      for (let id = start; id <= end; id++) if (!vcpus.has(String(id))) vcpus.set(String(id), true);
    } else if ((match = /^(\d+)$/.exec(m))) {
      const id = atoi(match[1]);
      if (typeof id === 'string') return { error: id };
      if (!vcpus.has(match[1])) vcpus.set(match[1], true);
    } else if ((match = /^\^(\d+)$/.exec(m))) {
      const id = atoi(match[1]);
      if (typeof id === 'string') return { error: id };
      vcpus.set(match[1], false);
    } else {
      return { error: `invalid mask value '${i}' in '${mask}'` };
    }
  }
  return { mask: vcpus };
}

function goIsEnabled(mask: Map<string, boolean>, vcpuId: string): boolean {
  return mask.size === 0 ? true : mask.get(vcpuId) === true;
}

describe('RealtimeMask agrees with a model of virt-handler', () => {
  const id = fc.oneof(fc.nat(40).map(String), fc.constantFrom('0', '00', '01', '007', '10', '010'));
  const pad = fc.constantFrom('', '', ' ', '\t', '\u00a0', '\u0085', '\ufeff', '\u3000');
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(id, fc.nat(12)).map(([a, n]) => `${a}-${Number(a) + n}`) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => `${a}-${b}`) },
    { weight: 3, arbitrary: id },
    { weight: 3, arbitrary: id.map((a) => `^${a}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'a', '1-', '-1', '^-1', '^', '1 -2', '99999999999999999999', '1-99999999999999999999',
        '9223372036854775808-0', '^9223372036854775808', '9223372036854775807', '^0009223372036854775807', '３'),
    },
  );
  const maskText = fc.array(fc.tuple(pad, token, pad).map(([a, t, b]) => `${a}${t}${b}`), { maxLength: 7 }).map((ts) => ts.join(','));

  test('same error text, same enabled and disabled vCPUs, same token lists', () => {
    fc.assert(fc.property(maskText, fc.integer({ min: 1, max: 48 }), (text, count) => {
      const mask = RealtimeMask.fromText(text);
      const go = goParseCpuMask(text);
      if ('error' in go) {
        expect(mask.problem).toBe(go.error);
        expect(mask.isValid).toBe(false);
        expect(() => RealtimeMask.parse(text)).toThrow(go.error);
        return;
      }
      expect(mask.problem).toBeUndefined();
      const enabled = Array.from({ length: count }, (_, i) => i).filter((i) => goIsEnabled(go.mask, String(i)));
      expect(mask.enabledVcpus(count)).toEqual(enabled);
      for (let i = 0; i < count + 16; i++) expect(mask.isEnabled(i)).toBe(goIsEnabled(go.mask, String(i)));
      const disabled = [...go.mask].filter(([key, on]) => !on && String(Number(key)) === key).map(([key]) => Number(key));
      expect(mask.disabledVcpus()).toEqual(disabled.sort((a, b) => a - b));
      const tokens = text.length === 0 ? [] : text.split(',').map(goTrimSpace);
      expect(mask.unmatchableTokens()).toEqual(tokens.filter((t) => /^\^?0\d+$/.test(t)));
      expect(mask.outOfRangeTokens(count)).toEqual(tokens.filter((t) => {
        const ids = t.replace('^', '').split('-');
        return BigInt(ids[ids.length - 1]) >= BigInt(count);
      }));
    }), { numRuns: 1000 });
  });

  test('trims like Go: U+0085 is space, U+FEFF is not', () => {
    expect(RealtimeMask.parse('\u00851,\u00852\u0085').enabledVcpus(4)).toEqual([1, 2]);
    expect(RealtimeMask.fromText('\ufeff1').problem).toBe("invalid mask value '\ufeff1' in '\ufeff1'");
  });

  test('ranges are compared exactly beyond 2^53, as Go compares int64', () => {
    // Both ends round to the same double; Go sees start > end.
    expect(RealtimeMask.fromText('9007199254740993-9007199254740992').problem)
      .toBe('invalid mask range `9007199254740993-9007199254740992`');
    expect(RealtimeMask.fromText('0009007199254740992-9007199254740993').isValid).toBe(true);
  });

  test('a large id without leading zeros is not reported as unmatchable', () => {
    expect(RealtimeMask.parse('9223372036854775807,^9223372036854775807').unmatchableTokens()).toEqual([]);
  });
});

describe('RealtimeMask work is bounded (issue 13)', () => {
  /** The enabled ranges the mask computed for its queries. */
  function enabledRangesOf(mask: RealtimeMask): unknown[] | undefined {
    return (mask as unknown as { enabledRanges?: unknown[] }).enabledRanges;
  }

  test('MAX_VCPUS is 4096 and MAX_TEXT_CHARS 64 KiB', () => {
    expect(RealtimeMask.MAX_VCPUS).toBe(4096);
    expect(RealtimeMask.MAX_TEXT_CHARS).toBe(65536);
  });

  test('a 64 KiB mask of thousands of tokens answers every query for a 4096-vCPU VM from a handful of ranges', () => {
    const parts: string[] = [];
    for (let i = 0; parts.join(',').length < RealtimeMask.MAX_TEXT_CHARS - 40; i++) {
      parts.push(i % 3 === 0 ? `^${(i * 7) % 4096}` : `${(i * 13) % 4000}-${((i * 13) % 4000) + 90}`);
    }
    const text = parts.join(',');
    expect(text.length).toBeLessThanOrEqual(RealtimeMask.MAX_TEXT_CHARS);
    const mask = RealtimeMask.parse(text);
    const go = goParseCpuMask(text);
    if ('error' in go) throw new Error(go.error);
    const expected = Array.from({ length: 4096 }, (_, i) => i).filter((i) => goIsEnabled(go.mask, String(i)));
    expect(mask.enabledVcpus(4096)).toEqual(expected);
    expect(enabledRangesOf(mask)!.length).toBeLessThanOrEqual(parts.length);
    expect(mask.isEnabled(expected[0])).toBe(true);
    expect(mask.disabledVcpus().length).toBeGreaterThan(1000);
  });

  test('ranges reaching Go\'s int64 limit are never expanded', () => {
    const text = Array(2900).fill('0-9223372036854775807').join(',');
    const mask = RealtimeMask.parse(text);
    expect(mask.enabledVcpus(RealtimeMask.MAX_VCPUS)).toHaveLength(4096);
    expect(mask.isEnabled(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(enabledRangesOf(mask)).toHaveLength(1);
    expect(mask.outOfRangeTokens(4096)).toHaveLength(2900);
  });

  test('a mask over MAX_TEXT_CHARS is refused with VM_MASK_TOO_LONG (parse), or kept for synth (fromText)', () => {
    const text = '1,'.repeat(RealtimeMask.MAX_TEXT_CHARS / 2) + '1';
    expect(() => RealtimeMask.parse(text)).toThrow(`[VM_MASK_TOO_LONG] realtimeMask: got "${text.length} characters"`);
    const kept = RealtimeMask.fromText(text);
    expect(kept.isValid).toBe(false);
    expect(kept.problem).toContain('at most 65536 characters');
    expect(kept.outOfRangeTokens(2)).toEqual([]);
    expect(() => kept.enabledVcpus(2)).toThrow(/VM_MASK_TOO_LONG/);
    expect(() => RealtimeMask.parse('1,'.repeat(RealtimeMask.MAX_TEXT_CHARS / 2 - 1) + '1')).not.toThrow();
  });

  test('enabledVcpus refuses more vCPUs than MAX_VCPUS and gives nothing for counts that are not whole numbers ≥ 1', () => {
    expect(() => RealtimeMask.all().enabledVcpus(4097)).toThrow(/\[VM_VCPUS_ABOVE_LIMIT\] vcpus: got 4097, expected at most 4096 vCPUs/);
    expect(RealtimeMask.all().enabledVcpus(4096)).toHaveLength(4096);
    for (const count of [0, -1, 1.5, NaN, Infinity]) expect(RealtimeMask.parse('0-3').enabledVcpus(count)).toEqual([]);
  });

  test('isEnabled is false for values that are not vCPU ids', () => {
    for (const value of [-1, 1.5, NaN]) {
      expect(RealtimeMask.all().isEnabled(value)).toBe(false);
      expect(RealtimeMask.parse('0-3').isEnabled(value)).toBe(false);
    }
  });

  test('vcpus() accepts ids below MAX_VCPUS only, so its text always fits MAX_TEXT_CHARS', () => {
    expect(() => RealtimeMask.vcpus([4096])).toThrow(/VM_MASK_SYNTAX.*from 0 to 4095 \(got 4096/);
    const everyOther = RealtimeMask.vcpus(Array.from({ length: 2048 }, (_, i) => i * 2));
    expect(everyOther.text.length).toBeLessThan(RealtimeMask.MAX_TEXT_CHARS);
    expect(everyOther.enabledVcpus(4096)).toHaveLength(2048);
  });
});
