import { seed002Partition, smtHost, vmShape } from './helpers';
import { allElements, deepText, parseXml } from './xml-check';
import { capacityOf } from '../../src/model/placement/capacity';
import { cpuMapOf, CpuRole } from '../../src/plan/cpu-map-model';
import { planReportOf } from '../../src/plan/plan-report';
import { escapeXml, renderPlanSvg, renderSvgMap } from '../../src/plan/svg-map';
import { ROLE_PALETTE, VM_COLOURS, vmColour } from '../../src/plan/svg-palette';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HugePageSize } from '../../src/values/hugepage-size';

function seedSvgWithVms(): string {
  const partition = seed002Partition();
  const shape = vmShape({ vcpus: 4, memoryGi: 16, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true });
  return renderPlanSvg(planReportOf(partition, { vmShape: shape }));
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('renderSvgMap', () => {
  test('is well-formed XML: an <svg> root in the SVG namespace whose size matches its viewBox', () => {
    const svg = parseXml(seedSvgWithVms());
    expect(svg.name).toBe('svg');
    expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    const { width, height, viewBox } = svg.attributes;
    expect(viewBox).toBe(`0 0 ${width} ${height}`);
    expect(Number(width)).toBeGreaterThan(500);
    expect(Number(height)).toBeGreaterThan(300);
    // every coordinate and size is a plain number
    for (const el of allElements(svg)) {
      for (const attr of ['x', 'y', 'width', 'height']) {
        if (el.attributes[attr] !== undefined) expect(el.attributes[attr]).toMatch(/^\d+$/);
      }
    }
  });

  test('shows every CPU id, both NUMA nodes, the VM threads and a legend, in text of at least 11px', () => {
    const svg = parseXml(seedSvgWithVms());
    const texts = allElements(svg).filter((e) => e.name === 'text');
    const all = texts.map(deepText);
    for (let cpu = 0; cpu < 16; cpu++) expect(all).toContain(`CPU ${cpu}`);
    expect(all).toEqual(expect.arrayContaining(['NUMA node 0', 'NUMA node 1', 'Legend', 'VM 1 vCPU 0', 'VM 1 emulator', 'VM 2 vCPU 3',
      'Reserved: OS, kubelet, IRQs', 'Isolated: pinned VM CPUs only', 'VM 1: vCPUs (solid), emulator (outlined)',
      'reserved 0-1  ·  isolated 2-7']));
    for (const t of texts) expect(Number(t.attributes['font-size'])).toBeGreaterThanOrEqual(11);
  });

  test('colours: role fills and VM bands keep their text readable (contrast of at least 4.5:1)', () => {
    for (const role of Object.values(CpuRole)) {
      expect(contrast(ROLE_PALETTE[role].text, ROLE_PALETTE[role].fill)).toBeGreaterThanOrEqual(4.5);
    }
    for (const colour of VM_COLOURS) {
      expect(contrast('#ffffff', colour)).toBeGreaterThanOrEqual(4.5);
    }
    expect(vmColour(1)).toBe(VM_COLOURS[0]);
    expect(vmColour(VM_COLOURS.length + 1)).toBe(VM_COLOURS[0]);
  });

  test('is deterministic: no ids, no timestamps, the same bytes every time', () => {
    const a = seedSvgWithVms();
    expect(seedSvgWithVms()).toBe(a);
    expect(a).not.toMatch(/\sid=/);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('escapes text', () => {
    const title = 'pool <rt> & "friends" \'quoted\'';
    const source = renderSvgMap(cpuMapOf(seed002Partition()), { title, notes: ['a < b & c'] });
    expect(source).toContain('pool &lt;rt&gt; &amp; &quot;friends&quot; &apos;quoted&apos;');
    const svg = parseXml(source);
    expect(svg.attributes['aria-label']).toBe(title);
    expect(allElements(svg).map(deepText)).toEqual(expect.arrayContaining([title, 'a < b & c']));
    expect(escapeXml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  test('an SMT host with SMT disabled draws the switched-off siblings dashed, with a legend entry', () => {
    const host = smtHost();
    const partition = CpuPartition.plan(host, { reservedCpuCount: 2, disableSmt: true });
    const source = renderSvgMap(cpuMapOf(partition, [], host));
    expect(() => parseXml(source)).not.toThrow();
    expect(source).toContain('SMT sibling off (nosmt)');
    expect(source).toContain(`fill="${ROLE_PALETTE[CpuRole.SMT_DISABLED].fill}" stroke="${ROLE_PALETTE[CpuRole.SMT_DISABLED].stroke}" stroke-width="1.5" stroke-dasharray="4 3"`);
    expect(source).toContain('2 threads per core, SMT switched off (nosmt)');
  });

  test('the emulator thread of an even-parity VM on an SMT host is drawn on both its CPUs', () => {
    const partition = CpuPartition.plan(smtHost(), { reservedCpuCount: 4, splitAcrossNumaNodes: true });
    const capacity = capacityOf(partition, vmShape({ vcpus: 4, isolateEmulatorThread: true }), { emulatorThreadEvenParity: true });
    const texts = allElements(parseXml(renderSvgMap(cpuMapOf(partition, capacity.assignments)))).map(deepText);
    expect(texts).toEqual(expect.arrayContaining(['VM 1 emu 1', 'VM 1 emu 2', 'VM 2 vCPU 3']));
    expect(texts).not.toContain('VM 1 emulator');
  });

  test('snapshot: seed-002 with two planned VMs', () => {
    expect(seedSvgWithVms()).toMatchSnapshot();
  });
});

describe('the test\'s XML checker', () => {
  test.each([
    ['<a><b></a></b>', 'does not match'],
    ['<a>x & y</a>', 'raw "&"'],
    ['<a b=c/>', 'not quoted'],
    ['<a b="1" b="2"/>', 'duplicate attribute'],
    ['<a/><b/>', 'second root'],
    ['<a>', 'unclosed'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a b="<"/>', 'raw "<"'],
    ['text', 'outside the root'],
  ])('rejects %s', (source, message) => {
    expect(() => parseXml(source)).toThrow(message);
  });

  test('accepts a declaration, comments, entities and nesting', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x=\'1\'><b>&lt;&#65;&#x42;</b></a>\n');
    expect(root.children[0].text).toBe('<AB');
  });
});
