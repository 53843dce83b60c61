import * as fc from 'fast-check';
import { HostTopology } from '../../../src/values/host/host-topology';
import { idsLookLogical, LSCPU_COMMAND, parseLscpu } from '../../../src/values/host/lscpu';
import { RawCpu } from '../../../src/values/host/topology-data';
import { ValidationError } from '../../../src/values/validation-error';
import { expectConsistent, LSCPU_DEFAULT_COLUMNS, LSCPU_NO_NUMA, LSCPU_SMT_TWO_NODES, renderLscpu, uniformShapes } from '../../fixtures/host';
import { ntoBareMetalLscpu } from '../../fixtures/nto-bare-metal-host';

function failure(text: string): ValidationError {
  try {
    HostTopology.fromLscpu(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('HostTopology.fromLscpu', () => {
  test('reads a 2-socket SMT host numbered the Intel way', () => {
    const host = expectConsistent(HostTopology.fromLscpu(LSCPU_SMT_TWO_NODES));
    expect(host.numaNodeIds).toEqual([0, 1]);
    expect(host.cpusOfNumaNode(0).toString()).toBe('0,2,4,6,8,10,12,14');
    expect(host.cpusOfNumaNode(1).toString()).toBe('1,3,5,7,9,11,13,15');
    expect(host.threadsPerCore).toBe(2);
    expect(host.smtEnabled).toBe(true);
    expect(host.siblingsOf(3).toString()).toBe('3,11');
    expect(host.coresOfNumaNode(1).map(String)).toEqual(['1,9', '3,11', '5,13', '7,15']);
    expect(host.memoryOfNumaNode(0)).toBeUndefined();
    expect(host.toString()).toBe('2 NUMA nodes, 16 CPUs (0-15), 8 cores, 2 threads per core');
  });

  test('treats an empty Node field (kernel without NUMA) as NUMA node 0', () => {
    const host = expectConsistent(HostTopology.fromLscpu(LSCPU_NO_NUMA));
    expect(host.numaNodeIds).toEqual([0]);
    expect(host.cpusOfNumaNode(0).toString()).toBe('0-3');
    expect(host.cores().map(String)).toEqual(['0,2', '1,3']);
  });

  test('follows the header of plain `lscpu -p` (extra cache columns)', () => {
    const host = expectConsistent(HostTopology.fromLscpu(LSCPU_DEFAULT_COLUMNS));
    expect(host.cpus.toString()).toBe('0-3');
    expect(host.smtEnabled).toBe(false);
  });

  test('follows a header with another column order, and CRLF line ends', () => {
    const host = HostTopology.fromLscpu('# Node,CPU,Socket,Core\r\n1,0,0,0\r\n0,1,1,1\r\n');
    expect(host.numaNodeOf(0)).toBe(1);
    expect(host.numaNodeOf(1)).toBe(0);
  });

  test('accepts headerless four-column lines', () => {
    expect(HostTopology.fromLscpu('0,0,0,0\n1,0,0,0\n').siblingsOf(0).toString()).toBe('0-1');
  });

  test.each([
    ['', 'LSCPU_SYNTAX', 'lscpu input', 'at least one CPU line'],
    ['# only comments\n', 'LSCPU_SYNTAX', 'lscpu input', 'at least one CPU line'],
    ['0,0,0,0\n1,1,0\n', 'LSCPU_SYNTAX', 'lscpu line 2', 'the line is truncated'],
    ['0,0,0,0,7\n', 'LSCPU_SYNTAX', 'lscpu line 1', '4 comma-separated fields CPU,Core,Socket,Node (got 5)'],
    ['0,0,0,0\nx,1,0,0\n', 'LSCPU_SYNTAX', 'lscpu line 2', 'CPU as a whole number from 0 to 8191 (got "x")'],
    ['0,a,0,0\n', 'LSCPU_SYNTAX', 'lscpu line 1', 'Core as a whole number'],
    ['0,0,-1,0\n', 'LSCPU_SYNTAX', 'lscpu line 1', 'Socket as a whole number'],
    ['0,0,0,n\n', 'LSCPU_SYNTAX', 'lscpu line 1', 'Node as a whole number from 0 to 1023'],
    ['9000,0,0,0\n', 'LSCPU_SYNTAX', 'lscpu line 1', '(got "9000")'],
    ['0,0,0,2000\n', 'LSCPU_SYNTAX', 'lscpu line 1', '(got "2000")'],
    ['0,99999999999,0,0\n', 'LSCPU_SYNTAX', 'lscpu line 1', 'Core as a whole number'],
    ['# CPU,Core,Socket\n0,0,0\n', 'LSCPU_SYNTAX', 'lscpu line 1', 'missing node'],
    ['0,0,0,0\n1,1,0,0\n0,2,0,0\n', 'TOPOLOGY_INCONSISTENT', 'lscpu line 3', 'CPU 0 is already declared at lscpu line 1'],
    ['0,0,0,0\n1,0,0,1\n', 'TOPOLOGY_INCONSISTENT', 'lscpu line 2', 'a core listed in two NUMA nodes'],
  ])('fails on %j with [%s] naming %s', (text, code, field, expected) => {
    const e = failure(text);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`[${code}] ${field}: got `);
    expect(e.message).toContain(expected);
  });

  test('quotes the offending line as the value', () => {
    expect(failure('0,0,0,0\n1,1,0\n').message).toContain('lscpu line 2: got "1,1,0"');
  });

  test('reports several bad lines at once, at most 20', () => {
    expect(failure('a,0,0,0\nb,0,0,0\n').findings).toHaveLength(2);
    expect(failure('x\n'.repeat(100)).findings).toHaveLength(20);
  });

  test('fails on input over 1 MiB and on more than 8192 CPU lines', () => {
    expect(failure('#'.repeat(1024 * 1024 + 1)).message).toContain('[HOST_INPUT_TOO_LARGE] lscpu: got "1048577 characters"');
    const lines = Array.from({ length: 8193 }, (_, i) => `${i},${i},0,0`).join('\n');
    expect(failure(lines).message).toContain('[HOST_INPUT_TOO_LARGE] lscpu line 8193');
  });

  test('fails on non-string input with a ValidationError at the typed boundary', () => {
    expect(failure(undefined as unknown as string).code).toBe('PROP_REQUIRED');
    expect(failure(null as unknown as string).message).toContain('[PROP_TYPE_INVALID] HostTopology.fromLscpu(text): got null');
  });

  const shapes = uniformShapes;

  test('property: rendering any uniform host as lscpu and reading it back gives the same host', () => {
    fc.assert(fc.property(shapes, (shape) => {
      const original = HostTopology.uniform(shape);
      const parsed = expectConsistent(HostTopology.fromLscpu(renderLscpu(original)));
      expect(parsed.logicalCpus()).toEqual(original.logicalCpus().map((c) => ({ ...c, physicalCoreId: c.coreId })));
      expect(parsed.cores().map(String)).toEqual(original.cores().map(String));
    }), { numRuns: 100 });
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), line: fc.nat(), keep: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('drop-node' as const), line: fc.nat() }),
    fc.record({
      kind: fc.constant('field' as const),
      line: fc.nat(),
      column: fc.nat(3),
      value: fc.constantFrom('x', '', '-1', '1.5', '99999', '8192', '1e3', ' 3 ', '00', '4294967296'),
    }),
    fc.record({ kind: fc.constant('empty' as const) }),
    fc.record({ kind: fc.constant('garbage' as const), line: fc.nat(), text: fc.string({ maxLength: 12 }) }),
    fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.nat(40) }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(text: string, m: Mutation): string {
    const lines = text.split('\n');
    const pick = (n: number) => n % lines.length;
    switch (m.kind) {
      case 'truncate': { const i = pick(m.line); lines[i] = lines[i].slice(0, m.keep % (lines[i].length + 1)); break; }
      case 'duplicate': { const i = pick(m.line); lines.splice(i, 0, lines[i]); break; }
      case 'drop-node': { const i = pick(m.line); lines[i] = lines[i].split(',').slice(0, 3).join(','); break; }
      case 'field': {
        const i = pick(m.line);
        const fields = lines[i].split(',');
        fields[m.column % fields.length] = m.value;
        lines[i] = fields.join(',');
        break;
      }
      case 'empty': return '';
      case 'garbage': { lines.splice(pick(m.line), 0, m.text); break; }
      case 'delete-range': { const at = m.at % (text.length + 1); return text.slice(0, at) + text.slice(at + m.length); }
    }
    return lines.join('\n');
  }

  test('property: mutated real output gives a consistent host or a ValidationError naming the line', () => {
    fc.assert(fc.property(shapes, fc.array(mutation, { minLength: 1, maxLength: 3 }), (shape, mutations) => {
      const text = mutations.reduce((t, m) => mutate(t, m), renderLscpu(HostTopology.uniform(shape)));
      let host: HostTopology | undefined;
      try {
        host = HostTopology.fromLscpu(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const message = (e as Error).message;
        expect(message).toMatch(/^\[(LSCPU_SYNTAX|TOPOLOGY_INCONSISTENT)\] lscpu (line \d+|input): got /);
        return;
      }
      expectConsistent(host);
    }), { numRuns: 200 });
  });

  test('property: random text never crashes the parser', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      try {
        expectConsistent(HostTopology.fromLscpu(text));
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as Error).message).toMatch(/lscpu (line \d+|input)/);
      }
    }), { numRuns: 200 });
  });
});

