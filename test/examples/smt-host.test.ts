import { App, Testing } from 'cdk8s';
import { buildSmtHost } from '../../examples/smt-host';
import { Warnings } from '../../src/constructs/app/warnings';
import { expectNoLostValues, expectValidAgainstCrds } from '../schema-validator';

describe('examples/smt-host', () => {
  const app = Testing.app();
  const chart = buildSmtHost(app as App);
  const objects = Testing.synth(chart);
  const kind = (k: string) => objects.find((o) => o.kind === k);

  test('every object is valid and nothing is lost; no warnings', () => {
    expectValidAgainstCrds(objects);
    expectNoLostValues(objects);
    expect(Warnings.of(chart).list()).toEqual([]);
  });

  test('whole cores reserved (siblings n and n+40), whole cores handed out', () => {
    const kubelet = kind('KubeletConfig').spec.kubeletConfig;
    expect(kubelet.reservedSystemCPUs).toBe('0,20,40,60');
    expect(kubelet.cpuManagerPolicyOptions).toEqual({ 'full-pcpus-only': 'true' });
    expect(kind('MachineConfig').spec.kernelArguments.slice(0, 6)).toEqual([
      'isolcpus=managed_irq,1-19,21-39,41-59,61-79',
      'nohz=on',
      'nohz_full=1-19,21-39,41-59,61-79',
      'rcu_nocbs=1-19,21-39,41-59,61-79',
      'irqaffinity=0,20,40,60',
      'systemd.cpu_affinity=0,20,40,60',
    ]);
  });

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });
});
