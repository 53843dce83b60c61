import * as fs from 'fs';
import * as path from 'path';
import { EvenParity, OutputFormat, parseArgs, usage } from '../../src/cli/args';
import { PLAN_CODES } from '../../src/rules/codes-plan';
import { HugePageSize } from '../../src/values/hugepage-size';
import { ValidationError } from '../../src/values/validation-error';

function failure(argv: string[]): ValidationError {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not fail`);
}

describe('parseArgs', () => {
  test('reads every option, in both --name value and --name=value forms', () => {
    const parsed = parseArgs(['plan', 'host.xml', '--reserved-cpus', '4', '--split-across-numa', '--offlined-cpus=2',
      '--disable-smt', '--lscpu-physical-ids', '--hugepages', '1Gi:12@0,1Gi:12@1', '--vcpus', '4', '--memory', '16Gi', '--hugepage-size=2Mi',
      '--no-isolate-emulator-thread', '--no-emulator-even-parity', '--format', 'json', '--svg', 'out.svg']);
    expect(parsed).toEqual({
      help: false,
      plan: {
        input: 'host.xml',
        reservedCpus: 4,
        offlinedCpus: 2,
        splitAcrossNuma: true,
        disableSmt: true,
        lscpuPhysicalIds: true,
        hugepages: [{ size: HugePageSize.ONE_GI, count: 12, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 12, numaNode: 1 }],
        vm: { vcpus: 4, memory: '16Gi', memoryBytes: 16 * 2 ** 30, hugePageSize: HugePageSize.TWO_MI, isolateEmulatorThread: false },
        evenParity: EvenParity.OFF,
        format: OutputFormat.JSON,
        svg: 'out.svg',
      },
    });
  });

  test('the VM defaults are the RealtimeVirtualMachine\'s: 1Gi huge pages, isolated emulator thread; parity as the app decides', () => {
    const plan = parseArgs(['plan', '-', '--reserved-cpus', '2', '--vcpus', '4', '--memory', '8Gi']).plan!;
    expect(plan.vm).toEqual({ vcpus: 4, memory: '8Gi', memoryBytes: 8 * 2 ** 30, hugePageSize: HugePageSize.ONE_GI, isolateEmulatorThread: true });
    expect(plan.evenParity).toBe(EvenParity.AUTO);
    expect(plan.hugepages).toBeUndefined();
  });

  test('the flags turn each default off, and on again', () => {
    const base = ['plan', '-', '--reserved-cpus', '2', '--vcpus', '4', '--memory', '8Gi'];
    expect(parseArgs([...base, '--hugepage-size', 'none']).plan!.vm!.hugePageSize).toBeUndefined();
    expect(parseArgs([...base, '--hugepage-size', '1G']).plan!.vm!.hugePageSize).toBe(HugePageSize.ONE_GI);
    expect(parseArgs([...base, '--no-isolate-emulator-thread']).plan!.vm!.isolateEmulatorThread).toBe(false);
    expect(parseArgs([...base, '--isolate-emulator-thread']).plan!.vm!.isolateEmulatorThread).toBe(true);
    expect(parseArgs([...base, '--no-emulator-even-parity']).plan!.evenParity).toBe(EvenParity.OFF);
    expect(parseArgs([...base, '--emulator-even-parity']).plan!.evenParity).toBe(EvenParity.ON);
  });

  test('defaults without a VM: text format, no VM shape, stdin as "-"; a file named like an option after "--"', () => {
    const plan = parseArgs(['plan', '-', '--reserved-cpus', '2']).plan!;
    expect(plan).toEqual({ input: '-', reservedCpus: 2, splitAcrossNuma: false, disableSmt: false, lscpuPhysicalIds: false, evenParity: EvenParity.AUTO, format: OutputFormat.TEXT });
    expect(parseArgs(['plan', '--reserved-cpus', '2', '--', '--odd-name']).plan!.input).toBe('--odd-name');
  });

  test.each([[['--help']], [['plan', '--help']], [['-h']], [['plan', 'x', '--reserved-cpus', '4', '--help']], [['plan', '--bogus', '-h']]])(
    '%j asks for help', (argv) => {
      expect(parseArgs(argv)).toEqual({ help: true });
    });

  test('usage lists every option with its value, grouped, within 100 columns', () => {
    const text = usage();
    for (const option of ['--reserved-cpus N', '--split-across-numa', '--offlined-cpus N', '--disable-smt', '--hugepages LIST', '--vcpus N',
      '--memory SIZE', '--hugepage-size 1Gi|2Mi|none', '--[no-]isolate-emulator-thread', '--[no-]emulator-even-parity', '--format text|json',
      '--svg FILE', '-h, --help']) {
      expect(text).toContain(`  ${option} `);
    }
    for (const group of ['Node pool options:', 'VM shape options', 'Cluster options:', 'Output options:', 'Exit codes:']) expect(text).toContain(group);
    expect(text).toMatch(/^Usage: cdk8s-kubevirt-realtime plan <host-file\|-> --reserved-cpus N \[options\]/);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(110);
  });
});

describe('parseArgs failures name the option, the value and the fix', () => {
  test.each([
    [[], 'CLI_COMMAND_REQUIRED', 'command: got (not set), expected the subcommand "plan"'],
    [['--reserved-cpus', '4'], 'CLI_COMMAND_REQUIRED', 'command: got (not set)'],
    [['status'], 'CLI_UNKNOWN_COMMAND', 'command: got "status", expected the subcommand "plan"'],
    [['plan'], 'CLI_INPUT_REQUIRED', 'host-file: got (not set), expected exactly one host file'],
    [['plan', 'h', '--reserved-cpus', '4', '--reserve-cpus', '4'], 'CLI_UNKNOWN_OPTION', '--reserve-cpus: got "--reserve-cpus", expected one of --reserved-cpus,'],
    [['plan', 'h', '--reserved-cpus', '4', '-x'], 'CLI_UNKNOWN_OPTION', '-x: got "-x"'],
    [['plan', 'h', '--reserved-cpus', '4', '--reserved-cpus', '2'], 'CLI_DUPLICATE_OPTION', '--reserved-cpus: got "--reserved-cpus", expected each option at most once'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '2', '--memory', '2Gi', '--emulator-even-parity', '--no-emulator-even-parity'],
      'CLI_CONFLICTING_OPTIONS', '--emulator-even-parity: got "--emulator-even-parity --no-emulator-even-parity", expected one of the two'],
    [['plan', 'h', '--reserved-cpus', '4', '--disable-smt=yes'], 'CLI_UNEXPECTED_VALUE', '--disable-smt: got "--disable-smt=yes", expected the flag --disable-smt without a value'],
    [['plan', 'h', '--reserved-cpus'], 'CLI_MISSING_VALUE', '--reserved-cpus: got (not set), expected a value N'],
    [['plan', 'h', '--reserved-cpus', '--disable-smt'], 'CLI_MISSING_VALUE', '--reserved-cpus: got "--disable-smt", expected a value N'],
    [['plan', 'h', '--reserved-cpus', '4', '--svg', '-out.svg'], 'CLI_MISSING_VALUE', '--svg: got "-out.svg", expected a value FILE; fix: write --svg FILE (a value starting with "-" as --svg=FILE)'],
    [['plan', '--reserved-cpus', '4'], 'CLI_INPUT_REQUIRED', 'host-file: got (not set), expected exactly one host file'],
    [['plan', 'a', 'b', '--reserved-cpus', '4'], 'CLI_INPUT_REQUIRED', 'host-file: got ["a","b"], expected exactly one host file'],
    [['plan', 'h'], 'CLI_MISSING_OPTION', '--reserved-cpus: got (not set), expected the number of reserved CPUs'],
    [['plan', 'h', '--reserved-cpus', 'four'], 'CLI_BAD_NUMBER', '--reserved-cpus: got "four", expected a whole number from 1 to 8191'],
    [['plan', 'h', '--reserved-cpus', '0'], 'CLI_BAD_NUMBER', '--reserved-cpus: got "0", expected a whole number from 1 to 8191'],
    [['plan', 'h', '--reserved-cpus', '2.5'], 'CLI_BAD_NUMBER', '--reserved-cpus: got "2.5"'],
    [['plan', 'h', '--reserved-cpus', '4', '--offlined-cpus=-1'], 'CLI_BAD_NUMBER', '--offlined-cpus: got "-1", expected a whole number from 0 to 8191'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '4097', '--memory', '1Gi'], 'CLI_BAD_NUMBER', '--vcpus: got "4097", expected a whole number from 1 to 4096'],
    [['plan', 'h', '--reserved-cpus', '4', '--format', 'yaml'], 'CLI_BAD_FORMAT', '--format: got "yaml", expected "text" or "json"'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '2', '--memory', '4GB'], 'CLI_BAD_SIZE', '--memory: got "4GB", expected a whole binary quantity'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '2', '--memory', '512Ki'], 'CLI_BAD_SIZE', '--memory: got "512Ki"'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '2', '--memory', '4Gi', '--hugepage-size', '4Mi'], 'CLI_BAD_SIZE',
      '--hugepage-size: got "4Mi", expected "1Gi", "2Mi" or "none"'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '2'], 'CLI_MISSING_OPTION', '--memory: got (not set), expected the guest memory'],
    [['plan', 'h', '--reserved-cpus', '4', '--memory', '2Gi'], 'CLI_MISSING_OPTION', '--vcpus: got (not set), expected a VM shape (--vcpus and --memory) for --memory'],
    [['plan', 'h', '--reserved-cpus', '4', '--no-emulator-even-parity'], 'CLI_MISSING_OPTION', '--vcpus: got (not set), expected a VM shape (--vcpus and --memory) for --no-emulator-even-parity'],
    [['plan', 'h', '--reserved-cpus', '4', '--hugepages', '1Gi'], 'CLI_BAD_HUGEPAGES', '--hugepages: got "1Gi", expected SIZE:COUNT or SIZE:COUNT@NODE'],
  ])('%j → %s', (argv, code, message) => {
    const e = failure(argv);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`[${code}] ${message}`);
    expect(e.message).toContain('; fix: ');
    expect(e.message).not.toContain('\n');
  });

  test('--offlined-cpus accepts 0', () => {
    expect(parseArgs(['plan', 'h', '--reserved-cpus', '4', '--offlined-cpus', '0']).plan!.offlinedCpus).toBe(0);
  });
});

describe('the plan codes registry', () => {
  test('lists exactly the codes src/cli and src/plan emit', () => {
    const emitted = new Set<string>();
    for (const dir of ['cli', 'plan']) {
      const folder = path.join(__dirname, '..', '..', 'src', dir);
      for (const file of fs.readdirSync(folder)) {
        for (const m of fs.readFileSync(path.join(folder, file), 'utf8').matchAll(/(?:error|warning)\('([A-Z_]+)'/g)) emitted.add(m[1]);
      }
    }
    expect([...emitted].sort()).toEqual(Object.keys(PLAN_CODES).sort());
  });
});
