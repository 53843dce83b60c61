import * as fc from 'fast-check';
import { renderAdmissionSpec, renderVmSpec } from '../../../src/backends/vm/render';
import { isSynthesized } from '../../../src/emit/synthesized-json';
import { resolveVm } from '../../../src/model/vm/vm-model';
import { admissionView } from '../../../src/rules/vm-admission-context';
import { anyVmProps } from '../../fixtures/vm-props-arbitrary';

// The VM's spec is rendered as JSON in synthesized form and taken by synthesis as it is; the admission mirror checks
// VMs of one shape once, on renderAdmissionSpec. Both shortcuts hold only for the properties below.

const selector = fc.option(fc.constant({ 'node-role.kubernetes.io/worker-rt': '' }), { nil: undefined });

describe('renderVmSpec', () => {
  test('is built in synthesized form (sorted keys, no undefined, no null), so synthesis takes it as it is', () => {
    fc.assert(fc.property(anyVmProps, selector, (p, sel) => {
      expect(isSynthesized(renderVmSpec(resolveVm({ id: 'vm' }, p), sel))).toBe(true);
    }), { numRuns: 200 });
  });

  test('shares no object with the model or with another render: changing one output changes nothing else', () => {
    const objectsOf = (v: unknown, out = new Set<object>()): Set<object> => {
      if (v !== null && typeof v === 'object' && !out.has(v)) {
        out.add(v);
        for (const x of Object.values(v)) objectsOf(x, out);
      }
      return out;
    };
    fc.assert(fc.property(anyVmProps, selector, (p, sel) => {
      const vm = resolveVm({ id: 'vm' }, p);
      const first = objectsOf(renderVmSpec(vm, sel));
      const second = objectsOf(renderVmSpec(vm, sel));
      const kept = objectsOf(vm);
      for (const o of first) {
        expect(second.has(o)).toBe(false);
        expect(kept.has(o)).toBe(false);
      }
      if (sel) for (const o of first) expect(o).not.toBe(sel);
    }), { numRuns: 100 });
  });
});

describe('renderAdmissionSpec', () => {
  test('renders exactly what the admission rules read of the whole spec', () => {
    fc.assert(fc.property(anyVmProps, selector, (p, sel) => {
      const vm = resolveVm({ id: 'vm' }, p);
      expect(JSON.stringify(admissionView({ spec: renderAdmissionSpec(vm.settings) })))
        .toBe(JSON.stringify(admissionView({ spec: renderVmSpec(vm, sel) })).replace(/,"disks":\[[^\]]*\]/, ',"disks":[]'));
    }), { numRuns: 200 });
  });
});
