// Credentials recognisable in any text, whatever the format around them: key blocks, crypt hashes, SSH keys, URLs
// with a password. The patterns are specific enough to be searched everywhere (scripts, files, YAML values) and use
// only bounded repetitions, so each search is linear in the text.

const SALT = '[./0-9A-Za-z]';

/** Each pattern with the description used in messages. */
const TEXT_PATTERNS: Array<[string, RegExp]> = [
  ['a private key block', /-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-\d+:/],
  // crypt(3) hashes as written to /etc/shadow: MD5 ($1$), SHA-256 ($5$), SHA-512 ($6$), bcrypt ($2a$ $2b$ $2x$ $2y$),
  // yescrypt ($y$), gost-yescrypt ($gy$) and scrypt ($7$). A hash is a credential: it can be cracked offline.
  ['a password hash', new RegExp([
    `\\$1\\$${SALT}{1,8}\\$${SALT}{22}`,
    `\\$[56]\\$(?:rounds=\\d{1,9}\\$)?${SALT}{1,16}\\$${SALT}{43,86}`,
    `\\$2[abxy]?\\$\\d{2}\\$${SALT}{53}`,
    `\\$(?:y|gy|7)\\$${SALT}{1,64}\\$${SALT}{1,128}\\$${SALT}{43}`,
  ].map((p) => `(?:${p})(?!${SALT})`).join('|'))],
  ['an SSH public key', /\b(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s{1,16}AAAA[0-9A-Za-z+/]/],
  // scheme://user:password@host, unless the password is a variable or a template expanded at boot.
  ['a URL with a password', /\b[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/@:'"]{1,256}:(?![$%{])[^\s/@'"]{1,256}@/],
];

/** Descriptions of the credential patterns found in `text`, in a fixed order. */
export function textPatternsIn(text: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of TEXT_PATTERNS) {
    if (pattern.test(text)) found.push(what);
  }
  return found;
}
