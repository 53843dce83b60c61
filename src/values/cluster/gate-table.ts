import { FeatureGateState } from './feature-gate-state';
import { KubeVirtVersion } from './kubevirt-version';

// One row per gate, one column per KubeVirt minor release v1.0 … v1.9, computed from each tag's registry
// (pkg/virt-config/feature-gates.go, …/deprecation/feature-gates.go, …/featuregate/{active,inactive}.go).
// '-' = not present, 'opt' = present but unregistered (opt-in), 'A' = Alpha, 'B' = Beta, 'GA' = GA.
type Cell = '-' | 'opt' | 'A' | 'B' | 'GA';

/* eslint-disable @stylistic/key-spacing */ // aligned like the reference table
const ROWS: Record<string, Cell[]> = {
  //                        v1.0   v1.1   v1.2   v1.3   v1.4   v1.5  v1.6  v1.7  v1.8  v1.9
  CPUManager:              ['opt', 'opt', 'opt', 'opt', 'opt', 'A', 'A', 'A', 'A', 'A'],
  NUMA:                    ['opt', 'opt', 'opt', 'opt', 'GA', 'GA', 'GA', 'GA', 'GA', 'GA'],
  AlignCPUs:               ['-', '-', 'opt', 'opt', 'opt', 'A', 'A', 'A', 'A', 'A'],
  Sidecar:                 ['opt', 'opt', 'opt', 'opt', 'opt', 'A', 'A', 'A', 'A', 'A'],
  HostDevices:             ['opt', 'opt', 'opt', 'opt', 'opt', 'A', 'A', 'A', 'A', 'A'],
  VMLiveUpdateFeatures:    ['opt', 'opt', 'opt', 'opt', 'opt', 'GA', 'GA', 'GA', 'GA', 'GA'],
  VideoConfig:             ['-', '-', '-', '-', '-', '-', 'A', 'B', 'B', 'GA'],
  ReservedOverheadMemlock: ['-', '-', '-', '-', '-', '-', '-', '-', 'A', 'A'],
  PCINUMAAwareTopology:    ['-', '-', '-', '-', '-', '-', '-', '-', 'A', 'A'],
  VSOCK:                   ['opt', 'opt', 'opt', 'opt', 'opt', 'A', 'A', 'A', 'A', 'A'],
  ExperimentalIgnitionSupport:       ['opt', 'opt', 'opt', 'opt', 'opt', 'A', 'A', 'A', 'A', 'A'],
  CommonInstancetypesDeploymentGate: ['-', 'opt', 'opt', 'opt', 'GA', 'GA', 'GA', 'GA', 'GA', 'GA'],
};
/* eslint-enable @stylistic/key-spacing */

const STATE_OF_CELL: Record<Cell, FeatureGateState> = {
  '-': FeatureGateState.NOT_PRESENT,
  'opt': FeatureGateState.OPT_IN,
  'A': FeatureGateState.ALPHA,
  'B': FeatureGateState.BETA,
  'GA': FeatureGateState.GA,
};

/** The newest release the table has a column for. */
export const NEWEST_TABLED_VERSION = KubeVirtVersion.V1_9;

/** Whether the table describes this gate name. */
export function isTabledGate(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ROWS, name);
}

/** Whether the version is newer than the table's last column (its states are then assumed equal to v1.9's). */
export function isBeyondGateTable(version: KubeVirtVersion): boolean {
  return version.major > NEWEST_TABLED_VERSION.major
    || (version.major === NEWEST_TABLED_VERSION.major && version.minor > NEWEST_TABLED_VERSION.minor);
}

/**
 * The state of a gate in a release. Unknown names are `UNKNOWN`; releases newer than the table use its last column
 * (a gate never goes back from GA, and a missing newer column is reported as a warning by the configuration).
 */
export function gateStateIn(name: string, version: KubeVirtVersion): FeatureGateState {
  if (!isTabledGate(name)) return FeatureGateState.UNKNOWN;
  const row = ROWS[name];
  const column = isBeyondGateTable(version) ? row.length - 1 : version.minor;
  return STATE_OF_CELL[row[column]];
}

/** The first release in which the gate exists, or undefined for names the table does not know. */
export function firstVersionWithGate(name: string): KubeVirtVersion | undefined {
  if (!isTabledGate(name)) return undefined;
  return KubeVirtVersion.known().find((v) => gateStateIn(name, v) !== FeatureGateState.NOT_PRESENT);
}

/** The first release in which the gate is GA, or undefined when it is not GA in any tabled release. */
export function firstVersionWithGateGa(name: string): KubeVirtVersion | undefined {
  return KubeVirtVersion.known().find((v) => gateStateIn(name, v) === FeatureGateState.GA);
}

/**
 * Whether the gate is on without being listed (`IsEnabled` in pkg/virt-config/featuregate, v1.9.0): GA always;
 * Beta only from v1.9.0 (commit 6a8dfaf64c "Enable beta feature gates by default"); everything else is off.
 */
export function isGateOnByDefault(state: FeatureGateState, version: KubeVirtVersion): boolean {
  if (state === FeatureGateState.GA) return true;
  return state === FeatureGateState.BETA && version.enablesBetaGatesByDefault;
}