describe('lscpu core ids: logical (plain -p) or the kernel\'s (-y)', () => {
  /** CPUs from `id,core,socket` triples. */
  const raw = (...triples: Array<[number, number, number]>): RawCpu[] =>
    triples.map(([id, core, socket]) => ({ id, numaNode: 0, socketId: socket, coreKey: `${socket}/${core}`, physicalCoreId: core, origin: `cpu ${id}` }));

  test('recommends the -y capture', () => {
    expect(LSCPU_COMMAND).toBe('lscpu -p=CPU,CORE,SOCKET,NODE -y');
    expect(failure('').findings[0].fix).toBe('paste the complete output of `lscpu -p=CPU,CORE,SOCKET,NODE -y`');
  });

  test('idsLookLogical: 0, 1, 2 ... by first appearance in CPU order, siblings repeating theirs', () => {
    expect(idsLookLogical(raw([0, 0, 0], [1, 1, 0], [2, 0, 0], [3, 1, 0]))).toBe(true);
    expect(idsLookLogical(raw([0, 0, 0], [1, 1, 1], [2, 2, 0], [3, 3, 1], [4, 0, 0]))).toBe(true);
    // Listed out of order: judged in CPU id order.
    expect(idsLookLogical(raw([1, 1, 0], [0, 0, 0]))).toBe(true);
  });

  test('idsLookLogical: kernel ids give themselves away (gap, out of order, restart per socket, socket gap)', () => {
    expect(idsLookLogical(raw([0, 0, 0], [1, 2, 0]))).toBe(false);
    expect(idsLookLogical(raw([0, 1, 0], [1, 0, 0]))).toBe(false);
    expect(idsLookLogical(raw([0, 0, 0], [1, 1, 0], [2, 0, 1], [3, 1, 1]))).toBe(false);
    expect(idsLookLogical(raw([0, 0, 0], [1, 1, 2]))).toBe(false);
  });

  test('marks every CPU of logical-looking input, and none of input that proves the kernel\'s ids', () => {
    expect(parseLscpu(ntoBareMetalLscpu(false)).cpus.every((c) => c.idsMayBeLogical === true)).toBe(true);
    expect(parseLscpu(ntoBareMetalLscpu(true)).cpus.some((c) => c.idsMayBeLogical !== undefined)).toBe(false);
    expect(parseLscpu(LSCPU_SMT_TWO_NODES).cpus[0].idsMayBeLogical).toBe(true);
  });

  test('{ physicalIds: true } asserts the kernel\'s ids; the ids are read the same either way', () => {
    const asserted = parseLscpu(ntoBareMetalLscpu(false), { physicalIds: true });
    expect(asserted.cpus.some((c) => c.idsMayBeLogical !== undefined)).toBe(false);
    expect(asserted.cpus.map((c) => c.physicalCoreId)).toEqual(parseLscpu(ntoBareMetalLscpu(false)).cpus.map((c) => c.physicalCoreId));
    expect(parseLscpu(ntoBareMetalLscpu(false), { physicalIds: false }).cpus[0].idsMayBeLogical).toBe(true);
  });

  test('checks the options\' runtime types (JavaScript callers)', () => {
    expect(() => parseLscpu('0,0,0,0\n', { physicalIds: 'yes' } as any)).toThrow('[PROP_TYPE_INVALID] physicalIds');
    expect(() => parseLscpu('0,0,0,0\n', { physical: true } as any)).toThrow('[PROP_UNKNOWN] physical');
  });

  /** The host as plain `lscpu -p` prints it: cores and sockets numbered by first appearance in CPU order. */
  function renderLogicalLscpu(host: HostTopology): string {
    const cores = new Map<string, number>();
    const sockets = new Map<number, number>();
    const lines = host.logicalCpus().map((cpu) => {
      const key = host.siblingsOf(cpu.id).toString();
      if (!cores.has(key)) cores.set(key, cores.size);
      if (!sockets.has(cpu.socketId)) sockets.set(cpu.socketId, sockets.size);
      return `${cpu.id},${cores.get(key)},${sockets.get(cpu.socketId)},${cpu.numaNode}`;
    });
    return ['# CPU,Core,Socket,Node', ...lines, ''].join('\n');
  }

  test('property: any uniform host rendered with logical ids is marked; the same host is unchanged otherwise', () => {
    fc.assert(fc.property(uniformShapes, (shape) => {
      const text = renderLogicalLscpu(HostTopology.uniform(shape));
      const parsed = parseLscpu(text);
      expect(parsed.cpus.every((c) => c.idsMayBeLogical === true)).toBe(true);
      expect(parseLscpu(text, { physicalIds: true }).cpus).toEqual(parsed.cpus.map(({ idsMayBeLogical: _unused, ...cpu }) => cpu));
    }), { numRuns: 50 });
  });
});
