import { Testing } from 'cdk8s';
import { isKubeVirtFeatureConsumer } from '../../../src/constructs/cluster/feature-consumer';
import { KubeVirtConfiguration } from '../../../src/constructs/cluster/kubevirt-configuration';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { needsEvenParity, vmFeatureUses } from '../../../src/model/placement/feature-uses';
import { VmShape } from '../../../src/model/vm/vm-shape';
import { KubeVirtFeatureUse } from '../../../src/values/cluster/feature-use';
import { KubeVirtVersion } from '../../../src/values/cluster/kubevirt-version';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';
import { chartWithPool, modelOf, noSmtPoolProps, shapeOf, smtPoolProps, vmProps } from '../../fixtures/placement';

const { DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH, EMULATOR_THREAD_EVEN_PARITY } = KubeVirtFeatureUse;

describe('vmFeatureUses', () => {
  test('dedicated CPUs and NUMA passthrough, placed or not', () => {
    expect(vmFeatureUses(shapeOf(vmProps()))).toEqual([DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH]);
    expect(vmFeatureUses(shapeOf(vmProps({ guestMappingPassthrough: false, realtime: false })))).toEqual([DEDICATED_CPUS]);
  });

  test('even parity only when an isolated emulator thread would leave half a core on an SMT pool', () => {
    const smt = modelOf(smtPoolProps());
    expect(vmFeatureUses(shapeOf(vmProps({ vcpus: 4 })), smt)).toEqual([DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH, EMULATOR_THREAD_EVEN_PARITY]);
    expect(needsEvenParity(shapeOf(vmProps({ vcpus: 3 })), smt)).toBe(false); // 3 + 1 = 4 already
    expect(needsEvenParity(shapeOf(vmProps({ vcpus: 4, isolateEmulatorThread: false })), smt)).toBe(false);
    const withIoThread = shapeOf(vmProps({ vcpus: 3, ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: 1 }));
    expect(needsEvenParity(withIoThread, smt)).toBe(true);
    expect(needsEvenParity(shapeOf(vmProps({ vcpus: 4 })), modelOf(noSmtPoolProps()))).toBe(false);
  });

  test('never throws, whatever a JavaScript caller passed', () => {
    const broken = { dedicatedCpuPlacement: true, isolateEmulatorThread: true } as unknown as VmShape;
    expect(vmFeatureUses(broken, { smtEnabled: true, fullPcpusOnly: true } as any)).toEqual([DEDICATED_CPUS]);
  });
});

describe('RealtimeVirtualMachine as a feature consumer', () => {
  function gates(version: KubeVirtVersion, vcpus: number) {
    const { chart, pool } = chartWithPool();
    const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus, nodePool: pool }));
    const config = new KubeVirtConfiguration(chart, 'KubeVirt', { version });
    const cr = Testing.synth(chart).find((o) => o.kind === 'KubeVirt');
    return { vm, gates: config.enabledFeatureGates(), annotations: cr.metadata.annotations };
  }

  test('is a registered consumer', () => {
    expect(isKubeVirtFeatureConsumer(new RealtimeVirtualMachine(Testing.chart(), 'vm', vmProps()))).toBe(true);
  });

  test('KubeVirt v1.3: CPUManager, NUMA and, for an even vCPU count on SMT, AlignCPUs with the annotation', () => {
    const { vm, gates: g, annotations } = gates(KubeVirtVersion.V1_3, 4);
    expect(vm.kubevirtFeatureUses()).toEqual([DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH, EMULATOR_THREAD_EVEN_PARITY]);
    expect(g).toEqual(['AlignCPUs', 'CPUManager', 'NUMA']);
    expect(annotations).toEqual({ 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' });
  });

  test('KubeVirt v1.9: NUMA is GA; an odd vCPU count needs no AlignCPUs', () => {
    expect(gates(KubeVirtVersion.V1_9, 4).gates).toEqual(['AlignCPUs', 'CPUManager']);
    const odd = gates(KubeVirtVersion.V1_9, 3);
    expect(odd.gates).toEqual(['CPUManager']);
    expect(odd.annotations).toBeUndefined();
  });
});

describe('RealtimeVirtualMachine.kubevirtFeatureUses', () => {
  test('follows the pool the VM is placed on later, and callers cannot change what the next caller gets', () => {
    const { chart, pool } = chartWithPool();
    const vm = new RealtimeVirtualMachine(chart, 'vm', vmProps({ vcpus: 4 }));
    const unplaced = vm.kubevirtFeatureUses();
    expect(unplaced).toEqual([DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH]);
    unplaced.push(EMULATOR_THREAD_EVEN_PARITY);
    expect(vm.kubevirtFeatureUses()).toEqual([DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH]);

    vm.placeOn(pool);
    expect(vm.kubevirtFeatureUses()).toEqual([DEDICATED_CPUS, GUEST_MAPPING_PASSTHROUGH, EMULATOR_THREAD_EVEN_PARITY]);
  });
});

