import { ApiObjectMetadata } from 'cdk8s';
import { GuestTuning } from '../../values/vm/guest-tuning';
import { RealtimeVmSettings } from '../../values/vm/realtime-vm-settings';
import { IRealtimeNodePool } from '../pool/node-pool-interface';

/**
 * Props of a `RealtimeVirtualMachine`: its settings (size, disks, real-time settings: `RealtimeVmSettings`), its
 * metadata and the node pool it runs on.
 */
export interface RealtimeVirtualMachineProps extends RealtimeVmSettings {
  /**
   * Name, namespace, labels and annotations of the VirtualMachine. The label `kubevirt.io/vm: <name>` is added to
   * the VM and its template.
   *
   * @default - the name is the construct id (which must then be a DNS-1123 label); no namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * Labels of the VM's virt-launcher pod (`spec.template.metadata.labels`, which KubeVirt copies to the VMI and its
   * pod), e.g. for a Service or NetworkPolicy that selects them. `kubevirt.io/vm: <name>` is always added; the VM's
   * own `metadata.labels` stay on the VirtualMachine object and never reach the pod.
   *
   * @default - only `kubevirt.io/vm: <name>`
   */
  readonly podLabels?: { [key: string]: string };

  /**
   * The real-time node pool the VM runs on (same as calling `placeOn(pool)`). The VM then selects the pool's nodes
   * (`node-role.kubernetes.io/<role>`) and is checked against them at synth: its pod fits the isolated CPUs and huge
   * pages of one NUMA node, is a whole number of SMT cores, its page size exists there, and all VMs of the pool fit
   * its declared `nodeCount`. Its objects are ordered after the pool's.
   *
   * @default - not placed: no pool label, no placement checks
   */
  readonly nodePool?: IRealtimeNodePool;

  /**
   * Tune the guest OS from the VM: TuneD's `realtime-virtual-guest` profile isolates exactly the vCPUs of
   * `realtimeMask` (the vCPU index is the guest CPU id) and keeps the others for housekeeping, irqbalance is
   * switched off, and the guest reboots once into the tuned kernel command line. The library writes the result,
   * merged with your inline `#cloud-config` `cloudInit` (if any), into a Secret `<vm-name>-guest-tuning` in the VM's
   * namespace, which the VM's cloud-init disk then reads. Needs `realtime` and a `realtimeMask` that leaves at
   * least one vCPU out; `cloudInit` must be inline `#cloud-config` user data or unset.
   *
   * @default - the guest OS is left as the image and your cloud-init make it
   */
  readonly guestTuning?: GuestTuning;
}
