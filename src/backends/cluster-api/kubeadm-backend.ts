import { imageBuilderVars } from './image-builder-vars';
import { kubeadmConfigTemplate } from './kubeadm-config-template';
import { kubeadmLimitations, kubeadmRebootNotes } from './kubeadm-notes';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { BackendFile } from '../node-files/backend-file';

/** Options of the Cluster API kubeadm backend. */
export interface KubeadmBackendOptions {
  /**
   * The KubeadmConfigTemplate's name.
   *
   * @default `<role>-realtime`
   */
  readonly templateName?: string;
  /**
   * The KubeadmConfigTemplate's namespace.
   *
   * @default - none
   */
  readonly namespace?: string;
}

/** What the Cluster API kubeadm backend renders for one pool. */
export interface KubeadmBackendOutput {
  /** The KubeadmConfigTemplate (bootstrap.cluster.x-k8s.io/v1beta2). */
  readonly kubeadmConfigTemplate: { [key: string]: unknown };
  /** The image-builder vars with the kernel arguments (`extra_kernel_boot_params`). */
  readonly imageBuilderVars: { [key: string]: string };
  /** The vars as a file (`<role>.image-builder.json`). */
  readonly files: BackendFile[];
  /** What replaces or reboots the Machines, one line each. */
  readonly rebootNotes: string[];
  /** What this backend cannot do. */
  readonly limitations: string[];
}

/**
 * The Cluster API kubeadm backend: a KubeadmConfigTemplate plus the image-builder vars for the kernel arguments.
 * Pure: check the plan with `kubeadmPlanFindings` first.
 */
export function renderKubeadmBackend(plan: NodeTuningPlan, options: KubeadmBackendOptions = {}): KubeadmBackendOutput {
  const templateName = options.templateName ?? `${plan.role}-realtime`;
  const varsFileName = `${plan.role}.image-builder.json`;
  const vars = imageBuilderVars(plan);
  return {
    kubeadmConfigTemplate: kubeadmConfigTemplate(plan, { name: templateName, namespace: options.namespace }),
    imageBuilderVars: vars,
    files: [{ fileName: varsFileName, contents: `${JSON.stringify(vars, null, 2)}\n` }],
    rebootNotes: kubeadmRebootNotes(plan, templateName, varsFileName),
    limitations: kubeadmLimitations(varsFileName),
  };
}
