import { VmModel } from '../model/vm/vm-model';
import { error, Finding, warning } from '../values/finding';

// Inline cloud-init user data is stored in the VirtualMachine object: readable by everyone who may read VMs, and
// committed to Git with the manifests. Credentials in it are refused unless the user opts in (issue #6).

/** cloud-config keys that carry passwords or keys (top level or under `users:`), matched case-insensitively. */
const CREDENTIAL_KEYS = [
  'password', 'passwd', 'hashed_passwd', 'plain_text_passwd', 'chpasswd', 'ssh_authorized_keys', 'ssh_keys',
  'ssh_private_key', 'ssh_public_key',
];

/** Patterns that betray credentials in any user-data format (shell scripts, JSON, flow-style YAML). */
const CREDENTIAL_PATTERNS: Array<[string, RegExp]> = [
  ['a "chpasswd" or "passwd" command', /(^|[^\w-])(chpasswd|passwd)\b(?!\s*:)/im],
  ['a "--password" option', /--password\b/i],
  ['a private key block', /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/],
  ['an SSH public key', /\b(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+AAAA/],
];

/**
 * What in a user-data text looks like a credential: the matching key names and patterns, never the values (the
 * result ends up in error messages and logs).
 */
export function credentialIndicators(userData: string): string[] {
  if (typeof userData !== 'string') return [];
  const found: string[] = [];
  for (const key of CREDENTIAL_KEYS) {
    // A mapping key: at line start, after "- ", "{" or ",", optionally quoted, followed by a colon.
    const keyPattern = new RegExp(`(^|[\\s{,\\-])["']?${key}["']?\\s*:`, 'im');
    if (keyPattern.test(userData)) found.push(`key "${key}"`);
  }
  for (const [what, pattern] of CREDENTIAL_PATTERNS) {
    if (pattern.test(userData)) found.push(what);
  }
  return found;
}

/** Inline credentials need `allowInlineCredentials`; SSH key secrets need a NoCloud disk to travel on. */
export function cloudInitFindings(vm: VmModel): Finding[] {
  const out: Finding[] = [];
  const cloudInit = vm.cloudInit;
  if (cloudInit?.secretName !== undefined && !isNonEmpty(cloudInit.secretName)) {
    out.push(error('VM_CLOUD_INIT_INVALID', 'cloudInit.secretName', cloudInit.secretName, 'the name of an existing Secret',
      'name the Secret that holds the user data under the key "userdata"'));
  }
  if (cloudInit?.secretName === undefined && cloudInit?.inlineUserData !== undefined) {
    const userData = cloudInit.inlineUserData;
    if (!isNonEmpty(userData)) {
      out.push(error('VM_CLOUD_INIT_INVALID', 'cloudInit.userData', userData, 'non-empty user data', 'write the user data, or drop cloudInit'));
    }
    const indicators = credentialIndicators(userData);
    const summary = `inline user data with ${indicators.join(', ')}`;
    if (indicators.length > 0 && !vm.allowInlineCredentials) {
      out.push(error('VM_INLINE_CREDENTIALS', 'cloudInit.userData', summary,
        'no credentials in inline user data (it is stored in clear text in the VirtualMachine and in Git)',
        'put the user data in a Secret and use CloudInit.fromSecret(name) (SSH keys: sshPublicKeySecrets); or accept the risk with allowInlineCredentials: true'));
    } else if (indicators.length > 0) {
      out.push(warning('VM_INLINE_CREDENTIALS_ALLOWED', 'cloudInit.userData', summary,
        'credentials kept out of the manifest', 'move them to a Secret and use CloudInit.fromSecret(name)'));
    }
  }
  if (vm.sshPublicKeySecrets.length > 0 && cloudInit === undefined) {
    out.push(error('VM_SSH_KEYS_NEED_CLOUD_INIT', 'sshPublicKeySecrets', vm.sshPublicKeySecrets,
      'a cloudInit disk (the keys are propagated through the cloud-init NoCloud data source)',
      'set cloudInit, e.g. CloudInit.fromSecret(...) or a CloudInit.userData("#cloud-config") without credentials'));
  }
  return out;
}

function isNonEmpty(x: unknown): x is string {
  return typeof x === 'string' && x.trim() !== '';
}
