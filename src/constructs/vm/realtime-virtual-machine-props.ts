import { ApiObjectMetadata } from 'cdk8s';
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
}
