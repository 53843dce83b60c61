import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CPUS_OFFLINE_SCRIPT_PATH, CPUS_OFFLINE_UNIT_NAME, cpusOffline, cpusOfflineUnitContents } from '../../../src/backends/node-files/cpu-offline-unit';
import { CpuSet } from '../../../src/values/cpu-set';

describe('CPU offline unit', () => {
  test('nothing when no CPU is offlined', () => {
    expect(cpusOffline(CpuSet.empty())).toEqual({ files: [], units: [] });
  });

  test('one enabled oneshot unit before the kubelet, with the CPUs written out at synth time', () => {
    const { files, units } = cpusOffline(CpuSet.parse('6-7,14-15'));
    expect(units.map((u) => [u.name, u.enabled])).toEqual([[CPUS_OFFLINE_UNIT_NAME, true]]);
    const unit = units[0].contents;
    expect(unit).toContain('Description=Switch off CPUs 6-7,14-15');
    expect(unit).toContain('\nBefore=kubelet.service\n');
    expect(unit).toContain('\nType=oneshot\nRemainAfterExit=true\n');
    expect(unit).toContain('\nEnvironment="OFFLINE_CPUS=6 7 14 15"\n');
    expect(unit).toContain(`\nExecStart=${CPUS_OFFLINE_SCRIPT_PATH}\n`);
    expect(unit).toContain('\nWantedBy=multi-user.target\n');
    expect(files.map((f) => [f.path, f.mode])).toEqual([[CPUS_OFFLINE_SCRIPT_PATH, 0o755]]);
  });

  test('the script checks every CPU before it changes any, and reads each state back', () => {
    const script = cpusOffline(CpuSet.of([7])).files[0].contents;
    const check = script.indexOf('-w "/sys/devices/system/cpu/cpu${cpu}/online"');
    const write = script.indexOf('echo 0 > "${online}"');
    expect(check).toBeGreaterThan(0);
    expect(write).toBeGreaterThan(check);
    expect(script).toContain('is still online');
    expect(script.match(/exit 1/g)).toHaveLength(2);
  });

  test('the unit text follows the set (a different list is a different unit)', () => {
    expect(cpusOfflineUnitContents(CpuSet.of([3]))).not.toBe(cpusOfflineUnitContents(CpuSet.of([4])));
  });
});

describe('CPU offline script, run against a fake sysfs', () => {
  // The script's logic on a temporary tree: /sys/devices/system/cpu is replaced by a directory of plain files.
  function run(cpus: string, present: number[]): { status: number | null; online: Record<number, string> } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpus-'));
    for (const cpu of present) {
      fs.mkdirSync(path.join(root, `cpu${cpu}`));
      fs.writeFileSync(path.join(root, `cpu${cpu}`, 'online'), '1\n');
    }
    const script = cpusOffline(CpuSet.of([1])).files[0].contents.split('/sys/devices/system/cpu').join(root);
    const result = spawnSync('bash', ['-c', script], { env: { OFFLINE_CPUS: cpus }, encoding: 'utf8' });
    const online: Record<number, string> = {};
    for (const cpu of present) online[cpu] = fs.readFileSync(path.join(root, `cpu${cpu}`, 'online'), 'utf8').trim();
    fs.rmSync(root, { recursive: true });
    return { status: result.status, online };
  }

  test('switches the listed CPUs off and leaves the others', () => {
    expect(run('6 7', [5, 6, 7])).toEqual({ status: 0, online: { 5: '1', 6: '0', 7: '0' } });
  });

  test('a CPU without an online file fails the unit before any CPU is touched', () => {
    expect(run('6 0', [6])).toEqual({ status: 1, online: { 6: '1' } });
  });
});
