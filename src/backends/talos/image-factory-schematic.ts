import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';

// Talos takes kernel arguments from the image it boots: an Image Factory schematic's `customization.extraKernelArgs`
// (siderolabs/image-factory pkg/schematic/schematic.go). `machine.install.extraKernelArgs` is ignored under
// systemd-boot since Talos 1.10 and deprecated, so the pool never writes it.
//
// The arguments keep the library's fixed order. The factory and Talos keep the order of distinct keys but group
// repeated keys (`hugepagesz=1G hugepages=52 hugepagesz=2M hugepages=0` becomes `hugepagesz=1G hugepagesz=2M
// hugepages=52 hugepages=0`, image-factory#154, talos#11310), which breaks per-size pairs: the node-backend rules allow
// one boot-time page size under Talos (others pinned per NUMA node through sysfs).
//
// The schematic ID (sha256 of the factory's canonical YAML) is not computed here: POST the schematic to the factory
// (`POST /schematics`), which answers with the ID of the installer image to install or upgrade the nodes with.

/** The Image Factory schematic of a pool: only `customization.extraKernelArgs`. */
export function imageFactorySchematic(plan: NodeTuningPlan): { [key: string]: unknown } {
  return { customization: { extraKernelArgs: [...plan.kernelArguments] } };
}
