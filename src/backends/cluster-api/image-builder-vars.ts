import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';

// kubeadm has no field for kernel arguments; Cluster API nodes boot the image their infrastructure template names. The
// Kubernetes image-builder takes extra arguments for the image's boot loader from the packer variable
// `extra_kernel_boot_params` (one string, space-separated; image-builder PR #1909), so the pool emits a vars file:
// `PACKER_VAR_FILES=<role>.image-builder.json make build-<target>`.

/** The image-builder vars of a pool: the kernel arguments as one line, in the library's order. */
export function imageBuilderVars(plan: NodeTuningPlan): { [key: string]: string } {
  return { extra_kernel_boot_params: plan.kernelArguments.join(' ') };
}
