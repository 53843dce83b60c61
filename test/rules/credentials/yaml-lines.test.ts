import { credentialKeysInLines } from '../../../src/rules/credentials/yaml-lines';

describe('credentialKeysInLines', () => {
  test('keys in block and flow style, with values or opening blocks', () => {
    expect(credentialKeysInLines('password: x\nusers:\n- {name: a, passwd: y}\nssh_authorized_keys:\n  - k\nhashed_passwd: |\n')).toEqual([
      'key "password"', 'key "passwd"', 'key "ssh_authorized_keys"', 'key "hashed_passwd"',
    ]);
  });

  test('comments, empty values, placeholders and chpasswd are not judged credentials', () => {
    expect(credentialKeysInLines('# password: x\npassword:\npasswd: ""\nplain_text_passwd: ~\nchpasswd: {list: [a]}\nx: 1 # passwd: y')).toEqual([]);
  });

  test('a long line of keys stays linear', () => {
    const started = Date.now();
    expect(credentialKeysInLines('password: x, '.repeat(50_000))).toEqual(['key "password"']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
