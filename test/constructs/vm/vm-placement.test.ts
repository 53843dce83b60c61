import { Chart, Testing } from 'cdk8s';
import { AppCheck } from '../../../src/constructs/app/app-check';
import { Warnings } from '../../../src/constructs/app/warnings';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeNodePool } from '../../../src/constructs/pool/realtime-node-pool';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { describeNonPool } from '../../../src/constructs/vm/vm-placement-check';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { PoolBackend } from '../../../src/values/pool/pool-backend';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { ValidationError } from '../../../src/values/validation-error';
import { chartWithPool, noSmtPoolProps, smtPoolProps, synthError, vmProps } from '../../fixtures/placement';
import { expectNoLostValues, expectValidAgainstCrds } from '../../schema-validator';

const vmObject = (objects: any[], name: string) => objects.find((o) => o.kind === 'VirtualMachine' && o.metadata.name === name);

describe('placing a VM on a pool', () => {
  test('the nodePool prop selects the pool\'s nodes, merged with the user\'s nodeSelector', () => {
    // GIVEN
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    // WHEN
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ nodePool: pool, nodeSelector: { disk: 'ssd' }, realtimeMask: RealtimeMask.parse('0-1') }));
    const objects = Testing.synth(chart);
    // THEN
    expect(vm.nodePool).toBe(pool);
    expect(vmObject(objects, 'rt-vm').spec.template.spec.nodeSelector).toEqual({ 'disk': 'ssd', 'node-role.kubernetes.io/worker-rt': '' });
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(Warnings.of(chart).list()).toEqual([]);
  });

  test('placeOn does the same, and the VM is ordered after the pool\'s objects', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', vmProps());
    const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps());
    vm.placeOn(pool);
    vm.placeOn(pool); // again: nothing changes
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    const objects = Testing.synth(chart);
    expect(vmObject(objects, 'rt-vm').spec.template.spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker-rt': '' });
    const kinds = objects.map((o) => o.kind);
    for (const kind of ['MachineConfigPool', 'MachineConfig', 'KubeletConfig']) {
      expect(kinds.indexOf(kind)).toBeLessThan(kinds.indexOf('VirtualMachine'));
    }
    expect(AppCheck.of(pool).vmsOn(pool).map((v) => v.construct)).toEqual([vm]);
  });

  test('the pool finds its VMs in construct-tree order, across charts', () => {
    const app = Testing.app();
    const nodes = new Chart(app, 'nodes');
    const vms = new Chart(app, 'vms');
    const pool = new RealtimeNodePool(nodes, 'Pool', smtPoolProps());
    const other = new RealtimeNodePool(nodes, 'Plain', noSmtPoolProps({ role: 'worker-plain' }));
    const b = new RealtimeVirtualMachine(vms, 'b', vmProps({ nodePool: pool }));
    new RealtimeVirtualMachine(vms, 'c', vmProps({ nodePool: other }));
    const a = new RealtimeVirtualMachine(vms, 'a', vmProps());
    a.placeOn(pool);
    expect(AppCheck.of(pool).vmsOn(pool).map((v) => v.construct)).toEqual([b, a]);
  });

  test('works the same on a PerformanceProfile pool', () => {
    const chart = Testing.chart();
    const pool = new RealtimeNodePool(chart, 'Pool', smtPoolProps({ backend: PoolBackend.PERFORMANCE_PROFILE }));
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ vcpus: 4, nodePool: pool }));
    const objects = Testing.synth(chart);
    expect(vmObject(objects, 'rt-vm').spec.template.spec.nodeSelector).toEqual(pool.model.nodeSelector);
    expect(objects.map((o) => o.kind).sort()).toEqual(['KubeVirt', 'MachineConfigPool', 'PerformanceProfile', 'VirtualMachine']);
    expect(objects[objects.length - 1].kind).toBe('VirtualMachine');
    expectValidAgainstCrds(objects);
  });

  test('a VM that is not placed keeps its own nodeSelector only', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ nodeSelector: { disk: 'ssd' } }));
    expect(vmObject(Testing.synth(chart), 'rt-vm').spec.template.spec.nodeSelector).toEqual({ disk: 'ssd' });
  });

  test('placement checks wait until the VM\'s own props are valid', () => {
    const { chart, pool } = chartWithPool();
    new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ vcpus: 0, nodePool: pool }));
    const message = synthError(chart);
    expect(message).toContain('[VM_VCPUS_INVALID]');
    expect(message).not.toContain('PLACEMENT_');
  });
});

describe('refused placements', () => {
  test('fails on PLACEMENT_NOT_A_NODE_POOL at once', () => {
    const chart = Testing.chart();
    expect(() => new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ nodePool: { role: 'x' } as any })))
      .toThrow('[test/rt-vm] [PLACEMENT_NOT_A_NODE_POOL] nodePool: got "an object", expected a RealtimeNodePool');
    expect(() => new RealtimeVirtualMachine(chart, 'other', vmProps()).placeOn('worker-rt' as any))
      .toThrow('[PLACEMENT_NOT_A_NODE_POOL] nodePool: got "worker-rt"');
  });

  test('fails on PLACEMENT_ALREADY_PLACED when a placed VM is placed on another pool', () => {
    const { chart, pool } = chartWithPool();
    const other = new RealtimeNodePool(chart, 'Plain', noSmtPoolProps({ role: 'worker-plain' }));
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ nodePool: pool }));
    expect(() => vm.placeOn(other)).toThrow(ValidationError);
    expect(() => vm.placeOn(other)).toThrow('[PLACEMENT_ALREADY_PLACED] nodePool: got "worker-plain", expected no second pool: the VM is already placed on pool worker-rt');
    expect(vm.nodePool).toBe(pool);
  });

  test('fails on PLACEMENT_POOL_IN_OTHER_APP', () => {
    const { pool } = chartWithPool();
    const vm = new RealtimeVirtualMachine(Testing.chart(), 'rt-vm', vmProps());
    expect(() => vm.placeOn(pool)).toThrow('[PLACEMENT_POOL_IN_OTHER_APP] nodePool: got "test/Pool"');
  });

  test('describes a non-pool briefly', () => {
    expect(describeNonPool(undefined)).toBe('undefined');
    expect(describeNonPool(new Map())).toBe('an object of class Map');
  });
});

describe('snapshot', () => {
  test('a placed VM', () => {
    const { chart, pool } = chartWithPool();
    new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
    new RealtimeVirtualMachine(chart, 'rt-vm', vmProps({ nodePool: pool }));
    expect(Testing.synth(chart).filter((o) => o.kind === 'VirtualMachine' || o.kind === 'KubeVirt')).toMatchSnapshot();
  });
});
