import { KUBEADM_PATCHES_DIR, kubeletPatchFile } from './kubelet-patch-file';
import {
  KubeadmConfigTemplateV1Beta2, KubeadmConfigTemplateV1Beta2Props, KubeadmConfigTemplateV1Beta2SpecTemplateSpecFiles,
} from '../../imports/kubeadmconfigtemplate-bootstrap.cluster.x-k8s.io';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { NodeFile, octalMode, unitAsFile } from '../node-files/node-file';
import { nodeLabelsArg, taintObjects } from '../node-files/node-registration';
import { nodeStateOf } from '../node-files/node-state';

// The pool as a Cluster API KubeadmConfigTemplate (bootstrap.cluster.x-k8s.io/v1beta2, the storage version of
// Cluster API v1.14): every node file through `files[]`, the units enabled and started by `preKubeadmCommands` before
// `kubeadm join` starts the kubelet, the kubelet settings as a kubeadm patch, labels and taints through
// `nodeRegistration`. Kernel arguments are not here: kubeadm cannot set them (see image-builder-vars.ts).

/** How the KubeadmConfigTemplate is named. */
export interface KubeadmConfigTemplateOptions {
  /** The template's name. Cluster API reads it only when it creates a Machine: change the name to roll a change out. */
  readonly name: string;
  /**
   * The namespace of the Cluster API cluster.
   *
   * @default - none (the namespace the manifest is applied to)
   */
  readonly namespace?: string;
}

function kubeadmFile(file: NodeFile): KubeadmConfigTemplateV1Beta2SpecTemplateSpecFiles {
  return { path: file.path, owner: 'root:root', permissions: octalMode(file.mode), content: file.contents };
}

/** The commands that activate the node files before kubeadm join (the kubelet is not configured yet). */
export function activationCommands(plan: NodeTuningPlan): string[] {
  const state = nodeStateOf(plan);
  const commands: string[] = [];
  if (Object.keys(plan.sysctls).length > 0) commands.push('sysctl --system');
  if (state.units.length > 0) {
    commands.push('systemctl daemon-reload');
    // One unit per command, so a failed one is visible in cloud-init's log next to its name.
    for (const unit of state.units.filter((u) => u.enabled)) commands.push(`systemctl enable --now ${unit.name}`);
  }
  return commands;
}

/** The typed props of the template (for the L1 construct). */
export function kubeadmConfigTemplateProps(plan: NodeTuningPlan, options: KubeadmConfigTemplateOptions): KubeadmConfigTemplateV1Beta2Props {
  const state = nodeStateOf(plan);
  const files = [...state.files, ...state.units.map(unitAsFile), kubeletPatchFile(plan)].map(kubeadmFile);
  const labels = nodeLabelsArg(plan.nodeLabels);
  const commands = activationCommands(plan);
  // The CRD wants at least one property in nodeRegistration (and one item in kubeletExtraArgs): empty ones are left out.
  const nodeRegistration = {
    ...(labels !== '' ? { kubeletExtraArgs: [{ name: 'node-labels', value: labels }] } : {}),
    ...(plan.nodeTaints.length > 0 ? { taints: taintObjects(plan.nodeTaints) } : {}),
  };
  return {
    metadata: { name: options.name, ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) },
    spec: {
      template: {
        spec: {
          files,
          ...(commands.length > 0 ? { preKubeadmCommands: commands } : {}),
          joinConfiguration: {
            patches: { directory: KUBEADM_PATCHES_DIR },
            ...(Object.keys(nodeRegistration).length > 0 ? { nodeRegistration } : {}),
          },
        },
      },
    },
  };
}

/** The template as a plain manifest object. */
export function kubeadmConfigTemplate(plan: NodeTuningPlan, options: KubeadmConfigTemplateOptions): { [key: string]: unknown } {
  return KubeadmConfigTemplateV1Beta2.manifest(kubeadmConfigTemplateProps(plan, options));
}
