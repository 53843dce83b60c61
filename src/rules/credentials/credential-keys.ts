// Which mapping keys (in cloud-config, network config, or YAML/INI files written by write_files) hold credentials.
// Keys are compared case-insensitively with `-` read as `_`, so `Password`, `client-key-password` and
// `client_key_password` match alike; YAML escapes (`"pass\x77ord"`) are undone by the YAML parser before this point.

/** How a key's value is judged. */
export enum CredentialKind {
  /** A secret value: any non-empty scalar (a password, a token, a pre-shared key ...). */
  SECRET = 'secret',
  /** A secret or the path of a file holding it (netplan `keys.private`, `private_key`): paths are fine. */
  SECRET_OR_PATH = 'secret-or-path',
  /** Public keys meant for `authorized_keys`: kept out of inline data all the same (use `sshPublicKeySecrets`). */
  PUBLIC_KEYS = 'public-keys',
  /** cloud-init `chpasswd`: a credential only when it lists `user:password` entries (`list`). */
  CHPASSWD = 'chpasswd',
  /** cloud-init `ssh_keys`: a credential when it holds a `<type>_private` host key. */
  SSH_HOST_KEYS = 'ssh-host-keys',
}

/** A key recognised as holding a credential. */
export interface CredentialKeyRule {
  /** The key's name as shown in messages (normalised: lower case, `_` for `-`). */
  readonly name: string;
  /** How its value is judged. */
  readonly kind: CredentialKind;
}

const EXACT = new Map<string, CredentialKind>(Object.entries({
  // cloud-init: set_passwords, users and groups, ssh
  password: CredentialKind.SECRET,
  passwd: CredentialKind.SECRET,
  hashed_passwd: CredentialKind.SECRET,
  plain_text_passwd: CredentialKind.SECRET,
  chpasswd: CredentialKind.CHPASSWD,
  ssh_authorized_keys: CredentialKind.PUBLIC_KEYS,
  ssh_public_key: CredentialKind.PUBLIC_KEYS,
  ssh_keys: CredentialKind.SSH_HOST_KEYS,
  ssh_private_key: CredentialKind.SECRET_OR_PATH,
  private_key: CredentialKind.SECRET_OR_PATH,
  privatekey: CredentialKind.SECRET_OR_PATH,
  // cloud-init modules: ubuntu_pro/ubuntu_advantage token, rh_subscription and spacewalk activation keys,
  // landscape registration key, lxd trust password, write_files source headers
  token: CredentialKind.SECRET,
  activation_key: CredentialKind.SECRET,
  registration_key: CredentialKind.SECRET,
  trust_password: CredentialKind.SECRET,
  authorization: CredentialKind.SECRET,
  // netplan wifi and 802.1x (`auth`), NetworkManager and wpa_supplicant settings
  psk: CredentialKind.SECRET,
  wpa_psk: CredentialKind.SECRET,
  client_key_password: CredentialKind.SECRET,
  private_key_password: CredentialKind.SECRET,
  wep_key0: CredentialKind.SECRET,
  wep_key1: CredentialKind.SECRET,
  wep_key2: CredentialKind.SECRET,
  wep_key3: CredentialKind.SECRET,
  presharedkey: CredentialKind.SECRET,
  preshared_key: CredentialKind.SECRET,
  // common configuration files
  secret: CredentialKind.SECRET,
  secret_key: CredentialKind.SECRET,
  client_secret: CredentialKind.SECRET,
  aws_secret_access_key: CredentialKind.SECRET,
  api_key: CredentialKind.SECRET,
  apikey: CredentialKind.SECRET,
}));

/** Name endings that mark a secret (`db_password`, `github_token`, `pp_preshared_key` ...). */
const SUFFIXES = ['_password', '_secret', '_token', '_api_key', '_psk', '_preshared_key'];

/** The longest key compared: longer keys are never credential names (and are not worth normalising). */
const MAX_KEY_LENGTH = 64;

/** Lower case, `_` for `-`, trimmed: how keys are compared. Keys longer than any credential name become `''`. */
export function normalizeKey(key: string): string {
  if (key.length > MAX_KEY_LENGTH) return '';
  return key.trim().toLowerCase().replace(/-/g, '_');
}

/**
 * The rule for a mapping key, or undefined when the key does not hold a credential. `parents` are the normalised
 * keys of the enclosing mappings (sequence indexes left out), outermost first: some keys hold a credential only in
 * one place (netplan WireGuard `keys.private`, Docker `auths.<registry>.auth`).
 */
export function credentialKeyRule(key: string, parents: readonly string[]): CredentialKeyRule | undefined {
  if (key.length > MAX_KEY_LENGTH) return undefined;
  const name = normalizeKey(key);
  const exact = EXACT.get(name);
  if (exact !== undefined) return { name, kind: exact };
  if (SUFFIXES.some((s) => name.endsWith(s))) return { name, kind: CredentialKind.SECRET };
  const parent = parents[parents.length - 1];
  if (parent === 'keys' && (name === 'private' || name === 'shared')) {
    return { name: `keys.${name}`, kind: CredentialKind.SECRET_OR_PATH };
  }
  if (name === 'auth' && parents[parents.length - 2] === 'auths') return { name: 'auths.*.auth', kind: CredentialKind.SECRET };
  return undefined;
}

/** Values that do not set a credential for a SECRET key: locked-account markers and empty placeholders. */
export function isPlaceholderSecret(value: string): boolean {
  const v = value.trim();
  return v === '' || /^[!*]+$/.test(v) || /^<[^<>]*>$/.test(v);
}

/**
 * Whether a value is a reference filled in later (a shell or template variable: `$PW`, `${PW}`, `$(cat f)`,
 * `{{ pw }}`, `%(pw)s`) rather than a literal. A crypt hash (`$6$...`) is a literal.
 */
export function isRuntimeReference(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return /^(?:\$\{|\$\(|\{\{|%\(|\$[A-Za-z_][A-Za-z0-9_]*$|\$\d$)/.test(v);
}

/** Whether a value names a file rather than holding the secret (for SECRET_OR_PATH keys). */
export function isFilePath(value: string): boolean {
  return /^(\/|\.\.?\/|~\/|file:)/.test(value.trim());
}
