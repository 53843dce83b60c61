import {
  bootCpuOnlineFindings, sharedNodePlanFindings, selfAssignableLabelsFindings, sysctlsFindings, taintsFindings, isLabelKey, isSelfAssignableLabel,
} from '../../src/rules/node-backend-rules';
import { CpuSet } from '../../src/values/cpu-set';
import { Severity } from '../../src/values/finding';
import { TaintEffect } from '../../src/values/vm/taint-effect';
import { seed002Plan } from '../fixtures/node-tuning-plan';

describe('node backend rules', () => {
  test('seed-002 (node.kubernetes.io label, no offlined CPU) passes the shared checks', () => {
    expect(sharedNodePlanFindings(seed002Plan())).toEqual([]);
  });

  test('NODE_LABEL_NOT_SELF_ASSIGNABLE: node-role.kubernetes.io/<role> cannot be set by the kubelet', () => {
    const findings = selfAssignableLabelsFindings(seed002Plan({ nodeLabels: { 'node-role.kubernetes.io/worker-rt': '' } }));
    expect(findings.map((f) => [f.code, f.severity, f.field])).toEqual([
      ['NODE_LABEL_NOT_SELF_ASSIGNABLE', Severity.ERROR, 'nodeLabels.node-role.kubernetes.io/worker-rt'],
    ]);
    expect(findings[0].fix).toContain('node.kubernetes.io/worker-rt');
  });

  test('which labels a kubelet may set on its own Node', () => {
    for (const ok of ['node.kubernetes.io/worker-rt', 'kubelet.kubernetes.io/x', 'a.node.kubernetes.io/x', 'example.com/rt', 'rt',
      'kubernetes.io/hostname', 'topology.kubernetes.io/zone']) {
      expect(isSelfAssignableLabel(ok)).toBe(true);
    }
    for (const refused of ['node-role.kubernetes.io/worker-rt', 'kubernetes.io/role', 'example.k8s.io/x',
      'node-restriction.kubernetes.io/rt', 'x.node-restriction.kubernetes.io/rt']) {
      expect(isSelfAssignableLabel(refused)).toBe(false);
    }
  });

  test('NODE_TAINT_INVALID: bad key, bad value, unknown effect (one finding each)', () => {
    const findings = taintsFindings(seed002Plan({
      nodeTaints: [
        { key: 'ok.example/rt', value: 'yes', effect: TaintEffect.NO_SCHEDULE },
        { key: 'bad key', effect: TaintEffect.NO_SCHEDULE },
        { key: 'rt', value: 'has space', effect: TaintEffect.NO_EXECUTE },
        { key: 'rt', effect: 'Sometimes' as TaintEffect },
      ],
    }));
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['NODE_TAINT_INVALID', 'nodeTaints[1].key'],
      ['NODE_TAINT_INVALID', 'nodeTaints[2].value'],
      ['NODE_TAINT_INVALID', 'nodeTaints[3].effect'],
    ]);
    expect(isLabelKey('a/b/c')).toBe(false);
    expect(isLabelKey('UPPER.example/x')).toBe(false);
    expect(isLabelKey(undefined)).toBe(false);
  });

  test('NODE_BOOT_CPU_OFFLINED: CPU 0 cannot be switched off', () => {
    expect(bootCpuOnlineFindings(seed002Plan({ offlinedCpus: CpuSet.of([15]) }))).toEqual([]);
    const [finding] = bootCpuOnlineFindings(seed002Plan({ offlinedCpus: CpuSet.of([0, 15]) }));
    expect(finding.code).toBe('NODE_BOOT_CPU_OFFLINED');
    expect(finding.fix).toContain('"15"');
    expect(bootCpuOnlineFindings(seed002Plan({ offlinedCpus: CpuSet.of([0]) }))[0].fix).toContain('other CPUs');
  });

  test('NODE_SYSCTL_INVALID: keys that are no /proc/sys path and values that are empty or span lines', () => {
    const findings = sysctlsFindings(seed002Plan({ sysctls: { 'kernel.ok': '1', 'bad key': '1', 'kernel.empty': ' ', 'kernel.lines': 'a\nb', 'kernel.num': 3 as any } }));
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['NODE_SYSCTL_INVALID', 'sysctls.bad key'],
      ['NODE_SYSCTL_INVALID', 'sysctls.kernel.empty'],
      ['NODE_SYSCTL_INVALID', 'sysctls.kernel.lines'],
      ['NODE_SYSCTL_INVALID', 'sysctls.kernel.num'],
    ]);
  });
});
