import { App, Chart, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { renderAdmissionSpecJson } from '../../../src/backends/vm/render';
import { admissionViewKey, renderedAdmissionFindings } from '../../../src/constructs/vm/admission-by-key';
import { RealtimeVirtualMachine } from '../../../src/constructs/vm/realtime-virtual-machine';
import { RealtimeVirtualMachineProps } from '../../../src/constructs/vm/realtime-virtual-machine-props';
import { synthesizedJson } from '../../../src/emit/late-patches';
import { resolveVm } from '../../../src/model/vm/resolve';
import { admissionFindingsOfRenderedView } from '../../../src/rules/vm-admission';
import { admissionView } from '../../../src/rules/vm-admission-context';
import { RealtimeMask } from '../../../src/values/realtime-mask';
import { CpuFeature } from '../../../src/values/vm/cpu-feature';
import { DataDisk } from '../../../src/values/vm/disk';
import { RunStrategy } from '../../../src/values/vm/run-strategy';
import { minimalProps } from '../../fixtures/vm';
import { anyVmProps, expectKeyDecidesOutcome } from '../../fixtures/vm-props-arbitrary';

/** The admission view a VM renders, as the rules read it. */
function viewText(p: RealtimeVirtualMachineProps): string {
  return JSON.stringify(synthesizedJson(admissionView({ spec: renderAdmissionSpecJson(resolveVm('vm', p)) })));
}

describe('admissionViewKey', () => {
  test('VMs with the same key render the same admission view, and different views never share a key', () => {
    expectKeyDecidesOutcome(admissionViewKey, viewText, { numRuns: 600, bothWays: true });
  });

  test('names, disks, cloud-init, selectors and the grace period are not part of it', () => {
    const a = resolveVm('a', minimalProps());
    const b = resolveVm('b', minimalProps({
      metadata: { name: 'other', namespace: 'ns' },
      disks: [DataDisk.persistentVolumeClaim('data')],
      nodeSelector: { zone: 'a' },
      terminationGracePeriodSeconds: 5,
      autoattachMemBalloon: true,
    }));
    expect(admissionViewKey(a)).toBeDefined();
    expect(admissionViewKey(b)).toBe(admissionViewKey(a));
  });

  test('each field the view holds changes the key', () => {
    const base = admissionViewKey(resolveVm('vm', minimalProps()));
    const variants: Array<Partial<RealtimeVirtualMachineProps>> = [
      { vcpus: 4 }, { vcpus: undefined, topology: { sockets: 2, cores: 1, threads: 1 } }, { memory: Size.mebibytes(1536) },
      { hugePages: false }, { realtimeMask: RealtimeMask.parse('1') }, { realtime: false }, { isolateEmulatorThread: false },
      { dedicatedCpuPlacement: false }, { guestMappingPassthrough: false }, { ioThreads: false },
      { cpuFeatures: [] }, { autoattachGraphicsDevice: true },
    ];
    for (const v of variants) expect(admissionViewKey(resolveVm('vm', minimalProps(v)))).not.toBe(base);
  });

  test('no key when an input is not a plain value: the VM is then checked on its own', () => {
    const odd = resolveVm('vm', minimalProps({ cpuFeatures: ['tsc-deadline' as unknown as CpuFeature] }));
    expect(admissionViewKey(odd)).toBeUndefined();
    const nan = resolveVm('vm', minimalProps({ vcpus: undefined, topology: { sockets: NaN, cores: 1, threads: 1 } }));
    expect(admissionViewKey(nan)).toBeUndefined();
    expect(renderedAdmissionFindings(Testing.chart(), odd, admissionViewKey(odd)))
      .toEqual(admissionFindingsOfRenderedView(admissionView({ spec: renderAdmissionSpecJson(odd) })));
  });
});

describe('renderedAdmissionFindings', () => {
  test('the same findings as checking each VM on its own, whichever VM of a key comes first', () => {
    fc.assert(fc.property(fc.array(anyVmProps, { minLength: 1, maxLength: 6 }), (all) => {
      const chart = Testing.chart();
      const vms = all.map((p, i) => resolveVm(`vm-${i}`, p));
      // Inside one validation pass (the memo's lifetime), as during synthesis.
      const app = chart.node.root;
      new RealtimeVirtualMachine(chart, 'opener', minimalProps());
      const seen: unknown[] = [];
      app.node.addValidation({
        validate: () => {
          seen.push(...vms.map((vm) => renderedAdmissionFindings(chart, vm, admissionViewKey(vm))));
          return [];
        },
      });
      app.node.validate();
      expect(seen).toEqual(vms.map((vm) => admissionFindingsOfRenderedView(admissionView({ spec: renderAdmissionSpecJson(vm) }))));
    }), { numRuns: 100 });
  });

  test('every VM of a shape is reported, each on its own path', () => {
    // GIVEN two VMs of one shape that KubeVirt rejects (a run strategy only a JavaScript caller can pass)
    const app = new App();
    const chart = new Chart(app, 'c');
    const props = minimalProps({ runStrategy: 'Sometimes' as RunStrategy });
    new RealtimeVirtualMachine(chart, 'a', props);
    new RealtimeVirtualMachine(chart, 'b', props);

    // THEN synthesis fails with the admission error on both
    const message = (() => {
      try {
        app.synthYaml();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/\[c\/a\][^\n]*VM_KV_RUN_STRATEGY_INVALID/);
    expect(message).toMatch(/\[c\/b\][^\n]*VM_KV_RUN_STRATEGY_INVALID/);
  });
});
