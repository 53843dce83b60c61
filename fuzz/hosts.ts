import { anyNumber, count, cpulist, finiteEdge, maybe, shortText, size } from './gen';
import { Rng } from './rng';
import { CpuPartitionPlanOptions, ExplicitCpuPartitionProps } from '../src/values/host/cpu-partition-props';
import { HostTopology } from '../src/values/host/host-topology';
import { CpuNumbering, UniformTopologyProps } from '../src/values/host/uniform-topology';
import { HugePageSize } from '../src/values/hugepage-size';

// Hosts: uniform shapes (mostly small, valid), their lscpu / virsh renderings with mutations, and partition options.

/** Uniform topology props, mostly valid and small. */
export function uniformProps(r: Rng, pWrong: number = 0.05): UniformTopologyProps {
  const props: Record<string, unknown> = {
    numaNodes: maybe(r, pWrong, () => count(r, 1, 4, 0.05)),
    coresPerSocket: maybe(r, pWrong, () => count(r, 1, 12, 0.05)),
  };
  if (r.chance(0.5)) props.socketsPerNumaNode = maybe(r, pWrong, () => count(r, 1, 2, 0.05));
  if (r.chance(0.6)) props.threadsPerCore = maybe(r, pWrong, () => count(r, 1, 2, 0.05));
  if (r.chance(0.5)) props.memoryPerNumaNode = maybe(r, pWrong, () => size(r));
  if (r.chance(0.4)) props.numbering = maybe(r, pWrong, () => r.pick(Object.values(CpuNumbering)));
  if (r.chance(0.02)) props[r.pick(['sockets', 'numa', 'cores'])] = 1;
  return props as unknown as UniformTopologyProps;
}

/** A valid small host (falls back to 1 NUMA node × 4 cores × 2 threads when the props are refused). */
export function host(r: Rng): HostTopology {
  try {
    return HostTopology.uniform(uniformProps(r, 0));
  } catch {
    return HostTopology.uniform({ numaNodes: 1, coresPerSocket: 4, threadsPerCore: 2 });
  }
}

/** `lscpu -p` output of a host, sometimes mutated. */
export function lscpuText(r: Rng, topology: HostTopology): string {
  const lines = ['# The following is the parsable format, which can be fed to other', '# CPU,Core,Socket,Node'];
  if (r.chance(0.2)) lines[1] = r.pick(['# CPU,Node,Socket,Core', '# Core,CPU', '# CPU,Core,Socket,Node,,L1d:L1i:L2:L3', '']);
  for (const cpu of topology.logicalCpus()) lines.push(`${cpu.id},${cpu.coreId},${cpu.socketId},${r.chance(0.02) ? '' : cpu.numaNode}`);
  return mutateLines(r, lines).join(r.chance(0.95) ? '\n' : '\r\n') + '\n';
}

/** The `<topology>` of `virsh capabilities` for a host, sometimes mutated. */
export function virshText(r: Rng, topology: HostTopology): string {
  const out = ['<capabilities><host><topology>', `  <cells num='${topology.numaNodeIds.length}'>`];
  const byId = new Map(topology.logicalCpus().map((c) => [c.id, c]));
  for (const node of topology.numaNodeIds) {
    const cpus = topology.cpusOfNumaNode(node).toArray();
    out.push(`    <cell id='${node}'>`, `      <memory unit='${r.chance(0.9) ? 'KiB' : r.pick(['MiB', 'GiB', 'b', 'x'])}'>${r.chance(0.9) ? 16 * 1024 * 1024 : finiteEdge(r)}</memory>`,
      `      <pages unit='KiB' size='${r.pick([4, 2048, 1048576, 3])}'>${r.chance(0.9) ? r.int(40) : finiteEdge(r)}</pages>`,
      `      <cpus num='${cpus.length}'>`);
    for (const id of cpus) {
      const cpu = byId.get(id)!;
      const siblings = r.chance(0.97) ? topology.siblingsOf(id).toString() : cpulist(r);
      out.push(`        <cpu id='${id}' socket_id='${cpu.socketId}' core_id='${cpu.physicalCoreId}' siblings='${siblings}'/>`);
    }
    out.push('      </cpus>', '    </cell>');
  }
  out.push('  </cells>', '</topology></host></capabilities>');
  let lines = mutateLines(r, out);
  if (r.chance(0.03)) lines = [r.pick(['<!DOCTYPE x [<!ENTITY a "aaaa">]>', '<?xml version="1.0"?>', '<!-- c -->', '<![CDATA[x]]>']), ...lines];
  return lines.join('\n');
}

/** Deletes, repeats or corrupts a few lines now and then. */
function mutateLines(r: Rng, lines: string[]): string[] {
  const out = [...lines];
  const n = r.chance(0.7) ? 0 : r.between(1, 3);
  for (let i = 0; i < n && out.length > 0; i++) {
    const at = r.int(out.length);
    switch (r.int(5)) {
      case 0: out.splice(at, 1); break;
      case 1: out.splice(at, 0, out[at]); break;
      case 2: out[at] = out[at].replace(/\d+/, String(finiteEdge(r))); break;
      case 3: out[at] = out[at].slice(0, r.int(out[at].length + 1)); break;
      default: out[at] = out[at] + shortText(r, 6);
    }
  }
  return out;
}

/** Options for CpuPartition.plan on `topology`, mostly in range. */
export function planOptions(r: Rng, topology: HostTopology, pWrong: number = 0.05): CpuPartitionPlanOptions {
  const total = topology.cpus.size;
  const o: Record<string, unknown> = {
    reservedCpuCount: maybe(r, pWrong, () => (r.chance(0.85)
      ? r.between(1, Math.max(1, Math.min(total - 1, 8))) * (r.chance(0.6) ? 2 : 1)
      : anyNumber(r))),
  };
  if (r.chance(0.3)) o.offlinedCpuCount = maybe(r, pWrong, () => (r.chance(0.8) ? r.int(Math.max(1, total / 4)) : anyNumber(r)));
  if (r.chance(0.4)) o.splitAcrossNumaNodes = maybe(r, pWrong, () => r.chance(0.5));
  if (r.chance(0.3)) o.disableSmt = maybe(r, pWrong, () => r.chance(0.5));
  if (r.chance(0.2)) o.offlineWholeSocketsFirst = maybe(r, pWrong, () => r.chance(0.5));
  return o as unknown as CpuPartitionPlanOptions;
}

/** Props for CpuPartition.explicit on `topology`: cpulist strings or CpuSets, often sensible. */
export function explicitProps(r: Rng, topology: HostTopology, pWrong: number = 0.05): ExplicitCpuPartitionProps {
  const first = topology.cores()[0];
  const o: Record<string, unknown> = {
    reserved: maybe(r, pWrong, () => (r.chance(0.6) ? first : r.chance(0.5) ? first.toString() : cpulist(r, topology.cpus.size + 2))),
  };
  if (r.chance(0.3)) o.isolated = maybe(r, pWrong, () => (r.chance(0.5) ? topology.cpus.difference(first) : cpulist(r, topology.cpus.size + 2)));
  if (r.chance(0.2)) o.offlined = maybe(r, pWrong, () => cpulist(r, topology.cpus.size + 2));
  if (r.chance(0.2)) o.disableSmt = maybe(r, pWrong, () => r.chance(0.5));
  return o as unknown as ExplicitCpuPartitionProps;
}

/** A huge page size, or now and then something else. */
export function hugePageSize(r: Rng, pWrong: number = 0.05): HugePageSize {
  return maybe(r, pWrong, () => r.pick(HugePageSize.all()));
}
