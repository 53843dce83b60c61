import * as fc from 'fast-check';
import { HostTopology } from '../../src/host/host-topology';
import { CpuNumbering } from '../../src/host/uniform-topology';

// Topology fixtures shared by the host tests. Test data only; nothing in src/ reads them.

/** The `virsh capabilities` topology of the libvirt KVM real-time guide (2 NUMA nodes × 2 sockets × 4 cores, no SMT). */
export const SEED_002_VIRSH_TOPOLOGY = `<topology>
<cells num='2'>
<cell id='0'>
<memory unit='KiB'>33554432</memory>
<pages unit='KiB' size='4'>1572864</pages>
<pages unit='KiB' size='2048'>0</pages>
<pages unit='KiB' size='1048576'>26</pages>
<distances>
<sibling id='0' value='10'/>
<sibling id='1' value='21'/>
</distances>
<cpus num='8'>
<cpu id='0' socket_id='0' core_id='0' siblings='0'/>
<cpu id='1' socket_id='0' core_id='1' siblings='1'/>
<cpu id='2' socket_id='0' core_id='2' siblings='2'/>
<cpu id='3' socket_id='0' core_id='3' siblings='3'/>
<cpu id='4' socket_id='1' core_id='0' siblings='4'/>
<cpu id='5' socket_id='1' core_id='1' siblings='5'/>
<cpu id='6' socket_id='1' core_id='2' siblings='6'/>
<cpu id='7' socket_id='1' core_id='3' siblings='7'/>
</cpus>
</cell>
<cell id='1'>
<memory unit='KiB'>33554432</memory>
<pages unit='KiB' size='4'>1572864</pages>
<pages unit='KiB' size='2048'>0</pages>
<pages unit='KiB' size='1048576'>26</pages>
<distances>
<sibling id='0' value='21'/>
<sibling id='1' value='10'/>
</distances>
<cpus num='8'>
<cpu id='8' socket_id='0' core_id='0' siblings='8'/>
<cpu id='9' socket_id='0' core_id='1' siblings='9'/>
<cpu id='10' socket_id='0' core_id='2' siblings='10'/>
<cpu id='11' socket_id='0' core_id='3' siblings='11'/>
<cpu id='12' socket_id='1' core_id='0' siblings='12'/>
<cpu id='13' socket_id='1' core_id='1' siblings='13'/>
<cpu id='14' socket_id='1' core_id='2' siblings='14'/>
<cpu id='15' socket_id='1' core_id='3' siblings='15'/>
</cpus>
</cell>
</cells>
</topology>
`;

/** A whole `virsh capabilities` document (trimmed) for a 1-socket, 2-core, 2-thread host with 2M pages. */
export const VIRSH_CAPABILITIES_SMT = `<?xml version="1.0"?>
<!-- virsh capabilities, trimmed -->
<capabilities>
  <host>
    <uuid>4c4c4544-0042-3510-8051-b2c04f4e4d32</uuid>
    <cpu>
      <arch>x86_64</arch>
      <model>Skylake-Server-IBRS</model>
      <vendor>Intel</vendor>
      <topology sockets='1' dies='1' cores='2' threads='2'/>
      <feature name='ds'/>
      <pages unit='KiB' size='4'/>
      <pages unit='KiB' size='2048'/>
      <pages unit='KiB' size='1048576'/>
    </cpu>
    <power_management>
      <suspend_mem/>
    </power_management>
    <migration_features>
      <live/>
      <uri_transports>
        <uri_transport>tcp</uri_transport>
      </uri_transports>
    </migration_features>
    <topology>
      <cells num='1'>
        <cell id='0'>
          <memory unit='KiB'>16303908</memory>
          <pages unit='KiB' size='4'>4075977</pages>
          <pages unit='KiB' size='2048'>512</pages>
          <pages unit='KiB' size='1048576'>0</pages>
          <distances>
            <sibling id='0' value='10'/>
          </distances>
          <cpus num='4'>
            <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0,2'/>
            <cpu id='1' socket_id='0' die_id='0' core_id='1' siblings='1,3'/>
            <cpu id='2' socket_id='0' die_id='0' core_id='0' siblings='0,2'/>
            <cpu id='3' socket_id='0' die_id='0' core_id='1' siblings='1,3'/>
          </cpus>
        </cell>
      </cells>
    </topology>
    <cache>
      <bank id='0' level='3' type='both' size='8' unit='MiB' cpus='0-3'/>
    </cache>
    <secmodel>
      <model>selinux</model>
      <doi>0</doi>
      <baselabel type='kvm'>system_u:system_r:svirt_t:s0</baselabel>
    </secmodel>
  </host>
  <guest>
    <os_type>hvm</os_type>
    <arch name='x86_64'>
      <wordsize>64</wordsize>
      <emulator>/usr/libexec/qemu-kvm</emulator>
      <machine maxCpus='240'>pc-i440fx-rhel7.6.0</machine>
    </arch>
    <features>
      <acpi default='on' toggle='yes'/>
    </features>
  </guest>
</capabilities>
`;

