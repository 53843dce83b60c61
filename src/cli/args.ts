import { error, Finding } from '../values/finding';
import { ValidationError } from '../values/validation-error';

/** How the plan is printed. */
export enum OutputFormat {
  /** The human-readable map and lists. */
  TEXT = 'text',
  /** The same content as JSON with stable keys. */
  JSON = 'json',
}

/** The options of `cdk8s-kubevirt-realtime plan`, parsed and checked. */
export interface PlanArgs {
  /** The host description: a file path, or `-` for stdin. */
  readonly input: string;
  readonly reservedCpus: number;
  readonly offlinedCpus?: number;
  readonly splitAcrossNuma: boolean;
  readonly disableSmt: boolean;
  /** The VM shape, when any of its options is given (capacity is computed only then). */
  readonly vcpus?: number;
  readonly memory?: string;
  readonly hugePageSize?: string;
  readonly isolateEmulatorThread: boolean;
  readonly emulatorEvenParity: boolean;
  readonly format: OutputFormat;
  readonly svg?: string;
}

/** What the command line asked for: help, or a plan. */
export interface ParsedCommand {
  readonly help: boolean;
  readonly plan?: PlanArgs;
}

interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  readonly help: string;
}

/** Every option of `plan`, in the order `--help` lists them. */
const OPTIONS: OptionSpec[] = [
  { name: '--reserved-cpus', value: 'N', help: 'CPUs kept for the OS, the kubelet and IRQs (required; whole cores)' },
  { name: '--split-across-numa', help: 'take the reserved CPUs evenly from every NUMA node' },
  { name: '--offlined-cpus', value: 'N', help: 'CPUs to switch off (default 0)' },
  { name: '--disable-smt', help: 'keep one thread per core (adds the nosmt kernel argument)' },
  { name: '--vcpus', value: 'N', help: 'VM shape: number of vCPUs (enables the capacity section)' },
  { name: '--memory', value: 'SIZE', help: 'VM shape: guest memory, e.g. 8Gi or 512Mi' },
  { name: '--hugepage-size', value: '1Gi|2Mi', help: 'VM shape: back the guest memory with huge pages of this size' },
  { name: '--isolate-emulator-thread', help: 'VM shape: give the QEMU emulator thread its own dedicated CPU' },
  { name: '--emulator-even-parity', help: 'VM shape: KubeVirt AlignCPUs parity completion (emulator CPUs rounded to keep the pod CPU count even)' },
  { name: '--format', value: 'text|json', help: 'output format (default text)' },
  { name: '--svg', value: 'FILE', help: 'also write the CPU map as an SVG picture to FILE' },
  { name: '--help', help: 'show this help' },
];

