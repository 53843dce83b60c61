import * as fs from 'fs';
import * as path from 'path';
import { hasVmShape, OutputFormat, parseArgs, usage } from '../../src/cli/args';
import { PLAN_CODES } from '../../src/rules/codes-plan';
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
      '--disable-smt', '--vcpus', '4', '--memory', '16Gi', '--hugepage-size=1Gi', '--isolate-emulator-thread',
      '--emulator-even-parity', '--format', 'json', '--svg', 'out.svg']);
    expect(parsed).toEqual({
      help: false,
      plan: {
        input: 'host.xml',
        reservedCpus: 4,
        offlinedCpus: 2,
        splitAcrossNuma: true,
        disableSmt: true,
        vcpus: 4,
        memory: '16Gi',
        hugePageSize: '1Gi',
        isolateEmulatorThread: true,
        emulatorEvenParity: true,
        format: OutputFormat.JSON,
        svg: 'out.svg',
      },
    });
    expect(hasVmShape(parsed.plan!)).toBe(true);
  });

  test('defaults: text format, no VM shape, stdin as "-"', () => {
    const plan = parseArgs(['plan', '-', '--reserved-cpus', '2']).plan!;
    expect(plan).toMatchObject({ input: '-', format: OutputFormat.TEXT, splitAcrossNuma: false, disableSmt: false, isolateEmulatorThread: false });
    expect(plan.offlinedCpus).toBeUndefined();
    expect(hasVmShape(plan)).toBe(false);
  });

  test.each([[[]], [['--help']], [['plan', '--help']], [['-h']], [['plan', 'x', '--reserved-cpus', '4', '--help']]])('%j asks for help', (argv) => {
    expect(parseArgs(argv)).toEqual({ help: true });
  });

  test('usage lists every option with its value', () => {
    const text = usage();
    for (const option of ['--reserved-cpus N', '--split-across-numa', '--offlined-cpus N', '--disable-smt', '--vcpus N', '--memory SIZE',
      '--hugepage-size 1Gi|2Mi', '--isolate-emulator-thread', '--emulator-even-parity', '--format text|json', '--svg FILE', '--help']) {
      expect(text).toContain(`  ${option} `);
    }
    expect(text).toMatch(/^Usage: cdk8s-kubevirt-realtime plan <host-file\|-> --reserved-cpus N \[options\]/);
  });
});

describe('parseArgs failures name the option, the value and the fix', () => {
  test.each([
    [['status'], 'CLI_UNKNOWN_COMMAND', 'command: got "status", expected the subcommand "plan"'],
    [['plan', 'h', '--reserved-cpus', '4', '--reserve-cpus', '4'], 'CLI_UNKNOWN_OPTION', '--reserve-cpus: got "--reserve-cpus", expected one of --reserved-cpus,'],
    [['plan', 'h', '--reserved-cpus', '4', '--reserved-cpus', '2'], 'CLI_DUPLICATE_OPTION', '--reserved-cpus: got "--reserved-cpus", expected each option at most once'],
    [['plan', 'h', '--reserved-cpus', '4', '--disable-smt=yes'], 'CLI_UNEXPECTED_VALUE', '--disable-smt: got "--disable-smt=yes", expected the flag --disable-smt without a value'],
    [['plan', 'h', '--reserved-cpus'], 'CLI_MISSING_VALUE', '--reserved-cpus: got (not set), expected a value N'],
    [['plan', 'h', '--reserved-cpus', '--disable-smt'], 'CLI_MISSING_VALUE', '--reserved-cpus: got "--disable-smt", expected a value N'],
    [['plan', '--reserved-cpus', '4'], 'CLI_INPUT_REQUIRED', 'host-file: got (not set), expected exactly one host file'],
    [['plan', 'a', 'b', '--reserved-cpus', '4'], 'CLI_INPUT_REQUIRED', 'host-file: got ["a","b"], expected exactly one host file'],
    [['plan', 'h'], 'CLI_MISSING_OPTION', '--reserved-cpus: got (not set), expected the number of reserved CPUs'],
    [['plan', 'h', '--reserved-cpus', 'four'], 'CLI_BAD_NUMBER', '--reserved-cpus: got "four", expected a whole number >= 1'],
    [['plan', 'h', '--reserved-cpus', '0'], 'CLI_BAD_NUMBER', '--reserved-cpus: got "0", expected a whole number >= 1'],
    [['plan', 'h', '--reserved-cpus', '2.5'], 'CLI_BAD_NUMBER', '--reserved-cpus: got "2.5", expected a whole number >= 1'],
    [['plan', 'h', '--reserved-cpus', '4', '--offlined-cpus', '-1'], 'CLI_BAD_NUMBER', '--offlined-cpus: got "-1", expected a whole number >= 0'],
    [['plan', 'h', '--reserved-cpus', '4', '--vcpus', '99999999'], 'CLI_BAD_NUMBER', '--vcpus: got "99999999", expected a whole number >= 1'],
    [['plan', 'h', '--reserved-cpus', '4', '--format', 'yaml'], 'CLI_BAD_FORMAT', '--format: got "yaml", expected "text" or "json"'],
  ])('%j → %s', (argv, code, message) => {
    const e = failure(argv);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`[${code}] ${message}`);
    expect(e.message).toContain('; fix: ');
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
        for (const m of fs.readFileSync(path.join(folder, file), 'utf8').matchAll(/error\('([A-Z_]+)'/g)) emitted.add(m[1]);
      }
    }
    expect([...emitted].sort()).toEqual(Object.keys(PLAN_CODES).sort());
  });
});
