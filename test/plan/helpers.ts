import { SEED_002_LSCPU, SEED_002_VIRSH_CAPABILITIES } from './seed-002';
import { VmShape } from '../../src/model/vm/vm-shape';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';
import { HugePageSize } from '../../src/values/hugepage-size';
import { IoThreadsPolicy } from '../../src/values/vm/io-threads-policy';

/** The seed-002 host from its virsh capabilities (26 x 1G huge pages per NUMA node declared). */
export function seed002(): HostTopology {
  return HostTopology.fromVirshCapabilities(SEED_002_VIRSH_CAPABILITIES);
}

/** The seed-002 host from lscpu (no huge pages declared). */
export function seed002Lscpu(): HostTopology {
  return HostTopology.fromLscpu(SEED_002_LSCPU);
}

/** seed-002 with 4 reserved CPUs split across the NUMA nodes: reserved 0-1,8-9, isolated 2-7,10-15. */
export function seed002Partition(topology: HostTopology = seed002()): CpuPartition {
  return CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true });
}

/** 2 NUMA nodes x 4 cores x 2 threads, siblings n and n+8: node 0 = 0-3,8-11, node 1 = 4-7,12-15. */
export function smtHost(): HostTopology {
  return HostTopology.uniform({ numaNodes: 2, coresPerSocket: 4, threadsPerCore: 2 });
}

export interface ShapeOptions {
  readonly vcpus: number;
  readonly memoryGi?: number;
  readonly memoryBytes?: number;
  readonly hugePageSize?: HugePageSize;
  readonly isolateEmulatorThread?: boolean;
  readonly poolThreads?: number;
}

/** A VM shape as the VM construct resolves it, with only what capacity reads varied. */
export function vmShape(o: ShapeOptions): VmShape {
  return {
    vcpus: o.vcpus,
    sockets: o.vcpus,
    cores: 1,
    threads: 1,
    memoryBytes: o.memoryBytes ?? (o.memoryGi ?? 8) * 2 ** 30,
    ...(o.hugePageSize ? { hugePageSize: o.hugePageSize } : {}),
    dedicatedCpuPlacement: true,
    isolateEmulatorThread: o.isolateEmulatorThread ?? false,
    ...(o.poolThreads ? { ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL } : {}),
    supplementalPoolThreadCount: o.poolThreads ?? 0,
    realtime: false,
    realtimeVcpus: [],
    guestMappingPassthrough: o.hugePageSize !== undefined,
  };
}
