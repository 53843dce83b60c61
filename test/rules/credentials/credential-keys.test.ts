import {
  credentialKeyRule, CredentialKind, isFilePath, isPlaceholderSecret, isRuntimeReference, normalizeKey,
} from '../../../src/rules/credentials/credential-keys';

describe('credentialKeyRule', () => {
  test('exact names, any case, - read as _', () => {
    expect(credentialKeyRule('Password', [])).toEqual({ name: 'password', kind: CredentialKind.SECRET });
    expect(credentialKeyRule('client-key-password', ['auth'])).toEqual({ name: 'client_key_password', kind: CredentialKind.SECRET });
    expect(credentialKeyRule('chpasswd', [])?.kind).toBe(CredentialKind.CHPASSWD);
    expect(credentialKeyRule('ssh_keys', [])?.kind).toBe(CredentialKind.SSH_HOST_KEYS);
    expect(credentialKeyRule('ssh_authorized_keys', [])?.kind).toBe(CredentialKind.PUBLIC_KEYS);
  });

  test('name endings and keys that count in one place only', () => {
    expect(credentialKeyRule('db_password', [])?.name).toBe('db_password');
    expect(credentialKeyRule('private', ['tunnels', 'wg0', 'keys'])).toEqual({ name: 'keys.private', kind: CredentialKind.SECRET_OR_PATH });
    expect(credentialKeyRule('private', ['x'])).toBeUndefined();
    expect(credentialKeyRule('auth', ['auths', 'quay.io'])?.name).toBe('auths.*.auth');
    expect(credentialKeyRule('auth', ['wifis', 'w'])).toBeUndefined();
  });

  test.each(['lock_passwd', 'ssh_pwauth', 'disable_root', 'packages', 'name', 'constructor', '__proto__', 'x'.repeat(65) + '_password'])('%j is not a credential key', (key) => {
    expect(credentialKeyRule(key, [])).toBeUndefined();
  });
});

describe('values', () => {
  test('normalizeKey', () => {
    expect(normalizeKey(' Client-Key ')).toBe('client_key');
    expect(normalizeKey('x'.repeat(65))).toBe('');
  });

  test('placeholders, references, paths', () => {
    expect(['', ' ', '!', '*', '!!', '<password>'].every(isPlaceholderSecret)).toBe(true);
    expect(isPlaceholderSecret('x')).toBe(false);
    expect(['$PW', '${PW}', '$(cat f)', '{{ pw }}', '"$1"', '%(pw)s'].every(isRuntimeReference)).toBe(true);
    expect(['$6$salt$hash', '$PW-suffix', 'x'].some(isRuntimeReference)).toBe(false);
    expect(['/etc/k', './k', '~/k', 'file:/k'].every(isFilePath)).toBe(true);
    expect(isFilePath('abc=')).toBe(false);
  });
});