/**
 * `lscpu -p=CPU,CORE,SOCKET,NODE` of a 2-socket SMT server numbered the usual Intel way: CPUs alternate between the
 * sockets (NUMA nodes) and the second threads follow all first threads (sibling of n is n+8).
 */
export const LSCPU_SMT_TWO_NODES = `# The following is the parsable format, which can be fed to other
# programs. Each different item in every column has an unique ID
# starting from zero.
# CPU,Core,Socket,Node
0,0,0,0
1,1,1,1
2,2,0,0
3,3,1,1
4,4,0,0
5,5,1,1
6,6,0,0
7,7,1,1
8,0,0,0
9,1,1,1
10,2,0,0
11,3,1,1
12,4,0,0
13,5,1,1
14,6,0,0
15,7,1,1
`;

/** lscpu on a kernel without NUMA support: the Node column is empty. 2 cores × 2 threads. */
export const LSCPU_NO_NUMA = `# The following is the parsable format, which can be fed to other
# programs. Each different item in every column has an unique ID
# starting from zero.
# CPU,Core,Socket,Node
0,0,0,
1,1,0,
2,0,0,
3,1,0,
`;

/** Plain `lscpu -p` (default columns, with caches), 1 node, 4 cores, no SMT. */
export const LSCPU_DEFAULT_COLUMNS = `# The following is the parsable format, which can be fed to other
# programs. Each different item in every column has an unique ID
# starting from zero.
# CPU,Core,Socket,Node,,L1d,L1i,L2,L3
0,0,0,0,,0,0,0,0
1,1,0,0,,1,1,1,0
2,2,0,0,,2,2,2,0
3,3,0,0,,3,3,3,0
`;

/** Renders a topology as `lscpu -p=CPU,CORE,SOCKET,NODE` prints it. */
export function renderLscpu(topology: HostTopology): string {
  const lines = ['# The following is the parsable format, which can be fed to other', '# CPU,Core,Socket,Node'];
  for (const cpu of topology.logicalCpus()) lines.push(`${cpu.id},${cpu.coreId},${cpu.socketId},${cpu.numaNode}`);
  return lines.join('\n') + '\n';
}

/** Renders a topology as the `<topology>` element of `virsh capabilities`. */
export function renderVirshTopology(topology: HostTopology): string {
  const out = ['<topology>', `  <cells num='${topology.numaNodeIds.length}'>`];
  const byId = new Map(topology.logicalCpus().map((c) => [c.id, c]));
  for (const node of topology.numaNodeIds) {
    const cpus = topology.cpusOfNumaNode(node).toArray();
    out.push(`    <cell id='${node}'>`, `      <memory unit='KiB'>${16 * 1024 * 1024}</memory>`,
      `      <pages unit='KiB' size='1048576'>${node + 4}</pages>`, `      <cpus num='${cpus.length}'>`);
    for (const id of cpus) {
      const cpu = byId.get(id)!;
      out.push(`        <cpu id='${id}' socket_id='${cpu.socketId}' core_id='${cpu.physicalCoreId}' siblings='${topology.siblingsOf(id)}'/>`);
    }
    out.push('      </cpus>', '    </cell>');
  }
  out.push('  </cells>', '</topology>');
  return out.join('\n') + '\n';
}

/** Throws unless the topology's indexes agree with each other; returns the topology for chaining. */
export function expectConsistent(topology: HostTopology): HostTopology {
  const cpus = topology.logicalCpus();
  expect(cpus.length).toBe(topology.cpus.size);
  expect(cpus.length).toBeGreaterThan(0);
  let fromNodes = 0;
  for (const node of topology.numaNodeIds) {
    const nodeCpus = topology.cpusOfNumaNode(node);
    fromNodes += nodeCpus.size;
    for (const core of topology.coresOfNumaNode(node)) expect(core.isSubsetOf(nodeCpus)).toBe(true);
  }
  expect(fromNodes).toBe(topology.cpus.size);
  const cores = topology.cores();
  expect(cores.reduce((n, c) => n + c.size, 0)).toBe(topology.cpus.size);
  expect(Math.max(...cores.map((c) => c.size))).toBe(topology.threadsPerCore);
  for (const cpu of cpus) {
    const core = cores[cpu.coreId];
    expect(core.has(cpu.id)).toBe(true);
    expect(topology.siblingsOf(cpu.id).sameAs(core)).toBe(true);
    expect(core.toArray()[cpu.threadIndex]).toBe(cpu.id);
    expect(topology.numaNodeOf(cpu.id)).toBe(cpu.numaNode);
  }
  return topology;
}

/** Small uniform host shapes (1-4 NUMA nodes, 1-2 sockets each, 1-6 cores, SMT on or off, every numbering) for property tests. */
export const uniformShapes = fc.record({
  numaNodes: fc.integer({ min: 1, max: 4 }),
  socketsPerNumaNode: fc.integer({ min: 1, max: 2 }),
  coresPerSocket: fc.integer({ min: 1, max: 6 }),
  threadsPerCore: fc.integer({ min: 1, max: 2 }),
  numbering: fc.constantFrom(...Object.values(CpuNumbering)),
});
