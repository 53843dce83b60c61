import { kubeletDropInPlanFindings } from '../../src/rules/kubelet-drop-in-rules';
import { Severity } from '../../src/values/finding';
import { seed002Plan } from '../fixtures/node-tuning-plan';

describe('kubelet drop-in rules', () => {
  test('KUBELET_DROP_IN_HOST_SETTINGS_MANUAL: the host settings are left to the user\'s OS tooling', () => {
    const findings = kubeletDropInPlanFindings(seed002Plan());
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['KUBELET_DROP_IN_HOST_SETTINGS_MANUAL', Severity.WARNING]]);
    expect(findings[0].expected).toContain('kernel arguments (12)');
  });
});