/** The usage text printed by `--help` and after every usage error. */
export function usage(): string {
  const width = Math.max(...OPTIONS.map((o) => optionLabel(o).length));
  return [
    'Usage: cdk8s-kubevirt-realtime plan <host-file|-> --reserved-cpus N [options]',
    '',
    'Plans the CPU partition of a real-time KubeVirt node the way the library does, and prints the CPU map,',
    'the reserved / isolated / offlined CPU lists, the kernel arguments and kubelet settings it would emit and,',
    'given a VM shape, how many such VMs fit on the node and why not more.',
    '',
    '<host-file> is the output of `lscpu -p=CPU,CORE,SOCKET,NODE` or of `virsh capabilities` (detected',
    'automatically); `-` reads it from stdin.',
    '',
    'Options:',
    ...OPTIONS.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.help}`),
    '',
    'Example:',
    '  lscpu -p=CPU,CORE,SOCKET,NODE | cdk8s-kubevirt-realtime plan - --reserved-cpus 4 --split-across-numa \\',
    '      --vcpus 4 --memory 16Gi --hugepage-size 1Gi --isolate-emulator-thread',
    '',
  ].join('\n');
}

/**
 * Parses `argv` (without the node and script paths). Throws a `ValidationError` naming the offending option for
 * anything it cannot accept: an unknown subcommand or option, a missing value, a bad number, a missing input.
 */
export function parseArgs(argv: string[]): ParsedCommand {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    return { help: true };
  }
  const [command, ...rest] = argv;
  if (command !== 'plan') {
    throw fail(error('CLI_UNKNOWN_COMMAND', 'command', command, 'the subcommand "plan"',
      'run `cdk8s-kubevirt-realtime plan <host-file> --reserved-cpus N`'));
  }

  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const spec = OPTIONS.find((o) => o.name === name);
    if (!spec) {
      throw fail(error('CLI_UNKNOWN_OPTION', name, arg, `one of ${OPTIONS.map((o) => o.name).join(', ')}`,
        'remove the option or check its spelling (see --help)'));
    }
    if (values.has(name) || flags.has(name)) {
      throw fail(error('CLI_DUPLICATE_OPTION', name, arg, 'each option at most once', `give ${name} only once`));
    }
    if (spec.value === undefined) {
      if (eq >= 0) {
        throw fail(error('CLI_UNEXPECTED_VALUE', name, arg, `the flag ${name} without a value`, `write just ${name}`));
      }
      flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw fail(error('CLI_MISSING_VALUE', name, value, `a value ${spec.value}`, `write ${name} ${spec.value}`));
    }
    values.set(name, value);
  }

  if (positionals.length !== 1) {
    throw fail(error('CLI_INPUT_REQUIRED', 'host-file', positionals.length === 0 ? undefined : positionals,
      'exactly one host file (lscpu -p or virsh capabilities output), or - for stdin',
      'run `lscpu -p=CPU,CORE,SOCKET,NODE > host.txt` on the node and pass host.txt'));
  }
  const reserved = values.get('--reserved-cpus');
  if (reserved === undefined) {
    throw fail(error('CLI_MISSING_OPTION', '--reserved-cpus', undefined, 'the number of reserved CPUs',
      'add --reserved-cpus N (for example 4: two whole cores per NUMA node on an SMT host with 2 nodes)'));
  }
  const format = values.get('--format') ?? OutputFormat.TEXT;
  if (format !== OutputFormat.TEXT && format !== OutputFormat.JSON) {
    throw fail(error('CLI_BAD_FORMAT', '--format', format, '"text" or "json"', 'write --format text or --format json'));
  }

  return {
    help: false,
    plan: {
      input: positionals[0],
      reservedCpus: wholeNumber('--reserved-cpus', reserved, 1),
      offlinedCpus: optionalNumber('--offlined-cpus', values.get('--offlined-cpus'), 0),
      splitAcrossNuma: flags.has('--split-across-numa'),
      disableSmt: flags.has('--disable-smt'),
      vcpus: optionalNumber('--vcpus', values.get('--vcpus'), 1),
      memory: values.get('--memory'),
      hugePageSize: values.get('--hugepage-size'),
      isolateEmulatorThread: flags.has('--isolate-emulator-thread'),
      emulatorEvenParity: flags.has('--emulator-even-parity'),
      format: format as OutputFormat,
      svg: values.get('--svg'),
    },
  };
}

/** True when any VM-shape option was given. */
export function hasVmShape(args: PlanArgs): boolean {
  return args.vcpus !== undefined || args.memory !== undefined || args.hugePageSize !== undefined
    || args.isolateEmulatorThread || args.emulatorEvenParity;
}

function optionLabel(o: OptionSpec): string {
  return o.value === undefined ? o.name : `${o.name} ${o.value}`;
}

function optionalNumber(name: string, text: string | undefined, min: number): number | undefined {
  return text === undefined ? undefined : wholeNumber(name, text, min);
}

function wholeNumber(name: string, text: string, min: number): number {
  const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw fail(error('CLI_BAD_NUMBER', name, text, `a whole number >= ${min}`, `write ${name} ${Math.max(min, 1) * 4}`));
  }
  return n;
}

function fail(finding: Finding): ValidationError {
  return new ValidationError([finding]);
}
