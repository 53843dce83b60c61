import { sharedNodePlanFindings } from './node-backend-rules';
import { NodeTuningPlan } from '../model/pool/node-tuning-plan';
import { Finding, warning } from '../values/finding';

// What Cluster API's kubeadm bootstrap can and cannot do with a pool's plan. Codes in codes-node-backends.ts.

/** kubeadm cannot set kernel arguments or install a kernel: they come from the node image. */
export function kubeadmKernelArgsFindings(plan: NodeTuningPlan): Finding[] {
  if (plan.kernelArguments.length === 0 && !plan.realtimeKernel) return [];
  const what = plan.realtimeKernel ? 'the kernel arguments and the real-time kernel' : 'the kernel arguments';
  return [warning('KUBEADM_KERNEL_ARGS_NEED_IMAGE', 'kernelArguments', plan.kernelArguments.join(' '),
    `${what} baked into the node image (kubeadm has no field for them)`,
    `build the image with the emitted image-builder vars file (extra_kernel_boot_params)${plan.realtimeKernel ? ' and a real-time kernel' : ''}, `
      + 'and reference that image in the infrastructure machine template')];
}

/** Every check of a plan rendered as a KubeadmConfigTemplate. */
export function kubeadmPlanFindings(plan: NodeTuningPlan): Finding[] {
  return [...sharedNodePlanFindings(plan), ...kubeadmKernelArgsFindings(plan)];
}
