import { Lazy, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { renderAdmissionSpecJson, renderSpec, renderSpecJson } from '../../../src/backends/vm/render';
import { isSynthesized, synthesizedJson, withLatePatches } from '../../../src/emit/late-patches';
import * as kubevirt from '../../../src/imports/virtualmachine-kubevirt.io';
import { resolveVm } from '../../../src/model/vm/resolve';
import { admissionView } from '../../../src/rules/vm-admission-context';
import { BootDisk } from '../../../src/values/vm/disk';
import { anyVmProps } from '../../fixtures/vm-props-arbitrary';

// renderSpecJson feeds an L1 that skips the generated serializer (propsAreJson) and the admission mirror's fast path:
// both are only right if it is exactly what the serializer makes of renderSpec, for any props, valid or not.

const TypedVm = withLatePatches(kubevirt.VirtualMachine);
const JsonVm = withLatePatches(kubevirt.VirtualMachine, { propsAreJson: true });

const props = anyVmProps;

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

  test('is built in synthesized form, so synthesis takes it as it is', () => {
    fc.assert(fc.property(props, selector, (p, sel) => {
      expect(isSynthesized(renderSpecJson(resolveVm('vm', p), sel))).toBe(true);
    }), { numRuns: 200 });
  });

  test('shares no object with the VM or with another render: changing one output changes nothing else', () => {
    const objectsOf = (v: unknown, out = new Set<object>()): Set<object> => {
      if (v !== null && typeof v === 'object' && !out.has(v)) {
        out.add(v);
        for (const x of Object.values(v)) objectsOf(x, out);
      }
      return out;
    };
    fc.assert(fc.property(props, selector, (p, sel) => {
      const vm = resolveVm('vm', p);
      const first = objectsOf(renderSpecJson(vm, sel));
      const second = objectsOf(renderSpecJson(vm, sel));
      const kept = objectsOf(vm);
      for (const o of first) {
        expect(second.has(o)).toBe(false);
        expect(kept.has(o)).toBe(false);
      }
      if (sel) for (const o of first) expect(o).not.toBe(sel);
    }), { numRuns: 100 });
  });

  test('props holding a token are left to rendering', () => {
    const vm = resolveVm('vm', { vcpus: 2, memory: Size.gibibytes(1), bootDisk: BootDisk.containerDisk('i'), nodeSelector: { a: Lazy.any({ produce: () => 'x' }) } });
    expect(synthesizedJson(renderSpecJson(vm))).toBeUndefined();
  });
});
