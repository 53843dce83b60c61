import { admissionFindings } from '../../src/rules/vm-admission';
import { Finding, formatFinding, Severity } from '../../src/values/finding';

// The KubeVirt v1.9 admitter unit-test cases (reference §5), replayed on VM objects: the prefix is
// `spec.template.spec` instead of the tests' `fake`.
const P = 'spec.template.spec';

function vmWith(domain: any, templateSpec: any = {}, spec: any = { runStrategy: 'Always' }): any {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm' },
    spec: { ...spec, template: { spec: { ...templateSpec, domain: { devices: {}, ...domain } } } },
  };
}

/** newBaseVmi: requests.memory 512Mi. */
function base(domain: any, templateSpec: any = {}): any {
  const resources = domain.resources ?? {};
  return vmWith({ ...domain, resources: { ...resources, requests: { memory: '512Mi', ...resources.requests } } }, templateSpec);
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === Severity.ERROR);
const codes = (fs: Finding[]) => errors(fs).map((f) => f.code);

function expectOnly(vm: any, code: string, field: string, message?: string): void {
  const found = errors(admissionFindings(vm));
  expect(found.map((f) => [f.code, f.field])).toEqual([[code, field]]);
  expect(formatFinding(found[0])).toMatch(new RegExp(`^\\[${code}\\] ${field.replace(/[.[\]]/g, '\\$&')}: got `));
  if (message !== undefined) expect(found[0].expected).toContain(`"${message}"`);
}

function expectContains(vm: any, code: string, field: string, message: string): void {
  const found = errors(admissionFindings(vm)).filter((f) => f.code === code);
  expect(found.map((f) => f.field)).toEqual([field]);
  expect(found[0].expected).toContain(`"${message}"`);
}

