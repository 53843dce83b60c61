/**
 * Something in cloud-init data that looks like a credential. The indicator describes what and where, never the value:
 * it ends up in error messages, logs and CI output.
 */
export interface CredentialHit {
  /** The field of the object that holds the data, e.g. `spec.template.spec.volumes[1].cloudInitNoCloud.userData`. */
  readonly field: string;
  /** What looks like a credential and where inside the data, e.g. `key "passwd" under users[0]`. */
  readonly indicator: string;
}

/** A part of cloud-init data the scanner could not look into, so it cannot say whether it holds a credential. */
export interface UninspectablePart {
  /** The field of the object that holds the data. */
  readonly field: string;
  /** Why it could not be inspected and where, e.g. `gzip data that does not decompress in write_files[0].content`. */
  readonly reason: string;
}

/** What a credential scan found: hits (credentials) and parts it could not inspect (neither clean nor flagged). */
export interface CredentialScan {
  /** Credentials found, in the order the data holds them, without duplicates. */
  readonly hits: CredentialHit[];
  /** Parts that could not be inspected, in the order met, without duplicates. */
  readonly uninspectable: UninspectablePart[];
}
