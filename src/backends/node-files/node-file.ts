// The files and systemd units a node backend asks the node's OS to carry. Plain data: each backend writes them its own
// way (Ignition storage/systemd, KubeadmConfig files[], files for the user's own OS tooling).

/** Mode of a root-owned file the node only reads (sysctl.d, unit files, kubelet configuration). */
export const MODE_READABLE = 0o644;
/** Mode of a root-owned script a unit runs. */
export const MODE_EXECUTABLE = 0o755;

/** A file on the node. */
export interface NodeFile {
  /** Absolute path on the node. */
  readonly path: string;
  /** The whole text of the file. */
  readonly contents: string;
  /** The file mode (owner root), e.g. 0o644. */
  readonly mode: number;
}

/** A systemd unit on the node. */
export interface NodeUnit {
  /** The unit name, e.g. `hugepages-allocation-1048576kB-NUMA0.service`. */
  readonly name: string;
  /** The unit file text. */
  readonly contents: string;
  /** Enabled (started at boot through its [Install] section). */
  readonly enabled: boolean;
}

/** Where systemd reads administrator units from. */
export const SYSTEMD_UNIT_DIR = '/etc/systemd/system';

/** A unit as a plain file under /etc/systemd/system, for backends that can only write files. */
export function unitAsFile(unit: NodeUnit): NodeFile {
  return { path: `${SYSTEMD_UNIT_DIR}/${unit.name}`, contents: unit.contents, mode: MODE_READABLE };
}

/** The mode as the octal text cloud-init and kubeadm expect (`0644`). */
export function octalMode(mode: number): string {
  return `0${mode.toString(8)}`;
}
