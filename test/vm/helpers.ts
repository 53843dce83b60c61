import { Size, Testing } from 'cdk8s';
import { admissionFindings } from '../../src/rules/vm-admission';
import { BootDisk } from '../../src/vm/disk';
import { RealtimeVirtualMachine } from '../../src/vm/realtime-virtual-machine';
import { RealtimeVirtualMachineProps } from '../../src/vm/realtime-virtual-machine-props';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

/** The smallest valid props: 2 vCPUs, 1Gi, a container disk. */
export function minimalProps(extra: Partial<RealtimeVirtualMachineProps> = {}): RealtimeVirtualMachineProps {
  return { vcpus: 2, memory: Size.gibibytes(1), bootDisk: BootDisk.containerDisk('quay.io/example/rt:1'), ...extra };
}

/** Synthesizes one VM in a fresh chart; returns the VM object and the construct. */
export function synthVm(props: RealtimeVirtualMachineProps, id: string = 'rt-vm') {
  const chart = Testing.chart();
  const vm = new RealtimeVirtualMachine(chart, id, props);
  const objects = Testing.synth(chart);
  return { chart, vm, objects, object: objects[0] };
}

/** Everything a synthesized VM manifest must satisfy: CRD schema, no lost values, KubeVirt admission. */
export function expectDeployable(objects: any[]): void {
  expectValidAgainstCrds(objects);
  expectNoLostValues(objects);
  for (const o of objects) {
    if (o.kind === 'VirtualMachine') expect(admissionFindings(o)).toEqual([]);
  }
}

/** The error message of synthesizing a chart with one VM built from `props` ('' when it synthesizes). */
export function synthError(props: RealtimeVirtualMachineProps, id: string = 'rt-vm'): string {
  const chart = Testing.chart();
  new RealtimeVirtualMachine(chart, id, props);
  try {
    Testing.synth(chart);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
