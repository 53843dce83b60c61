import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { buildFedoraRealtimeTuned, REALTIME_VCPUS } from '../../examples/fedora-realtime-tuned';
import { Warnings } from '../../src/constructs/app/warnings';
import { expectDeployable } from '../fixtures/vm';

describe('examples/fedora-realtime-tuned', () => {
  const app = Testing.app();
  const chart = buildFedoraRealtimeTuned(app);
  const objects = Testing.synth(chart);
  const vm = objects.find((o) => o.kind === 'VirtualMachine');
  const secret = objects.find((o) => o.kind === 'Secret');
  const userData: string = secret.stringData.userdata;

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('validates against the CRD and KubeVirt admission, without warnings', () => {
    expectDeployable(objects);
    expect(Warnings.of(app).list()).toEqual([]);
  });

  test('the Secret isolates exactly the real-time mask', () => {
    expect(vm.spec.template.spec.domain.cpu.realtime).toEqual({ mask: REALTIME_VCPUS });
    const files = YAML.parse(userData).write_files;
    expect(files).toHaveLength(1);
    expect(files[0].content.match(/^isolated_cores=(.*)$/m)[1]).toBe(REALTIME_VCPUS);
  });

  test('the VM reads its cloud-init from the Secret, in its namespace; nothing is inline', () => {
    expect(secret.metadata).toEqual({ name: 'fedora-realtime-tuned-guest-tuning', namespace: 'poc', labels: { 'kubevirt.io/vm': 'fedora-realtime-tuned' } });
    expect(vm.spec.template.spec.volumes).toContainEqual({ name: 'cloudinitdisk', cloudInitNoCloud: { secretRef: { name: secret.metadata.name } } });
    expect(JSON.stringify(vm)).not.toMatch(/userData|hostname/);
  });

  test('keeps the app\'s own cloud-config, selects the profile, adds idle=poll, reboots once', () => {
    const config = YAML.parse(userData, { version: '1.1' });
    expect(config.hostname).toBe('fedora-realtime-tuned');
    expect(config.runcmd).toContainEqual(['tuned-adm', 'profile', 'realtime-virtual-guest']);
    expect(config.runcmd).toContainEqual(['grubby', '--update-kernel=ALL', '--args=idle=poll']);
    expect(config.power_state).toEqual({ mode: 'reboot', condition: true });
  });

  test('the Fedora CoreOS VM gets the same isolation as Ignition in its annotation', () => {
    const fcos = objects.find((o) => o.kind === 'VirtualMachine' && o.metadata.name === 'fcos-realtime');
    const ignition = JSON.parse(fcos.spec.template.metadata.annotations['kubevirt.io/ignitiondata']);
    expect(ignition.kernelArguments.shouldExist).toContain(`nohz_full=${REALTIME_VCPUS}`);
    const variables = ignition.storage.files.find((f: any) => f.path === '/etc/tuned/realtime-virtual-guest-variables.conf');
    expect(decodeURIComponent(variables.contents.source)).toContain(`isolated_cores=${REALTIME_VCPUS}\n`);
    expect(fcos.spec.template.spec.volumes.map((v: any) => v.name)).toEqual(['containerdisk']);
  });
});
