import { b64, gzip, indicatorsOf, mime, reasonsOf, scanWith, SECRET } from './scan-helpers';
import { MAX_MIME_PARTS, MAX_NESTING } from '../../../src/rules/credentials/scan-limits';
import { scanUserDataBytes, scanUserDataText } from '../../../src/rules/credentials/user-data';

const CLOUD_CONFIG = `#cloud-config\nusers:\n- name: rt\n  passwd: ${SECRET}\n`;
const SCRIPT = `#!/bin/bash\necho "root:${SECRET}" | chpasswd\n`;

function text(t: string): string[] {
  return indicatorsOf((ctx) => scanUserDataText(t, ctx));
}

function bytes(b: Buffer): string[] {
  return indicatorsOf((ctx) => scanUserDataBytes(b, ctx));
}

describe('formats, told apart as cloud-init does', () => {
  test('cloud-config, scripts, boothooks, include lists, part handlers', () => {
    expect(text(CLOUD_CONFIG)).toEqual(['key "passwd" under users[0]']);
    expect(text(SCRIPT)).toEqual(['a password piped into "chpasswd"']);
    expect(text('#cloud-boothook\n#!/bin/sh\necho x | passwd --stdin root\n')).toEqual(['a password piped into "passwd"']);
    expect(text(`#include\nhttps://user:${SECRET}@example.com/user-data\n`)).toEqual(['a URL with a password']);
    expect(text('#part-handler\n# -----BEGIN EC PRIVATE KEY-----\n')).toEqual(['a private key block']);
  });

  test('leading whitespace and a byte-order mark do not hide the header', () => {
    expect(text(`\uFEFF  ${CLOUD_CONFIG}`)).toEqual(['key "passwd" under users[0]']);
  });

  test('text of no known format is read all the same (cloud-init ignores it, the manifest holds it)', () => {
    expect(text(`users:\n- name: rt\n  passwd: ${SECRET}\n`)).toEqual(['key "passwd" under users[0]']);
    expect(text(`echo root:${SECRET} | chpasswd`)).toEqual(['a password piped into "chpasswd"']);
  });

  test('Jinja templates: values from instance data are not inline, literal ones are', () => {
    expect(text('## template: jinja\n#cloud-config\npassword: {{ ds.meta_data.pw }}\nhostname: {{ v1.local_hostname }}\n')).toEqual([]);
    expect(text(`## template: jinja\n#cloud-config\n{% if v1.region == "x" %}\npassword: ${SECRET}\n{% endif %}\n`)).toEqual(['key "password" in Jinja template']);
    expect(text(`## template: jinja\n#!/bin/sh\necho root:${SECRET} | chpasswd # {{ x }}\n`)).toEqual(['a password piped into "chpasswd" in Jinja template']);
  });
});

describe('gzip and base64', () => {
  test('gzip-compressed user data (cloud-init decompresses it), given as bytes', () => {
    expect(bytes(gzip(CLOUD_CONFIG))).toEqual(['key "passwd" under users[0] in gzip data']);
    expect(bytes(gzip(gzip(SCRIPT)))).toEqual(['a password piped into "chpasswd" in gzip data in gzip data']);
  });

  test('user data that is one base64 blob (of text or gzip) is decoded', () => {
    expect(text(b64(CLOUD_CONFIG))).toEqual(['key "passwd" under users[0] in base64 text']);
    expect(text(b64(gzip(CLOUD_CONFIG)))).toEqual(['key "passwd" under users[0] in gzip data in base64 text']);
  });

  test('binary data and corrupt gzip are uninspectable', () => {
    expect(reasonsOf((ctx) => scanUserDataBytes(Buffer.from([0xff, 0xfe, 0x00, 0x80]), ctx))).toEqual(['binary data that is neither gzip nor UTF-8 text']);
    expect(reasonsOf((ctx) => scanUserDataBytes(Buffer.concat([gzip(CLOUD_CONFIG).subarray(0, 20)]), ctx)))
      .toEqual(['gzip data that does not decompress in gzip data']);
  });

  test('a gzip bomb stops at the decoded-data ceiling', () => {
    const bomb = gzip(Buffer.alloc(8 * 1024 * 1024, 'a'));
    const scan = scanWith((ctx) => scanUserDataBytes(bomb, ctx));
    expect(scan.uninspectable.map((u) => u.reason)).toEqual(['gzip data that expands past the decoded-data ceiling in gzip data']);
  });
});

