import { error } from './finding';
import { ValidationError } from './validation-error';

// The grammar and semantics mirror KubeVirt v1.9 `pkg/hypervisor/common/vcpu.go` ParseCPUMask, which virt-handler
// runs when the VMI starts. No admission webhook checks the mask, so a bad one only shows up as a failed VMI; this
// class lets the library check it at synth time instead.
const RANGE = /^(\d+)-(\d+)$/;
const SINGLE = /^(\d+)$/;
const NEGATION = /^\^(\d+)$/;
/** Go's strconv.Atoi limit (int64 on the platforms KubeVirt runs on). */
const GO_INT_MAX = BigInt('9223372036854775807');

/** Whether a digit string is above Go's int64 (what strconv.Atoi refuses). Up to 18 digits never is: no BigInt then. */
function exceedsGoInt(digits: string): boolean {
  return digits.length > 18 && BigInt(digits) > GO_INT_MAX;
}

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

/**
 * Which vCPUs of a VM run with the real-time scheduling policy (KubeVirt `spec.domain.cpu.realtime.mask`).
 *
 * The text uses KubeVirt's grammar: comma-separated tokens, each trimmed, that are a range `A-B`, a vCPU id `N` or a
 * negation `^N`. A negation always wins, whatever its position; when the mask is not empty only the ids it enables
 * are real-time (so `^3` alone selects no vCPU); an empty mask selects every vCPU.
 */
export class RealtimeMask {
  /** Every vCPU is real-time (emitted as `realtime: {}`). */
  public static all(): RealtimeMask {
    return new RealtimeMask('');
  }

  /**
   * Parses a mask written in KubeVirt's grammar, e.g. `0-2,^1`. Throws a ValidationError (`VM_MASK_SYNTAX`) with
   * virt-handler's own message when the text is malformed; `''` means every vCPU.
   *
   * @param text the mask
   */
  public static parse(text: string): RealtimeMask {
    const mask = new RealtimeMask(text);
    if (mask.problem !== undefined) {
      throw new ValidationError([syntaxFinding('realtimeMask', text, mask.problem)]);
    }
    return mask;
  }

  /**
   * Keeps a mask text without checking it now: a malformed text is reported when the app is synthesized, together
   * with every other error (use it for masks read from configuration). Prefer `parse` in code.
   *
   * @param text the mask
   */
  public static fromText(text: string): RealtimeMask {
    return new RealtimeMask(text);
  }

