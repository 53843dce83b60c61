import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { CliIo, EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main } from '../../src/cli/main';
import { LSCPU_SMT_TWO_NODES } from '../fixtures/host';
import { SEED_002_LSCPU, SEED_002_VIRSH_CAPABILITIES } from '../plan/seed-002';
import { parseXml } from '../plan/xml-check';

const ROOT = path.join(__dirname, '..', '..');

/** Runs the CLI in-process against an in-memory file system; records every write. */
async function run(argv: string[], options: { files?: Record<string, string>; stdin?: string; unwritable?: boolean } = {}) {
  const files: Record<string, string> = { 'seed-002.xml': SEED_002_VIRSH_CAPABILITIES, ...options.files };
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    fs: {
      readFileSync: (file: string) => {
        if (!(file in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
        return files[file];
      },
      writeFileSync: (file: string, data: string) => {
        if (options.unwritable) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
        written.set(file, data);
      },
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, written };
}

const SEED_PLAN = ['plan', 'seed-002.xml', '--reserved-cpus', '4', '--split-across-numa'];
const SEED_VM = ['--vcpus', '4', '--memory', '16Gi', '--hugepage-size', '1Gi', '--isolate-emulator-thread'];

describe('cdk8s-kubevirt-realtime plan', () => {
  test('seed-002 (virsh capabilities) with 4 reserved CPUs split across NUMA nodes', async () => {
    const { code, stdout, stderr, written } = await run(SEED_PLAN);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(written.size).toBe(0);
    expect(stdout).toContain('Host: 16 CPUs (0-15), 2 NUMA nodes, 1 thread per core');
    expect(stdout).toMatch(/^ {2}reserved +0-1,8-9 +4 CPUs/m);
    expect(stdout).toMatch(/^ {2}isolated +2-7,10-15 +12 CPUs/m);
    expect(stdout).toMatch(/^ {2}offlined +none +0 CPUs/m);
    expect(stdout).toContain('\n  isolcpus=managed_irq,2-7,10-15\n');
    expect(stdout).toContain('\n  reservedSystemCPUs: 0-1,8-9\n');
    expect(stdout).not.toContain('Capacity');
  });

  test('text output with a VM shape (snapshot; docs/plan-seed-002.txt is this output)', async () => {
    const { code, stdout } = await run([...SEED_PLAN, ...SEED_VM]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('Capacity for a VM with 4 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread');
    expect(stdout).toContain('Node total: 2 VMs (limited by isolated CPUs)');
    expect(stdout).toMatchSnapshot();
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'plan-seed-002.txt'), 'utf8')).toBe(stdout);
  });

  test('--svg writes the picture to that file and nowhere else (docs/plan-seed-002.svg is this picture)', async () => {
    const { code, written, stdout } = await run([...SEED_PLAN, ...SEED_VM, '--svg', 'out/map.svg']);
    expect(code).toBe(EXIT_OK);
    expect([...written.keys()]).toEqual(['out/map.svg']);
    const svg = written.get('out/map.svg')!;
    expect(parseXml(svg).name).toBe('svg');
    expect(svg).toContain('VM 2 vCPU 3');
    expect(stdout).toContain('Host: 16 CPUs');
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'plan-seed-002.svg'), 'utf8')).toBe(svg);
  });

  test('--format json prints the same plan as JSON with stable keys', async () => {
    const { code, stdout } = await run([...SEED_PLAN, ...SEED_VM, '--format', 'json']);
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['host', 'reserved', 'isolated', 'offlined', 'smtDisabled', 'numaNodes', 'settingsSource', 'kernelArguments',
      'kubeletSettings', 'vmShape', 'capacity', 'warnings', 'map']);
    expect(json).toMatchObject({ reserved: '0-1,8-9', isolated: '2-7,10-15', offlined: '', smtDisabled: false });
    expect(json.kernelArguments).toContain('isolcpus=managed_irq,2-7,10-15');
    expect(json.kubeletSettings).toContainEqual({ name: 'reservedSystemCPUs', value: '0-1,8-9' });
    expect(json.capacity).toMatchObject({ podCpus: 5, total: 2, limitedBy: ['isolated-cpus'], hugePageSize: '1Gi', hugePagesPerVm: 16 });
    expect(json.capacity.perNumaNode.map((n: any) => n.vms)).toEqual([1, 1]);
    expect(json.map.numaNodes[0].cores[2].threads[0]).toEqual({ cpu: 2, thread: 0, role: 'isolated', assignment: { cpu: 2, vm: 1, kind: 'vcpu', index: 0 } });
    expect(stdout).toMatchSnapshot();
  });

  test('reads lscpu output from stdin with "-"', async () => {
    const { code, stdout } = await run(['plan', '-', '--reserved-cpus', '4', '--split-across-numa', '--format', 'json'], { stdin: SEED_002_LSCPU });
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toMatchObject({ reserved: '0-1,8-9', isolated: '2-7,10-15' });
  });

  test('an SMT host: whole cores reserved, and the odd emulator-thread pod explained', async () => {
    const { code, stdout } = await run(['plan', 'smt.txt', '--reserved-cpus', '4', '--vcpus', '4', '--memory', '8Gi', '--isolate-emulator-thread'],
      { files: { 'smt.txt': LSCPU_SMT_TWO_NODES } });
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/^ {2}reserved +0,2,8,10 /m);
    expect(stdout).toContain('cpuManagerPolicyOptions.full-pcpus-only: true');
    expect(stdout.replace(/\s+/g, ' ')).toContain('refuses it with SMTAlignmentError; enable even-parity completion');
    expect(stdout).toContain('Node total: 0 VMs (limited by emulator-thread parity (SMTAlignmentError))');

    const parity = await run(['plan', 'smt.txt', '--reserved-cpus', '4', '--vcpus', '4', '--memory', '8Gi', '--isolate-emulator-thread',
      '--emulator-even-parity'], { files: { 'smt.txt': LSCPU_SMT_TWO_NODES } });
    // NUMA node 0 keeps only 4 isolated CPUs when the reserved CPUs are not split
    expect(parity.stdout).toContain('Node total: 1 VM (limited by isolated CPUs)');
  });

  test('--disable-smt plans on first threads, adds nosmt and draws the siblings as switched off', async () => {
    const { code, stdout } = await run(['plan', 'smt.txt', '--reserved-cpus', '2', '--disable-smt'], { files: { 'smt.txt': LSCPU_SMT_TWO_NODES } });
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('2 threads per core, SMT switched off (nosmt)');
    expect(stdout).toContain('\n  nosmt\n');
    expect(stdout).toContain('- = SMT sibling off (nosmt)');
  });

  test('planning warnings go to the report', async () => {
    const { code, stdout } = await run(['plan', 'seed-002.xml', '--reserved-cpus', '3', '--split-across-numa']);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('Warnings\n  [PARTITION_SPLIT_UNEVEN]');
  });

  test('--help and no arguments print the usage', async () => {
    for (const argv of [['--help'], [], ['plan', '--help']]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(EXIT_OK);
      expect(stdout).toContain('Usage: cdk8s-kubevirt-realtime plan <host-file|-> --reserved-cpus N [options]');
      expect(stderr).toBe('');
    }
  });
});

