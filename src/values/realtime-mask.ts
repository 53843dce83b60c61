import { error, Finding } from './finding';
import { checkValue, Prop } from './prop-check';
import { ValidationError } from './validation-error';
import { MAX_MASK_CHARS, MAX_VCPUS, VCPU_LIMIT_REASON } from './vcpu-limits';

// The grammar and semantics mirror KubeVirt v1.9 `pkg/hypervisor/common/vcpu.go` ParseCPUMask, which virt-handler
// runs when the VMI starts. No admission webhook checks the mask, so a bad one only shows up as a failed VMI; this
// class lets the library check it at synth time instead.
const RANGE = /^(\d+)-(\d+)$/;
const SINGLE = /^(\d+)$/;
const NEGATION = /^\^(\d+)$/;
/** Go's strconv.Atoi limit (int64 on the platforms KubeVirt runs on), as digits. */
const GO_INT_MAX = '9223372036854775807';

/** One comma-separated part of a mask. */
interface MaskToken {
  /** The token as written (untrimmed), for messages. */
  readonly raw: string;
  readonly kind: 'range' | 'single' | 'negation';
  /** First id (range start, or the single/negated id). */
  readonly start: number;
  /** Last id (equal to `start` for single and negated ids). */
  readonly end: number;
  /**
   * The id as virt-handler keys it: ranges are re-printed with strconv.Itoa (so `01-02` means 1-2), but single and
   * negated ids keep their digits as written, so `01` never matches vCPU `1` (it matches no vCPU at all).
   */
  readonly key: string;
}

/** An inclusive run of enabled vCPU ids. */
interface VcpuRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Which vCPUs of a VM run with the real-time scheduling policy (KubeVirt `spec.domain.cpu.realtime.mask`).
 *
 * The text uses KubeVirt's grammar: comma-separated tokens, each trimmed, that are a range `A-B`, a vCPU id `N` or a
 * negation `^N`. A negation always wins, whatever its position; when the mask is not empty only the ids it enables
 * are real-time (so `^3` alone selects no vCPU); an empty mask selects every vCPU.
 *
 * Cost is bounded on any text: the enabled vCPUs are computed once per mask as ranges (ranges and single ids, minus
 * negations), so queries never walk every vCPU against every token. Texts longer than `MAX_TEXT_CHARS` are refused.
 */
export class RealtimeMask {
  /**
   * The most vCPUs a VM can have: 4096, the ceiling of QEMU's x86_64 q35 machine (QEMU ≥ 9.0) and of KVM on x86.
   *
   * KVM's CONFIG_KVM_MAX_NR_VCPUS is at most 4096; QEMU commit e4e98c7eebfa raised q35's max_cpus to 4096.
   * `enabledVcpus` refuses larger counts.
   */
  public static readonly MAX_VCPUS = MAX_VCPUS;

  /**
   * The longest mask text the library reads: 65,536 characters (64 KiB).
   *
   * A mask naming each of the 4096 vCPUs once and negating each once is 42,835 characters. Longer texts are refused
   * with `VM_MASK_TOO_LONG`.
   */
  public static readonly MAX_TEXT_CHARS = MAX_MASK_CHARS;

  /** Every vCPU is real-time (emitted as `realtime: {}`). */
  public static all(): RealtimeMask {
    return new RealtimeMask('');
  }

  /**
   * Parses a mask written in KubeVirt's grammar, e.g. `0-2,^1`. Throws a ValidationError (`VM_MASK_SYNTAX`) with
   * virt-handler's own message when the text is malformed, or `VM_MASK_TOO_LONG` above `MAX_TEXT_CHARS`; `''` means
   * every vCPU.
   *
   * @param text the mask
   */
  public static parse(text: string): RealtimeMask {
    checkValue(text, Prop.string(true), 'RealtimeMask.parse(text)');
    const mask = new RealtimeMask(text);
    const problem = maskProblemFinding('realtimeMask', mask, FIX_IN_CODE);
    if (problem) throw new ValidationError([problem]);
    return mask;
  }

  /**
   * Keeps a mask text without checking it now: a malformed text is reported when the app is synthesized, together
   * with every other error (use it for masks read from configuration). Prefer `parse` in code.
   *
   * @param text the mask
   */
  public static fromText(text: string): RealtimeMask {
    checkValue(text, Prop.string(true), 'RealtimeMask.fromText(text)');
    return new RealtimeMask(text);
  }