describe('admissionFindings: dedicatedCpuPlacement (§1.1, cases 1-9)', () => {
  const dedicated = `${P}.domain.cpu.dedicatedCpuPlacement`;

  test('case 1: no CPU count anywhere', () => {
    expectOnly(base({ cpu: { dedicatedCpuPlacement: true } }), 'VM_KV_DEDICATED_NO_CPU_COUNT', dedicated,
      `either ${P}.domain.resources.requests.cpu or ${P}.domain.resources.limits.cpu or ${P}.domain.cpu.cores must be provided when DedicatedCPUPlacement is true `);
  });

  test('case 2: a CPU limit that differs from the topology', () => {
    expectOnly(base({ cpu: { cores: 4, dedicatedCpuPlacement: true }, resources: { limits: { cpu: '2' } } }),
      'VM_KV_CPU_RESOURCES_VS_TOPOLOGY', dedicated,
      `${P}.domain.resources.requests.cpu or ${P}.domain.resources.limits.cpu must not be provided at the same time with ${P}.domain.cpu.cores when DedicatedCPUPlacement is true `);
  });

  test('case 3: a fractional CPU limit', () => {
    expectOnly(base({ cpu: { dedicatedCpuPlacement: true }, resources: { limits: { cpu: '800m' } } }),
      'VM_KV_CPU_LIMIT_NOT_INTEGER', `${P}.domain.resources.limits.cpu`, 'provided resources CPU limits must be an interger');
  });

  test('case 4: a fractional CPU request', () => {
    expectOnly(vmWith({ cpu: { dedicatedCpuPlacement: true }, resources: { requests: { cpu: '800m', memory: '8Mi' } } }),
      'VM_KV_CPU_REQUEST_NOT_INTEGER', `${P}.domain.resources.requests.cpu`, 'provided resources CPU requests must be an interger');
  });

  test('case 5: CPU requests different from limits', () => {
    expectOnly(vmWith({ cpu: { dedicatedCpuPlacement: true }, resources: { limits: { cpu: '4', memory: '8Mi' }, requests: { cpu: '2', memory: '8Mi' } } }),
      'VM_KV_CPU_REQUEST_NOT_LIMIT', dedicated,
      `${P}.domain.resources.requests.cpu or ${P}.domain.resources.limits.cpu must be equal when DedicatedCPUPlacement is true `);
  });

  test('case 6: memory requests different from limits', () => {
    expectOnly(vmWith({ cpu: { dedicatedCpuPlacement: true }, resources: { limits: { cpu: '1', memory: '8Mi' }, requests: { cpu: '1', memory: '4Mi' } } }),
      'VM_KV_MEMORY_REQUEST_NOT_LIMIT', `${P}.domain.resources.requests.memory`,
      `${P}.domain.resources.requests.memory must be equal to ${P}.domain.resources.limits.memory`);
  });

  test('case 7: three threads per core', () => {
    expectContains(base({
      cpu: { cores: 4, threads: 3, dedicatedCpuPlacement: true, numa: { guestMappingPassthrough: {} } },
      memory: { hugepages: { pageSize: '2Mi' } },
      resources: { limits: { cpu: '12' } },
    }), 'VM_KV_DEDICATED_THREADS_OVER_TWO', dedicated,
    `Not more than two threads must be provided at ${P}.domain.cpu.threads (got 3) when DedicatedCPUPlacement is true`);
  });

  test('case 8: two threads on arm64', () => {
    expectContains(base({ cpu: { threads: 2, dedicatedCpuPlacement: true } }, { architecture: 'arm64' }),
      'VM_KV_ARM64_THREADS', `${P}.architecture`,
      `threads must not be greater than 1 at ${P}.domain.cpu.threads (got 2) when ${P}.architecture is arm64`);
  });

  test('case 9: two threads on amd64, one thread on arm64 are admitted', () => {
    expect(codes(admissionFindings(base({ cpu: { threads: 2, dedicatedCpuPlacement: true } }, { architecture: 'amd64' })))).toEqual([]);
    expect(codes(admissionFindings(base({ cpu: { threads: 1, dedicatedCpuPlacement: true } }, { architecture: 'arm64' })))).toEqual([]);
  });

  test('rule a: dedicated CPUs without any memory size', () => {
    expectOnly(vmWith({ cpu: { cores: 2, dedicatedCpuPlacement: true } }), 'VM_KV_MEMORY_NOT_PROVIDED',
      `${P}.domain.resources.limits.memory`,
      `${P}.domain.resources.requests.memory, ${P}.domain.resources.limits.memory, ${P}.domain.memory.hugepages or ${P}.domain.memory.guest should be provided`);
    expect(codes(admissionFindings(vmWith({ cpu: { cores: 2, dedicatedCpuPlacement: true }, memory: { guest: '1Gi' } })))).toEqual([]);
  });
});

describe('admissionFindings: generic resource checks', () => {
  test('negative quantities', () => {
    expectContains(vmWith({ resources: { requests: { cpu: '-1', memory: '1Gi' } } }), 'VM_KV_NEGATIVE_RESOURCE',
      `${P}.domain.resources.requests.cpu`, `${P}.domain.resources.requests.cpu '-1': must be greater than or equal to 0.`);
  });

  test('requests above limits', () => {
    expectOnly(vmWith({ resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } } }), 'VM_KV_REQUEST_ABOVE_LIMIT',
      `${P}.domain.resources.requests.memory`,
      `${P}.domain.resources.requests.memory '2Gi' is greater than ${P}.domain.resources.limits.memory '1Gi'`);
  });

  test('memory requests below 1M', () => {
    expectOnly(vmWith({ resources: { requests: { memory: '512Ki' } } }), 'VM_KV_MEMORY_REQUEST_TOO_SMALL',
      `${P}.domain.resources.requests.memory`, `${P}.domain.resources.requests.memory '512Ki': must be greater than or equal to 1M.`);
  });
});

