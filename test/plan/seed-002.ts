import { SEED_002_VIRSH_TOPOLOGY } from '../fixtures/host';

// The seed-002 host (libvirt's KVM real-time guide): 2 NUMA nodes x 8 CPUs, no SMT, 26 x 1G huge pages per node.
// The <topology> is copied from the guide's `virsh capabilities` example; the surrounding <capabilities><host>
// elements make it a whole document, as the command prints it.
export const SEED_002_VIRSH_CAPABILITIES = `<capabilities>
<host>
<uuid>00000000-0000-0000-0000-000000000002</uuid>
<cpu><arch>x86_64</arch></cpu>
${SEED_002_VIRSH_TOPOLOGY.trim()}
</host>
</capabilities>
`;

/** The same host as `lscpu -p=CPU,CORE,SOCKET,NODE` prints it (core ids as lscpu numbers them: host-unique). */
export const SEED_002_LSCPU = `# The following is the parsable format, which can be fed to other
# programs. Each different item in every column has an unique ID
# starting usually from zero.
# CPU,Core,Socket,Node
0,0,0,0
1,1,0,0
2,2,0,0
3,3,0,0
4,4,1,0
5,5,1,0
6,6,1,0
7,7,1,0
8,8,0,1
9,9,0,1
10,10,0,1
11,11,0,1
12,12,1,1
13,13,1,1
14,14,1,1
15,15,1,1
`;
