/**
 * A file a backend produces for the user (not a Kubernetes object and not a file on the node): a Talos patch, an
 * Image Factory schematic, an image-builder vars file. Written next to the synthesized YAML by the caller.
 */
export interface BackendFile {
  /** File name, without directory (`worker-rt.schematic.yaml`). */
  readonly fileName: string;
  /** The whole text. */
  readonly contents: string;
}