describe('admissionFindings: isolateEmulatorThread, NUMA, realtime (§1.2, §1.4, §1.5, cases 10-17)', () => {
  const gmp = `${P}.domain.cpu.numa.guestMappingPassthrough`;

  test('case 10: isolateEmulatorThread without dedicated CPUs', () => {
    expectOnly(base({ cpu: { dedicatedCpuPlacement: false, isolateEmulatorThread: true } }), 'VM_KV_ISOLATE_WITHOUT_DEDICATED',
      `${P}.domain.cpu.isolateEmulatorThread`, 'IsolateEmulatorThread should be only set in combination with DedicatedCPUPlacement');
  });

  test('case 11: NUMA passthrough without dedicated CPUs', () => {
    expectOnly(base({ cpu: { numa: { guestMappingPassthrough: {} }, dedicatedCpuPlacement: false }, memory: { hugepages: { pageSize: '2Mi' } } }),
      'VM_KV_NUMA_WITHOUT_DEDICATED', gmp,
      `${P}.domain.cpu.dedicatedCpuPlacement must be set to true when NUMA topology strategy is set in ${gmp}`);
  });

  test.each([[null], [{ hugepages: null }]])('case 12: NUMA passthrough without huge pages (memory %j)', (memory) => {
    expectOnly(base({ cpu: { cores: 4, dedicatedCpuPlacement: true, numa: { guestMappingPassthrough: {} } }, resources: { limits: { cpu: '4' } }, memory }),
      'VM_KV_NUMA_WITHOUT_HUGEPAGES', gmp, `${P}.domain.memory.hugepages must be requested when NUMA topology strategy is set in ${gmp}`);
  });

  test('case 13: NUMA passthrough with dedicated CPUs and huge pages is admitted', () => {
    expect(codes(admissionFindings(base({
      cpu: { cores: 4, dedicatedCpuPlacement: true, numa: { guestMappingPassthrough: {} } },
      resources: { limits: { cpu: '4' } },
      memory: { hugepages: { pageSize: '2Mi' } },
    })))).toEqual([]);
  });

  test('case 14: realtime without dedicated CPUs', () => {
    expectContains(base({ cpu: { realtime: {}, cores: 4, numa: { guestMappingPassthrough: {} } }, memory: { hugepages: { pageSize: '2Mi' } } }),
      'VM_KV_REALTIME_WITHOUT_DEDICATED', `${P}.domain.cpu.dedicatedCpuPlacement`,
      `${P}.domain.cpu.dedicatedCpuPlacement must be set to true when ${P}.domain.cpu.realtime is used`);
  });

  test.each([[{}], [null]])('cases 15-16: realtime without NUMA passthrough (numa %j)', (numa) => {
    expectContains(base({ cpu: { realtime: {}, cores: 4, dedicatedCpuPlacement: true, numa }, memory: { hugepages: { pageSize: '2Mi' } } }),
      'VM_KV_REALTIME_WITHOUT_NUMA', gmp, `${gmp} must be defined when ${P}.domain.cpu.realtime is used`);
  });

  test('case 17: memory hotplug (maxGuest) on realtime and NUMA-passthrough VMs', () => {
    const cpu = { dedicatedCpuPlacement: true, cores: 2, numa: { guestMappingPassthrough: {} } };
    const memory = { guest: '1Gi', maxGuest: '4Gi', hugepages: { pageSize: '2Mi' } };
    expectContains(vmWith({ cpu: { ...cpu, realtime: {} }, memory }), 'VM_KV_MAX_GUEST_REALTIME', `${P}.domain.memory.guest`,
      'Memory hotplug is not compatible with realtime VMs');
    expectContains(vmWith({ cpu, memory }), 'VM_KV_MAX_GUEST_NUMA', `${P}.domain.memory.guest`,
      'Memory hotplug is not compatible with guest mapping passthrough');
  });
});

