import { SHA512_HASH } from './scan-helpers';
import { textPatternsIn } from '../../../src/rules/credentials/text-patterns';

describe('textPatternsIn', () => {
  test.each([
    ['-----BEGIN RSA PRIVATE KEY-----', 'a private key block'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'a private key block'],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----', 'a private key block'],
    ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'a private key block'],
    ['PuTTY-User-Key-File-3: ssh-ed25519', 'a private key block'],
    [`root:${SHA512_HASH}:19000:0:99999:7:::`, 'a password hash'],
    ['$1$saltsalt$qjXMvbEw8oaL.CzflDugX/', 'a password hash'],
    [`$5$salt$${'b'.repeat(43)}`, 'a password hash'],
    [`$2b$12$${'c'.repeat(53)}`, 'a password hash'],
    [`$y$j9T$salt$${'d'.repeat(43)}`, 'a password hash'],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA rt@host', 'an SSH public key'],
    ['ecdsa-sha2-nistp256 AAAAE2VjZHNh rt', 'an SSH public key'],
    ['https://user:pass@example.com/x', 'a URL with a password'],
  ])('%j', (text, what) => {
    expect(textPatternsIn(text)).toEqual([what]);
  });

  test.each([
    '-----BEGIN CERTIFICATE-----',
    '-----BEGIN PGP PUBLIC KEY BLOCK-----',
    'echo $1$2 $6$x',
    'https://user@example.com/x',
    'http://user:$PASSWORD@proxy',
    'ssh-rsa is the key type',
  ])('nothing in %j', (text) => {
    expect(textPatternsIn(text)).toEqual([]);
  });

  test('hostile input stays linear', () => {
    const started = Date.now();
    for (const t of ['a://'.repeat(50_000), `a://b:${'c'.repeat(200_000)}`, '-----BEGIN '.repeat(20_000), `ssh-rsa${' '.repeat(200_000)}`, '$6$'.repeat(60_000)]) {
      textPatternsIn(t);
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
