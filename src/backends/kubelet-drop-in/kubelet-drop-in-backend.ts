import { KUBELET_DROP_IN_DIR, kubeletDropInFile } from './kubelet-drop-in-file';
import { kubeletDropInLimitations, kubeletDropInRebootNotes } from './kubelet-drop-in-notes';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { NodeFile, NodeUnit, unitAsFile } from '../node-files/node-file';
import { nodeLabelsArg } from '../node-files/node-registration';
import { nodeStateOf } from '../node-files/node-state';

/** Options of the kubelet drop-in backend. */
export interface KubeletDropInOptions {
  /**
   * The kubelet's drop-in directory (`--config-dir`).
   *
   * @default KUBELET_DROP_IN_DIR (/etc/kubernetes/kubelet.conf.d); k3s: K3S_KUBELET_DROP_IN_DIR
   */
  readonly directory?: string;
}

/** What the kubelet drop-in backend renders for one pool. */
export interface KubeletDropInOutput {
  /** The KubeletConfiguration drop-in. */
  readonly kubeletDropIn: NodeFile;
  /** The kernel arguments as one line, in the library's order (for GRUB_CMDLINE_LINUX, grubby --args, Butane ...). */
  readonly kernelArgumentLine: string;
  /** The kubelet flags the node needs besides the drop-in: --config-dir, and --node-labels when the pool has labels. */
  readonly kubeletFlags: string[];
  /** The sysctl.d file, the unit scripts and the unit files (under /etc/systemd/system), to install with your OS tooling. */
  readonly nodeFiles: NodeFile[];
  /** The systemd units to enable (`systemctl enable <name>`). */
  readonly nodeUnits: NodeUnit[];
  /** What restarts or reboots the nodes, one line each. */
  readonly rebootNotes: string[];
  /** What this backend cannot do. */
  readonly limitations: string[];
}

/**
 * The generic backend for any other distribution (kubeadm without Cluster API, k3s, RKE2): one kubelet drop-in plus
 * everything else as files for the user's own OS tooling. Pure: check the plan with `kubeletDropInPlanFindings` first.
 */
export function renderKubeletDropIn(plan: NodeTuningPlan, options: KubeletDropInOptions = {}): KubeletDropInOutput {
  const directory = (options.directory ?? KUBELET_DROP_IN_DIR).replace(/\/+$/, '');
  const dropIn = kubeletDropInFile(plan, directory);
  const state = nodeStateOf(plan);
  const labels = nodeLabelsArg(plan.nodeLabels);
  return {
    kubeletDropIn: dropIn,
    kernelArgumentLine: plan.kernelArguments.join(' '),
    kubeletFlags: [`--config-dir=${directory}`, ...(labels !== '' ? [`--node-labels=${labels}`] : [])],
    nodeFiles: [...state.files, ...state.units.map(unitAsFile)],
    nodeUnits: state.units,
    rebootNotes: kubeletDropInRebootNotes(plan, dropIn.path),
    limitations: kubeletDropInLimitations(directory),
  };
}
