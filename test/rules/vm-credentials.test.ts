import { Warnings } from '../../src/constructs/app/warnings';
import { credentialIndicators } from '../../src/rules/vm-credentials';
import { CloudInit } from '../../src/values/vm/cloud-init';
import { minimalProps, synthError, synthVm } from '../fixtures/vm';

const SEED_USER_DATA = '#cloud-config\npassword: fedora\nchpasswd: { expire: False }\nbootcmd:\n  - tuned-adm profile realtime\n';

describe('credentialIndicators', () => {
  test('finds the seed\'s password and chpasswd, never the values', () => {
    const found = credentialIndicators(SEED_USER_DATA);
    expect(found).toEqual(['key "password"', 'key "chpasswd"']);
    expect(found.join()).not.toContain('fedora');
  });

  test.each([
    ['users:\n  - name: rt\n    passwd: $6$abc', 'key "passwd"'],
    ['users:\n  - name: rt\n    hashed_passwd: $6$abc', 'key "hashed_passwd"'],
    ['users:\n- {name: rt, plain_text_passwd: x}', 'key "plain_text_passwd"'],
    ['ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3Nz rt@host', 'key "ssh_authorized_keys"'],
    ['ssh_keys:\n  rsa_private: |\n    -----BEGIN RSA PRIVATE KEY-----', 'key "ssh_keys"'],
    ['{"Password": "x"}', 'key "password"'],
    ['PASSWORD : x', 'key "password"'],
    ['#!/bin/sh\necho "root:secret" | chpasswd', 'a "chpasswd" or "passwd" command'],
    ['#!/bin/sh\necho secret | passwd --stdin root', 'a "chpasswd" or "passwd" command'],
    ['#!/bin/sh\nuseradd rt --password x', 'a "--password" option'],
    ['write_files:\n- content: |\n    -----BEGIN OPENSSH PRIVATE KEY-----', 'a private key block'],
    ['runcmd:\n- echo "ssh-rsa AAAAB3Nza rt" >> /root/.ssh/authorized_keys', 'an SSH public key'],
  ])('detects %j', (text, indicator) => {
    expect(credentialIndicators(text)).toContain(indicator);
  });

  test.each([
    '#cloud-config\nbootcmd:\n  - tuned-adm profile realtime\n',
    '#cloud-config\nssh_pwauth: false\n',
    '#cloud-config\nruncmd:\n  - systemctl enable --now chronyd\n',
  ])('finds nothing in %j', (text) => {
    expect(credentialIndicators(text)).toEqual([]);
  });
});

describe('VM cloud-init rules', () => {
  test('fails on inline credentials (the seed\'s user data)', () => {
    const msg = synthError(minimalProps({ cloudInit: CloudInit.userData(SEED_USER_DATA) }));
    expect(msg).toContain('[VM_INLINE_CREDENTIALS] cloudInit.userData: got "inline user data with key \\"password\\", key \\"chpasswd\\""');
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
