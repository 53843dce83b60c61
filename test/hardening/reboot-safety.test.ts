import { Chart, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { KubeVirtConfiguration } from '../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeNodePool } from '../../src/constructs/pool/realtime-node-pool';
import { RealtimeVirtualMachine } from '../../src/constructs/vm/realtime-virtual-machine';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { PoolBackend } from '../../src/values/pool/pool-backend';
import { RealtimeMask } from '../../src/values/realtime-mask';
import { smtPoolProps, vmProps } from '../fixtures/placement';

// Issue #6, reboot safety: a node-level object that changes makes the Machine Config Operator (or NTO) drain and
// reboot every node of its pool. Editing, adding or removing VMs must therefore never touch one.

const NODE_LEVEL_KINDS = new Set(['MachineConfigPool', 'MachineConfig', 'KubeletConfig', 'Tuned', 'PerformanceProfile']);

interface VmVariant {
  readonly vcpus: number;
  readonly memoryGi: number;
  readonly mask?: string;
  readonly isolateEmulatorThread: boolean;
}

/** Synthesizes a cluster with `vms` on one pool and returns its node-level objects, as YAML-ready JSON text. */
function nodeLevelObjects(backend: PoolBackend, vms: VmVariant[]): Map<string, string> {
  const chart: Chart = Testing.chart();
  new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
  const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ backend, nodeCount: 20 }));
  vms.forEach((vm, i) => new RealtimeVirtualMachine(chart, `vm-${i}`, vmProps({
    vcpus: vm.vcpus,
    memory: Size.gibibytes(vm.memoryGi),
    realtimeMask: vm.mask === undefined ? undefined : RealtimeMask.parse(vm.mask),
    isolateEmulatorThread: vm.isolateEmulatorThread,
    nodePool: pool,
  })));
  const out = new Map<string, string>();
  for (const o of Testing.synth(chart)) {
    if (NODE_LEVEL_KINDS.has(o.kind)) out.set(`${o.kind}/${o.metadata.name}`, JSON.stringify(o));
  }
  return out;
}

/**
 * Valid VMs for the SMT pool (full-pcpus-only): with an isolated emulator thread any vCPU count works (the v1.9
 * configuration turns on even-parity completion); without one the pod is the vCPUs, so their count must be even.
 */
const vmVariant: fc.Arbitrary<VmVariant> = fc.boolean().chain((isolateEmulatorThread) => fc.record({
  vcpus: isolateEmulatorThread ? fc.integer({ min: 2, max: 6 }) : fc.constantFrom(2, 4, 6),
  memoryGi: fc.integer({ min: 1, max: 8 }),
  mask: fc.option(fc.constantFrom('0', '1', '0-1', '^0,1'), { nil: undefined }),
  isolateEmulatorThread: fc.constant(isolateEmulatorThread),
}));

describe.each([PoolBackend.MACHINE_CONFIG, PoolBackend.PERFORMANCE_PROFILE])('reboot safety (%s backend)', (backend) => {
  const baseline = nodeLevelObjects(backend, [{ vcpus: 3, memoryGi: 4, isolateEmulatorThread: true }]);

  test('node-level objects have explicit names without hash suffixes', () => {
    const names = [...baseline.keys()].sort();
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(name).toMatch(/^[A-Za-z]+\/(50-)?worker-rt(-realtime)?$/);
  });

  test('changing, adding or removing VMs never changes a node-level object', () => {
    fc.assert(fc.property(fc.array(vmVariant, { minLength: 0, maxLength: 5 }), (vms) => {
      expect(nodeLevelObjects(backend, vms)).toEqual(baseline);
    }), { numRuns: 25 });
  });
});
