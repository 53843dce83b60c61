import { App, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { placementShapeKey } from '../../../src/constructs/placement/placement-by-shape';
import { admissionViewKey } from '../../../src/constructs/vm/admission-by-key';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { allFindings, VmChecks } from '../../../src/constructs/vm/vm-checks';
import { resolveVm, shapeOf } from '../../../src/model/vm/resolve';
import * as vmRules from '../../../src/rules/vm-rules';
import { error, Finding, warning } from '../../../src/values/finding';
import { minimalProps } from '../../fixtures/vm';

describe('VmChecks', () => {
  afterEach(() => jest.restoreAllMocks());

  test('the prop rules run once per VM, however often cdk8s validates the app', () => {
    // GIVEN an app with two charts (cdk8s validates the whole app for synthYaml and again for each chart)
    const spy = jest.spyOn(vmRules, 'vmPropFindings');
    const app = new App();
    new RealtimeVirtualMachine(new Chart(app, 'a'), 'vm-a', minimalProps());
    new RealtimeVirtualMachine(new Chart(app, 'b'), 'vm-b', minimalProps());

    // WHEN synthesized twice
    app.synthYaml();
    app.synthYaml();

    // THEN once per VM
    expect(spy).toHaveBeenCalledTimes(2);
  });

  test('a VM with a prop error is reported with it in every validation, and nothing built on the props runs', () => {
    const chart = Testing.chart();
    new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps({ memory: Size.mebibytes(1536) }));
    for (let i = 0; i < 2; i++) {
      expect(() => Testing.synth(chart)).toThrow(/VM_MEMORY_NOT_PAGE_MULTIPLE/);
      expect(() => Testing.synth(chart)).not.toThrow(/VM_KV_/);
    }
  });

  test('a JSON patch added after a synthesis is checked by the admission mirror in the next one', () => {
    const chart = Testing.chart();
    const vm = new RealtimeVirtualMachine(chart, 'rt-vm', minimalProps());
    Testing.synth(chart);
    vm.addJsonPatch(JsonPatch.replace('/spec/template/spec/domain/cpu/dedicatedCpuPlacement', false));
    expect(() => Testing.synth(chart)).toThrow(/VM_KV_REALTIME_WITHOUT_DEDICATED/);
  });

  test('keys and own findings are those of the resolved props', () => {
    const vm = resolveVm('vm', minimalProps({ vcpus: undefined, topology: { sockets: 1, cores: 2, threads: 1 } }));
    const checks = new VmChecks(Testing.chart(), vm, shapeOf(vm));
    expect(checks.cpuField).toBe('topology');
    expect(checks.admissionViewKey).toBe(admissionViewKey(vm));
    expect(checks.placementShapeKey).toBe(placementShapeKey(shapeOf(vm), 'topology'));
    expect(checks.ownFindings()).toEqual(vmRules.vmPropFindings(vm));
    expect(checks.propsHaveErrors).toBe(false);
    expect(new VmChecks(Testing.chart(), resolveVm('vm', minimalProps()), shapeOf(resolveVm('vm', minimalProps()))).cpuField).toBe('vcpus');
  });
});

describe('allFindings', () => {
  const a: Finding = error('VM_PROP_IGNORED', 'a', 1, 'x', 'y');
  const b: Finding = warning('VM_PROP_IGNORED', 'b', 2, 'x', 'y');

  test('keeps every finding, in group order', () => {
    expect(allFindings([a], [], [b, a])).toEqual([a, b, a]);
    expect(allFindings([], [], [])).toEqual([]);
  });

  test('returns the one non-empty group itself', () => {
    const only = [b];
    expect(allFindings([], only, [])).toBe(only);
  });
});
