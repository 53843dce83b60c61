import * as fc from 'fast-check';
import { HostTopology } from '../../../src/values/host/host-topology';
import { parseVirshCapabilities } from '../../../src/values/host/virsh-capabilities';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { ValidationError } from '../../../src/values/validation-error';
import { expectConsistent, renderVirshTopology, SEED_002_VIRSH_TOPOLOGY, uniformShapes, VIRSH_CAPABILITIES_SMT } from '../../fixtures/host';
import { NTO_BARE_METAL_CORE_IDS, ntoBareMetalVirsh } from '../../fixtures/nto-bare-metal-host';

function failure(xml: string): ValidationError {
  try {
    HostTopology.fromVirshCapabilities(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`expected ${JSON.stringify(xml)} to fail`);
}

/** The seed-002 topology with one string replaced. */
function seedWith(search: string, replacement: string): string {
  expect(SEED_002_VIRSH_TOPOLOGY).toContain(search);
  return SEED_002_VIRSH_TOPOLOGY.replace(search, replacement);
}

describe('HostTopology.fromVirshCapabilities', () => {
  test('reads the libvirt real-time guide host: 2 nodes × 8 CPUs, no SMT, 26 1G pages and 32 GiB per node', () => {
    const host = expectConsistent(HostTopology.fromVirshCapabilities(SEED_002_VIRSH_TOPOLOGY));
    expect(host.numaNodeIds).toEqual([0, 1]);
    expect(host.cpusOfNumaNode(0).toString()).toBe('0-7');
    expect(host.cpusOfNumaNode(1).toString()).toBe('8-15');
    expect(host.smtEnabled).toBe(false);
    expect(host.threadsPerCore).toBe(1);
    for (const node of [0, 1]) {
      expect(host.hugePagesOfNumaNode(node, HugePageSize.ONE_GI)).toBe(26);
      expect(host.hugePagesOfNumaNode(node, HugePageSize.TWO_MI)).toBe(0);
      expect(host.memoryOfNumaNode(node)!.toGibibytes()).toBe(32);
      expect(host.memoryOfNumaNode(node)!.asString()).toBe('32Gi');
    }
    // The guide reuses socket_id 0 in both cells; siblings keep CPU 0 and CPU 8 apart.
    expect(host.socketOf(8)).toBe(0);
    expect(host.siblingsOf(8).toString()).toBe('8');
    expect(host.logicalCpus()[12]).toEqual({ id: 12, coreId: 12, physicalCoreId: 0, socketId: 1, numaNode: 1, threadIndex: 0 });
  });

  test('reads a whole capabilities document with SMT siblings, skipping everything outside <host><topology>', () => {
    const host = expectConsistent(HostTopology.fromVirshCapabilities(VIRSH_CAPABILITIES_SMT));
    expect(host.cores().map(String)).toEqual(['0,2', '1,3']);
    expect(host.threadsPerCore).toBe(2);
    expect(host.hugePagesOfNumaNode(0, HugePageSize.TWO_MI)).toBe(512);
    expect(host.memoryOfNumaNode(0)!.toKibibytes()).toBe(16303908);
    expect(host.logicalCpus()[2].threadIndex).toBe(1);
  });

  test('accepts other binary units and leaves undeclared pages undefined', () => {
    const xml = "<topology><cells><cell id='0'><memory unit='GiB'>4</memory>"
      + "<cpus><cpu id='0' socket_id='0' core_id='0' siblings='0'/></cpus></cell></cells></topology>";
    const host = HostTopology.fromVirshCapabilities(xml);
    expect(host.memoryOfNumaNode(0)!.toMebibytes()).toBe(4096);
    expect(host.hugePagesOfNumaNode(0, HugePageSize.ONE_GI)).toBeUndefined();
  });

  test('keeps the kernel\'s sparse, out-of-order core ids and never marks them as possibly logical', () => {
    const host = HostTopology.fromVirshCapabilities(ntoBareMetalVirsh());
    const socket0 = host.logicalCpus().filter((c) => c.socketId === 0 && c.threadIndex === 0);
    expect(socket0.map((c) => c.physicalCoreId)).toEqual(NTO_BARE_METAL_CORE_IDS);
    expect(parseVirshCapabilities(ntoBareMetalVirsh()).cpus.some((c) => c.idsMayBeLogical !== undefined)).toBe(false);
    // Even where the ids happen to be 0, 1, 2 ... in CPU order.
    expect(parseVirshCapabilities(SEED_002_VIRSH_TOPOLOGY).cpus.some((c) => c.idsMayBeLogical !== undefined)).toBe(false);
  });

  test('keeps memory-only NUMA cells', () => {
    const xml = "<topology><cells num='2'><cell id='0'><cpus num='1'><cpu id='0' socket_id='0' core_id='0' siblings='0'/></cpus></cell>"
      + "<cell id='1'><memory unit='KiB'>1048576</memory></cell></cells></topology>";
    const host = HostTopology.fromVirshCapabilities(xml);
    expect(host.numaNodeIds).toEqual([0, 1]);
    expect(host.cpusOfNumaNode(1).isEmpty).toBe(true);
    expect(host.memoryOfNumaNode(1)!.asString()).toBe('1Gi');
  });

  test.each([
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='3' core_id='3' siblings='3'/>",
      'VIRSH_XML_SYNTAX', "<cpu id='3'> (line 16)", 'no socket_id attribute'],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='3'/>",
      'VIRSH_XML_SYNTAX', "<cpu id='3'> (line 16)", 'OFFLINE CPU'],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='x' socket_id='0' core_id='3' siblings='3'/>",
      'VIRSH_XML_SYNTAX', "<cpu id='x'> (line 16)", "got id='x'"],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='9999' socket_id='0' core_id='3' siblings='9999'/>",
      'VIRSH_XML_SYNTAX', "<cpu id='9999'> (line 16)", 'attribute id as a whole number from 0 to 8191'],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='3' socket_id='0' core_id='3' siblings='3-x'/>",
      'VIRSH_XML_SYNTAX', "<cpu id='3'> (line 16)", "siblings='3-x'"],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='3' socket_id='0' core_id='3' siblings='2'/>",
      'TOPOLOGY_INCONSISTENT', "<cpu id='3'> (line 16)", 'includes the CPU itself'],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='3' socket_id='0' core_id='3' siblings='3,99'/>",
      'TOPOLOGY_INCONSISTENT', "<cpu id='3'> (line 16)", 'CPU 99 has no <cpu> element'],
    ["<cpu id='3' socket_id='0' core_id='3' siblings='3'/>", "<cpu id='3' socket_id='0' core_id='3' siblings='2-3'/>",
      'TOPOLOGY_INCONSISTENT', "<cpu id='3'> (line 16)", "CPU 2, which lists siblings='2'"],
    ["<cpu id='9' socket_id='0' core_id='1' siblings='9'/>", "<cpu id='9' socket_id='0' core_id='1' siblings='1,9'/>",
      'TOPOLOGY_INCONSISTENT', "<cpu id='9'> (line 34)", 'CPU 1, which lists siblings='],
    ["<cpu id='9' socket_id='0' core_id='1' siblings='9'/>", "<cpu id='3' socket_id='0' core_id='1' siblings='3'/>",
      'TOPOLOGY_INCONSISTENT', "<cpu id='3'> (line 34)", "CPU 3 is already declared at virsh capabilities <cpu id='3'> (line 16)"],
    ["<cell id='1'>", "<cell id='0'>", 'VIRSH_XML_SYNTAX', "<cell id='0'> (line 23)", 'cell 0 is already at line 3'],
    ["<cell id='1'>", '<cell>', 'VIRSH_XML_SYNTAX', '<cell> (line 23)', 'got no id attribute, expected <cell> with attribute id'],
    ["<cells num='2'>", "<cells num='3'>", 'VIRSH_XML_SYNTAX', '<cells> (line 2)', "num='3' with 2 <cell> elements"],
    ["<cpus num='8'>", "<cpus num='7'>", 'VIRSH_XML_SYNTAX', '<cpus> (line 12)', "num='7' with 8 <cpu> elements"],
    ["<memory unit='KiB'>33554432</memory>", "<memory unit='KB'>33554432</memory>",
      'VIRSH_XML_SYNTAX', '<memory> (line 4)', "got unit='KB'"],
    ["<memory unit='KiB'>33554432</memory>", '<memory>33554432</memory>', 'VIRSH_XML_SYNTAX', '<memory> (line 4)', 'no unit attribute'],
    ["<memory unit='KiB'>33554432</memory>", "<memory unit='KiB'>32G</memory>", 'VIRSH_XML_SYNTAX', '<memory> (line 4)', 'got "32G"'],
    ["<memory unit='KiB'>33554432</memory>", "<memory unit='TiB'>9000000000</memory>", 'VIRSH_XML_SYNTAX', '<memory> (line 4)',
      'got 9000000000 TiB, expected an amount below 2^53 KiB'],
    ["<pages unit='KiB' size='1048576'>26</pages>", "<pages unit='KiB'>26</pages>", 'VIRSH_XML_SYNTAX', '<pages> (line 7)', 'no size attribute'],
    ["<pages unit='KiB' size='1048576'>26</pages>", "<pages unit='KiB' size='1048576'>-26</pages>",
      'VIRSH_XML_SYNTAX', '<pages> (line 7)', 'the page count as a whole number'],
    ["<pages unit='KiB' size='1048576'>26</pages>", "<pages unit='KiB' size='1048576'>26</pages><pages unit='MiB' size='1024'>1</pages>",
      'VIRSH_XML_SYNTAX', '<pages> (line 7)', 'one <pages> element per size'],
    ['</cpus>\n</cell>\n</cells>', '</cpus>\n</cell>\n', 'VIRSH_XML_SYNTAX', 'line 44', 'got </topology>, expected </cells>'],
  ])('fails on %j → %j with [%s] naming %s', (search, replacement, code, where, expected) => {
    const e = failure(seedWith(search, replacement));
    expect(e.code).toBe(code);
    expect(e.message).toContain(`[${code}] virsh capabilities ${where}: got `);
    expect(e.message).toContain(expected);
  });

  test.each([
    ['<domain/>', 'VIRSH_XML_SYNTAX', '<capabilities> (virsh capabilities) or <topology>'],
    ['<capabilities><guest/></capabilities>', 'VIRSH_XML_SYNTAX', 'a <host> element'],
    ['<topology><nocells/></topology>', 'VIRSH_XML_SYNTAX', 'a <cells> element in <topology>'],
    ['<topology><cells/></topology>', 'VIRSH_XML_SYNTAX', 'one <cell> per NUMA node'],
    ["<topology><cells><cell id='0'/></cells></topology>", 'VIRSH_XML_SYNTAX', 'no <cpu> in any <cell>'],
    ["<topology><cells><cell id='0'><cpus/><cpus/></cell></cells></topology>", 'VIRSH_XML_SYNTAX', 'a second <cpus>'],
    ["<topology><cells><cell id='0'><cpus><cpu id='0' socket_id='0' core_id='0' siblings='0,1'/></cpus></cell>"
      + "<cell id='1'><cpus><cpu id='1' socket_id='0' core_id='0' siblings='0,1'/></cpus></cell></cells></topology>",
    'TOPOLOGY_INCONSISTENT', 'a core listed in two NUMA nodes'],
    ["<topology><cells><cell id='0'><cpus><cpu id='0' socket_id='0' core_id='0' siblings='0,1'/>"
      + "<cpu id='1' socket_id='1' core_id='0' siblings='0,1'/></cpus></cell></cells></topology>",
    'TOPOLOGY_INCONSISTENT', 'the socket and core of its SMT sibling CPU 0'],
    ['', 'VIRSH_XML_SYNTAX', 'the input is empty'],
  ])('fails on %j with [%s]', (xml, code, expected) => {
    const e = failure(xml);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(new RegExp(`^\\[${code}\\] virsh capabilities .*line \\d+`));
    expect(e.message).toContain(expected);
  });

  test('fails on input over 1 MiB before parsing it', () => {
    const e = failure(' '.repeat(1024 * 1024 + 1));
    expect(e.message).toContain('[HOST_INPUT_TOO_LARGE] virsh capabilities: got "1048577 characters"');
  });

  test('fails on more than 8192 <cpu> elements', () => {
    const cpus = Array.from({ length: 8193 }, (_, i) => `<cpu id='${i % 8192}' socket_id='0' core_id='${i}' siblings='${i % 8192}'/>`).join('');
    const e = failure(`<topology><cells><cell id='0'><cpus>${cpus}</cpus></cell></cells></topology>`);
    expect(e.message).toContain('[HOST_INPUT_TOO_LARGE]');
  });

  test('checks siblings once per distinct list: 8192 CPUs that all list siblings=\'0-8191\' form one core (issue 13)', () => {
    const cpus = Array.from({ length: 8192 }, (_, i) => `<cpu id='${i}' socket_id='0' core_id='0' siblings='0-8191'/>`).join('');
    const host = HostTopology.fromVirshCapabilities(`<topology><cells><cell id='0'><cpus>${cpus}</cpus></cell></cells></topology>`);
    expect(host.cores()).toHaveLength(1);
    expect(host.siblingsOf(4000).toString()).toBe('0-8191');
  });

  test('a siblings attribute of ranges repeated up to the input cap is read as ranges, not CPU by CPU (issue 13)', () => {
    const siblings = `${'0-8191,'.repeat(140000)}0`;
    const e = failure(`<topology><cells><cell id='0'><cpus><cpu id='0' socket_id='0' core_id='0' siblings='${siblings}'/></cpus></cell></cells></topology>`);
    expect(e.code).toBe('TOPOLOGY_INCONSISTENT');
    expect(e.message).toContain('CPU 1 has no <cpu> element');
  });

  test('8192 CPUs each listing a different, overlapping siblings list fail with at most 20 findings', () => {
    const cpus = Array.from({ length: 8192 }, (_, i) => `<cpu id='${i}' socket_id='0' core_id='${i}' siblings='0-${i}'/>`).join('');
    const e = failure(`<topology><cells><cell id='0'><cpus>${cpus}</cpus></cell></cells></topology>`);
    expect(e.code).toBe('TOPOLOGY_INCONSISTENT');
    expect(e.findings.length).toBeLessThanOrEqual(20);
  });

  test('fails on non-string input with a ValidationError at the typed boundary', () => {
    expect(failure(42 as unknown as string).message).toBe(
      '[PROP_TYPE_INVALID] HostTopology.fromVirshCapabilities(xml): got 42, expected a string; fix: write the value as a string');
  });

  const shapes = uniformShapes;

  test('property: rendering any uniform host as virsh XML and reading it back gives the same host', () => {
    fc.assert(fc.property(shapes, (shape) => {
      const original = HostTopology.uniform(shape);
      const parsed = expectConsistent(HostTopology.fromVirshCapabilities(renderVirshTopology(original)));
      expect(parsed.logicalCpus()).toEqual(original.logicalCpus());
      expect(parsed.hugePagesOfNumaNode(0, HugePageSize.ONE_GI)).toBe(4);
    }), { numRuns: 100 });
  });

  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('drop-attribute' as const),
      which: fc.nat(),
      name: fc.constantFrom('id', 'socket_id', 'core_id', 'siblings', 'unit', 'size', 'num'),
    }),
    fc.record({
      kind: fc.constant('set-attribute' as const),
      which: fc.nat(),
      name: fc.constantFrom('id', 'socket_id', 'core_id', 'siblings', 'unit', 'size', 'num'),
      value: fc.constantFrom('x', '', '-1', '8192', '99999999999', '0', '1', '0-3', 'KB', 'MiB', '1,0'),
    }),
    fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.nat(30) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<', '>', '&', "'", '"', '</cpu>', '<x>', '&bogus;', ']]>', '<!--') }),
    fc.record({ kind: fc.constant('empty' as const) }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(xml: string, m: Mutation): string {
    const lines = xml.split('\n');
    switch (m.kind) {
      case 'drop-attribute':
      case 'set-attribute': {
        const pattern = new RegExp(` ${m.name}='[^']*'`, 'g');
        const hits = [...xml.matchAll(pattern)];
        if (hits.length === 0) return xml;
        const hit = hits[m.which % hits.length];
        const replacement = m.kind === 'drop-attribute' ? '' : ` ${m.name}='${m.value}'`;
        return xml.slice(0, hit.index) + replacement + xml.slice(hit.index! + hit[0].length);
      }
      case 'duplicate-line': { const i = m.line % lines.length; lines.splice(i, 0, lines[i]); return lines.join('\n'); }
      case 'delete-line': { lines.splice(m.line % lines.length, 1); return lines.join('\n'); }
      case 'truncate': return xml.slice(0, m.at % (xml.length + 1));
      case 'delete-range': { const at = m.at % (xml.length + 1); return xml.slice(0, at) + xml.slice(at + m.length); }
      case 'insert': { const at = m.at % (xml.length + 1); return xml.slice(0, at) + m.text + xml.slice(at); }
      case 'empty': return '';
    }
  }

  test('property: mutated real XML gives a consistent host or a ValidationError naming the element and line', () => {
    fc.assert(fc.property(shapes, fc.array(mutation, { minLength: 1, maxLength: 3 }), (shape, mutations) => {
      const xml = mutations.reduce((x, m) => mutate(x, m), renderVirshTopology(HostTopology.uniform(shape)));
      let host: HostTopology | undefined;
      try {
        host = HostTopology.fromVirshCapabilities(xml);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as Error).message).toMatch(/^\[(VIRSH_XML_SYNTAX|TOPOLOGY_INCONSISTENT)\] virsh capabilities .*line \d+\)?: got /);
        return;
      }
      expectConsistent(host);
    }), { numRuns: 200 });
  });

  test('property: the seed XML with random mutations never crashes', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const xml = mutations.reduce((x, m) => mutate(x, m), SEED_002_VIRSH_TOPOLOGY);
      try {
        expectConsistent(HostTopology.fromVirshCapabilities(xml));
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as Error).message).toMatch(/virsh capabilities .*line \d+/);
      }
    }), { numRuns: 200 });
  });
});
