import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ignitionConfig } from './ignition-config';
import { renderMachineConfigPool } from './machine-config-pool';
import { tunedProfileData } from './tuned-profile';
import { EmittedObject } from '../../emit/emitted-object';
import * as kc from '../../imports/kubeletconfig-machineconfiguration.openshift.io';
import * as mc from '../../imports/machineconfig-machineconfiguration.openshift.io';
import * as tuned from '../../imports/tuned-tuned.openshift.io';
import { poolKubeletConfiguration } from '../../model/pool/pool-kubelet-config';
import { kubeletConfigName, machineConfigName, MCO_ROLE_LABEL, TUNED_NAMESPACE, tunedName } from '../../model/pool/pool-names';
import { ResolvedPool } from '../../model/pool/resolve-pool';

/** The objects the MachineConfig backend renders for one pool. */
export interface MachineConfigBackendObjects {
  readonly machineConfigPool: ApiObject;
  readonly machineConfig: ApiObject;
  readonly kubeletConfig: ApiObject;
  readonly tuned: ApiObject;
}

/**
 * The OpenShift MachineConfig backend: turns a resolved pool into a MachineConfigPool, one MachineConfig (kernel
 * type, every kernel argument, huge page units, the real-time sysctl), a KubeletConfig and a Tuned CR, each under
 * an explicit, stable name. The kernel arguments live in the MachineConfig only (see tuned-profile.ts).
 */
export function renderMachineConfigBackend(scope: Construct, pool: ResolvedPool): MachineConfigBackendObjects {
  const { model } = pool;
  const role = model.role;
  const roleLabel = { [MCO_ROLE_LABEL]: role };
  const mcName = machineConfigName(role);

  const machineConfigPool = renderMachineConfigPool(scope, model);

  const machineConfig = new EmittedObject(scope, 'MachineConfig', {
    gvk: mc.MachineConfig.GVK,
    metadata: { name: mcName, labels: roleLabel },
    fields: {
      spec: mc.toJson_MachineConfigSpec({
        kernelType: model.realtimeKernel ? 'realtime' : 'default',
        kernelArguments: model.kernelArguments,
        config: ignitionConfig(mcName, pool.pinned, pool.model.partition.offlined),
      }),
    },
  });

  const kubeletConfig = new EmittedObject(scope, 'KubeletConfig', {
    gvk: kc.KubeletConfig.GVK,
    metadata: { name: kubeletConfigName(role) },
    fields: {
      spec: kc.toJson_KubeletConfigSpec({
        machineConfigPoolSelector: { matchLabels: roleLabel },
        kubeletConfig: poolKubeletConfiguration(pool),
      }),
    },
  });

  const profileName = tunedName(role);
  const tunedObject = new EmittedObject(scope, 'Tuned', {
    gvk: tuned.Tuned.GVK,
    metadata: { name: profileName, namespace: TUNED_NAMESPACE },
    fields: {
      spec: tuned.toJson_TunedSpec({
        profile: [{
          name: profileName,
          data: tunedProfileData({
            name: profileName, role, machineConfigName: mcName, isolated: model.partition.isolated, realtimeKernel: model.realtimeKernel,
          }),
        }],
        // Priority 20, like NTO's performance profiles: the lowest number wins, and the default Tuned CR recommends
        // openshift-control-plane at 30 and openshift-node at 40.
        recommend: [{ profile: profileName, priority: 20, machineConfigLabels: roleLabel }],
      }),
    },
  });

  return { machineConfigPool, machineConfig, kubeletConfig, tuned: tunedObject };
}
