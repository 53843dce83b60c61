import * as fc from 'fast-check';
import { admissionFindings } from '../../src/rules/vm-admission';
import { admissionView } from '../../src/rules/vm-admission-context';

// VMs of one shape are checked once, on the admission part of the spec (renderAdmissionSpec), instead of on each whole
// object. That is only right if the rules read nothing outside the view.

const value = fc.oneof(
  fc.constantFrom('Always', 'Halted', 'Bogus', '2', '1Gi', '2Mi', '500m', 'host-passthrough', 'arm64', 'amd64', 'None', 'auto', 'supplementalPool'),
  fc.integer({ min: -1, max: 5 }), fc.constantFrom(NaN, Infinity, 1.5), fc.boolean(), fc.constant(null), fc.constant(undefined),
);

const cpu = fc.record({
  sockets: value,
  cores: value,
  threads: value,
  maxSockets: value,
  model: value,
  dedicatedCpuPlacement: value,
  isolateEmulatorThread: value,
  realtime: fc.oneof(fc.constant({}), fc.record({ mask: fc.constantFrom('0', '1-2', '^0') }, { noNullPrototype: true }), value),
  numa: fc.oneof(fc.constant({ guestMappingPassthrough: {} }), value),
  features: fc.oneof(fc.array(fc.record({ name: fc.constant('tsc-deadline'), policy: value }, { noNullPrototype: true }), { maxLength: 2 }), value),
}, { requiredKeys: [], noNullPrototype: true });

const quantities = fc.record({ cpu: value, memory: value }, { requiredKeys: [], noNullPrototype: true });

/** A VirtualMachine object with arbitrary admission-relevant fields and arbitrary other ones. */
const vmObject = fc.record({
  running: value,
  runStrategy: value,
  architecture: value,
  evictionStrategy: value,
  cpu: fc.oneof(cpu, value),
  memory: fc.oneof(fc.record({
    guest: value, maxGuest: value, hugepages: fc.oneof(fc.record({ pageSize: value }, { noNullPrototype: true }), value),
  }, { requiredKeys: [], noNullPrototype: true }), value),
  resources: fc.record({ requests: quantities, limits: quantities }, { requiredKeys: [], noNullPrototype: true }),
  ioThreadsPolicy: value,
  ioThreads: fc.oneof(fc.record({ supplementalPoolThreadCount: value }, { noNullPrototype: true }), value),
  video: fc.oneof(fc.constant({ type: 'vga' }), value),
  autoattachGraphicsDevice: value,
  name: fc.stringMatching(/^[a-z]{1,8}$/),
}, { noNullPrototype: true }).map((f) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: f.name, labels: { app: f.name } },
  spec: {
    running: f.running,
    runStrategy: f.runStrategy,
    template: {
      metadata: { labels: { 'kubevirt.io/vm': f.name } },
      spec: {
        architecture: f.architecture,
        evictionStrategy: f.evictionStrategy,
        domain: {
          cpu: f.cpu,
          memory: f.memory,
          resources: f.resources,
          ioThreadsPolicy: f.ioThreadsPolicy,
          ioThreads: f.ioThreads,
          devices: { video: f.video, autoattachGraphicsDevice: f.autoattachGraphicsDevice, disks: [{ name: f.name, disk: { bus: 'virtio' } }] },
        },
        volumes: [{ name: f.name, containerDisk: { image: `registry.example/${f.name}:1` } }],
      },
    },
  },
}));

describe('admissionView', () => {
  test('the rules read nothing outside the view: the object and its view get the same findings', () => {
    fc.assert(fc.property(vmObject, (vm) => {
      expect(admissionFindings(admissionView(vm))).toEqual(admissionFindings(vm));
    }), { numRuns: 300 });
  });

  test('keeps the admission fields and drops names, labels, disks and volumes', () => {
    const view = admissionView({
      metadata: { name: 'vm' },
      spec: { runStrategy: 'Always', template: { spec: { domain: { cpu: { cores: 2 }, devices: { disks: [{ name: 'd' }] } }, volumes: [{ name: 'd' }] } } },
    });
    expect(JSON.parse(JSON.stringify(view))).toEqual({
      spec: { runStrategy: 'Always', template: { spec: { domain: { cpu: { cores: 2 }, devices: {} } } } },
    });
  });
});
