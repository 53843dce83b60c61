import { Lazy, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import * as kubevirt from '../../src/imports/virtualmachine-kubevirt.io';
import { synthesizedJson, withLatePatches } from '../../src/late-patches';
import { HugePageSize } from '../../src/model/hugepage-size';
import { RealtimeMask } from '../../src/model/realtime-mask';
import { admissionView } from '../../src/rules/vm-admission-context';
import { CloudInit } from '../../src/vm/cloud-init';
import { BootDisk, DataDisk } from '../../src/vm/disk';
import { IoThreadsPolicy } from '../../src/vm/io-threads-policy';
import { RealtimeVirtualMachineProps } from '../../src/vm/realtime-virtual-machine-props';
import { renderAdmissionSpecJson, renderSpec, renderSpecJson } from '../../src/vm/render';
import { resolveVm } from '../../src/vm/resolve';

// renderSpecJson feeds an L1 that skips the generated serializer (propsAreJson) and the admission mirror's fast path:
// both are only right if it is exactly what the serializer makes of renderSpec, for any props, valid or not.

const TypedVm = withLatePatches(kubevirt.VirtualMachine);
const JsonVm = withLatePatches(kubevirt.VirtualMachine, { propsAreJson: true });

const props: fc.Arbitrary<RealtimeVirtualMachineProps> = fc.record({
  vcpus: fc.option(fc.oneof(fc.integer({ min: -1, max: 16 }), fc.constant(NaN), fc.constant(1.5)), { nil: undefined }),
  topology: fc.option(fc.record({
    sockets: fc.integer({ min: 0, max: 3 }), cores: fc.integer({ min: 1, max: 4 }), threads: fc.integer({ min: 1, max: 3 }),
  }), { nil: undefined }),
  memory: fc.oneof(fc.integer({ min: 1, max: 8 }).map((g) => Size.gibibytes(g)), fc.integer({ min: 0, max: 5000 }).map((m) => Size.mebibytes(m))),
  hugePages: fc.option(fc.boolean(), { nil: undefined }),
  hugePageSize: fc.option(fc.constantFrom(HugePageSize.TWO_MI, HugePageSize.ONE_GI), { nil: undefined }),
  realtimeMask: fc.option(fc.constantFrom(RealtimeMask.all(), RealtimeMask.parse('1-3'), RealtimeMask.fromText('x')), { nil: undefined }),
  isolateEmulatorThread: fc.option(fc.boolean(), { nil: undefined }),
  dedicatedCpuPlacement: fc.option(fc.boolean(), { nil: undefined }),
  ioThreadsPolicy: fc.option(fc.constantFrom(...Object.values(IoThreadsPolicy)), { nil: undefined }),
  supplementalPoolThreadCount: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
  cloudInit: fc.option(fc.constantFrom(CloudInit.fromSecret('s'), CloudInit.userData('#cloud-config\n')), { nil: undefined }),
  sshPublicKeySecrets: fc.option(fc.array(fc.constantFrom('k1', 'k2', ''), { maxLength: 2 }), { nil: undefined }),
  nodeSelector: fc.option(fc.dictionary(fc.constantFrom('a', 'b/c'), fc.constantFrom('', 'x'), { noNullPrototype: true }), { nil: undefined }),
  tolerations: fc.option(fc.array(fc.record({ key: fc.option(fc.constant('k'), { nil: undefined }), exists: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }),
  disks: fc.option(fc.array(fc.constantFrom(DataDisk.persistentVolumeClaim('data'), DataDisk.containerDisk('img:1')), { maxLength: 2 }), { nil: undefined }),
}).map((p) => ({ ...p, bootDisk: BootDisk.containerDisk('quay.io/example/rt:1') }) as RealtimeVirtualMachineProps);

const selector = fc.option(fc.constant({ 'node-role.kubernetes.io/worker-rt': '' }), { nil: undefined });

describe('renderSpecJson', () => {
  test('an L1 with JSON props writes what the typed L1 writes from renderSpec, byte for byte', () => {
    fc.assert(fc.property(props, selector, (p, sel) => {
      const vm = resolveVm('vm', p);
      const chart = Testing.chart();
      const typed = new TypedVm(chart, 'Typed', { metadata: { name: 'vm' }, spec: Lazy.any({ produce: () => renderSpec(vm, sel) }) });
      const json = new JsonVm(chart, 'Json', { metadata: { name: 'vm' }, spec: Lazy.any({ produce: () => renderSpecJson(vm, sel) }) });
      expect(JSON.stringify(json.toJson())).toBe(JSON.stringify(typed.toJson()));
    }), { numRuns: 200 });
  });

  test('synthesizedJson(renderSpecJson) is the synthesized spec, without rendering the object', () => {
    fc.assert(fc.property(props, selector, (p, sel) => {
      const vm = resolveVm('vm', p);
      const typed = new TypedVm(Testing.chart(), 'Typed', { metadata: { name: 'vm' }, spec: Lazy.any({ produce: () => renderSpec(vm, sel) }) });
      expect(JSON.stringify(synthesizedJson(renderSpecJson(vm, sel)))).toBe(JSON.stringify(typed.toJson().spec));
    }), { numRuns: 200 });
  });

  test('renderAdmissionSpecJson renders exactly what the admission rules read of the whole spec', () => {
    fc.assert(fc.property(props, selector, (p, sel) => {
      const vm = resolveVm('vm', p);
      expect(synthesizedJson(admissionView({ spec: renderAdmissionSpecJson(vm) })))
        .toEqual(synthesizedJson(admissionView({ spec: renderSpecJson(vm, sel) })));
    }), { numRuns: 200 });
  });

  test('props holding a token are left to rendering', () => {
    const vm = resolveVm('vm', { vcpus: 2, memory: Size.gibibytes(1), bootDisk: BootDisk.containerDisk('i'), nodeSelector: { a: Lazy.any({ produce: () => 'x' }) } });
    expect(synthesizedJson(renderSpecJson(vm))).toBeUndefined();
  });
});
