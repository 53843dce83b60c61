// The library side: the workload written the way a user of cdk8s-kubevirt-realtime writes it. The library module is
// passed in (loaded at run time from lib/, the compiled package), so the raw side's process never loads it.
import { App, Chart, Size } from 'cdk8s';
import { DiskKind, HardwareSpec, PoolSpec, VmSpec, Workload } from './workload';
import type * as Lib from '../src/index';

/** The library as the benchmark uses it: the package entry point. */
export type Library = typeof Lib;

type Pool = Lib.RealtimeNodePool;
type VmProps = Lib.RealtimeVirtualMachineProps;

/** The KubeVirt release the app targets (both sides write its feature gates). */
export const KUBEVIRT_VERSION = '1.3.0';

/** Builds the app (constructs only; nothing is validated or rendered yet). */
export function buildLibraryApp(lib: Library, w: Workload): App {
  const app = new App();
  const chart = new Chart(app, 'bench');
  new lib.KubeVirtConfiguration(chart, 'KubeVirt', { version: lib.KubeVirtVersion.of(KUBEVIRT_VERSION) });

  // One topology and one partition per kind of hardware, shared by its pools (as a user would write it).
  const partitions = new Map<string, { topology: Lib.HostTopology; partition: Lib.CpuPartition }>();
  const poolsById = new Map<string, Pool>();
  for (const spec of w.pools) {
    let hw = partitions.get(spec.hardware.key);
    if (!hw) {
      hw = hardware(lib, spec.hardware);
      partitions.set(spec.hardware.key, hw);
    }
    poolsById.set(spec.id, nodePool(lib, chart, spec, hw.topology, hw.partition));
  }

  for (const vm of w.vms) {
    const pool = poolsById.get(vm.pool.id)!;
    placeVm(lib, chart, vm, pool);
  }
  return app;
}

function hardware(lib: Library, hw: HardwareSpec): { topology: Lib.HostTopology; partition: Lib.CpuPartition } {
  const topology = lib.HostTopology.uniform({
    numaNodes: hw.numaNodes,
    socketsPerNumaNode: hw.socketsPerNumaNode,
    coresPerSocket: hw.coresPerSocket,
    threadsPerCore: hw.threadsPerCore,
    memoryPerNumaNode: Size.gibibytes(hw.memoryPerNumaNodeGi),
  });
  const partition = lib.CpuPartition.plan(topology, {
    reservedCpuCount: hw.reservedCpuCount,
    splitAcrossNumaNodes: hw.splitAcrossNumaNodes,
  });
  return { topology, partition };
}

function nodePool(lib: Library, chart: Chart, spec: PoolSpec, topology: Lib.HostTopology, partition: Lib.CpuPartition): Pool {
  const hw = spec.hardware;
  const hugepages: Lib.HugePageAllocation[] = [];
  for (let node = 0; node < hw.numaNodes; node++) {
    hugepages.push({ size: lib.HugePageSize.ONE_GI, count: hw.pinned1GiPerNode, numaNode: node });
  }
  if (hw.boot2MiPages > 0) hugepages.push({ size: lib.HugePageSize.TWO_MI, count: hw.boot2MiPages });
  return new lib.RealtimeNodePool(chart, spec.id, {
    role: spec.role,
    topology,
    partition,
    hugepages,
    nodeCount: spec.nodeCount,
  });
}

/** Creates the VM on its pool (`nodePool`: the pod selects the pool's nodes, and the placement checks run). */
function placeVm(lib: Library, chart: Chart, spec: VmSpec, pool: Pool): void {
  new lib.RealtimeVirtualMachine(chart, spec.name, { ...vmProps(lib, spec), nodePool: pool });
}

function vmProps(lib: Library, spec: VmSpec): VmProps {
  const vcpus = spec.vcpus ?? spec.topology!.sockets * spec.topology!.cores * spec.topology!.threads;
  return {
    metadata: { namespace: spec.namespace, labels: { ...spec.labels } },
    vcpus: spec.vcpus,
    topology: spec.topology ? { ...spec.topology } : undefined,
    memory: spec.memoryMi % 1024 === 0 ? Size.gibibytes(spec.memoryMi / 1024) : Size.mebibytes(spec.memoryMi),
    hugePageSize: spec.pageSize === '2Mi' ? lib.HugePageSize.TWO_MI : lib.HugePageSize.ONE_GI,
    realtimeMask: spec.maskStyle === 'all' ? lib.RealtimeMask.all()
      : spec.maskStyle === 'ids' ? lib.RealtimeMask.vcpus(range(1, vcpus - 1))
        : lib.RealtimeMask.parse(spec.mask),
    isolateEmulatorThread: spec.isolateEmulatorThread,
    bootDisk: spec.disk === DiskKind.PVC ? lib.BootDisk.persistentVolumeClaim(spec.claimName) : lib.BootDisk.containerDisk(spec.image),
    cloudInit: spec.cloudInitSecret ? lib.CloudInit.fromSecret(spec.cloudInitSecret) : undefined,
    sshPublicKeySecrets: spec.sshKeySecret ? [spec.sshKeySecret] : undefined,
    runStrategy: spec.halted ? lib.RunStrategy.HALTED : undefined,
  };
}

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}
