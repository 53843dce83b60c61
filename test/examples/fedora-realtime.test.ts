import { Testing } from 'cdk8s';
import { buildFedoraRealtime, CLOUD_INIT_SECRET } from '../../examples/fedora-realtime';
import { Warnings } from '../../src/constructs/app/warnings';
import { expectDeployable } from '../fixtures/vm';

describe('examples/fedora-realtime', () => {
  const app = Testing.app();
  const chart = buildFedoraRealtime(app);
  const objects = Testing.synth(chart);
  const [vm] = objects;
  const domain = vm.spec.template.spec.domain;

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('validates against the CRD and KubeVirt admission, without warnings', () => {
    expectDeployable(objects);
    expect(Warnings.of(app).list()).toEqual([]);
  });

  test('reproduces the blog VM', () => {
    expect(objects).toHaveLength(1);
    expect(vm.metadata).toEqual({ name: 'fedora-realtime', namespace: 'poc', labels: { 'kubevirt.io/vm': 'fedora-realtime' } });
    expect(vm.spec.template.metadata.labels).toEqual({ 'kubevirt.io/vm': 'fedora-realtime' });
    expect(domain.resources).toEqual({ requests: { cpu: 2, memory: '1Gi' }, limits: { cpu: 2, memory: '1Gi' } });
    expect(domain.cpu).toEqual({
      model: 'host-passthrough',
      dedicatedCpuPlacement: true,
      isolateEmulatorThread: true,
      maxSockets: 2,
      features: [{ name: 'tsc-deadline', policy: 'require' }],
      numa: { guestMappingPassthrough: {} },
      realtime: { mask: '0' },
    });
    expect(domain.memory).toEqual({ hugepages: { pageSize: '1Gi' } });
    expect(domain.devices).toEqual({
      autoattachSerialConsole: true,
      autoattachMemBalloon: false,
      autoattachGraphicsDevice: false,
      disks: [{ disk: { bus: 'virtio' }, name: 'containerdisk' }, { disk: { bus: 'virtio' }, name: 'cloudinitdisk' }],
    });
    expect(vm.spec.template.spec.terminationGracePeriodSeconds).toBe(0);
    expect(vm.spec.template.spec.volumes[0]).toEqual({
      name: 'containerdisk', containerDisk: { image: 'quay.io/kubevirt/fedora-realtime-container-disk:20211008_5a22acb18' },
    });
  });

  test('corrects the blog: ioThreadsPolicy at domain level, runStrategy instead of running', () => {
    expect(domain.ioThreadsPolicy).toBe('auto');
    expect(domain.cpu.ioThreadsPolicy).toBeUndefined();
    expect(vm.spec.runStrategy).toBe('Always');
    expect(vm.spec.running).toBeUndefined();
  });

  test('keeps the password out of the manifest: cloud-init comes from a Secret', () => {
    expect(vm.spec.template.spec.volumes[1]).toEqual({ name: 'cloudinitdisk', cloudInitNoCloud: { secretRef: { name: CLOUD_INIT_SECRET } } });
    expect(JSON.stringify(objects)).not.toMatch(/password|chpasswd|fedora\b(?!-)/);
  });
});