  /**
   * The mask that enables exactly the given vCPU ids (written canonically, e.g. `[0, 1, 2, 5]` → `0-2,5`).
   *
   * @param ids vCPU ids (whole numbers from 0 to `MAX_VCPUS - 1`); at least one
   */
  public static vcpus(ids: number[]): RealtimeMask {
    checkValue(ids, VCPU_IDS, 'RealtimeMask.vcpus(ids)');
    if (ids.length === 0) {
      throw new ValidationError([error('VM_MASK_SELECTS_NONE', 'realtimeMask', ids, 'at least one vCPU id',
        'list the vCPUs that must run real-time, or use RealtimeMask.all()')]);
    }
    for (const id of ids) {
      if (id < 0 || id >= MAX_VCPUS) {
        throw new ValidationError([error('VM_MASK_SYNTAX', 'realtimeMask', ids.length > 32 ? `${ids.length} ids` : ids,
          `vCPU ids that are whole numbers from 0 to ${MAX_VCPUS - 1} (got ${id}; a VM has at most ${MAX_VCPUS} vCPUs ${VCPU_LIMIT_REASON})`,
          'list the ids of vCPUs the VM has, e.g. RealtimeMask.vcpus([1, 2, 3])')]);
      }
    }
    // Ids below 4096 print in at most 19,369 characters, so the text is always under MAX_TEXT_CHARS.
    const sorted = Uint16Array.from(ids).sort();
    const parts: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] <= sorted[j] + 1) j++;
      parts.push(sorted[j] === sorted[i] ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
      i = j + 1;
    }
    return new RealtimeMask(parts.join(','));
  }

  /** The mask text as emitted in `realtime.mask` (`''` for every vCPU, emitted as `realtime: {}`). */
  public readonly text: string;

  /**
   * Why the mask cannot be used, or undefined when it is valid.
   *
   * virt-handler's error message when the text is malformed, or the length ceiling when the text is longer than
   * `MAX_TEXT_CHARS`.
   */
  public readonly problem?: string;

  private readonly tokens: MaskToken[];
  /** The enabled vCPU ids as sorted, disjoint ranges; computed on first use (masks are immutable). */
  private enabledRanges?: VcpuRange[];

  private constructor(text: string) {
    this.text = text;
    const parsed = this.text.length > MAX_MASK_CHARS ? { tokens: [], problem: tooLongProblem(this.text.length) } : parseTokens(this.text);
    this.tokens = parsed.tokens;
    this.problem = parsed.problem;
  }

  /** True when the mask is empty: every vCPU is real-time. */
  public get selectsAll(): boolean {
    return this.text.length === 0;
  }

  /** True when virt-handler accepts the text (and it is within `MAX_TEXT_CHARS`). */
  public get isValid(): boolean {
    return this.problem === undefined;
  }

  /**
   * The tokens (trimmed, as written) that name a vCPU id the VM does not have: an id ≥ `vcpuCount`, or a range
   * reaching past it. virt-handler silently ignores such ids, which usually hides a typo.
   *
   * @param vcpuCount the number of vCPUs of the VM
   */
  public outOfRangeTokens(vcpuCount: number): string[] {
    checkValue(vcpuCount, NUMBER, 'RealtimeMask.outOfRangeTokens(vcpuCount)');
    return this.tokens.filter((t) => t.end >= vcpuCount).map((t) => goTrimSpace(t.raw));
  }

  /**
   * The single or negated ids written with leading zeros (`01`, `^007`). virt-handler keys them by their text, so
   * they never match a vCPU: `01` selects nothing and `^01` disables nothing.
   */
  public unmatchableTokens(): string[] {
    return this.tokens.filter((t) => t.kind !== 'range' && hasLeadingZero(t.key)).map((t) => goTrimSpace(t.raw));
  }

  /**
   * True when vCPU `vcpuId` is real-time under this mask.
   *
   * Ids the VM does not have are simply never queried by virt-handler. Values that are not whole numbers ≥ 0 name no
   * vCPU and give false. A malformed mask throws.
   */
  public isEnabled(vcpuId: number): boolean {
    this.assertValid();
    if (!Number.isSafeInteger(vcpuId) || vcpuId < 0) return false;
    if (this.selectsAll) return true;
    const ranges = this.enabled();
    // Binary search for the last range starting at or before the id.
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (ranges[mid].start <= vcpuId) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && vcpuId <= ranges[hi].end;
  }

  /**
   * The real-time vCPU ids of a VM with `vcpuCount` vCPUs, ascending. A malformed mask throws; so does a count above
   * `MAX_VCPUS` (`VM_VCPUS_ABOVE_LIMIT`: no x86_64 VM can have that many vCPUs). A count that is not a whole number
   * ≥ 1 gives no ids.
   *
   * @param vcpuCount the number of vCPUs of the VM
   */
  public enabledVcpus(vcpuCount: number): number[] {
    this.assertValid();
    if (!Number.isSafeInteger(vcpuCount) || vcpuCount <= 0) return [];
    if (vcpuCount > MAX_VCPUS) {
      throw new ValidationError([error('VM_VCPUS_ABOVE_LIMIT', 'vcpus', vcpuCount, `at most ${MAX_VCPUS} vCPUs ${VCPU_LIMIT_REASON}`,
        `give the VM at most ${MAX_VCPUS} vCPUs`)]);
    }
    const ids: number[] = [];
    if (this.selectsAll) {
      for (let id = 0; id < vcpuCount; id++) ids.push(id);
      return ids;
    }
    for (const r of this.enabled()) {
      if (r.start >= vcpuCount) break;
      for (let id = r.start; id <= r.end && id < vcpuCount; id++) ids.push(id);
    }
    return ids;
  }

  /** The vCPU ids the mask explicitly disables with `^N` (ascending; ids written with leading zeros excluded). */
  public disabledVcpus(): number[] {
    this.assertValid();
    const ids = Float64Array.from(this.tokens.filter((t) => t.kind === 'negation' && !hasLeadingZero(t.key)), (t) => t.start).sort();
    return Array.from(ids).filter((id, i) => i === 0 || id !== ids[i - 1]);
  }

  /** The mask text as emitted. */
  public toString(): string {
    return this.text;
  }

  private enabled(): VcpuRange[] {
    if (this.enabledRanges === undefined) this.enabledRanges = enabledRangesOf(this.tokens);
    return this.enabledRanges;
  }

  private assertValid(): void {
    const problem = maskProblemFinding('realtimeMask', this, FIX_IN_CODE);
    if (problem) throw new ValidationError([problem]);
  }
}

