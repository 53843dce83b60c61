import { b64, gzip, indicatorsOf, reasonsOf, SECRET, SHA512_HASH } from './scan-helpers';
import { scanUserDataText } from '../../../src/rules/credentials/user-data';
import { showPath } from '../../../src/rules/credentials/yaml-walker';

/** Indicators of a #cloud-config document (the walker is reached through the user-data reader). */
function cloudConfig(body: string): string[] {
  return indicatorsOf((ctx) => scanUserDataText(`#cloud-config\n${body}`, ctx));
}

describe('credential keys, wherever cloud-init reads them', () => {
  test.each([
    ['password: x', 'key "password"'],
    ['password: 2024-01-01', 'key "password"'],
    ['password: 12345', 'key "password"'],
    ['password: !!binary aHVudGVyMg==', 'key "password"'],
    ['passwd: x', 'key "passwd"'],
    ['ssh_authorized_keys: [ssh-ed25519 AAAAC3Nza rt]', 'key "ssh_authorized_keys"'],
    ['ssh_private_key: "x"', 'key "ssh_private_key"'],
    ['users:\n- name: rt\n  passwd: x', 'key "passwd" under users[0]'],
    ['users:\n- default\n- name: rt\n  hashed_passwd: x', 'key "hashed_passwd" under users[1]'],
    ['users:\n- name: rt\n  plain_text_passwd: x', 'key "plain_text_passwd" under users[0]'],
    ['users:\n- name: rt\n  ssh_authorized_keys:\n  - ssh-rsa AAAAB3Nza rt', 'key "ssh_authorized_keys" under users[0]'],
    ['user: {name: rt, passwd: x}', 'key "passwd" under user'],
    ['system_info:\n  default_user: {name: rt, plain_text_passwd: x}', 'key "plain_text_passwd" under system_info.default_user'],
    ['chpasswd: {list: ["root:x"], expire: false}', 'key "chpasswd"'],
    ['chpasswd:\n  list: |\n    root:x\n    rt:RANDOM', 'key "chpasswd"'],
    ['chpasswd: {users: [{name: root, password: x, type: text}]}', 'key "password" under chpasswd.users[0]'],
    ['ssh_keys:\n  rsa_private: x\n  rsa_public: y', 'key "ssh_keys"'],
    ['rh_subscription: {username: u, password: x}', 'key "password" under rh_subscription'],
    ['ubuntu_pro: {token: x}', 'key "token" under ubuntu_pro'],
    ['lxd: {init: {trust_password: x}}', 'key "trust_password" under lxd.init'],
    ['write_files:\n- path: /x\n  source: {uri: "https://h/x", headers: {Authorization: "Bearer x"}}', 'key "authorization" under write_files[0].source.headers'],
  ])('%j', (body, indicator) => {
    expect(cloudConfig(body)).toContain(indicator);
  });

  test('keys written with YAML escapes, in flow style, as JSON, in any of several documents', () => {
    expect(cloudConfig('"pass\\x77ord": x')).toEqual(['key "password"']);
    expect(cloudConfig('"\\u0070asswd": x')).toEqual(['key "passwd"']);
    expect(cloudConfig('{users: [{name: rt, passwd: x}]}')).toEqual(['key "passwd" under users[0]']);
    expect(indicatorsOf((ctx) => scanUserDataText('{"users": [{"name": "rt", "passwd": "x"}]}', ctx))).toEqual(['key "passwd" under users[0]']);
    expect(cloudConfig('hostname: a\n---\nhostname: b\n---\npassword: x')).toEqual(['key "password"']);
  });

  test('anchors, aliases and merge keys', () => {
    expect(cloudConfig('x-creds: &creds {passwd: x}\nusers:\n- <<: *creds\n  name: rt')).toEqual(['key "passwd" under x-creds']);
    expect(cloudConfig('x-pw: &pw x\npassword: *pw')).toEqual(['key "password"']);
    expect(cloudConfig('x: &cmds ["echo root:x | chpasswd"]\nruncmd: *cmds')).toEqual(['a password piped into "chpasswd" in x[0]']);
    expect(cloudConfig('x: &k password\n*k : hunter2')).toEqual(['key "password"']);
    // A write_files entry assembled by merging still has its content decoded.
    expect(cloudConfig(`x: &f {encoding: b64, content: ${b64(`-----BEGIN RSA PRIVATE KEY-----\n${SECRET}\n`)}}\nwrite_files:\n- <<: *f\n  path: /k`))
      .toContain('a private key block in x.content (base64)');
  });

  test('a "billion laughs" costs its size only: aliases are visited once', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}, *l${i}, *l${i}]`).join('\n');
    const started = Date.now();
    expect(cloudConfig(`l0: &l0 [password]\n${levels}\nruncmd: *l30`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('text values: shell commands in runcmd/bootcmd strings and argument vectors, hashes and keys anywhere', () => {
    expect(cloudConfig('runcmd:\n- echo "root:x" | chpasswd')).toEqual(['a password piped into "chpasswd" in runcmd[0]']);
    expect(cloudConfig(`bootcmd:\n- [usermod, -p, '${SHA512_HASH}', root]`)).toEqual(expect.arrayContaining([
      'a password hash given to "usermod" in bootcmd[0]', 'a password hash in bootcmd[0][2]',
    ]));
    expect(cloudConfig('runcmd:\n- [sh, -c, "echo x | passwd --stdin root"]')).toContain('a password piped into "passwd" in runcmd[0]');
    expect(cloudConfig('runcmd:\n- |\n  useradd -m -p "$(openssl passwd -6 x)" rt')).toEqual(['a password given to "openssl passwd" in runcmd[0]']);
    expect(cloudConfig('apt:\n  proxy: http://u:x@proxy:3128')).toEqual(['a URL with a password in apt.proxy']);
    expect(cloudConfig(`random_seed: {data: "${SHA512_HASH}"}`)).toEqual(['a password hash in random_seed.data']);
  });

  test('the key is reported, not its value again', () => {
    expect(cloudConfig(`users:\n- name: rt\n  passwd: '${SHA512_HASH}'`)).toEqual(['key "passwd" under users[0]']);
  });

  test('a private key in a YAML comment is still in the manifest', () => {
    expect(cloudConfig('# -----BEGIN OPENSSH PRIVATE KEY-----\nhostname: a')).toEqual(['a private key block in a YAML comment']);
  });

  test.each([
    ['packages: [passwd]'],
    ['# no passwd login\nhostname: a'],
    ['users:\n- name: rt\n  lock_passwd: true'],
    ['ssh_pwauth: false'],
    ['disable_root: true'],
    ['runcmd:\n- dnf install -y passwd\n- [passwd, -l, root]'],
    ['chpasswd: {expire: false}'],
    ['chpasswd: {list: ["root:RANDOM", "rt:R"], expire: false}'],
    ['chpasswd: {users: [{name: root, type: RANDOM}]}'],
    ['password: RANDOM'],
    ['password: ""\npasswd: ~\nhashed_passwd: "!"'],
    ['ssh_keys: {rsa_certificate: x}'],
    ['ssh_authorized_keys: []'],
    ['write_files:\n- {path: /etc/motd, content: "welcome"}'],
    ['netplan: {tunnels: {wg0: {keys: {private: /etc/wg/key}}}}'],
  ])('no credential in %j', (body) => {
    expect(cloudConfig(body)).toEqual([]);
  });
});

describe('write_files contents, decoded as cloud-init decodes them', () => {
  const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`;

  test.each([
    ['b64', b64(KEY), '(base64)'],
    ['base64', b64(KEY), '(base64)'],
    ['gz+b64', b64(gzip(KEY)), '(gzip+base64)'],
    ['gzip+base64', b64(gzip(KEY)), '(gzip+base64)'],
    ['gz+base64', b64(gzip(KEY)), '(gzip+base64)'],
    ['GZIP+B64', b64(gzip(KEY)), '(gzip+base64)'],
    ['gzip', `!!binary ${b64(gzip(KEY))}`, '(gzip)'],
    ['gz', `!!binary ${b64(gzip(KEY))}`, '(gzip)'],
  ])('encoding: %s', (encoding, content, label) => {
    expect(cloudConfig(`write_files:\n- path: /root/.ssh/id_ed25519\n  encoding: ${encoding}\n  content: ${content}`))
      .toEqual([`a private key block in write_files[0].content ${label}`]);
  });

  test('decoded contents are read as what they are: scripts, settings files, YAML files, cloud-config', () => {
    const file = (content: string): string[] => cloudConfig(`write_files:\n- path: /x\n  encoding: b64\n  content: ${b64(content)}`);
    expect(file('#!/bin/sh\necho "root:x" | chpasswd\n')).toEqual(['a password piped into "chpasswd" in write_files[0].content (base64)']);
    expect(file('[connection]\nid=home\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=x\n')).toEqual(['a "psk" setting in write_files[0].content (base64)']);
    expect(file('[Interface]\nPrivateKey = x\n')).toEqual(['a "privatekey" setting in write_files[0].content (base64)']);
    expect(file('{"auths": {"quay.io": {"auth": "x"}}}')).toEqual(['key "auths.*.auth" under auths.quay_io in write_files[0].content (base64)'.replace('quay_io', '*')]);
    expect(file('#cloud-config\npassword: x\n')).toEqual(['key "password" in write_files[0].content (base64)']);
    expect(file('network:\n  wifis:\n    wlan0:\n      access-points:\n        home: {password: x}\n'))
      .toEqual(['key "password" under network.wifis.wlan0.access-points.home in write_files[0].content (base64)']);
  });

  test('plain contents are read too, and the value is never shown', () => {
    const found = cloudConfig(`write_files:\n- path: /etc/app.conf\n  content: |\n    db_password=${SECRET}\n`);
    expect(found).toEqual(['a "db_password" setting in write_files[0].content']);
    expect(found.join()).not.toContain(SECRET);
  });

  test('an unknown encoding is written as text by cloud-init, and read as text here', () => {
    expect(cloudConfig('write_files:\n- {path: /x, encoding: rot13, content: "password=x"}')).toEqual(['a "password" setting in write_files[0].content']);
  });

  test('content that does not decode is uninspectable, not a credential', () => {
    const reasons = reasonsOf((ctx) => scanUserDataText('#cloud-config\nwrite_files:\n- {path: /x, encoding: gz+b64, content: bm90IGd6aXA=}', ctx));
    expect(reasons).toEqual(['content declared gzip that is not gzip data in write_files[0].content (gzip+base64)']);
    const corrupt = b64(Buffer.concat([gzip('password=x').subarray(0, 12), Buffer.from('garbage')]));
    expect(reasonsOf((ctx) => scanUserDataText(`#cloud-config\nwrite_files:\n- {path: /x, encoding: gz+b64, content: ${corrupt}}`, ctx)))
      .toEqual(['gzip data that does not decompress in write_files[0].content (gzip+base64)']);
  });
});