describe('MIME multipart user data', () => {
  test('parts of every type, base64 and quoted-printable, are decoded and read by their type', () => {
    const message = mime([
      { type: 'text/cloud-config', body: b64(CLOUD_CONFIG), encoding: 'base64' },
      { type: 'text/x-shellscript', body: SCRIPT.replace(/=/g, '=3D'), encoding: 'quoted-printable' },
      { type: 'text/cloud-config-archive', body: `#cloud-config-archive\n- type: text/cloud-config\n  content: "#cloud-config\\npassword: ${SECRET}"\n` },
      { type: 'text/x-shellscript-per-boot', body: `#!/bin/sh\nusermod -p '${SECRET}' root\n` },
    ]);
    // Nested data is read after the level that holds it (breadth first): the archive's part comes last.
    expect(text(message)).toEqual([
      'key "passwd" under users[0] in MIME part 1 (text/cloud-config)',
      'a password piped into "chpasswd" in MIME part 2 (text/x-shellscript)',
      'a password hash given to "usermod" in MIME part 4 (text/x-shellscript-per-boot)',
      'key "password" in cloud-config-archive part 1 in MIME part 3 (text/cloud-config-archive)',
    ]);
  });

  test('gzip parts, parts typed by their first line, nested multipart messages', () => {
    const gz = mime([{ type: 'application/x-gzip', body: b64(gzip(CLOUD_CONFIG)), encoding: 'base64' }]);
    expect(text(gz)).toEqual(['key "passwd" under users[0] in MIME part 1 (application/x-gzip)']);
    const plain = mime([{ type: 'text/plain', body: SCRIPT }]);
    expect(text(plain)).toEqual(['a password piped into "chpasswd" in MIME part 1 (text/plain)']);
    const inner = mime([{ type: 'text/cloud-config', body: CLOUD_CONFIG }], 'inner');
    const nested = `Content-Type: multipart/mixed; boundary="outer"\nMIME-Version: 1.0\n\n--outer\n${inner}\n--outer--\n`;
    expect(text(nested)).toEqual(['key "passwd" under users[0] in MIME part 1 (text/cloud-config) in MIME part 1 (multipart/mixed)']);
  });

  test('an unknown transfer encoding, a missing boundary, too many parts: uninspectable', () => {
    expect(reasonsOf((ctx) => scanUserDataText(mime([{ type: 'text/cloud-config', body: 'x', encoding: 'x-uuencode' }]), ctx)))
      .toEqual(['a MIME part with the unknown Content-Transfer-Encoding "x-uuencode" in MIME part 1 (text/cloud-config)']);
    expect(reasonsOf((ctx) => scanUserDataText('MIME-Version: 1.0\nContent-Type: multipart/mixed\n\n--b\n\nx\n', ctx)))
      .toEqual(['a multipart MIME message without a boundary (read as text instead)']);
    const many = mime(Array.from({ length: MAX_MIME_PARTS + 1 }, () => ({ type: 'text/x-shellscript', body: '#!/bin/sh\ntrue' })));
    expect(reasonsOf((ctx) => scanUserDataText(many, ctx))).toEqual([`MIME parts past the ceiling of ${MAX_MIME_PARTS}`]);
  });

  test('nesting deeper than the ceiling is uninspectable, not a crash', () => {
    let nested = CLOUD_CONFIG;
    for (let i = 0; i < MAX_NESTING + 2; i++) nested = mime([{ type: 'text/plain', body: b64(nested), encoding: 'base64' }], `b${i}`);
    const scan = scanWith((ctx) => scanUserDataText(nested, ctx));
    expect(scan.hits).toEqual([]);
    expect(scan.uninspectable).toHaveLength(1);
    expect(scan.uninspectable[0].reason).toMatch(new RegExp(`^data nested more than ${MAX_NESTING} containers deep`));
  });
});

describe('#cloud-config-archive', () => {
  test('parts given as text or as mappings with type, encoding or Content-Transfer-Encoding', () => {
    const archive = [
      '#cloud-config-archive',
      `- "#!/bin/sh\\nusermod -p ${SECRET} root"`,
      `- content: "password: ${SECRET}"`,
      `- {type: text/x-shellscript, encoding: b64, content: ${b64(SCRIPT)}}`,
      `- {type: text/cloud-config, Content-Transfer-Encoding: base64, content: ${b64(CLOUD_CONFIG)}}`,
      `- {type: application/x-gzip, content: !!binary ${b64(gzip(CLOUD_CONFIG))}}`,
    ].join('\n');
    expect(text(archive)).toEqual([
      'a password hash given to "usermod" in cloud-config-archive part 1',
      'key "password" in cloud-config-archive part 2',
      'a password piped into "chpasswd" in cloud-config-archive part 3',
      'key "passwd" under users[0] in cloud-config-archive part 4',
      'key "passwd" under users[0] in cloud-config-archive part 5',
    ]);
  });

  test('an archive that is not a list is read as YAML; broken YAML as text', () => {
    expect(text(`#cloud-config-archive\npassword: ${SECRET}\n`)).toEqual(['key "password"']);
    const broken = scanWith((ctx) => scanUserDataText(`#cloud-config-archive\n- [\nusermod -p ${SECRET} x`, ctx));
    expect(broken.uninspectable.map((u) => u.reason)).toEqual(['a cloud-config-archive that is not valid YAML (read as text instead)']);
  });
});

describe('broken cloud-config', () => {
  test('is read line by line, and reported as uninspectable', () => {
    const scan = scanWith((ctx) => scanUserDataText(`#cloud-config\nusers:\n- name: rt\n  passwd: ${SECRET}\n  groups: [wheel\n`, ctx));
    expect(scan.hits.map((h) => h.indicator)).toEqual(['key "passwd"']);
    expect(scan.uninspectable.map((u) => u.reason)).toEqual(['cloud-config that is not valid YAML (read line by line instead)']);
  });
});

describe('regressions found by the property tests', () => {
  test('an archive whose part mentions MIME-Version is not read as MIME forever', () => {
    const inner = mime([{ type: 'text/plain', body: b64(CLOUD_CONFIG), encoding: 'base64' }]);
    expect(text(`#cloud-config-archive\n- content: ${JSON.stringify(inner)}\n`))
      .toEqual(['key "passwd" under users[0] in MIME part 1 (text/plain) in cloud-config-archive part 1']);
  });

  test('single-part MIME messages nested in each other stop at the nesting ceiling', () => {
    const stacked = `${'MIME-Version: 1.0\nContent-Type: text/plain\n\n'.repeat(5000)}${CLOUD_CONFIG}`;
    const scan = scanWith((ctx) => scanUserDataText(stacked, ctx));
    expect(scan.hits).toEqual([]);
    expect(scan.uninspectable.map((u) => u.reason)).toEqual([expect.stringMatching(/^data nested more than 8 containers deep \(a MIME message\)/)]);
    expect(text(`MIME-Version: 1.0\nContent-Type: text/plain\n\n${CLOUD_CONFIG}`)).toEqual(['key "passwd" under users[0] in a MIME message']);
  });
});
