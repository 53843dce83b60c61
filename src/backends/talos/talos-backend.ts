import { Yaml } from 'cdk8s';
import { imageFactorySchematic } from './image-factory-schematic';
import { talosConfigTemplate } from './talos-config-template';
import { talosMachineConfigPatch } from './talos-machine-config-patch';
import { talosNodeSettings } from './talos-node-settings';
import { talosLimitations, talosRebootNotes } from './talos-notes';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';
import { TalosVersion } from '../../values/cluster/talos-version';
import { BackendFile } from '../node-files/backend-file';

/** Options of the Talos backend. */
export interface TalosBackendOptions {
  /**
   * The Talos release of the nodes.
   *
   * @default TalosVersion.V1_13
   */
  readonly version?: TalosVersion;
  /**
   * The TalosConfigTemplate's name.
   *
   * @default `<role>-realtime`
   */
  readonly templateName?: string;
  /**
   * The TalosConfigTemplate's namespace.
   *
   * @default - none
   */
  readonly namespace?: string;
  /**
   * The Image Factory installer built from the pool's schematic, e.g.
   * `factory.talos.dev/metal-installer/<schematic id>:v1.13.9`, written to `machine.install.image`. The schematic ID is
   * known only after the schematic is posted to the factory, so it is an input.
   *
   * @default - not set (a TALOS_INSTALLER_IMAGE_UNSET warning: nodes keep the plain installer, without the kernel arguments)
   */
  readonly installerImage?: string;
}

/** What the Talos backend renders for one pool. */
export interface TalosBackendOutput {
  /** The v1alpha1 machine-config patch (strategic merge). */
  readonly machineConfigPatch: { [key: string]: unknown };
  /** The Image Factory schematic with the kernel arguments. */
  readonly schematic: { [key: string]: unknown };
  /** The same patch as a Cluster API TalosConfigTemplate (bootstrap.cluster.x-k8s.io/v1alpha3). */
  readonly talosConfigTemplate: { [key: string]: unknown };
  /** The patch and the schematic as YAML files (`<role>.talos-patch.yaml`, `<role>.schematic.yaml`). */
  readonly files: BackendFile[];
  /** What reboots or restarts the nodes, one line each. */
  readonly rebootNotes: string[];
  /** What this backend cannot do. */
  readonly limitations: string[];
}

/**
 * The Talos backend: a machine-config patch, an Image Factory schematic and a TalosConfigTemplate, all from one plan.
 * Pure: check the plan with `talosPlanFindings` first; this function renders whatever it is given.
 */
export function renderTalosBackend(plan: NodeTuningPlan, options: TalosBackendOptions = {}): TalosBackendOutput {
  const version = options.version ?? TalosVersion.V1_13;
  const templateName = options.templateName ?? `${plan.role}-realtime`;
  // Talos 1.14 still reads the 1.13 fields (deprecated); a 1.14 layout of the same settings plugs in here.
  const settings = talosNodeSettings(plan);
  const machineConfigPatch = talosMachineConfigPatch(settings, options.installerImage);
  const schematic = imageFactorySchematic(plan);
  return {
    machineConfigPatch,
    schematic,
    talosConfigTemplate: talosConfigTemplate(settings, {
      name: templateName, namespace: options.namespace, version, installerImage: options.installerImage,
    }),
    files: [
      { fileName: `${plan.role}.talos-patch.yaml`, contents: Yaml.stringify(machineConfigPatch) },
      { fileName: `${plan.role}.schematic.yaml`, contents: Yaml.stringify(schematic) },
    ],
    rebootNotes: talosRebootNotes(plan, settings, version, templateName),
    limitations: talosLimitations(),
  };
}
