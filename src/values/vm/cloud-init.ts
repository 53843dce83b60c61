import { checkValue, Prop } from '../prop-check';

/**
 * Cloud-init NoCloud data for the guest (a `cloudInitNoCloud` volume named `cloudinitdisk`).
 *
 * Prefer `fromSecret`: inline user data is stored in the VirtualMachine object, readable by everyone who can read
 * VMs, and ends up in Git with the rest of the manifests.
 */
export class CloudInit {
  /**
   * User data read from the `userdata` key of an existing Secret in the VM's namespace (KubeVirt `secretRef`): the
   * safe place for passwords and keys.
   *
   * @param secretName the Secret name
   */
  public static fromSecret(secretName: string): CloudInit {
    checkValue(secretName, Prop.string(true), 'CloudInit.fromSecret(secretName)');
    return new CloudInit(secretName, undefined);
  }

  /**
   * User data written into the VM manifest. Credentials in it (passwords, `chpasswd`, SSH keys ...) are refused
   * unless the VM sets `allowInlineCredentials: true`.
   *
   * @param text the user data, e.g. a `#cloud-config` document
   */
  public static userData(text: string): CloudInit {
    checkValue(text, Prop.string(true), 'CloudInit.userData(text)');
    return new CloudInit(undefined, text);
  }

  private constructor(
    /** The Secret holding the user data (for `fromSecret`). */
    public readonly secretName?: string,
    /** The inline user data (for `userData`). */
    public readonly inlineUserData?: string,
  ) {}

  /** The body of the `cloudInitNoCloud` volume. @internal */
  public _noCloud(): Record<string, unknown> {
    return this.secretName !== undefined ? { secretRef: { name: this.secretName } } : { userData: this.inlineUserData };
  }
}
