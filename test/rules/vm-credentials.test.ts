import { JsonPatch, Testing } from 'cdk8s';
import { Warnings } from '../../src/constructs/app/warnings';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { credentialIndicators } from '../../src/rules/vm-credentials';
import { CloudInit } from '../../src/values/vm/cloud-init';
import { minimalProps, synthError, synthVm } from '../fixtures/vm';

const SEED_USER_DATA = '#cloud-config\npassword: fedora\nchpasswd: { expire: False }\nbootcmd:\n  - tuned-adm profile realtime\n';

describe('credentialIndicators', () => {
  test('finds the seed\'s password, never the value; chpasswd with only expire sets no password', () => {
    const found = credentialIndicators(SEED_USER_DATA);
    expect(found).toEqual(['key "password"']);
    expect(found.join()).not.toContain('fedora');
  });

  test.each([
    ['users:\n  - name: rt\n    passwd: $6$abc', 'key "passwd" under users[0]'],
    ['users:\n  - name: rt\n    hashed_passwd: $6$abc', 'key "hashed_passwd" under users[0]'],
    ['users:\n- {name: rt, plain_text_passwd: x}', 'key "plain_text_passwd" under users[0]'],
    ['ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3Nz rt@host', 'key "ssh_authorized_keys"'],
    ['ssh_keys:\n  rsa_private: |\n    -----BEGIN RSA PRIVATE KEY-----', 'key "ssh_keys"'],
    ['{"Password": "x"}', 'key "password"'],
    ['PASSWORD : x', 'key "password"'],
    ['#!/bin/sh\necho "root:secret" | chpasswd', 'a password piped into "chpasswd"'],
    ['#!/bin/sh\necho secret | passwd --stdin root', 'a password piped into "passwd"'],
    ['#!/bin/sh\nuseradd rt --password x', 'a password hash given to "useradd"'],
    ['#!/bin/sh\nmytool --password x', 'a "--password" option'],
    ['write_files:\n- content: |\n    -----BEGIN OPENSSH PRIVATE KEY-----', 'a private key block in write_files[0].content'],
    ['runcmd:\n- echo "ssh-rsa AAAAB3Nza rt" >> /root/.ssh/authorized_keys', 'an SSH public key in runcmd[0]'],
  ])('detects %j', (text, indicator) => {
    expect(credentialIndicators(text)).toContain(indicator);
  });

  test.each([
    '#cloud-config\nbootcmd:\n  - tuned-adm profile realtime\n',
    '#cloud-config\nssh_pwauth: false\n',
    '#cloud-config\nruncmd:\n  - systemctl enable --now chronyd\n',
    // Issue 13: package names and comments are not credentials.
    '#cloud-config\npackages: [passwd]\n',
    '#cloud-config\n# no passwd login\nruncmd:\n  - dnf install -y passwd\n',
  ])('finds nothing in %j', (text) => {
    expect(credentialIndicators(text)).toEqual([]);
  });

  test('reads what the old text heuristics missed (issue 13)', () => {
    const encoded = Buffer.from('#cloud-config\npassword: x\n').toString('base64');
    const mime = `MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n${encoded}\n--b--\n`;
    expect(credentialIndicators(mime)).toEqual(['key "password" in MIME part 1 (text/cloud-config)']);
    expect(credentialIndicators('#cloud-config\n"pass\\x77ord": x\n')).toEqual(['key "password"']);
    expect(credentialIndicators('#!/bin/sh\nusermod -p \'$6$salt$hash\' root\n')).toEqual(['a password hash given to "usermod"']);
  });

  test('gives nothing for a value that is not text (JavaScript callers)', () => {
    expect(credentialIndicators(42 as any)).toEqual([]);
  });
});

describe('VM cloud-init rules', () => {
  test('fails on inline credentials (the seed\'s user data)', () => {
    const msg = synthError(minimalProps({ cloudInit: CloudInit.userData(SEED_USER_DATA) }));
    expect(msg).toContain('[VM_INLINE_CREDENTIALS] cloudInit.userData: got "inline user data with key \\"password\\""');
    expect(msg).toContain('CloudInit.fromSecret');
    expect(msg).not.toContain('fedora');
  });

  test('accepts inline credentials with allowInlineCredentials, and records a warning', () => {
    const { chart, object } = synthVm(minimalProps({ cloudInit: CloudInit.userData(SEED_USER_DATA), allowInlineCredentials: true }));
    expect(object.spec.template.spec.volumes[1]).toEqual({ name: 'cloudinitdisk', cloudInitNoCloud: { userData: SEED_USER_DATA } });
    expect(Warnings.of(chart).list()).toEqual([expect.stringContaining('[VM_INLINE_CREDENTIALS_ALLOWED] cloudInit.userData')]);
  });

  test('accepts inline user data without credentials, without a warning', () => {
    const { chart } = synthVm(minimalProps({ cloudInit: CloudInit.userData('#cloud-config\nbootcmd:\n  - tuned-adm profile realtime\n') }));
    expect(Warnings.of(chart).list()).toEqual([]);
  });

  test('fails on empty Secret names and empty user data', () => {
    expect(synthError(minimalProps({ cloudInit: CloudInit.fromSecret('') }))).toContain('[VM_CLOUD_INIT_INVALID] cloudInit.secretName: got ""');
    expect(synthError(minimalProps({ cloudInit: CloudInit.userData(' ') }))).toContain('[VM_CLOUD_INIT_INVALID] cloudInit.userData: got " "');
    expect(synthError(minimalProps({ cloudInit: CloudInit.fromSecret('s'), sshPublicKeySecrets: [''] })))
      .toContain('[PROP_TYPE_INVALID] sshPublicKeySecrets[0]: got ""');
    expect(synthError(minimalProps({ cloudInit: { secretName: 'x' } as any }))).toContain('[PROP_TYPE_INVALID] cloudInit: got an object, expected a CloudInit');
  });

  test('fails on SSH key Secrets without a cloud-init disk', () => {
    expect(synthError(minimalProps({ sshPublicKeySecrets: ['rt-keys'] })))
      .toContain('[VM_SSH_KEYS_NEED_CLOUD_INIT] sshPublicKeySecrets: got ["rt-keys"]');
  });
});

