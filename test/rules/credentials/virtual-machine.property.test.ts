import * as fc from 'fast-check';
import { b64, gzip, SECRET } from './scan-helpers';
import { CredentialScan } from '../../../src/rules/credentials/credential-scan';
import { scanCloudInitVolume, scanUserDataField, scanVirtualMachineCredentials } from '../../../src/rules/credentials/virtual-machine';
import { credentialIndicators } from '../../../src/rules/vm-credentials';

// Issue 13: every entry point of the credential scanner takes any input, never throws, never hangs, and returns a
// well-formed scan; a credential stays visible through any chain of the encodings cloud-init undoes.

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };
/** Per call, far above what the ceilings allow on these input sizes (a hang or a quadratic blow-up shows as a miss). */
const TIME_LIMIT_MS = 2000;

/** Fragments of every format the scanner reads, so random text reaches deep paths. */
const FRAGMENTS = [
  '#cloud-config\n', '#!/bin/sh\n', '#cloud-config-archive\n', '#cloud-config-jsonp\n', '## template: jinja\n', '#include\n',
  'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n', '--b\n', '--b--\n', 'Content-Type: text/cloud-config\n',
  'Content-Transfer-Encoding: base64\n', 'Content-Transfer-Encoding: quoted-printable\n', '\n', '  ', '- ', ': ', '{', '}', '[', ']',
  ',', '&a ', '*a', '<<: *a\n', '!!binary ', '"', "'", '\\x77', '|\n', 'users:\n', 'passwd: x\n', 'password: ', 'chpasswd:\n',
  'list: ', 'write_files:\n', 'encoding: gz+b64\n', 'encoding: b64\n', 'content: ', 'H4sIAAAAAAAA', 'I2Nsb3VkLWNvbmZpZw==', 'runcmd:\n',
  'echo root:x | chpasswd\n', 'usermod -p ', '$(', ')', '`', '<<EOF\n', 'EOF\n', '$6$', '-----BEGIN RSA PRIVATE KEY-----', '{{ x }}',
  '{%', '%}', 'wifis:\n', 'access-points:\n', '=3D', '=\n', 'type: text/x-shellscript\n', '# comment\n', '\t', '\r\n', '\u0000',
];

const formatText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => b64(parts.join(''))),
);

