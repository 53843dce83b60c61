// The seed-002 host (libvirt's KVM real-time guide): 2 NUMA nodes x 8 CPUs, no SMT, 26 x 1G huge pages per node.
// The <topology> is copied from the guide's `virsh capabilities` example; the surrounding <capabilities><host>
// elements make it a whole document, as the command prints it.
export const SEED_002_VIRSH_CAPABILITIES = `<capabilities>
  <host>
    <uuid>00000000-0000-0000-0000-000000000002</uuid>
    <cpu>
      <arch>x86_64</arch>
    </cpu>
    <topology>
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
