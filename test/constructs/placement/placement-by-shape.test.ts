import { Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { openValidationPasses } from '../../../src/constructs/app/validation-pass';
import { ClusterFacts } from '../../../src/constructs/placement/cluster-facts';
import { placementFindingsOfVm, placementShapeKey } from '../../../src/constructs/placement/placement-by-shape';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { PlacementInput, placementFindings } from '../../../src/rules/placement-rules';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { HugePageSize } from '../../../src/values/hugepage-size';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { modelOf, noSmtPoolProps, smtPoolProps, vmProps } from '../../fixtures/placement';

// A VM's placement findings are computed once per pool and distinct shape in a validation pass. Within one pass, for
// any sequence of VMs (same shapes with other names and selectors, other shapes, other pools), each must get exactly
// what placementFindings gives it.

const pools = [
  modelOf(smtPoolProps()),
  modelOf(noSmtPoolProps()),
  modelOf(smtPoolProps({ role: 'worker-loose', topologyManagerPolicy: TopologyManagerPolicy.BEST_EFFORT, nodeCount: 2 })),
];
const clusters: ClusterFacts[] = [
  { hasConfiguration: true, kubevirtVersion: KubeVirtVersion.V1_9, evenParityCompletion: true },
  { hasConfiguration: false, evenParityCompletion: false },
];

const vm = fc.record({
  name: fc.constantFrom('a', 'b', 'c'),
  vcpus: fc.constantFrom(2, 3, 4, 31), // few shapes, so VMs share them
  topology: fc.boolean(),
  memoryGi: fc.constantFrom(4, 40),
  twoMi: fc.boolean(),
  isolateEmulatorThread: fc.boolean(),
  pool: fc.integer({ min: 0, max: pools.length - 1 }),
  cluster: fc.integer({ min: 0, max: clusters.length - 1 }),
  selector: fc.constantFrom<Record<string, string> | undefined>(undefined, { 'node-role.kubernetes.io/worker-rt': 'other' }, { disk: 'ssd' }),
  ioThreads: fc.boolean(),
});

describe('placementFindingsOfVm', () => {
  test('within one validation pass, every VM gets what placementFindings gives it', () => {
    fc.assert(fc.property(fc.array(vm, { minLength: 1, maxLength: 12 }), (vms) => {
      // GIVEN an app in a validation pass (its root validation opens the pass)
      const chart = Testing.chart();
      openValidationPasses(chart);
      chart.node.root.node.validate();

      for (const v of vms) {
        const shape = new RealtimeVirtualMachine(Testing.chart(), v.name, vmProps({
          ...(v.topology ? { topology: { sockets: 1, cores: v.vcpus, threads: 1 } } : { vcpus: v.vcpus }),
          memory: Size.gibibytes(v.memoryGi),
          hugePageSize: v.twoMi ? HugePageSize.TWO_MI : HugePageSize.ONE_GI,
          isolateEmulatorThread: v.isolateEmulatorThread,
          realtimeMask: RealtimeMask.all(),
          ...(v.ioThreads ? { ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 1 } : {}),
        })).shape;
        const input: PlacementInput = {
          shape,
          pool: pools[v.pool],
          cluster: clusters[v.cluster],
          cpuField: v.topology ? 'topology' : 'vcpus',
          nodeSelector: v.selector,
        };
        // THEN the kept findings are the direct ones
        expect(placementFindingsOfVm(chart, input, placementShapeKey(input.shape, input.cpuField))).toEqual(placementFindings(input));
      }
    }), { numRuns: 150 });
  });
});
