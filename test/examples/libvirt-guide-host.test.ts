import { App, Testing } from 'cdk8s';
import { buildLibvirtGuideHost } from '../../examples/libvirt-guide-host';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

describe('examples/libvirt-guide-host', () => {
  const app = Testing.app();
  const [sequential, interleaved] = buildLibvirtGuideHost(app as App);
  const seqObjects = Testing.synth(sequential);
  const intObjects = Testing.synth(interleaved);
  const kind = (objects: any[], k: string) => objects.find((o) => o.kind === k);

  test('every object is valid and nothing is lost', () => {
    expectValidAgainstCrds([...seqObjects, ...intObjects]);
    expectNoLostValues([...seqObjects, ...intObjects]);
  });

  test('the guide\'s numbering: isolcpus=managed_irq,2-7,10-15, reserved 0-1,8-9, 26 x 1G per NUMA node', () => {
    const mc = kind(seqObjects, 'MachineConfig');
    expect(mc.spec.kernelArguments).toContain('isolcpus=managed_irq,2-7,10-15');
    expect(kind(seqObjects, 'KubeletConfig').spec.kubeletConfig.reservedSystemCPUs).toBe('0-1,8-9');
    const units = mc.spec.config.systemd.units;
    expect(units.map((u: any) => u.name)).toEqual(['hugepages-allocation-1048576kB-NUMA0.service', 'hugepages-allocation-1048576kB-NUMA1.service']);
    for (const unit of units) expect(unit.contents).toContain('Environment=HUGEPAGES_COUNT=26');
    expect(kind(seqObjects, 'Tuned').spec.profile[0].data).toContain('isolated_cores=2-7,10-15');
  });

  test('interleaved numbering: the lists follow the hardware, the pages are 26 + 26 at boot', () => {
    const mc = kind(intObjects, 'MachineConfig');
    expect(mc.spec.kernelArguments).toContain('isolcpus=managed_irq,2-3,6-15');
    expect(mc.spec.kernelArguments).toContain('hugepages=52');
    expect(kind(intObjects, 'KubeletConfig').spec.kubeletConfig.reservedSystemCPUs).toBe('0-1,4-5');
    const pool = interleaved.node.findChild('Pool') as any;
    expect(pool.model.hugepages.map((p: any) => [p.numaNode, p.count])).toEqual([[0, 26], [1, 26]]);
  });

  test('snapshot', () => {
    expect({ sequential: seqObjects, interleaved: intObjects }).toMatchSnapshot();
  });
});
