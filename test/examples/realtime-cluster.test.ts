import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { buildRealtimeCluster, chartIdFor, EXAMPLE_VERSIONS } from '../../examples/realtime-cluster';
import { Warnings } from '../../src/constructs/app/warnings';
import { ReviewPages } from '../../src/constructs/review-pages';
import { KubeVirtVersion } from '../../src/values/cluster/kubevirt-version';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

function synth(version: KubeVirtVersion) {
  const app = Testing.app();
  const chart = buildRealtimeCluster(app as App, version);
  return { app, chart, objects: Testing.synth(chart) };
}

describe('examples/realtime-cluster', () => {
  const v13 = synth(KubeVirtVersion.V1_3);
  const v19 = synth(KubeVirtVersion.V1_9);
  const kind = (objects: any[], k: string) => objects.filter((o) => o.kind === k);

  test('renders KubeVirt v1.3 and v1.9', () => {
    expect(EXAMPLE_VERSIONS).toEqual([KubeVirtVersion.V1_3, KubeVirtVersion.V1_9]);
    expect(chartIdFor(KubeVirtVersion.V1_9)).toBe('realtime-cluster-kubevirt-v1-9');
  });

  test.each([['v1.3', v13], ['v1.9', v19]])('%s: every object is valid against the CRDs, nothing is lost, no warnings', (_, r) => {
    expectValidAgainstCrds(r.objects);
    expectNoLostValues(r.objects);
    expect(Warnings.of(r.app).list()).toEqual([]);
    expect(r.objects.map((o) => o.kind)).toEqual([
      'KubeVirt', 'MachineConfigPool', 'MachineConfig', 'KubeletConfig', 'Tuned',
      'VirtualMachine', 'VirtualMachine', 'VirtualMachine',
    ]);
  });

  test('the gates follow the release: NUMA only on v1.3; AlignCPUs and the even-parity annotation on both', () => {
    const [cr13] = kind(v13.objects, 'KubeVirt');
    const [cr19] = kind(v19.objects, 'KubeVirt');
    expect(cr13.spec.configuration.developerConfiguration.featureGates).toEqual(['AlignCPUs', 'CPUManager', 'NUMA']);
    expect(cr19.spec.configuration.developerConfiguration.featureGates).toEqual(['AlignCPUs', 'CPUManager']);
    for (const cr of [cr13, cr19]) expect(cr.metadata.annotations).toEqual({ 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' });
  });

  test('every VM selects the pool\'s nodes; only the real-time ones ask for real-time scheduling', () => {
    const vms = kind(v19.objects, 'VirtualMachine');
    expect(vms.map((v) => v.metadata.name)).toEqual(['rt-control', 'rt-dataplane', 'io-gateway']);
    for (const vm of vms) expect(vm.spec.template.spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker-rt': '' });
    expect(vms.map((v) => v.spec.template.spec.domain.cpu.realtime)).toEqual([{ mask: '0-1' }, {}, undefined]);
  });

  test('the VMs differ only in the KubeVirt configuration between releases', () => {
    expect(kind(v13.objects, 'VirtualMachine')).toEqual(kind(v19.objects, 'VirtualMachine'));
    expect(kind(v13.objects, 'MachineConfig')).toEqual(kind(v19.objects, 'MachineConfig'));
  });

  test('the review pages are written deterministically', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-cluster-review-'));
    try {
      const first = ReviewPages.write(v19.chart, path.join(root, 'a'));
      const second = ReviewPages.write(synth(KubeVirtVersion.V1_9).chart, path.join(root, 'b'));
      expect(first.map((f) => path.basename(f))).toEqual(['worker-rt.md', 'worker-rt.svg']);
      for (let i = 0; i < first.length; i++) expect(fs.readFileSync(second[i], 'utf8')).toBe(fs.readFileSync(first[i], 'utf8'));
      const page = fs.readFileSync(first[0], 'utf8');
      // The capacity section is for the largest VM; the placed-VMs section covers all three and their packing.
      expect(page).toContain('## Capacity: VM with 8 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread with even-parity completion');
      expect(page).toContain('| `rt-dataplane` | 8 | 10 | 16 x 1Gi | 4 | 2, 2 |');
      expect(page).toContain('- node 0, NUMA node 0: `rt-dataplane`, `io-gateway`, `rt-control`\n- **All 3 VMs fit.**');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('snapshot', () => {
    expect(v13.objects).toMatchSnapshot();
    expect(v19.objects).toMatchSnapshot();
  });
});
