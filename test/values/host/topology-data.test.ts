import { buildLayout, MAX_CPUS, RawCpu, sizeFromKibibytes } from '../../../src/values/host/topology-data';
import { ValidationError } from '../../../src/values/validation-error';

function cpu(id: number): RawCpu {
  return { id, numaNode: 0, socketId: 0, coreKey: String(id), physicalCoreId: id, origin: `test cpu ${id}` };
}

describe('buildLayout', () => {
  test('fails on a description without CPUs', () => {
    expect(() => buildLayout({ cpus: [], nodes: [] })).toThrow(ValidationError);
    expect(() => buildLayout({ cpus: [], nodes: [] })).toThrow('[TOPOLOGY_INCONSISTENT] host: got no CPUs, expected at least one CPU');
  });

  test('fails on more CPUs than the kernel supports, naming the first one too many', () => {
    const cpus = Array.from({ length: MAX_CPUS + 1 }, (_, i) => cpu(i));
    expect(() => buildLayout({ cpus, nodes: [] })).toThrow('[HOST_INPUT_TOO_LARGE] test cpu 8192: got "8193 CPUs"');
  });

  test('coreIdsMayBeLogical: set when any CPU\'s ids may be a logical numbering', () => {
    expect(buildLayout({ cpus: [cpu(0), cpu(1)], nodes: [] }).coreIdsMayBeLogical).toBe(false);
    expect(buildLayout({ cpus: [cpu(0), { ...cpu(1), idsMayBeLogical: true }], nodes: [] }).coreIdsMayBeLogical).toBe(true);
    expect(buildLayout({ cpus: [{ ...cpu(0), idsMayBeLogical: false }], nodes: [] }).coreIdsMayBeLogical).toBe(false);
  });

  test('adds NUMA nodes that only CPUs mention, with no resources', () => {
    const layout = buildLayout({ cpus: [cpu(0)], nodes: [] });
    expect(layout.nodeIds).toEqual([0]);
    expect(layout.nodes.get(0)!.resources.memory).toBeUndefined();
  });
});

describe('sizeFromKibibytes', () => {
  test('uses the largest whole binary unit', () => {
    expect(sizeFromKibibytes(33554432).asString()).toBe('32Gi');
    expect(sizeFromKibibytes(1536 * 1024).asString()).toBe('1536Mi');
    expect(sizeFromKibibytes(16303908).asString()).toBe('16303908Ki');
  });
});
