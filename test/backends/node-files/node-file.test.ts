import { MODE_EXECUTABLE, MODE_READABLE, octalMode, SYSTEMD_UNIT_DIR, unitAsFile } from '../../../src/backends/node-files/node-file';

describe('node files', () => {
  test('modes render as the octal text cloud-init and kubeadm take', () => {
    expect(octalMode(MODE_READABLE)).toBe('0644');
    expect(octalMode(MODE_EXECUTABLE)).toBe('0755');
  });

  test('a unit as a plain file lives under /etc/systemd/system, readable', () => {
    expect(unitAsFile({ name: 'a.service', contents: '[Unit]\n', enabled: true }))
      .toEqual({ path: `${SYSTEMD_UNIT_DIR}/a.service`, contents: '[Unit]\n', mode: 0o644 });
  });
});
