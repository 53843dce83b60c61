import { Chart, Size, Testing } from 'cdk8s';
import { CpuPartition } from '../../src/host/cpu-partition';
import { HostTopology } from '../../src/host/host-topology';
import { HugePageSize } from '../../src/model/hugepage-size';
import { RealtimeNodePoolModel } from '../../src/pool/pool-model';
import { RealtimeNodePoolProps } from '../../src/pool/pool-props';
import { RealtimeNodePool } from '../../src/pool/realtime-node-pool';
import { resolvePool } from '../../src/pool/resolve-pool';
import { BootDisk } from '../../src/vm/disk';
import { RealtimeVirtualMachine } from '../../src/vm/realtime-virtual-machine';
import { RealtimeVirtualMachineProps } from '../../src/vm/realtime-virtual-machine-props';
import { VmShape } from '../../src/vm/vm-shape';

/**
 * 2 NUMA nodes x 16 cores x 2 threads, sequential numbering (sibling of n is n+32): NUMA node 0 = 0-15,32-47,
 * NUMA node 1 = 16-31,48-63; 64 GiB per NUMA node.
 */
export function smtHost(): HostTopology {
  return HostTopology.uniform({ numaNodes: 2, coresPerSocket: 16, threadsPerCore: 2, memoryPerNumaNode: Size.gibibytes(64) });
}

/** The same host without SMT: 2 NUMA nodes x 16 cores, NUMA node 0 = 0-15. */
export function noSmtHost(): HostTopology {
  return HostTopology.uniform({ numaNodes: 2, coresPerSocket: 16, memoryPerNumaNode: Size.gibibytes(64) });
}

/**
 * A pool on `smtHost`: 4 reserved CPUs (one core per NUMA node: 0,16,32,48), so 30 isolated CPUs (15 whole cores)
 * per NUMA node, and 32 x 1Gi pages on each NUMA node.
 */
export function smtPoolProps(overrides: Partial<RealtimeNodePoolProps> = {}): RealtimeNodePoolProps {
  const topology = overrides.topology ?? smtHost();
  return {
    role: 'worker-rt',
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [
      { size: HugePageSize.ONE_GI, count: 32, numaNode: 0 },
      { size: HugePageSize.ONE_GI, count: 32, numaNode: 1 },
    ],
    ...overrides,
  };
}

/** A pool on `noSmtHost`: 2 reserved CPUs (0,16), 15 isolated per NUMA node, 32 x 1Gi per NUMA node. */
export function noSmtPoolProps(overrides: Partial<RealtimeNodePoolProps> = {}): RealtimeNodePoolProps {
  const topology = noSmtHost();
  return smtPoolProps({ topology, partition: CpuPartition.plan(topology, { reservedCpuCount: 2, splitAcrossNumaNodes: true }), ...overrides });
}

/** The model of a pool built from `props` (what `RealtimeNodePool.model` holds). */
export function modelOf(props: RealtimeNodePoolProps): RealtimeNodePoolModel {
  return resolvePool(props).model;
}

/** A VM with 3 vCPUs (pod 4 = two whole cores with the isolated emulator thread), 4Gi in 1Gi pages. */
export function vmProps(extra: Partial<RealtimeVirtualMachineProps> = {}): RealtimeVirtualMachineProps {
  return { vcpus: 3, memory: Size.gibibytes(4), bootDisk: BootDisk.containerDisk('quay.io/example/rt:1'), ...extra };
}

/** The resolved shape of a VM built from `props`. */
export function shapeOf(props: RealtimeVirtualMachineProps, name: string = 'rt-vm'): VmShape {
  return new RealtimeVirtualMachine(Testing.chart(), name, props).shape;
}

/** A chart with a pool. */
export function chartWithPool(props: RealtimeNodePoolProps = smtPoolProps()): { chart: Chart; pool: RealtimeNodePool } {
  const chart = Testing.chart();
  return { chart, pool: new RealtimeNodePool(chart, 'Pool', props) };
}

/** The message of the synth failure of `chart` ('' when it synthesizes). */
export function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
