import { error } from './finding';
import { checkValue, Prop } from './prop-check';
import { ValidationError } from './validation-error';

/**
 * A huge page size the x86_64 kernel, the kubelet and KubeVirt all support (2 MiB and 1 GiB).
 *
 * Each layer spells it differently, so the class carries every spelling: KubeVirt and the kubelet use quantities
 * (`2Mi`, resource `hugepages-2Mi`), kernel arguments and NTO use `2M`, sysfs uses `hugepages-2048kB`.
 */
export class HugePageSize {
  /** 2 MiB pages. */
  public static readonly TWO_MI = new HugePageSize('2Mi', '2M', 2 * 1024 * 1024);
  /** 1 GiB pages (the libvirt real-time guide's recommendation for guest RAM). */
  public static readonly ONE_GI = new HugePageSize('1Gi', '1G', 1024 * 1024 * 1024);

  /**
   * The size named by a Kubernetes quantity (`2Mi`, `1Gi`) or a kernel size (`2M`, `1G`).
   *
   * @param text the size
   * @param field the field the text came from, used in error messages
   */
  public static parse(text: string, field: string = 'hugePageSize'): HugePageSize {
    checkValue(field, Prop.string(), 'HugePageSize.parse(field)');
    checkValue(text, Prop.string(true), field);
    const found = [HugePageSize.TWO_MI, HugePageSize.ONE_GI].find((s) => s.quantity === text || s.kernelName === text);
    if (!found) {
      throw new ValidationError([error('HUGEPAGE_SIZE_UNSUPPORTED', field, text, '"2Mi" or "1Gi" (the x86_64 huge page sizes)',
        'use HugePageSize.TWO_MI or HugePageSize.ONE_GI')]);
    }
    return found;
  }

  /** Every supported size, smallest first. */
  public static all(): HugePageSize[] {
    return [HugePageSize.TWO_MI, HugePageSize.ONE_GI];
  }

  private constructor(
    /** The size as a Kubernetes quantity: `2Mi` or `1Gi` (KubeVirt `memory.hugepages.pageSize`). */
    public readonly quantity: string,
    /** The size as the kernel and NTO write it: `2M` or `1G` (`hugepagesz=`). */
    public readonly kernelName: string,
    /** The size in bytes. */
    public readonly bytes: number,
  ) {}

  /** The kubelet resource name: `hugepages-2Mi` or `hugepages-1Gi`. */
  public get resourceName(): string {
    return `hugepages-${this.quantity}`;
  }

  /** The size in KiB, as sysfs names it (`/sys/devices/system/node/node0/hugepages/hugepages-2048kB`). */
  public get kibibytes(): number {
    return this.bytes / 1024;
  }

  /** The size in MiB. */
  public get mebibytes(): number {
    return this.bytes / (1024 * 1024);
  }

  /** The quantity, e.g. `1Gi`. */
  public toString(): string {
    return this.quantity;
  }
}
