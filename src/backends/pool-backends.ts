import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { renderKubeadmBackend } from './cluster-api/kubeadm-backend';
import { renderKubeletDropIn } from './kubelet-drop-in/kubelet-drop-in-backend';
import { renderMachineConfigBackend } from './machine-config/machine-config-backend';
import { machineConfigRebootSummary } from './machine-config/reboot-summary';
import { BackendFile } from './node-files/backend-file';
import { renderPerformanceProfileBackend } from './performance-profile/performance-profile-backend';
import { performanceProfileRebootSummary } from './performance-profile/reboot-summary';
import { renderTalosBackend } from './talos/talos-backend';
import { EmittedObject } from '../emit/emitted-object';
import * as capi from '../imports/kubeadmconfigtemplate-bootstrap.cluster.x-k8s.io';
import * as talos from '../imports/talosconfigtemplate-bootstrap.cluster.x-k8s.io';
import { NodeTuningPlan } from '../model/pool/node-tuning-plan';
import { bootstrapTemplateName } from '../model/pool/pool-names';
import { ResolvedPool } from '../model/pool/resolve-pool';
import { isOpenShiftBackend, PoolBackend } from '../values/pool/pool-backend';
import { RealtimeNodePoolProps } from '../values/pool/pool-props';

// The one place a node-pool backend is chosen: each turns the pool's resolved model (and, for the backends that
// write node configuration themselves, its NodeTuningPlan) into objects in the pool's scope, files for the user, what
// reboots the nodes, and what the backend cannot do.

/** What a backend renders for one pool. Objects it does not render are undefined. */
export interface RenderedPool {
  readonly machineConfigPool?: ApiObject;
  readonly machineConfig?: ApiObject;
  readonly kubeletConfig?: ApiObject;
  readonly tuned?: ApiObject;
  readonly performanceProfile?: ApiObject;
  /** The Cluster API bootstrap template (TalosConfigTemplate or KubeadmConfigTemplate). */
  readonly bootstrapTemplate?: ApiObject;
  /** Files for the user (Talos patch and schematic, image-builder vars, the drop-in and node files), by relative path. */
  readonly files: BackendFile[];
  /** The inputs whose change reboots (or restarts the kubelet on) the pool's nodes, one line each. */
  readonly rebootSummary: string[];
  /** What the backend cannot do on its own (empty for the OpenShift backends, which do everything). */
  readonly limitations: string[];
}

/** What a backend needs besides the resolved pool. */
export interface PoolBackendInput {
  readonly pool: ResolvedPool;
  /** The pool's props (the backend-specific ones: taints, Talos release and installer, drop-in directory). */
  readonly props: RealtimeNodePoolProps;
  /** The node plan (the backends that write node configuration themselves; the OpenShift ones need none). */
  readonly plan?: NodeTuningPlan;
}

type Renderer = (scope: Construct, input: PoolBackendInput & { plan: NodeTuningPlan }) => RenderedPool;

const RENDERERS: Record<PoolBackend, Renderer> = {
  [PoolBackend.MACHINE_CONFIG]: (scope, { pool }) => ({
    ...renderMachineConfigBackend(scope, pool),
    files: [],
    rebootSummary: machineConfigRebootSummary(pool),
    limitations: [],
  }),
  [PoolBackend.PERFORMANCE_PROFILE]: (scope, { pool }) => ({
    ...renderPerformanceProfileBackend(scope, pool),
    files: [],
    rebootSummary: performanceProfileRebootSummary(pool),
    limitations: [],
  }),
  [PoolBackend.TALOS]: (scope, { plan, props }) => {
    const out = renderTalosBackend(plan, {
      version: props.talosVersion,
      templateName: bootstrapTemplateName(plan.role),
      installerImage: props.talosInstallerImage,
    });
    return {
      bootstrapTemplate: bootstrapTemplate(scope, talos.TalosConfigTemplateV1Alpha3.GVK, out.talosConfigTemplate),
      files: out.files,
      rebootSummary: out.rebootNotes,
      limitations: out.limitations,
    };
  },
  [PoolBackend.CLUSTER_API_KUBEADM]: (scope, { plan }) => {
    const out = renderKubeadmBackend(plan, { templateName: bootstrapTemplateName(plan.role) });
    return {
      bootstrapTemplate: bootstrapTemplate(scope, capi.KubeadmConfigTemplateV1Beta2.GVK, out.kubeadmConfigTemplate),
      files: out.files,
      rebootSummary: out.rebootNotes,
      limitations: out.limitations,
    };
  },
  [PoolBackend.KUBELET_DROP_IN]: (_, { plan, props }) => {
    const out = renderKubeletDropIn(plan, { directory: props.kubeletDropInDirectory });
    const root = (path: string) => `root${path}`;
    return {
      files: [
        { fileName: root(out.kubeletDropIn.path), contents: out.kubeletDropIn.contents },
        ...out.nodeFiles.map((f) => ({ fileName: root(f.path), contents: f.contents })),
        { fileName: 'kernel-arguments.txt', contents: `${out.kernelArgumentLine}\n` },
        { fileName: 'kubelet-flags.txt', contents: `${out.kubeletFlags.join(' ')}\n` },
      ],
      rebootSummary: out.rebootNotes,
      limitations: out.limitations,
    };
  },
};

/** Renders the pool with its backend. */
export function renderPoolBackend(scope: Construct, input: PoolBackendInput): RenderedPool {
  const { backend } = input.pool.model;
  if (input.plan === undefined && !isOpenShiftBackend(backend)) throw new Error(`backend ${backend} renders from a node plan`);
  return RENDERERS[backend](scope, input as PoolBackendInput & { plan: NodeTuningPlan });
}

/** A Cluster API bootstrap template as an emitted object (namespaced: the chart's namespace unless the JSON has one). */
function bootstrapTemplate(scope: Construct, gvk: { apiVersion: string; kind: string }, json: { [key: string]: unknown }): ApiObject {
  const { metadata, spec } = json as { metadata: { name: string; namespace?: string }; spec: unknown };
  return new EmittedObject(scope, gvk.kind, { gvk, metadata: { name: metadata.name, namespace: metadata.namespace }, fields: { spec } });
}
