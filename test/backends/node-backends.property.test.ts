import { Size } from 'cdk8s';
import * as fc from 'fast-check';
import { renderKubeadmBackend } from '../../src/backends/cluster-api/kubeadm-backend';
import { renderKubeletDropIn } from '../../src/backends/kubelet-drop-in/kubelet-drop-in-backend';
import { renderTalosBackend } from '../../src/backends/talos/talos-backend';
import { kubeadmPlanFindings } from '../../src/rules/kubeadm-rules';
import { kubeletDropInPlanFindings } from '../../src/rules/kubelet-drop-in-rules';
import { talosPlanFindings } from '../../src/rules/talos-rules';
import { CpuPartition } from '../../src/values/host/cpu-partition';
import { HostTopology } from '../../src/values/host/host-topology';
import { HugePageSize } from '../../src/values/hugepage-size';
import { HugePageAllocation } from '../../src/values/pool/pool-props';
import { TaintEffect } from '../../src/values/vm/taint-effect';
import { planOf } from '../fixtures/node-tuning-plan';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';
import { schematicErrors, talosConfigErrors } from '../talos-schema-validator';

// Any host shape, partition, huge page layout and taint list the resolver accepts renders, on every backend, objects
// and files that validate against their schemas, lose no value, and come out the same twice.

const poolArb = fc.record({
  numaNodes: fc.integer({ min: 1, max: 4 }),
  coresPerSocket: fc.integer({ min: 4, max: 8 }),
  threadsPerCore: fc.integer({ min: 1, max: 2 }),
  offlined: fc.integer({ min: 0, max: 2 }),
  pinned: fc.boolean(),
  twoSizes: fc.boolean(),
  pagesPerNode: fc.integer({ min: 1, max: 8 }),
  balanceIsolated: fc.boolean(),
  taints: fc.array(fc.record({
    key: fc.constantFrom('kubevirt.io/realtime', 'dedicated', 'example.com/rt'),
    value: fc.option(fc.constantFrom('true', 'rt-pool'), { nil: undefined }),
    effect: fc.constantFrom(TaintEffect.NO_SCHEDULE, TaintEffect.PREFER_NO_SCHEDULE, TaintEffect.NO_EXECUTE),
  }), { maxLength: 2 }),
});

describe('node backends on any pool', () => {
  test('valid, complete and deterministic output on Talos, Cluster API kubeadm and the kubelet drop-in', () => {
    fc.assert(fc.property(poolArb, (p) => {
      const topology = HostTopology.uniform({
        numaNodes: p.numaNodes, coresPerSocket: p.coresPerSocket, threadsPerCore: p.threadsPerCore, memoryPerNumaNode: Size.gibibytes(64),
      });
      const partition = CpuPartition.plan(topology, {
        reservedCpuCount: p.threadsPerCore * p.numaNodes, offlinedCpuCount: p.offlined * p.threadsPerCore,
      });
      const nodes = topology.numaNodeIds;
      const sizes = p.twoSizes ? [HugePageSize.TWO_MI, HugePageSize.ONE_GI] : [HugePageSize.ONE_GI];
      const hugepages: HugePageAllocation[] = sizes.flatMap((size) => (p.pinned
        ? nodes.map((numaNode) => ({ size, numaNode, count: p.pagesPerNode }))
        : [{ size, count: p.pagesPerNode * nodes.length }]));
      const plan = planOf({
        role: 'worker-rt',
        topology,
        partition,
        hugepages,
        realtimeKernel: false,
        balanceIsolated: p.balanceIsolated,
        defaultHugePageSize: HugePageSize.ONE_GI,
      }, { nodeTaints: p.taints });

      const talos = renderTalosBackend(plan);
      expect(talosConfigErrors(talos.machineConfigPatch)).toEqual([]);
      expect(schematicErrors(talos.schematic)).toEqual([]);
      const kubeadm = renderKubeadmBackend(plan);
      expectValidAgainstCrds([talos.talosConfigTemplate, kubeadm.kubeadmConfigTemplate]);
      const dropIn = renderKubeletDropIn(plan);
      expectNoLostValues([talos, kubeadm, dropIn]);
      expect(JSON.stringify(renderTalosBackend(plan))).toBe(JSON.stringify(talos));
      expect(JSON.stringify(renderKubeadmBackend(plan))).toBe(JSON.stringify(kubeadm));

      // Rules: the fixture's label and taints are fine; two boot-time sizes are refused on Talos only.
      const talosErrors = talosPlanFindings(plan).filter((f) => f.severity === 'error').map((f) => f.code);
      const bootTwoSizes = p.twoSizes && !p.pinned;
      expect(talosErrors).toEqual([
        ...(partition.offlined.has(0) ? ['NODE_BOOT_CPU_OFFLINED'] : []),
        ...(bootTwoSizes ? ['TALOS_BOOT_HUGEPAGES_REORDERED'] : []),
      ]);
      expect(kubeadmPlanFindings(plan).filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(partition.offlined.has(0) ? ['NODE_BOOT_CPU_OFFLINED'] : []);
      expect(kubeletDropInPlanFindings(plan).filter((f) => f.severity === 'error')).toHaveLength(partition.offlined.has(0) ? 1 : 0);
    }), { numRuns: 40 });
  });
});
