import { error, Finding, warning } from '../finding';
import { CloudInit } from '../vm/cloud-init';
import { ResolvedVm } from '../vm/resolve';
import { scanUserDataField } from './credentials/virtual-machine';

// Inline cloud-init user data is stored in the VirtualMachine object: readable by everyone who may read VMs, and
// committed to Git with the manifests. Credentials in it are refused unless the user opts in (issue #6).

/**
 * What in a user-data text looks like a credential: descriptions such as `key "passwd" under users[0]` or
 * `a private key block in write_files[0].content (gzip+base64)`, never the values (the result ends up in error
 * messages and logs). The text is read as cloud-init reads it, decodings included (see credentials/user-data.ts);
 * parts that cannot be inspected are not listed here (see `scanUserDataField`).
 */
export function credentialIndicators(userData: string): string[] {
  if (typeof userData !== 'string') return [];
  return scanUserDataField(userData, 'cloudInit.userData').hits.map((h) => h.indicator);
}

/** Inline credentials need `allowInlineCredentials`; SSH key secrets need a NoCloud disk to travel on. */
export function cloudInitFindings(vm: ResolvedVm): Finding[] {
  const out: Finding[] = [];
  const cloudInit = vm.cloudInit;
  if (cloudInit !== undefined && !(cloudInit instanceof CloudInit)) {
    out.push(error('VM_CLOUD_INIT_INVALID', 'cloudInit', cloudInit, 'a CloudInit', 'use CloudInit.fromSecret(...) or CloudInit.userData(...)'));
    return out;
  }
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
    if (indicators.length > 0 && vm.props.allowInlineCredentials !== true) {
      out.push(error('VM_INLINE_CREDENTIALS', 'cloudInit.userData', summary,
        'no credentials in inline user data (it is stored in clear text in the VirtualMachine and in Git)',
        'put the user data in a Secret and use CloudInit.fromSecret(name) (SSH keys: sshPublicKeySecrets); or accept the risk with allowInlineCredentials: true'));
    } else if (indicators.length > 0) {
      out.push(warning('VM_INLINE_CREDENTIALS_ALLOWED', 'cloudInit.userData', summary,
        'credentials kept out of the manifest', 'move them to a Secret and use CloudInit.fromSecret(name)'));
    }
  }
  vm.sshPublicKeySecrets.forEach((name, i) => {
    if (!isNonEmpty(name)) {
      out.push(error('VM_CLOUD_INIT_INVALID', `sshPublicKeySecrets[${i}]`, name, 'the name of an existing Secret', 'name the Secret'));
    }
  });
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
