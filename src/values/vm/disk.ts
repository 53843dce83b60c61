import { checkProps, checkValue, Prop, PropSchema } from '../prop-check';

/**
 * Options of a VM disk.
 */
export interface DiskOptions {
  /**
   * The disk and volume name (a DNS-1123 label, unique in the VM).
   *
   * @default - boot disk: `containerdisk` for a container disk, `rootdisk` otherwise; extra disk: the claim or
   * DataVolume name, or `containerdisk-<n>` for the n-th extra container disk
   */
  readonly name?: string;
}

/** The runtime types of DiskOptions (see prop-check.ts); the name itself is checked by the VM rules (VM_DISK_INVALID). */
const DISK_OPTIONS_SCHEMA: PropSchema<DiskOptions> = {
  name: Prop.string(true),
};

/** Checks a disk factory's arguments: the source is a string, the options a DiskOptions object. */
function checkDiskArguments(factory: string, argument: string, reference: unknown, options: unknown): void {
  checkValue(reference, Prop.string(true), `${factory}(${argument})`);
  checkProps(options as DiskOptions, DISK_OPTIONS_SCHEMA, [], `${factory} options`);
}

/** What the renderer needs of a disk. */
interface DiskSource {
  /** Which KubeVirt volume type (`containerDisk`, `persistentVolumeClaim`, `dataVolume`). */
  readonly type: string;
  /** The image, claim or DataVolume the disk comes from. */
  readonly reference: string;
  /** The body of the volume entry, e.g. `{ image }`. */
  readonly body: Record<string, string>;
}

function containerDisk(image: string): DiskSource {
  return { type: 'containerDisk', reference: image, body: { image } };
}

function persistentVolumeClaim(claimName: string): DiskSource {
  return { type: 'persistentVolumeClaim', reference: claimName, body: { claimName } };
}

function dataVolume(name: string): DiskSource {
  return { type: 'dataVolume', reference: name, body: { name } };
}

/**
 * The disk the VM boots from, attached on the virtio bus.
 */
export class BootDisk {
  /**
   * An ephemeral disk from a container image (changes are lost when the VM stops), e.g.
   * `quay.io/kubevirt/fedora-realtime-container-disk:20211008_5a22acb18`.
   */
  public static containerDisk(image: string, options: DiskOptions = {}): BootDisk {
    checkDiskArguments('BootDisk.containerDisk', 'image', image, options);
    return new BootDisk(containerDisk(image), options.name ?? 'containerdisk');
  }

  /** An existing PersistentVolumeClaim that holds the boot image. */
  public static persistentVolumeClaim(claimName: string, options: DiskOptions = {}): BootDisk {
    checkDiskArguments('BootDisk.persistentVolumeClaim', 'claimName', claimName, options);
    return new BootDisk(persistentVolumeClaim(claimName), options.name ?? 'rootdisk');
  }

  /** An existing CDI DataVolume that holds the boot image. */
  public static dataVolume(dataVolumeName: string, options: DiskOptions = {}): BootDisk {
    checkDiskArguments('BootDisk.dataVolume', 'dataVolumeName', dataVolumeName, options);
    return new BootDisk(dataVolume(dataVolumeName), options.name ?? 'rootdisk');
  }

  private constructor(private readonly source: DiskSource, /** The disk and volume name. */ public readonly name: string) {}

  /** The KubeVirt volume type: `containerDisk`, `persistentVolumeClaim` or `dataVolume`. */
  public get volumeType(): string {
    return this.source.type;
  }

  /** The image, claim or DataVolume name. */
  public get reference(): string {
    return this.source.reference;
  }

  /** The volume body, e.g. `{ image: '...' }`. @internal */
  public _volumeBody(): Record<string, string> {
    return { ...this.source.body };
  }
}

/**
 * An extra (non-boot) disk of the VM, attached on the virtio bus after the boot disk.
 */
export class DataDisk {
  /** An ephemeral disk from a container image. */
  public static containerDisk(image: string, options: DiskOptions = {}): DataDisk {
    checkDiskArguments('DataDisk.containerDisk', 'image', image, options);
    return new DataDisk(containerDisk(image), options.name);
  }

  /** An existing PersistentVolumeClaim. */
  public static persistentVolumeClaim(claimName: string, options: DiskOptions = {}): DataDisk {
    checkDiskArguments('DataDisk.persistentVolumeClaim', 'claimName', claimName, options);
    return new DataDisk(persistentVolumeClaim(claimName), options.name ?? claimName);
  }

  /** An existing CDI DataVolume. */
  public static dataVolume(dataVolumeName: string, options: DiskOptions = {}): DataDisk {
    checkDiskArguments('DataDisk.dataVolume', 'dataVolumeName', dataVolumeName, options);
    return new DataDisk(dataVolume(dataVolumeName), options.name ?? dataVolumeName);
  }

  private constructor(
    private readonly source: DiskSource,
    /** The disk and volume name; undefined for a container disk without a name (named by position). */
    public readonly name?: string,
  ) {}

  /** The KubeVirt volume type: `containerDisk`, `persistentVolumeClaim` or `dataVolume`. */
  public get volumeType(): string {
    return this.source.type;
  }

  /** The image, claim or DataVolume name. */
  public get reference(): string {
    return this.source.reference;
  }

  /** The volume body, e.g. `{ claimName: '...' }`. @internal */
  public _volumeBody(): Record<string, string> {
    return { ...this.source.body };
  }
}