describe('JSON patches (#cloud-config-jsonp)', () => {
  test('an operation that sets a credential key', () => {
    const found = indicatorsOf((ctx) => scanUserDataText('#cloud-config-jsonp\n[{"op": "add", "path": "/users/0/passwd", "value": "x"}]', ctx));
    expect(found).toEqual(['key "passwd" set by a JSON patch under [0]']);
    expect(indicatorsOf((ctx) => scanUserDataText('#cloud-config-jsonp\n[{"op": "remove", "path": "/password"}]', ctx))).toEqual([]);
  });
});

describe('showPath', () => {
  test('indexes, keys, and user-chosen keys that are not plain names', () => {
    expect(showPath([])).toBe('');
    expect(showPath(['users', 0, 'ssh_authorized_keys', 1])).toBe('users[0].ssh_authorized_keys[1]');
    expect(showPath(['wifis', 'wlan0', 'access-points', 'My Home Net', 'password'])).toBe('wifis.wlan0.access-points.*.password');
    expect(showPath([SECRET.repeat(5)])).toBe('*');
    expect(showPath(Array.from({ length: 64 }, (_, i) => `k${i}`))).toBe('k0.k1.k2.k3.….k56.k57.k58.k59.k60.k61.k62.k63');
    expect(showPath(['a', 'b', 'c', 'd', ...Array.from({ length: 20 }, (_, i) => i)])).toBe('a.b.c.d.…[12][13][14][15][16][17][18][19]');
  });
});
