import { talosConfigPatchOps } from './talos-machine-config-patch';
import { TalosNodeSettings } from './talos-node-settings';
import { TalosConfigTemplateV1Alpha3, TalosConfigTemplateV1Alpha3Props } from '../../imports/talosconfigtemplate-bootstrap.cluster.x-k8s.io';
import { TalosVersion } from '../../values/cluster/talos-version';

// The pool's patch as a Cluster API bootstrap template of the Talos bootstrap provider (CABPT), for GitOps with
// Cluster API: a MachineDeployment points its `bootstrap.configRef` at it.
//
// bootstrap.cluster.x-k8s.io/v1alpha3 (CABPT v0.6.12, the newest stable release, storage version there) rather than
// v1beta1 (v0.7.0-alpha.2, Cluster API v1beta2 contract): v0.7.0-alpha.2 still serves v1alpha3 with the same schema and
// converts it, so a v1alpha3 template works with the stable provider and with the next one, while a v1beta1 template
// needs an alpha provider.

/** How the TalosConfigTemplate is named. */
export interface TalosConfigTemplateOptions {
  /** The template's name. Cluster API reads a bootstrap template only when it creates a Machine: change the name to roll a change out. */
  readonly name: string;
  /**
   * The namespace of the Cluster API cluster.
   *
   * @default - none (the namespace the manifest is applied to)
   */
  readonly namespace?: string;
  /** The Talos release the machine configs are generated for. */
  readonly version: TalosVersion;
  /**
   * The Image Factory installer of the pool's schematic (`machine.install.image`).
   *
   * @default - not set: the nodes keep the plain installer and boot without the pool's kernel arguments
   */
  readonly installerImage?: string;
}

/** The typed props of the template (for the L1 construct). */
export function talosConfigTemplateProps(settings: TalosNodeSettings, options: TalosConfigTemplateOptions): TalosConfigTemplateV1Alpha3Props {
  return {
    metadata: { name: options.name, ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) },
    spec: {
      template: {
        spec: {
          generateType: 'worker',
          talosVersion: options.version.contractVersion,
          configPatches: talosConfigPatchOps(settings, options.installerImage).map((p) => ({ op: p.op, path: p.path, value: p.value })),
        },
      },
    },
  };
}

/** The template as a plain manifest object. */
export function talosConfigTemplate(settings: TalosNodeSettings, options: TalosConfigTemplateOptions): { [key: string]: unknown } {
  return TalosConfigTemplateV1Alpha3.manifest(talosConfigTemplateProps(settings, options));
}
