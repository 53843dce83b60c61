import { credentialKeyRule, CredentialKind, isFilePath, isPlaceholderSecret, isRuntimeReference } from './credential-keys';

// Settings written line by line in the files cloud-init writes or the scripts it runs, for the formats where a
// password setting is unambiguous: `name=value` (shell variables, INI, NetworkManager keyfiles, wpa_supplicant,
// WireGuard), `name: value` (YAML-like, JSON-like), `wpa-psk value` (ifupdown) and `.netrc` (`password value`).
// Only names that hold secrets count (see credential-keys.ts), and never a value read at boot (`$VAR`, `{{ x }}`).

/** `[export ]name = value` or `name: value`; the name may be quoted and dotted (`spring.datasource.password=`). */
const ASSIGNMENT = /^\s*(?:(?:export|local|readonly|declare(?:\s+-[A-Za-z]{1,8})?)\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]{0,127})["']?\s{0,32}(?:=|:(?=\s|$))(.*)$/;
/** ifupdown (`/etc/network/interfaces`) wireless options. */
const IFUPDOWN = /^\s*(wpa-psk|wpa-password)\s+\S/;
/** A `.netrc` entry: a `machine` (or `default`) line with a `password` token. */
const NETRC_ENTRY = /(?:^|\s)(?:machine|default)(?:\s|$)/;
const NETRC_PASSWORD = /(?:^|\s)password\s+\S/;

/** The words that mean "no value" in the formats above. */
const EMPTY_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'none', 'null', '~']);

/** Descriptions (`a "password" setting`) of the secret settings written in `text`, each once, in order. */
export function secretSettingsIn(text: string): string[] {
  const found = new Set<string>();
  for (const line of text.split(/\r?\n|\r/)) {
    if (IFUPDOWN.test(line)) found.add('a "wpa-psk" setting');
    if (NETRC_ENTRY.test(line) && NETRC_PASSWORD.test(line)) found.add('a ".netrc" password');
    const m = ASSIGNMENT.exec(line);
    if (m === null) continue;
    const name = m[1].split('.').pop() ?? '';
    const rule = credentialKeyRule(name, []);
    if (rule === undefined || (rule.kind !== CredentialKind.SECRET && rule.kind !== CredentialKind.SECRET_OR_PATH)) continue;
    const value = settingValue(m[2]);
    if (EMPTY_WORDS.has(value.toLowerCase())) continue;
    if (isPlaceholderSecret(value) || isRuntimeReference(value)) continue;
    if (rule.kind === CredentialKind.SECRET_OR_PATH && isFilePath(value)) continue;
    found.add(`a "${rule.name}" setting`);
  }
  return [...found];
}

/** The value of a setting: comment, trailing comma and enclosing quotes removed. */
function settingValue(rest: string): string {
  let v = rest.replace(/\s[#;].*$/, '').trim().replace(/,$/, '').trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) v = v.slice(1, -1);
  return v;
}
