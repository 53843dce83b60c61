import { CPUS_OFFLINE_UNIT_NAME } from '../../../src/backends/node-files/cpu-offline-unit';
import { HUGEPAGES_SCRIPT_PATH } from '../../../src/backends/node-files/hugepage-units';
import { KUBELET_STATE_CLEANUP_UNIT_NAME } from '../../../src/backends/node-files/kubelet-state-cleanup-unit';
import { nodeStateOf } from '../../../src/backends/node-files/node-state';
import { POOL_SYSCTL_PATH } from '../../../src/backends/node-files/sysctl-file';
import { CpuSet } from '../../../src/values/cpu-set';
import { seed002Plan } from '../../fixtures/node-tuning-plan';

describe('nodeStateOf', () => {
  test('seed-002: the sysctl file, the huge page script and one unit per NUMA node', () => {
    const state = nodeStateOf(seed002Plan());
    expect(state.files.map((f) => f.path)).toEqual([POOL_SYSCTL_PATH, HUGEPAGES_SCRIPT_PATH]);
    expect(state.units.map((u) => u.name)).toEqual([
      KUBELET_STATE_CLEANUP_UNIT_NAME, 'hugepages-allocation-1048576kB-NUMA0.service', 'hugepages-allocation-1048576kB-NUMA1.service',
    ]);
  });

  test('offlined CPUs: the offline unit comes before the huge pages; nothing when the plan sets nothing', () => {
    const state = nodeStateOf(seed002Plan({ offlinedCpus: CpuSet.of([15]) }));
    expect(state.units[1].name).toBe(CPUS_OFFLINE_UNIT_NAME);
    expect(nodeStateOf(seed002Plan({ sysctls: {}, numaHugePages: [], kubelet: {} }))).toEqual({ files: [], units: [] });
  });
});
