import { spawnSync } from 'child_process';
import {
  HUGEPAGES_SCRIPT_PATH, hugePageAllocation, hugePagesScript, hugePageUnitContents, hugePageUnitName, hugePageUnits,
} from '../../../src/backends/node-files/hugepage-units';
import { HugePageSize } from '../../../src/values/hugepage-size';

describe('huge page units', () => {
  const pinned = [
    { size: HugePageSize.TWO_MI, numaNode: 0, count: 512 },
    { size: HugePageSize.ONE_GI, numaNode: 1, count: 26 },
  ];

  test('one enabled unit per (size, node), named like NTO, in the order given', () => {
    expect(hugePageUnits(pinned).map((u) => [u.name, u.enabled])).toEqual([
      ['hugepages-allocation-2048kB-NUMA0.service', true],
      ['hugepages-allocation-1048576kB-NUMA1.service', true],
    ]);
    expect(hugePageUnitName({ size: HugePageSize.ONE_GI, numaNode: 3 })).toBe('hugepages-allocation-1048576kB-NUMA3.service');
  });

  test('the unit runs the script once, before the kubelet, with the count, size in kB and node', () => {
    const unit = hugePageUnitContents(pinned[1]);
    expect(unit).toContain('\nBefore=kubelet.service\n');
    expect(unit).toContain('\nType=oneshot\nRemainAfterExit=true\n');
    expect(unit).toContain('\nEnvironment=HUGEPAGES_COUNT=26\nEnvironment=HUGEPAGES_SIZE_KB=1048576\nEnvironment=NUMA_NODE=1\n');
    expect(unit).toContain(`\nExecStart=${HUGEPAGES_SCRIPT_PATH}\n`);
    expect(unit).toMatch(/\[Install\]\nWantedBy=multi-user.target\n$/);
  });

  test('the script writes nr_hugepages of the node, reads it back and fails when the count is short', () => {
    const script = hugePagesScript();
    expect(script.path).toBe(HUGEPAGES_SCRIPT_PATH);
    expect(script.mode).toBe(0o755);
    expect(script.contents).toMatch(/^#!\/bin\/bash\n/);
    expect(script.contents).toContain('/sys/devices/system/node/node${NUMA_NODE}/hugepages/hugepages-${HUGEPAGES_SIZE_KB}kB/nr_hugepages');
    expect(script.contents).toMatch(/exit 1\n$/);
  });

  test('nothing at all without pinned pages; the script once with any', () => {
    expect(hugePageAllocation([])).toEqual({ files: [], units: [] });
    const both = hugePageAllocation(pinned);
    expect(both.files.map((f) => f.path)).toEqual([HUGEPAGES_SCRIPT_PATH]);
    expect(both.units).toHaveLength(2);
  });
});

test('the huge page script is valid bash', () => {
  expect(spawnSync('bash', ['-n'], { input: hugePagesScript().contents }).status).toBe(0);
});
