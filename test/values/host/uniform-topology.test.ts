import { Size } from 'cdk8s';
import { HostTopology } from '../../../src/values/host/host-topology';
import { CpuNumbering, UniformTopologyProps } from '../../../src/values/host/uniform-topology';
import { ValidationError } from '../../../src/values/validation-error';
import { expectConsistent } from '../../fixtures/host';

function nodes(host: HostTopology): string[] {
  return host.numaNodeIds.map((n) => host.cpusOfNumaNode(n).toString());
}

function cores(host: HostTopology): string[] {
  return host.cores().map(String);
}

describe('HostTopology.uniform', () => {
  test('SEQUENTIAL without SMT: each NUMA node owns a contiguous block (the libvirt guide host)', () => {
    const host = expectConsistent(HostTopology.uniform({ numaNodes: 2, socketsPerNumaNode: 2, coresPerSocket: 4 }));
    expect(nodes(host)).toEqual(['0-7', '8-15']);
    expect(host.smtEnabled).toBe(false);
    expect(host.logicalCpus()[5]).toEqual({ id: 5, coreId: 5, physicalCoreId: 1, socketId: 1, numaNode: 0, threadIndex: 0 });
    expect(host.logicalCpus()[12]).toMatchObject({ socketId: 3, numaNode: 1 });
  });

  test('SEQUENTIAL with SMT: second threads follow all first threads', () => {
    const host = expectConsistent(HostTopology.uniform({ numaNodes: 1, coresPerSocket: 4, threadsPerCore: 2 }));
    expect(cores(host)).toEqual(['0,4', '1,5', '2,6', '3,7']);
    expect(host.logicalCpus()[6]).toMatchObject({ id: 6, coreId: 2, threadIndex: 1 });
  });

  test('INTERLEAVED_BY_SOCKET: the libvirt guide warning, node 0 = 0-3,8-11 and node 1 = 4-7,12-15', () => {
    const host = expectConsistent(HostTopology.uniform({
      numaNodes: 2, socketsPerNumaNode: 2, coresPerSocket: 4, numbering: CpuNumbering.INTERLEAVED_BY_SOCKET,
    }));
    expect(nodes(host)).toEqual(['0-3,8-11', '4-7,12-15']);
    expect(host.socketOf(4)).toBe(2);
    expect(host.socketOf(8)).toBe(1);
  });

  test('INTERLEAVED_BY_SOCKET with SMT keeps sibling = n + total cores', () => {
    const host = expectConsistent(HostTopology.uniform({
      numaNodes: 2, socketsPerNumaNode: 2, coresPerSocket: 2, threadsPerCore: 2, numbering: CpuNumbering.INTERLEAVED_BY_SOCKET,
    }));
    expect(nodes(host)).toEqual(['0-1,4-5,8-9,12-13', '2-3,6-7,10-11,14-15']);
    expect(host.siblingsOf(2).toString()).toBe('2,10');
  });

  test('INTERLEAVED_BY_CORE: a 2-socket Intel server, CPU 0 on node 0, CPU 1 on node 1, sibling of n is n+40', () => {
    const host = expectConsistent(HostTopology.uniform({
      numaNodes: 2, coresPerSocket: 20, threadsPerCore: 2, numbering: CpuNumbering.INTERLEAVED_BY_CORE,
    }));
    expect(host.numaNodeOf(0)).toBe(0);
    expect(host.numaNodeOf(1)).toBe(1);
    expect(host.cpusOfNumaNode(0).toArray().slice(0, 4)).toEqual([0, 2, 4, 6]);
    expect(host.cpusOfNumaNode(0).size).toBe(40);
    for (const n of [0, 1, 17, 39]) expect(host.siblingsOf(n).toArray()).toEqual([n, n + 40]);
    expect(host.coresOfNumaNode(1).slice(0, 2).map(String)).toEqual(['1,41', '3,43']);
  });

  test('INTERLEAVED_BY_CORE with 2 sockets per node walks socket then core within a node', () => {
    const host = expectConsistent(HostTopology.uniform({
      numaNodes: 2, socketsPerNumaNode: 2, coresPerSocket: 2, numbering: CpuNumbering.INTERLEAVED_BY_CORE,
    }));
    expect(nodes(host)).toEqual(['0,2,4,6', '1,3,5,7']);
    expect([0, 2, 4, 6].map((c) => host.socketOf(c))).toEqual([0, 0, 1, 1]);
  });

  test('SEQUENTIAL_ADJACENT_SIBLINGS: threads of a core are consecutive', () => {
    const host = expectConsistent(HostTopology.uniform({
      numaNodes: 2, coresPerSocket: 2, threadsPerCore: 4, numbering: CpuNumbering.SEQUENTIAL_ADJACENT_SIBLINGS,
    }));
    expect(cores(host)).toEqual(['0-3', '4-7', '8-11', '12-15']);
    expect(nodes(host)).toEqual(['0-7', '8-15']);
    expect(host.threadsPerCore).toBe(4);
  });

  test('reports the declared memory of every node and no huge pages', () => {
    const host = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 2, memoryPerNumaNode: Size.gibibytes(64) });
    expect(host.memoryOfNumaNode(1)!.toGibibytes()).toBe(64);
    expect(host.memoryOfNumaNode(2)).toBeUndefined();
    expect(HostTopology.uniform({ numaNodes: 1, coresPerSocket: 1 }).memoryOfNumaNode(0)).toBeUndefined();
  });

  test.each([
    [{ numaNodes: 0, coresPerSocket: 4 }, 'numaNodes', '0', 'a whole number from 1 to 1024'],
    [{ numaNodes: 1, coresPerSocket: -2 }, 'coresPerSocket', '-2', 'a whole number from 1 to 8192'],
    [{ numaNodes: 1, coresPerSocket: 4, threadsPerCore: 16 }, 'threadsPerCore', '16', 'a whole number from 1 to 8'],
    [{ numaNodes: 1, coresPerSocket: 4, socketsPerNumaNode: 0 }, 'socketsPerNumaNode', '0', 'a whole number from 1 to 8192'],
    [{ numaNodes: 8, coresPerSocket: 1024, threadsPerCore: 2 }, 'numaNodes*socketsPerNumaNode*coresPerSocket*threadsPerCore', '16384',
      'at most 8192 logical CPUs'],
    [{ numaNodes: 1, coresPerSocket: 4, memoryPerNumaNode: Size.gibibytes(0) }, 'memoryPerNumaNode', '"0 KiB"', 'a positive Size'],
    [{ numaNodes: 1, coresPerSocket: 4, memoryPerNumaNode: Size.gibibytes(NaN) }, 'memoryPerNumaNode', '"a Size that is not a number"', 'a positive Size'],
    [{ numaNodes: 1, coresPerSocket: 4, memoryPerNumaNode: Size.gibibytes(Infinity) }, 'memoryPerNumaNode', '"Infinity KiB"', 'a positive Size'],
  ])('fails on %j naming %s', (props, field, value, expected) => {
    let caught: unknown;
    try {
      HostTopology.uniform(props as unknown as UniformTopologyProps);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const message = (caught as Error).message;
    expect(message).toContain(`[UNIFORM_TOPOLOGY_INVALID] ${field}: got ${value}, expected ${expected}`);
  });

  test.each([
    [{ numaNodes: 1.5, coresPerSocket: 4 }, '[PROP_TYPE_INVALID] numaNodes: got 1.5, expected a whole number'],
    [{ numaNodes: NaN, coresPerSocket: 4 }, '[PROP_TYPE_INVALID] numaNodes: got NaN, expected a whole number'],
    [{ numaNodes: 1, coresPerSocket: '4' }, '[PROP_TYPE_INVALID] coresPerSocket: got "4", expected a whole number'],
    [{ numaNodes: 1, coresPerSocket: 4, numbering: 'zigzag' }, '[PROP_TYPE_INVALID] numbering: got "zigzag", expected a CpuNumbering ("sequential"'],
    [{ numaNodes: 1, coresPerSocket: 4, memoryPerNumaNode: {} }, '[PROP_TYPE_INVALID] memoryPerNumaNode: got an object, expected a Size'],
    [{ numaNodes: 1, coresPerSocket: 4, threadsPerCore: null }, '[PROP_TYPE_INVALID] threadsPerCore: got null'],
    [{ numaNodes: 1, coresPerSocket: 4, sockets: 2 }, '[PROP_UNKNOWN] sockets: got 2, expected one of the HostTopology.uniform props'],
    [{ coresPerSocket: 4 }, '[PROP_REQUIRED] numaNodes: got (not set), expected a whole number'],
    [undefined, '[PROP_TYPE_INVALID] HostTopology.uniform props: got (not set), expected an object'],
  ])('refuses %j at the typed boundary (issue 13)', (props, line) => {
    expect(() => HostTopology.uniform(props as unknown as UniformTopologyProps)).toThrow(line);
  });

  test('accepts the largest host: 8192 CPUs', () => {
    expect(HostTopology.uniform({ numaNodes: 8, coresPerSocket: 512, threadsPerCore: 2 }).cpus.toString()).toBe('0-8191');
  });
});
