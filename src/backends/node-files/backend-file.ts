/**
 * A file a backend produces for the user (not a Kubernetes object and not a file on the node): a Talos patch, an
 * Image Factory schematic, an image-builder vars file. Written by `NodeFiles.write`.
 */
export interface BackendFile {
  /**
   * Path relative to the pool's directory: a file name (`worker-rt.schematic.yaml`), or for files meant for the node a
   * path under `root/` mirroring the node's file system (`root/etc/sysctl.d/99-worker-rt-realtime.conf`). Never
   * absolute, never with `..`.
   */
  readonly fileName: string;
  /** The whole text. */
  readonly contents: string;
}