describe('admissionFindings: huge pages (§1.6, cases 18-26)', () => {
  const requests = `${P}.domain.resources.requests.memory`;
  const page = `${P}.domain.memory.hugepages.pageSize`;

  test('case 18: an unparsable page size', () => {
    expectOnly(vmWith({ resources: { requests: { memory: '64Mi' } }, memory: { hugepages: { pageSize: '2ab' } } }),
      'VM_KV_HUGEPAGE_SIZE_INVALID', page,
      `${page} '2ab': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  });

  test.each([
    ['case 19: requests', { resources: { requests: { memory: '64Mi' } } }, '64Mi', '1Gi'],
    ['case 20: guest', { memory: { guest: '64Mi' } }, '0', '1Gi'],
    ['case 21: limits', { resources: { limits: { memory: '64Mi' } } }, '0', '1Gi'],
    ['case 22: 65Mi with 2Gi pages', { resources: { requests: { memory: '65Mi' } } }, '65Mi', '2Gi'],
  ])('%s smaller than a page', (_name, domain: any, printedRequests, pageSize) => {
    const memory = { ...domain.memory, hugepages: { pageSize } };
    expectOnly(vmWith({ ...domain, memory }), 'VM_KV_MEMORY_BELOW_PAGE_SIZE', requests,
      `${requests} '${printedRequests}' must be equal to or larger than page size ${page} '${pageSize}'`);
  });

  test('cases 23 and 25: whole pages are admitted', () => {
    expect(codes(admissionFindings(vmWith({ resources: { requests: { memory: '64Mi' } }, memory: { hugepages: { pageSize: '2Mi' } } })))).toEqual([]);
    expect(codes(admissionFindings(vmWith({ resources: { requests: { memory: '64Mi' } }, memory: { guest: '64Mi', hugepages: { pageSize: '2Mi' } } })))).toEqual([]);
  });

  test('case 24: not a multiple of the page size', () => {
    expectOnly(vmWith({ resources: { requests: { memory: '64Mi' } }, memory: { hugepages: { pageSize: '10Mi' } } }),
      'VM_KV_MEMORY_NOT_PAGE_MULTIPLE', requests, `${requests} '64Mi' is not a multiple of the page size ${page} '10Mi'`);
  });

  test('a zero page size is refused instead of dividing by zero', () => {
    expectOnly(vmWith({ resources: { requests: { memory: '64Mi' } }, memory: { hugepages: { pageSize: '0' } } }), 'VM_KV_HUGEPAGE_SIZE_INVALID', page);
  });

  test('case 26: guest above the limit is only a warning (rejected under the Stage rollout strategy)', () => {
    const found = admissionFindings(vmWith({ resources: { limits: { memory: '64Mi' } }, memory: { guest: '128Mi' } }));
    expect(found.map((f) => [f.code, f.severity, f.field])).toEqual([['VM_KV_GUEST_ABOVE_LIMIT', Severity.WARNING, `${P}.domain.memory.guest`]]);
  });
});

describe('admissionFindings: IOThreads, CPU features, devices (§1.3, §1.7, §1.8, cases 27-31)', () => {
  test('case 27: auto is admitted', () => {
    expect(codes(admissionFindings(vmWith({ ioThreadsPolicy: 'auto' })))).toEqual([]);
  });

  test('case 28: an unknown policy', () => {
    expectOnly(vmWith({ ioThreadsPolicy: 'bad' }), 'VM_KV_IOTHREADS_POLICY_INVALID', `${P}.domain.ioThreadsPolicy`, 'Invalid IOThreadsPolicy (bad)');
  });

  test.each([[{ supplementalPoolThreadCount: 0 }], [undefined]])('cases 29-30: supplementalPool without a positive count (ioThreads %j)', (ioThreads) => {
    expectOnly(base({ ioThreadsPolicy: 'supplementalPool', ioThreads, cpu: { cores: 2, dedicatedCpuPlacement: true, isolateEmulatorThread: true } }),
      'VM_KV_SUPPLEMENTAL_POOL_COUNT', `${P}.domain.ioThreads.count`, 'the number of iothreads needs to be set and positive for the dedicated policy');
  });

  test.each(['', 'force', 'require', 'optional', 'disable', 'forbid'])('case 31: feature policy "%s" is admitted', (policy) => {
    expect(codes(admissionFindings(vmWith({ cpu: { features: [{ name: 'lahf_lm', policy }] } })))).toEqual([]);
  });

  test('case 31: an unknown feature policy', () => {
    expectOnly(vmWith({ cpu: { features: [{ name: 'lahf_lm', policy: 'invalid_policy' }] } }), 'VM_KV_CPU_FEATURE_POLICY',
      `${P}.domain.cpu.features[0].policy`, 'CPU feature lahf_lm uses policy invalid_policy that is not supported.');
  });

  test('arm64 only takes host-passthrough', () => {
    expectOnly(vmWith({ cpu: { model: 'host-model' } }, { architecture: 'arm64' }), 'VM_KV_ARM64_CPU_MODEL', `${P}.domain.cpu.model`,
      'currently, host-passthrough is the only model supported on Arm64');
  });

  test('video without the graphics device', () => {
    expectOnly(vmWith({ devices: { autoattachGraphicsDevice: false, video: { type: 'virtio' } } }), 'VM_KV_VIDEO_WITHOUT_GRAPHICS', `${P}.video`,
      'Video configuration is not allowed when autoattachGraphicsDevice is set to false');
  });
});

describe('admissionFindings: VM-level rules (§1.9)', () => {
  test('running and runStrategy together', () => {
    expectOnly(vmWith({}, {}, { running: true, runStrategy: 'Always' }), 'VM_KV_RUNNING_AND_RUN_STRATEGY', 'spec.running',
      'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead');
  });

  test('neither running nor runStrategy', () => {
    expectOnly(vmWith({}, {}, {}), 'VM_KV_RUN_STRATEGY_MISSING', 'spec.running', 'RunStrategy must be specified');
  });

  test('an unknown runStrategy', () => {
    expectOnly(vmWith({}, {}, { runStrategy: 'Sometimes' }), 'VM_KV_RUN_STRATEGY_INVALID', 'spec.runStrategy', 'Invalid RunStrategy (Sometimes)');
  });

  test('running alone is admitted with a deprecation warning', () => {
    const found = admissionFindings(vmWith({}, {}, { running: true }));
    expect(found.map((f) => [f.code, f.severity])).toEqual([['VM_KV_RUNNING_DEPRECATED', Severity.WARNING]]);
    expect(formatFinding(found[0])).toContain('spec.running is deprecated, please use spec.runStrategy instead.');
  });

  test('sockets above maxSockets', () => {
    expectOnly(vmWith({ cpu: { sockets: 4, maxSockets: 2 } }), 'VM_KV_SOCKETS_ABOVE_MAX', `${P}.domain.cpu.sockets`,
      'Number of sockets in CPU topology is greater than the maximum sockets allowed');
  });

  test('an unknown evictionStrategy', () => {
    expectOnly(vmWith({}, { evictionStrategy: 'Whenever' }), 'VM_KV_EVICTION_STRATEGY_INVALID', `${P}.evictionStrategy`);
  });

  test('tolerates anything as input without throwing', () => {
    for (const junk of [undefined, null, 42, 'vm', [], { spec: 'x' }, { spec: { template: { spec: { domain: { cpu: 'x', memory: 1 } } } } }]) {
      expect(() => admissionFindings(junk)).not.toThrow();
    }
  });

  test('the minimal real-time template of the reference is admitted', () => {
    expect(admissionFindings(vmWith({
      cpu: {
        model: 'host-passthrough',
        dedicatedCpuPlacement: true,
        isolateEmulatorThread: true,
        features: [{ name: 'tsc-deadline', policy: 'require' }],
        numa: { guestMappingPassthrough: {} },
        realtime: {},
      },
      ioThreadsPolicy: 'auto',
      resources: { requests: { cpu: 2, memory: '1Gi' }, limits: { cpu: 2, memory: '1Gi' } },
      memory: { hugepages: { pageSize: '1Gi' } },
      devices: { autoattachMemBalloon: false, autoattachGraphicsDevice: false, autoattachSerialConsole: true },
    }))).toEqual([]);
  });
});
