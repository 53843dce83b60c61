// Ceilings that keep a credential scan linear and small on any input, hostile ones included. KubeVirt's admission
// webhook refuses more than 2 KiB of inline user data or network data (`cloudInitUserMaxLen`,
// `cloudInitNetworkMaxLen`, counted after base64 decoding), so every ceiling below is far above what a valid manifest
// can hold: they only ever stop inputs that KubeVirt would refuse or that try to exhaust the scanner. What a ceiling
// stops is reported as "uninspectable", never silently skipped.

/** Longest text of one field that is scanned (256 KiB): 128 times KubeVirt's 2 KiB limit. */
export const MAX_FIELD_CHARS = 256 * 1024;

/**
 * Characters of text read in one scan (512 KiB), shared by every field of a VM and counting decoded text again: the
 * text readers (patterns, shell, setting lines) cost up to about 1.5 µs per character on dense input.
 */
export const MAX_TEXT_CHARS = 512 * 1024;

/**
 * Bytes that decoding (base64, gzip, quoted-printable) may produce in one scan (1 MiB). Bounds gzip bombs: 2 KiB of
 * gzip can expand to megabytes.
 */
export const MAX_DECODED_BYTES = 1024 * 1024;

/** Containers inside containers (gzip in base64 in a MIME part in an archive ...): cloud-init needs 3 or 4. */
export const MAX_NESTING = 8;

/** MIME parts (at every level) in one scan: cloud-init has no limit, real user data has a handful. */
export const MAX_MIME_PARTS = 64;

/**
 * Characters of YAML parsed in one scan (128 KiB): 64 times KubeVirt's limit. The parser costs up to about 2 µs per
 * character, so this bounds the parsing time of one scan to about a quarter of a second.
 */
export const MAX_YAML_CHARS = 128 * 1024;

/** YAML documents in one text (`---` separators); cloud-init reads one. */
export const MAX_YAML_DOCUMENTS = 16;

/**
 * Nesting of YAML collections. Checked on the parser's flat token stream before the (recursive) composer runs: a
 * few thousand levels overflow the stack inside the composer, and near the stack limit V8 may abort the whole process
 * (a fatal "RegExpCompiler Allocation failed") instead of throwing.
 */
export const MAX_YAML_DEPTH = 64;

/** YAML nodes visited in one scan. */
export const MAX_YAML_NODES = 50_000;

/** Indicators kept per field; more are counted in a last "and N more" indicator (messages stay readable). */
export const MAX_INDICATORS = 50;

/** Work left in one scan: decoded bytes, text and YAML characters, MIME parts and YAML nodes. */
export class ScanBudget {
  /** A fresh budget with the ceilings above. */
  public static standard(): ScanBudget {
    return new ScanBudget(MAX_DECODED_BYTES, MAX_TEXT_CHARS, MAX_YAML_CHARS, MAX_MIME_PARTS, MAX_YAML_NODES);
  }

  private constructor(
    private decodedBytes: number,
    private textChars: number,
    private yamlChars: number,
    private mimeParts: number,
    private yamlNodes: number,
  ) {}

  /** Bytes decoding may still produce. */
  public get decodedBytesLeft(): number {
    return this.decodedBytes;
  }

  /** Takes `n` decoded bytes; false (and nothing taken) when fewer are left. */
  public takeDecodedBytes(n: number): boolean {
    if (n > this.decodedBytes) return false;
    this.decodedBytes -= n;
    return true;
  }

  /** Takes `n` characters of text reading; false (and nothing taken) when fewer are left. */
  public takeTextChars(n: number): boolean {
    if (n > this.textChars) return false;
    this.textChars -= n;
    return true;
  }

  /** Takes `n` characters of YAML parsing; false (and nothing taken) when fewer are left. */
  public takeYamlChars(n: number): boolean {
    if (n > this.yamlChars) return false;
    this.yamlChars -= n;
    return true;
  }

  /** Takes one MIME part; false when none is left. */
  public takeMimePart(): boolean {
    if (this.mimeParts <= 0) return false;
    this.mimeParts -= 1;
    return true;
  }

  /** Takes one YAML node visit; false when none is left. */
  public takeYamlNode(): boolean {
    if (this.yamlNodes <= 0) return false;
    this.yamlNodes -= 1;
    return true;
  }
}