/** Asserts a scan's shape: arrays of entries with non-empty text fields and nothing undefined-like in them. */
function expectWellFormed(scan: CredentialScan): void {
  expect(Array.isArray(scan.hits)).toBe(true);
  expect(Array.isArray(scan.uninspectable)).toBe(true);
  for (const hit of scan.hits) {
    expect(Object.keys(hit).sort()).toEqual(['field', 'indicator']);
    expect(typeof hit.field === 'string' && hit.field.length > 0).toBe(true);
    expect(typeof hit.indicator === 'string' && hit.indicator.length > 0).toBe(true);
    expect(hit.indicator).not.toMatch(/undefined|NaN|\[object /);
  }
  for (const part of scan.uninspectable) {
    expect(Object.keys(part).sort()).toEqual(['field', 'reason']);
    expect(typeof part.field === 'string' && part.field.length > 0).toBe(true);
    expect(typeof part.reason === 'string' && part.reason.length > 0).toBe(true);
    expect(part.reason).not.toMatch(/undefined|NaN|\[object /);
  }
}

function timed<T>(run: () => T): T {
  const started = Date.now();
  const out = run();
  expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  return out;
}

describe('every entry point takes any input', () => {
  test('credentialIndicators and scanUserDataField: any text', () => {
    fc.assert(fc.property(formatText, (text) => {
      const indicators = timed(() => credentialIndicators(text));
      expect(Array.isArray(indicators) && indicators.every((i) => typeof i === 'string' && i !== '')).toBe(true);
      expectWellFormed(timed(() => scanUserDataField(text, 'userData')));
    }), RUNS);
  });

  test('scanUserDataField, scanCloudInitVolume and scanVirtualMachineCredentials: any JSON value, any value', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.anything()), fc.string({ maxLength: 30 }), (value, prefix) => {
      expectWellFormed(timed(() => scanUserDataField(value, 'userData')));
      expectWellFormed(timed(() => scanCloudInitVolume(value, prefix)));
      expectWellFormed(timed(() => scanVirtualMachineCredentials(value)));
      expect(credentialIndicators(value as string)).toEqual(typeof value === 'string' ? credentialIndicators(value) : []);
    }), RUNS);
  });

  test('VirtualMachine JSON with cloud-init volumes holding any text or value', () => {
    const field = fc.oneof(formatText, formatText.map(b64), fc.jsonValue());
    const source = fc.record({ userData: field, userDataBase64: field, networkData: field, networkDataBase64: field, secretRef: fc.jsonValue() },
      { requiredKeys: [] });
    const volume = fc.oneof(
      fc.record({ name: fc.string(), cloudInitNoCloud: source }),
      fc.record({ name: fc.string(), cloudInitConfigDrive: source }),
      fc.record({ name: fc.string(), containerDisk: fc.jsonValue() }),
      fc.jsonValue(),
    );
    fc.assert(fc.property(fc.array(volume, { maxLength: 4 }), (volumes) => {
      const scan = timed(() => scanVirtualMachineCredentials({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', spec: { template: { spec: { volumes } } } }));
      expectWellFormed(scan);
      for (const hit of scan.hits) expect(hit.field).toMatch(/^spec\.template\.spec\.volumes\[\d+\]\.cloudInit(NoCloud|ConfigDrive)\.(userData|networkData)(Base64)?$/);
    }), RUNS);
  });
});

/** User data with a credential, in each shape the scanner must see (the secret is the distinctive SECRET). */
const CREDENTIAL_DOCUMENTS = [
  `#cloud-config\nusers:\n- name: rt\n  passwd: ${SECRET}\n`,
  `#cloud-config\nchpasswd:\n  list: |\n    root:${SECRET}\n  expire: false\n`,
  `#cloud-config\nssh_keys:\n  rsa_private: |\n    -----BEGIN RSA PRIVATE KEY-----\n    ${SECRET}\n`,
  `#!/bin/sh\necho "root:${SECRET}" | chpasswd\n`,
  `#!/bin/bash\nusermod -p '${SECRET}' root\n`,
  `#cloud-config\n"pass\\x77ord": ${SECRET}\n`,
];

/** User data given as bytes: each encoding takes user data and gives user data that cloud-init unpacks to it. */
type Encoding = (data: Buffer) => Buffer;

const isGzip = (data: Buffer): boolean => data[0] === 0x1f && data[1] === 0x8b;
const BINARY_FREE = (data: Buffer): boolean => !isGzip(data) && Buffer.from(data.toString('utf8'), 'utf8').equals(data);

const ENCODINGS: Record<string, Encoding> = {
  'gzip': (data) => gzip(data),
  'base64 text': (data) => Buffer.from(data.toString('base64')),
  'MIME base64': (data) => Buffer.from(mimeOf(data, 'base64')),
  'MIME quoted-printable': (data) => (BINARY_FREE(data) ? Buffer.from(mimeOf(data, 'quoted-printable')) : Buffer.from(mimeOf(data, 'base64'))),
  'MIME 8bit': (data) => (BINARY_FREE(data) ? Buffer.from(mimeOf(data, '8bit')) : Buffer.from(mimeOf(data, 'base64'))),
  'cloud-config-archive': (data) => Buffer.from(isGzip(data)
    ? `#cloud-config-archive\n- type: application/x-gzip\n  content: !!binary ${data.toString('base64')}\n`
    : `#cloud-config-archive\n- content: ${JSON.stringify(data.toString('utf8'))}\n`),
  'write_files b64': (data) => Buffer.from(`#cloud-config\nwrite_files:\n- path: /x\n  encoding: b64\n  content: ${data.toString('base64')}\n`),
  'write_files gz+b64': (data) => Buffer.from(`#cloud-config\nwrite_files:\n- path: /x\n  encoding: gz+b64\n  content: ${gzip(data).toString('base64')}\n`),
  'write_files gzip': (data) => Buffer.from(`#cloud-config\nwrite_files:\n- path: /x\n  encoding: gzip\n  content: !!binary |\n    ${gzip(data).toString('base64')}\n`),
};

function mimeOf(data: Buffer, transfer: string): string {
  const type = isGzip(data) ? 'application/x-gzip' : 'text/plain';
  const body = transfer === 'base64' ? data.toString('base64')
    : transfer === 'quoted-printable' ? data.toString('utf8').replace(/[=\u0080-\uffff]/g, (c) => [...Buffer.from(c)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))
      : data.toString('utf8');
  return `Content-Type: multipart/mixed; boundary="==b=="\nMIME-Version: 1.0\n\n--==b==\nContent-Type: ${type}\nContent-Transfer-Encoding: ${transfer}\n\n${body}\n--==b==--\n`;
}

describe('a credential survives any chain of encodings', () => {
  test('up to four encodings deep, delivered as userDataBase64 (and as userData when it is text)', () => {
    fc.assert(fc.property(
      fc.constantFrom(...CREDENTIAL_DOCUMENTS),
      fc.array(fc.constantFrom(...Object.keys(ENCODINGS)), { maxLength: 4 }),
      (document, chain) => {
        const data = chain.reduce<Buffer>((d, name) => ENCODINGS[name](d), Buffer.from(document));
        const deliveries: Array<[string, string]> = [['userDataBase64', data.toString('base64')]];
        if (BINARY_FREE(data)) deliveries.push(['userData', data.toString('utf8')]);
        for (const [field, value] of deliveries) {
          const scan = timed(() => scanCloudInitVolume({ cloudInitNoCloud: { [field]: value } }, 'v'));
          // The chain and field in the compared value make a failure say which encoding lost the credential.
          expect({ chain, field, found: scan.hits.length > 0, uninspectable: scan.uninspectable })
            .toEqual({ chain, field, found: true, uninspectable: [] });
          expect(JSON.stringify(scan)).not.toContain(SECRET);
        }
      },
    ), RUNS);
  });
});
