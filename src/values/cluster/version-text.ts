// Shared by KubeVirtVersion and HcoVersion; not part of the public API.

/** `v1.5.2`, `1.5`, `1.6.0-rc.1`: optional `v`, two or three numbers without leading zeros, optional suffix. */
const VERSION_PATTERN = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:[-+][0-9A-Za-z.+-]+)?$/;

/** Numbers parsed from a version text, or undefined when the text is not a version. */
export function parseVersionNumbers(text: string): { major: number; minor: number; patch: number } | undefined {
  const m = VERSION_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const n = { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
  // A number too long to hold exactly would print as 1e+21 or Infinity: no release is numbered like that.
  return [n.major, n.minor, n.patch].every(Number.isSafeInteger) ? n : undefined;
}
