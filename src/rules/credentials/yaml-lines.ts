import { credentialKeyRule, CredentialKind, isPlaceholderSecret, isRuntimeReference } from './credential-keys';

// The fallback for YAML that does not parse (or hits a ceiling): credential keys found line by line, comments
// removed. Less exact than the walker (no aliases, no escapes, `chpasswd` not judged), so the scan also reports the
// text as uninspectable; but a broken document still has its credentials in the manifest.

/** `key:` in block or flow style: at line start, after `- `, `? `, `{` or `,`; optionally quoted. */
const KEY = /(?:^|[\s{,[-])["']?([A-Za-z_][A-Za-z0-9_-]{0,63})["']?[ \t]{0,8}:(?=\s|$)/g;

/** The value after a key, up to a flow separator (read in place: no copy of the rest of the line per key). */
const VALUE = /[ \t]{0,64}([^,}\]]{0,256})/y;

/** Descriptions (`key "password"`) of the credential keys written in `text`, each once, in order. */
export function credentialKeysInLines(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    for (const m of line.matchAll(KEY)) {
      const rule = credentialKeyRule(m[1], []);
      if (rule === undefined || rule.kind === CredentialKind.CHPASSWD) continue;
      VALUE.lastIndex = (m.index ?? 0) + m[0].length;
      const value = (VALUE.exec(line)?.[1] ?? '').trim().replace(/^["']|["']$/g, '');
      if (value === '') {
        // A nested block follows: a list of keys is a credential, a mapping under `password:` cannot be judged.
        if (rule.kind === CredentialKind.PUBLIC_KEYS || rule.kind === CredentialKind.SSH_HOST_KEYS) found.add(`key "${rule.name}"`);
      } else if (/^[|>][-+0-9]*$/.test(value) || (!isPlaceholderSecret(value) && !isRuntimeReference(value) && !/^(?:null|~|false|no|off)$/i.test(value))) {
        found.add(`key "${rule.name}"`);
      }
    }
  }
  return [...found];
}
