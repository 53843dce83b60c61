import { Warnings } from '../../src/constructs/app/warnings';
import { CpuModel } from '../../src/values/vm/cpu-model';
import { EvictionStrategy } from '../../src/values/vm/eviction-strategy';
import { TaintEffect } from '../../src/values/vm/taint-effect';
import { minimalProps, synthError, synthVm } from '../fixtures/vm';

describe('VM scheduling rules', () => {
  test('fails on a negative terminationGracePeriodSeconds', () => {
    expect(synthError(minimalProps({ terminationGracePeriodSeconds: -1 })))
      .toContain('[VM_GRACE_PERIOD_INVALID] terminationGracePeriodSeconds: got -1');
  });

  test('refuses a fractional terminationGracePeriodSeconds when the VM is built', () => {
    expect(synthError(minimalProps({ terminationGracePeriodSeconds: 1.5 })))
      .toContain('[PROP_TYPE_INVALID] terminationGracePeriodSeconds: got 1.5');
  });

  test('fails on malformed tolerations', () => {
    const msg = synthError(minimalProps({
      tolerations: [
        { key: 'rt', exists: true, value: 'x' },
        { value: 'x' },
        { key: 'rt', value: 'x', effect: TaintEffect.NO_SCHEDULE, tolerationSeconds: 10 },
      ],
    }));
    expect(msg).toContain('[VM_TOLERATION_INVALID] tolerations[0].value: got "x"');
    expect(msg).toContain('[VM_TOLERATION_INVALID] tolerations[1].key: got (not set)');
    expect(msg).toContain('[VM_TOLERATION_INVALID] tolerations[2].tolerationSeconds: got 10');
  });

  test('fails on a nodeSelector value that is not a string (JavaScript callers)', () => {
    expect(synthError(minimalProps({ nodeSelector: { rt: true as any } }))).toContain('[PROP_TYPE_INVALID] nodeSelector["rt"]: got true');
  });

  test('warns when a host-passthrough VM must live-migrate on eviction', () => {
    const { chart } = synthVm(minimalProps({ evictionStrategy: EvictionStrategy.LIVE_MIGRATE }));
    expect(Warnings.of(chart).list()).toEqual([expect.stringContaining('[VM_LIVE_MIGRATION_UNLIKELY] evictionStrategy: got "LiveMigrate"')]);
  });

  test('does not warn for LIVE_MIGRATE on a VM without pinning or host-passthrough', () => {
    const { chart } = synthVm(minimalProps({
      evictionStrategy: EvictionStrategy.LIVE_MIGRATE,
      cpuModel: CpuModel.HOST_MODEL,
      dedicatedCpuPlacement: false,
      isolateEmulatorThread: false,
      realtime: false,
      guestMappingPassthrough: false,
    }));
    expect(Warnings.of(chart).list()).toEqual([]);
  });
});