describe('cdk8s-kubevirt-realtime plan errors', () => {
  test.each([
    ['an unknown flag', [...SEED_PLAN, '--reserved', '4'], EXIT_USAGE, '[CLI_UNKNOWN_OPTION] --reserved: got "--reserved"'],
    ['a bad number', ['plan', 'seed-002.xml', '--reserved-cpus', 'x'], EXIT_USAGE, '[CLI_BAD_NUMBER] --reserved-cpus: got "x"'],
    ['a missing file', ['plan', 'nope.xml', '--reserved-cpus', '4'], EXIT_INVALID_INPUT,
      '[CLI_INPUT_UNREADABLE] host-file: got "nope.xml", expected a readable file (ENOENT)'],
    ['malformed lscpu', ['plan', 'bad.txt', '--reserved-cpus', '4'], EXIT_INVALID_INPUT, '[LSCPU_SYNTAX]'],
    ['malformed XML', ['plan', 'bad.xml', '--reserved-cpus', '4'], EXIT_INVALID_INPUT, '[VIRSH_XML_SYNTAX]'],
    ['empty stdin', ['plan', '-', '--reserved-cpus', '4'], EXIT_INVALID_INPUT, '[LSCPU_SYNTAX]'],
    ['too many reserved CPUs', ['plan', 'seed-002.xml', '--reserved-cpus', '16'], EXIT_INVALID_INPUT, '[PARTITION_RESERVED_COUNT_RANGE] reservedCpuCount: got 16'],
    ['an odd count on SMT', ['plan', 'smt.txt', '--reserved-cpus', '3'], EXIT_INVALID_INPUT, '[PARTITION_ODD_WITH_SMT]'],
    ['a bad huge page size', [...SEED_PLAN, '--vcpus', '2', '--memory', '4Gi', '--hugepage-size', '4Mi'], EXIT_INVALID_INPUT,
      '[HUGEPAGE_SIZE_UNSUPPORTED] --hugepage-size: got "4Mi"'],
    ['a bad memory size', [...SEED_PLAN, '--vcpus', '2', '--memory', '4GB'], EXIT_INVALID_INPUT, '[CLI_BAD_SIZE] --memory: got "4GB", expected a whole binary quantity'],
    ['a VM shape without memory', [...SEED_PLAN, '--vcpus', '2'], EXIT_INVALID_INPUT, '[CLI_MISSING_OPTION] --memory: got (not set), expected both --vcpus and --memory'],
    ['a VM shape without vCPUs', [...SEED_PLAN, '--isolate-emulator-thread'], EXIT_INVALID_INPUT, '[CLI_MISSING_OPTION] --vcpus: got (not set)'],
  ])('fails on %s', async (_what, argv, exit, message) => {
    const { code, stdout, stderr, written } = await run(argv as string[], {
      files: { 'bad.txt': 'CPU,CORE,SOCKET,NODE\nzero,0,0,0\n', 'bad.xml': '<capabilities><host><topology>', 'smt.txt': LSCPU_SMT_TWO_NODES },
    });
    expect(code).toBe(exit);
    expect(stdout).toBe('');
    expect(written.size).toBe(0);
    expect(stderr).toMatch(/^error: \[/);
    expect(stderr).toContain(message);
    if (exit === EXIT_USAGE) expect(stderr).toContain('\n\nUsage: cdk8s-kubevirt-realtime plan');
  });

  test('fails when the --svg file cannot be written, and prints no plan', async () => {
    const { code, stdout, stderr } = await run([...SEED_PLAN, '--svg', '/root/x.svg'], { unwritable: true });
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toContain('[CLI_OUTPUT_UNWRITABLE] --svg: got "/root/x.svg", expected a writable file path (EACCES)');
  });
});

describe('the bin shim', () => {
  const bin = path.join(ROOT, 'src', 'cli', 'bin.ts');
  const env = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };

  test('runs main on the process streams and sets the exit code', () => {
    const help = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', bin, '--help'], { env, cwd: ROOT }).toString();
    expect(help).toContain('Usage: cdk8s-kubevirt-realtime plan');
    const bad = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', bin, 'plan', '-', '--reserved-cpus', '4', '--bogus'],
      { env, cwd: ROOT, input: '' });
    expect(bad.status).toBe(EXIT_USAGE);
    expect(bad.stderr.toString()).toContain('[CLI_UNKNOWN_OPTION]');
    const ok = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', bin, 'plan', '-', '--reserved-cpus', '4', '--split-across-numa'],
      { env, cwd: ROOT, input: SEED_002_LSCPU });
    expect(ok.status).toBe(EXIT_OK);
    expect(ok.stdout.toString()).toContain('isolcpus=managed_irq,2-7,10-15');
  });
});
