import { KUBELET_STATE_CLEANUP_UNIT_NAME, kubeletStateCleanupUnit } from '../../../src/backends/node-files/kubelet-state-cleanup-unit';

describe('kubelet state cleanup unit', () => {
  test('an enabled oneshot before the kubelet that deletes both checkpoints (like the MCO\'s kubelet-cleanup.service)', () => {
    const unit = kubeletStateCleanupUnit();
    expect(unit.name).toBe(KUBELET_STATE_CLEANUP_UNIT_NAME);
    expect(unit.enabled).toBe(true);
    expect(unit.contents).toContain('\nBefore=kubelet.service\n');
    expect(unit.contents).toContain('\nType=oneshot\n');
    expect(unit.contents).toContain('\nExecStart=/bin/rm -f /var/lib/kubelet/cpu_manager_state\nExecStart=/bin/rm -f /var/lib/kubelet/memory_manager_state\n');
    expect(unit.contents).toContain('\nWantedBy=multi-user.target\n');
  });
});