  /**
   * The mask that enables exactly the given vCPU ids (written canonically, e.g. `[0, 1, 2, 5]` → `0-2,5`).
   *
   * @param ids vCPU ids (whole numbers ≥ 0); at least one
   */
  public static vcpus(ids: number[]): RealtimeMask {
    if (!Array.isArray(ids) || ids.length === 0) {
      throw new ValidationError([error('VM_MASK_SELECTS_NONE', 'realtimeMask', ids, 'at least one vCPU id',
        'list the vCPUs that must run real-time, or use RealtimeMask.all()')]);
    }
    for (const id of ids) {
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
        throw new ValidationError([syntaxFinding('realtimeMask', ids, `vCPU ids that are whole numbers ≥ 0 (got ${id})`)]);
      }
    }
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
      i = j + 1;
    }
    return new RealtimeMask(parts.join(','));
  }

  /** The mask text as emitted in `realtime.mask` (`''` for every vCPU, emitted as `realtime: {}`). */
  public readonly text: string;

  /** virt-handler's error message when the text is malformed; undefined when it is valid. */
  public readonly problem?: string;

  private readonly tokens: MaskToken[];

  private constructor(text: string) {
    this.text = typeof text === 'string' ? text : String(text);
    const parsed = parseTokens(this.text);
    this.tokens = parsed.tokens;
    this.problem = parsed.problem;
  }

  /** True when the mask is empty: every vCPU is real-time. */
  public get selectsAll(): boolean {
    return this.text.length === 0;
  }

  /** True when virt-handler accepts the text. */
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
    return this.tokens.filter((t) => t.end >= vcpuCount).map((t) => t.raw.trim());
  }

  /**
   * The single or negated ids written with leading zeros (`01`, `^007`). virt-handler keys them by their text, so
   * they never match a vCPU: `01` selects nothing and `^01` disables nothing.
   */
  public unmatchableTokens(): string[] {
    return this.tokens.filter((t) => t.kind !== 'range' && t.key !== String(t.start)).map((t) => t.raw.trim());
  }

  /**
   * True when vCPU `vcpuId` is real-time under this mask (ids the VM does not have are simply never queried by
   * virt-handler). A malformed mask throws.
   */
  public isEnabled(vcpuId: number): boolean {
    this.assertValid();
    if (this.selectsAll) return true;
    return this.enables(vcpuId, String(vcpuId));
  }

  /**
   * The real-time vCPU ids of a VM with `vcpuCount` vCPUs, ascending. A malformed mask throws.
   *
   * @param vcpuCount the number of vCPUs of the VM
   */
  public enabledVcpus(vcpuCount: number): number[] {
    this.assertValid();
    const count = Number.isSafeInteger(vcpuCount) && vcpuCount > 0 ? vcpuCount : 0;
    const ids: number[] = [];
    for (let id = 0; id < count; id++) if (this.selectsAll || this.enables(id, String(id))) ids.push(id);
    return ids;
  }

  /** virt-handler's test for one id (`key` is its text): not negated, and in a range or named by a single id. */
  private enables(vcpuId: number, key: string): boolean {
    let enabled = false;
    for (const t of this.tokens) {
      if (t.kind === 'negation') {
        if (t.key === key) return false;
      } else if (t.kind === 'range' ? t.start <= vcpuId && vcpuId <= t.end : t.key === key) {
        enabled = true;
      }
    }
    return enabled;
  }

  /** The vCPU ids the mask explicitly disables with `^N` (ascending; ids written with leading zeros excluded). */
  public disabledVcpus(): number[] {
    this.assertValid();
    const ids = this.tokens.filter((t) => t.kind === 'negation' && t.key === String(t.start)).map((t) => t.start);
    return [...new Set(ids)].sort((a, b) => a - b);
  }

  /** The mask text as emitted. */
  public toString(): string {
    return this.text;
  }

  private assertValid(): void {
    if (this.problem !== undefined) {
      throw new ValidationError([syntaxFinding('realtimeMask', this.text, this.problem)]);
    }
  }
}

function syntaxFinding(field: string, value: unknown, problem: string) {
  return error('VM_MASK_SYNTAX', field, value, `a KubeVirt vCPU mask such as "0-2,^1" (virt-handler: ${problem})`,
    'write comma-separated vCPU ids "N", ranges "A-B" (A ≤ B) and negations "^N", or use RealtimeMask.vcpus([...])');
}

/** Parses the text like virt-handler; the first error stops parsing, as in Go. */
function parseTokens(mask: string): { tokens: MaskToken[]; problem?: string } {
  const tokens: MaskToken[] = [];
  if (mask.length === 0) return { tokens };
  for (const raw of mask.split(',')) {
    const m = raw.trim();
    const range = RANGE.exec(m);
    const single = range ? null : SINGLE.exec(m);
    const negation = range || single ? null : NEGATION.exec(m);
    const digits = range ? [range[1], range[2]] : single ? [single[1]] : negation ? [negation[1]] : undefined;
    if (!digits) return { tokens, problem: `invalid mask value '${raw}' in '${mask}'` };
    const tooBig = digits.find(exceedsGoInt);
    if (tooBig !== undefined) return { tokens, problem: `strconv.Atoi: parsing "${tooBig}": value out of range` };
    if (range) {
      const start = Number(range[1]);
      const end = Number(range[2]);
      if (start > end) return { tokens, problem: `invalid mask range \`${range[1].replace(/^0+(?=\d)/, '')}-${range[2].replace(/^0+(?=\d)/, '')}\`` };
      tokens.push({ raw, kind: 'range', start, end, key: `${start}-${end}` });
    } else {
      const key = digits[0];
      const id = Number(key);
      tokens.push({ raw, kind: single ? 'single' : 'negation', start: id, end: id, key });
    }
  }
  return { tokens };
}