/**
 * vCPU ids as `vcpus` takes them: whole numbers (their range is VM_MASK_SYNTAX's business). Duplicates are allowed, so
 * the list may be longer than the 4096 possible ids; the cap only bounds the work on a hostile list.
 */
const VCPU_IDS = Prop.arrayOf(Prop.wholeNumber(), 1024 * 1024);

/** Any number (a vCPU count that is not a whole number simply names no vCPU). */
const NUMBER = Prop.satisfies('a number', (v) => typeof v === 'number', 'pass the VM\'s vCPU count');

const FIX_IN_CODE = 'write comma-separated vCPU ids "N", ranges "A-B" (A ≤ B) and negations "^N", or use RealtimeMask.vcpus([...])';

/**
 * The error finding for a mask that cannot be used (undefined when it can): `VM_MASK_TOO_LONG` above the length
 * ceiling, else `VM_MASK_SYNTAX` with virt-handler's message. The VM rules report masks kept by `fromText` with it.
 *
 * @param field the field the mask is in
 * @param mask the mask
 * @param fix how to fix a malformed text
 */
export function maskProblemFinding(field: string, mask: RealtimeMask, fix: string): Finding | undefined {
  if (mask.problem === undefined) return undefined;
  if (mask.text.length > MAX_MASK_CHARS) {
    return error('VM_MASK_TOO_LONG', field, `${mask.text.length} characters`,
      `a mask of at most ${MAX_MASK_CHARS} characters (one naming each of the ${MAX_VCPUS} possible vCPUs once and negating each once is 42,835)`,
      'write the real-time vCPUs as ranges, e.g. "1-3", or build the mask with RealtimeMask.vcpus([...])');
  }
  return error('VM_MASK_SYNTAX', field, mask.text, `a KubeVirt vCPU mask such as "0-2,^1" (virt-handler: ${mask.problem})`, fix);
}


