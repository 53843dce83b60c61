import { CredentialScan } from './credentials/credential-scan';
import { scanUserDataField, scanVirtualMachineCredentials } from './credentials/virtual-machine';
import { CLOUD_INIT_DISK, VmModel } from '../model/vm/vm-model';
import { error, Finding, warning } from '../values/finding';
import { GuestTuningDelivery } from '../values/vm/guest-tuning';

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

/**
 * The findings of a credential scan: per field, an error listing what looks like a credential (a warning with
 * `allowInlineCredentials`), and a warning for each part that could not be inspected.
 */
export function credentialScanFindings(scan: CredentialScan, allowInlineCredentials: boolean): Finding[] {
  const out: Finding[] = [];
  const byField = new Map<string, string[]>();
  for (const hit of scan.hits) byField.set(hit.field, [...(byField.get(hit.field) ?? []), hit.indicator]);
  for (const [field, indicators] of byField) {
    const summary = `inline user data with ${indicators.join(', ')}`;
    out.push(allowInlineCredentials
      ? warning('VM_INLINE_CREDENTIALS_ALLOWED', field, summary, 'credentials kept out of the manifest',
        'move them to a Secret and use CloudInit.fromSecret(name)')
      : error('VM_INLINE_CREDENTIALS', field, summary,
        'no credentials in inline cloud-init data (it is stored in clear text in the VirtualMachine and in Git)',
        'put the user data in a Secret and use CloudInit.fromSecret(name) (SSH keys: sshPublicKeySecrets); or accept the risk with allowInlineCredentials: true'));
  }
  for (const part of scan.uninspectable) {
    out.push(warning('VM_CLOUD_INIT_UNINSPECTABLE', part.field, part.reason,
      'inline cloud-init data the credential check can read (docs/secrets.md says what it reads)',
      'keep the data in a Secret (CloudInit.fromSecret / cloudInitNoCloud.secretRef), or fix the data so it can be read'));
  }
  return out;
}

/**
 * Credentials in the VirtualMachine as it will be written (after JSON patches and `vm.resource` edits): every
 * cloud-init volume and inline field (`userData`, `userDataBase64`, `networkData`, `networkDataBase64`, NoCloud and
 * ConfigDrive). The VM's own inline user data, when a patch left it as it was, is reported by `cloudInitFindings` on
 * the prop (`cloudInit.userData`) and left out here.
 */
export function writtenCredentialFindings(vmJson: unknown, vm: VmModel): Finding[] {
  const scan = scanVirtualMachineCredentials(vmJson);
  const own = ownUserDataField(vmJson, vm);
  const mine = (field: string) => own !== undefined && (field === own || field.startsWith(`${own}.`) || field.startsWith(`${own} `));
  return credentialScanFindings({ hits: scan.hits.filter((h) => !mine(h.field)), uninspectable: scan.uninspectable.filter((u) => !mine(u.field)) },
    vm.allowInlineCredentials);
}

/** The object path of the VM's own `cloudinitdisk` user data, when the written object still holds the prop's text. */
function ownUserDataField(vmJson: unknown, vm: VmModel): string | undefined {
  const text = vm.cloudInit?.secretName === undefined ? vm.cloudInit?.inlineUserData : undefined;
  if (text === undefined) return undefined;
  const volumes = (vmJson as { spec?: { template?: { spec?: { volumes?: unknown } } } } | undefined)?.spec?.template?.spec?.volumes;
  if (!Array.isArray(volumes)) return undefined;
  const i = volumes.findIndex((v) => v?.name === CLOUD_INIT_DISK && v?.cloudInitNoCloud?.userData === text);
  return i < 0 ? undefined : `spec.template.spec.volumes[${i}].cloudInitNoCloud.userData`;
}

/** Inline credentials need `allowInlineCredentials`; SSH key secrets need a NoCloud disk to travel on. */
export function cloudInitFindings(vm: VmModel): Finding[] {
  const out: Finding[] = [];
  const cloudInit = vm.cloudInit;
  if (cloudInit?.secretName !== undefined && !isNonEmpty(cloudInit.secretName)) {
    out.push(error('VM_CLOUD_INIT_INVALID', 'cloudInit.secretName', cloudInit.secretName, 'the name of an existing Secret',
      'name the Secret that holds the user data under the key "userdata"'));
  }
  // With guestTuning the inline data moves into the library's Secret, not out of Git: the Secret is written with
  // `stringData` in the same manifests, in clear text. So the same rule (and `allowInlineCredentials`) applies.
  if (cloudInit?.secretName === undefined && cloudInit?.inlineUserData !== undefined) {
    const userData = cloudInit.inlineUserData;
    if (!isNonEmpty(userData)) {
      out.push(error('VM_CLOUD_INIT_INVALID', 'cloudInit.userData', userData, 'non-empty user data', 'write the user data, or drop cloudInit'));
    }
    out.push(...credentialScanFindings(scanUserDataField(userData, 'cloudInit.userData'), vm.allowInlineCredentials));
  }
  if (vm.sshPublicKeySecrets.length > 0 && !vm.hasCloudInitDisk) {
    out.push(error('VM_SSH_KEYS_NEED_CLOUD_INIT', 'sshPublicKeySecrets', vm.sshPublicKeySecrets,
      'a cloudInit disk (the keys are propagated through the cloud-init NoCloud data source)',
      vm.guestTuning?.tuning.delivery === GuestTuningDelivery.IGNITION
        ? 'an Ignition guest runs no cloud-init: put the keys in your own Ignition config (passwd.users[].sshAuthorizedKeys) served at a mergeConfigUrls URL, and remove sshPublicKeySecrets'
        : 'set cloudInit, e.g. CloudInit.fromSecret(...) or a CloudInit.userData("#cloud-config") without credentials'));
  }
  return out;
}

function isNonEmpty(x: unknown): x is string {
  return typeof x === 'string' && x.trim() !== '';
}
