import { App, Testing } from 'cdk8s';
import { buildInstancetypes } from '../../examples/instancetypes';
import { Warnings } from '../../src/constructs/app/warnings';
import { CommonInstancetype } from '../../src/constructs/instancetype/common-instancetypes';
import { resolveVm } from '../../src/model/vm/vm-model';
import { applyInstancetype } from '../../src/rules/instancetype-apply';
import { admissionFindings } from '../../src/rules/vm-admission';
import { BootDisk } from '../../src/values/vm/disk';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

describe('examples/instancetypes', () => {
  const app = Testing.app();
  const chart = buildInstancetypes(app as App);
  const objects = Testing.synth(chart);
  const vms = objects.filter((o) => o.kind === 'VirtualMachine');

  test('schema-valid, nothing lost, no unacknowledged warning; cluster-scoped instance type and preference', () => {
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(Warnings.of(chart).list()).toEqual([]);
    for (const kind of ['VirtualMachineClusterInstancetype', 'VirtualMachineClusterPreference']) {
      expect(objects.find((o) => o.kind === kind).metadata).toEqual({ name: 'rt-plc.4c8g' });
    }
  });

  test('the PLC guests isolate the instance type\'s real-time vCPUs (guest tuning derived from the merged mask)', () => {
    const secrets = objects.filter((o) => o.kind === 'Secret');
    expect(secrets.map((s) => [s.metadata.name, s.metadata.namespace])).toEqual([['plc-line-1-guest-tuning', 'plc'], ['plc-line-2-guest-tuning', 'plc']]);
    for (const secret of secrets) expect(secret.stringData.userdata).toContain('isolated_cores=1-3\n');
    expect(vms[0].spec.template.spec.volumes.find((v: any) => v.name === 'cloudinitdisk').cloudInitNoCloud).toEqual({ secretRef: { name: 'plc-line-1-guest-tuning' } });
  });

  test('two VMs reference the emitted type, one rt1.xlarge; each is admission-clean once KubeVirt applies its type', () => {
    expect(vms.map((vm) => [vm.metadata.name, vm.metadata.namespace, vm.spec.instancetype.name, vm.spec.preference.name])).toEqual([
      ['plc-line-1', 'plc', 'rt-plc.4c8g', 'rt-plc.4c8g'],
      ['plc-line-2', 'plc', 'rt-plc.4c8g', 'rt-plc.4c8g'],
      ['hmi', 'plc', 'rt1.xlarge', 'rhel.9.realtime'],
    ]);
    const emitted = objects.find((o) => o.kind === 'VirtualMachineClusterInstancetype');
    const plcUse = resolveVm({ id: 'x' }, {
      instancetype: { instancetypeKind: emitted.kind, instancetypeName: emitted.metadata.name, instancetypeSpec: emitted.spec },
      preference: { preferenceKind: 'VirtualMachineClusterPreference', preferenceName: 'rt-plc.4c8g', preferenceSpec: objects.find((o) => o.kind === 'VirtualMachineClusterPreference').spec },
      bootDisk: BootDisk.containerDisk('x/y:1'),
    }).settings.instancetype!;
    const rt1Use = resolveVm({ id: 'x' }, { instancetype: CommonInstancetype.named('rt1.xlarge'), bootDisk: BootDisk.containerDisk('x/y:1') }).settings.instancetype!;
    for (const [vm, use] of [[vms[0], plcUse], [vms[1], plcUse], [vms[2], { ...rt1Use, preferenceSpec: { cpu: { preferredCPUTopology: 'spread', spreadOptions: { across: 'SocketsCoresThreads' } } } }]] as const) {
      const { conflicts, expanded } = applyInstancetype(vm, use);
      expect(conflicts).toEqual([]);
      expect(admissionFindings(expanded)).toEqual([]);
      expect(expanded!.spec.template.spec.domain.cpu).toMatchObject({ sockets: 1, cores: 2, threads: 2, dedicatedCpuPlacement: true });
    }
  });
});