describe('credentials in the VirtualMachine as written (JSON patches and vm.resource edits)', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const VOLUMES = '/spec/template/spec/volumes';

  /** The synth error of a VM whose object is patched. */
  function patchedError(patch: (vm: RealtimeVirtualMachine) => void, props = minimalProps({ cloudInit: CloudInit.fromSecret('ud') })): string {
    try {
      const chart = Testing.chart();
      patch(new RealtimeVirtualMachine(chart, 'rt-vm', props));
      Testing.synth(chart);
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  }

  test('refuses a patched cloudInitNoCloud with base64 user data carrying a password', () => {
    const msg = patchedError((vm) => vm.addJsonPatch(JsonPatch.replace(`${VOLUMES}/1/cloudInitNoCloud`,
      { userDataBase64: b64('#cloud-config\nchpasswd:\n  users:\n    - {name: root, password: s3cret}\n') })));
    expect(msg).toContain('[VM_INLINE_CREDENTIALS] spec.template.spec.volumes[1].cloudInitNoCloud.userDataBase64: got "inline user data with');
    expect(msg).not.toContain('s3cret');
  });

  test('refuses a ConfigDrive volume added through vm.resource, and network data with a Wi-Fi password', () => {
    const drive = patchedError((vm) => vm.resource.addJsonPatch(JsonPatch.add(`${VOLUMES}/-`,
      { name: 'cfg', cloudInitConfigDrive: { userData: '#!/bin/sh\necho "root:hunter2" | chpasswd\n' } })));
    expect(drive).toContain('[VM_INLINE_CREDENTIALS] spec.template.spec.volumes[2].cloudInitConfigDrive.userData');
    const wifi = patchedError((vm) => vm.addJsonPatch(JsonPatch.add(`${VOLUMES}/1/cloudInitNoCloud/networkData`,
      'version: 2\nwifis:\n  wlan0:\n    access-points:\n      plant-floor:\n        password: "not-this"\n')));
    expect(wifi).toContain('[VM_INLINE_CREDENTIALS] spec.template.spec.volumes[1].cloudInitNoCloud.networkData');
    expect(wifi).not.toContain('not-this');
  });

  test('reports the VM\'s own inline user data once, on the prop, when a patch changes something else', () => {
    const msg = patchedError((vm) => vm.addJsonPatch(JsonPatch.add('/metadata/labels/team', 'plc')),
      minimalProps({ cloudInit: CloudInit.userData(SEED_USER_DATA) }));
    expect(msg.match(/VM_INLINE_CREDENTIALS/g)).toHaveLength(1);
    expect(msg).toContain('[VM_INLINE_CREDENTIALS] cloudInit.userData');
  });

  test('with allowInlineCredentials a warning; data it cannot read is a warning too', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps({ cloudInit: CloudInit.fromSecret('ud'), allowInlineCredentials: true }));
    vm.addJsonPatch(JsonPatch.replace(`${VOLUMES}/1/cloudInitNoCloud`, { userData: '#cloud-config\npassword: x\n', networkDataBase64: '%%%not base64' }));
    Testing.synth(chart);
    const codes = Warnings.of(chart).findings().map((w) => `${w.finding.code} ${w.finding.field}`);
    expect(codes).toEqual(expect.arrayContaining([
      'VM_INLINE_CREDENTIALS_ALLOWED spec.template.spec.volumes[1].cloudInitNoCloud.userData',
      expect.stringMatching(/^VM_CLOUD_INIT_UNINSPECTABLE spec\.template\.spec\.volumes\[1\]\.cloudInitNoCloud\.networkDataBase64/),
    ]));
  });

  test('a Secret reference stays fine: nothing to read', () => {
    expect(patchedError((vm) => vm.addJsonPatch(JsonPatch.add(`${VOLUMES}/1/cloudInitNoCloud/networkDataSecretRef`, { name: 'net' })))).toBe('');
  });
});
