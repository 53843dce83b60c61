import { ApiObjectMetadata, GroupVersionKind } from 'cdk8s';
import { renderGuestCloudConfig } from './guest-cloud-config';
import { freshLazy } from '../../emit/synthesized-json';
import { GUEST_TUNING_SECRET_KEY } from '../../model/vm/guest-tuning-plan';
import { VM_LABEL, VmModel } from '../../model/vm/vm-model';
import { GuestTuningDelivery } from '../../values/vm/guest-tuning';

// The Secret that carries a VM's guest tuning to its cloud-init disk (`cloudInitNoCloud.secretRef`). A core
// `v1/Secret` written as a plain object: the library has no cdk8s-plus dependency. The user data is written as
// `stringData` so a reviewer reads the cloud-config in the manifest diff; it is no more hidden than inline user data
// was, which is why the credential rules on the user's inline data stay as they are.

/** apiVersion and kind of a core Secret. */
export const SECRET_GVK: GroupVersionKind = { apiVersion: 'v1', kind: 'Secret' };

/** The Secret's metadata and fields, for an EmittedObject; undefined when the VM has no cloud-init guest tuning. */
export function guestTuningSecret(vm: VmModel): { metadata: ApiObjectMetadata; fields: Record<string, unknown> } | undefined {
  const plan = vm.guestTuning;
  // Ignition guest tuning travels in the VM's annotation: no Secret.
  if (plan === undefined || plan.tuning.delivery !== GuestTuningDelivery.CLOUD_INIT) return undefined;
  return {
    // In the VM's namespace (its own, else the chart's): KubeVirt reads the Secret from the VMI's namespace.
    metadata: { name: plan.secretName, namespace: vm.namespace, labels: { [VM_LABEL]: vm.name } },
    fields: {
      // Rendered at synthesis, after validation: data the rules refuse is never rendered.
      stringData: freshLazy(() => ({ [GUEST_TUNING_SECRET_KEY]: renderGuestCloudConfig(plan) })),
      type: 'Opaque',
    },
  };
}