function tooLongProblem(length: number): string {
  return `the mask is ${length} characters long; this library reads masks of at most ${MAX_MASK_CHARS} characters`;
}

/** Parses the text like virt-handler; the first error stops parsing, as in Go. */
function parseTokens(mask: string): { tokens: MaskToken[]; problem?: string } {
  const tokens: MaskToken[] = [];
  if (mask.length === 0) return { tokens };
  for (const raw of mask.split(',')) {
    const m = goTrimSpace(raw);
    const range = RANGE.exec(m);
    const single = range ? null : SINGLE.exec(m);
    const negation = range || single ? null : NEGATION.exec(m);
    const digits = range ? [range[1], range[2]] : single ? [single[1]] : negation ? [negation[1]] : undefined;
    if (!digits) return { tokens, problem: `invalid mask value '${raw}' in '${mask}'` };
    const tooBig = digits.find(exceedsGoInt);
    if (tooBig !== undefined) return { tokens, problem: `strconv.Atoi: parsing "${tooBig}": value out of range` };
    if (range) {
      const [start, end] = [withoutLeadingZeros(range[1]), withoutLeadingZeros(range[2])];
      // Compared as digit strings: ids above 2^53 (Go allows up to 2^63-1) would round as numbers.
      if (compareDigits(start, end) > 0) return { tokens, problem: `invalid mask range \`${start}-${end}\`` };
      tokens.push({ raw, kind: 'range', start: Number(start), end: Number(end), key: `${start}-${end}` });
    } else {
      const key = digits[0];
      const id = Number(key);
      tokens.push({ raw, kind: single ? 'single' : 'negation', start: id, end: id, key });
    }
  }
  return { tokens };
}

/**
 * virt-handler's verdict for every vCPU id at once: enabled when a range or a single id (keyed without leading zeros)
 * names it and no negation does. Cost O(t log t) for t tokens, whatever the ranges span. Ids above
 * Number.MAX_SAFE_INTEGER are left out: no vCPU has them, and they would not compare exactly.
 */
function enabledRangesOf(tokens: MaskToken[]): VcpuRange[] {
  const named: VcpuRange[] = [];
  const negated: number[] = [];
  for (const t of tokens) {
    if (t.start > Number.MAX_SAFE_INTEGER || (t.kind !== 'range' && hasLeadingZero(t.key))) continue;
    if (t.kind === 'negation') negated.push(t.start);
    else named.push({ start: t.start, end: Math.min(t.end, Number.MAX_SAFE_INTEGER) });
  }
  named.sort((a, b) => a.start - b.start);
  negated.sort((a, b) => a - b);
  const merged: VcpuRange[] = [];
  for (const r of named) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.start <= last.end + 1) {
      if (r.end > last.end) merged[merged.length - 1] = { start: last.start, end: r.end };
    } else {
      merged.push(r);
    }
  }
  // Cut the negated ids out of the merged ranges, walking both sorted lists once.
  const enabled: VcpuRange[] = [];
  let k = 0;
  for (const r of merged) {
    let start = r.start;
    while (k < negated.length && negated[k] < start) k++;
    while (k < negated.length && negated[k] <= r.end) {
      if (negated[k] > start) enabled.push({ start, end: negated[k] - 1 });
      start = Math.max(start, negated[k] + 1);
      k++;
    }
    if (start <= r.end) enabled.push({ start, end: r.end });
  }
  return enabled;
}

/** Whether a digit string is above Go's int64 (what strconv.Atoi refuses), compared as text: no BigInt, any length. */
function exceedsGoInt(digits: string): boolean {
  return compareDigits(withoutLeadingZeros(digits), GO_INT_MAX) > 0;
}

/** Compares two digit strings without leading zeros by value. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The digits as strconv.Itoa prints their value (`007` → `7`, `000` → `0`). */
function withoutLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits[i] === '0') i++;
  return digits.slice(i);
}

function hasLeadingZero(digits: string): boolean {
  return digits.length > 1 && digits[0] === '0';
}

/**
 * Go's strings.TrimSpace: trims what unicode.IsSpace calls space. That differs from String.prototype.trim in two
 * characters: Go trims U+0085 (NEL) and keeps U+FEFF (BOM); JavaScript does the opposite.
 */
function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isGoSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
