import { parseArgs as parseNodeArgs } from 'util';
import { parseHugePagesOption } from './hugepages-option';
import { error, Finding } from '../values/finding';
import { MAX_CPUS } from '../values/host/topology-data';
import { HugePageSize } from '../values/hugepage-size';
import { HugePageAllocation } from '../values/pool/pool-props';
import { ValidationError } from '../values/validation-error';
import { MAX_VCPUS } from '../values/vcpu-limits';

/** How the plan is printed. */
export enum OutputFormat {
  /** The human-readable map and lists. */
  TEXT = 'text',
  /** The same content as JSON with stable keys. */
  JSON = 'json',
}

/** Whether the cluster completes an isolated emulator thread to an even CPU count (KubeVirt AlignCPUs). */
export enum EvenParity {
  /** As a KubeVirtConfiguration decides: on when the VM needs it on the pool (an SMT pool with full-pcpus-only). */
  AUTO = 'auto',
  /** On (another VM of the cluster made the configuration turn it on). */
  ON = 'on',
  /** Off (KubeVirt before v1.2, or the gate left off). */
  OFF = 'off',
}

/** The VM whose capacity is planned: a RealtimeVirtualMachine's settings, with its defaults. */
export interface VmArgs {
  readonly vcpus: number;
  /** The memory as written (`8Gi`). */
  readonly memory: string;
  readonly memoryBytes: number;
  /** The page size backing the guest memory; undefined for ordinary memory (`--hugepage-size none`). */
  readonly hugePageSize?: HugePageSize;
  readonly isolateEmulatorThread: boolean;
}

/** The options of `cdk8s-kubevirt-realtime plan`, parsed and checked. */
export interface PlanArgs {
  /** The host description: a file path, or `-` for stdin. */
  readonly input: string;
  readonly reservedCpus: number;
  readonly offlinedCpus?: number;
  readonly splitAcrossNuma: boolean;
  readonly disableSmt: boolean;
  /** The lscpu CORE and SOCKET columns are the kernel's ids even though they look like lscpu's logical numbering. */
  readonly lscpuPhysicalIds: boolean;
  /** The pool's `hugepages`, when stated; otherwise the pages the host description declares count. */
  readonly hugepages?: HugePageAllocation[];
  /** The VM shape, when `--vcpus` is given (capacity is computed only then). */
  readonly vm?: VmArgs;
  readonly evenParity: EvenParity;
  readonly format: OutputFormat;
  readonly svg?: string;
}

/** What the command line asked for: help, or a plan. */
export interface ParsedCommand {
  readonly help: boolean;
  readonly plan?: PlanArgs;
}

enum Group {
  NODE = 'Node pool options',
  VM = 'VM shape options (capacity is computed when --vcpus is given)',
  CLUSTER = 'Cluster options',
  OUTPUT = 'Output options',
}

interface OptionSpec {
  /** The long name, without dashes. */
  readonly name: string;
  /** The value placeholder: the option takes a value. */
  readonly value?: string;
  readonly short?: string;
  /** A flag that also has a `--no-<name>` form. */
  readonly negatable?: boolean;
  readonly group: Group;
  readonly help: string;
}

/** Every option of `plan`, in the order `--help` lists them. */
const OPTIONS: OptionSpec[] = [
  { name: 'reserved-cpus', value: 'N', group: Group.NODE, help: 'CPUs kept for the OS, the kubelet and IRQs (required; whole cores when SMT is on).' },
  { name: 'split-across-numa', group: Group.NODE, help: 'Take the reserved CPUs evenly from every NUMA node.' },
  { name: 'offlined-cpus', value: 'N', group: Group.NODE, help: 'CPUs to switch off (default 0).' },
  {
    name: 'lscpu-physical-ids',
    group: Group.NODE,
    help: 'The lscpu CORE and SOCKET columns are the kernel\'s ids (captured with -y, or the kernel numbers cores in CPU '
      + 'order); without it, ids that look like lscpu\'s own numbering make an offlining plan warn (PARTITION_CORE_ORDER_UNPROVEN).',
  },
  { name: 'disable-smt', group: Group.NODE, help: 'Keep one thread per core: adds nosmt, so full-pcpus-only and even-parity completion are off.' },
  {
    name: 'hugepages',
    value: 'LIST',
    group: Group.NODE,
    help: 'Huge pages the pool sets aside (its `hugepages` prop), for a host that is not tuned yet: comma-separated '
      + 'SIZE:COUNT entries, each optionally @NODE. 1Gi:48 = 48 pages at boot, spread evenly over the NUMA nodes; '
      + '1Gi:24@0,1Gi:24@1 = 24 pages on each of NUMA nodes 0 and 1. Default: the pages the host file declares '
      + '(virsh capabilities lists them; lscpu has no memory information, so huge pages are then not checked).',
  },
  { name: 'vcpus', value: 'N', group: Group.VM, help: `vCPUs of the VM (1-${MAX_VCPUS}); dedicated CPUs, as RealtimeVirtualMachine always asks.` },
  { name: 'memory', value: 'SIZE', group: Group.VM, help: 'Guest memory in Mi, Gi or Ti, e.g. 8Gi (required with --vcpus).' },
  {
    name: 'hugepage-size',
    value: '1Gi|2Mi|none',
    group: Group.VM,
    help: 'Page size of the guest memory (default 1Gi, the VM\'s default; none = ordinary memory, no huge pages needed).',
  },
  {
    name: 'isolate-emulator-thread',
    negatable: true,
    group: Group.VM,
    help: 'The QEMU emulator thread gets a dedicated CPU of its own (default: on, the VM\'s default; '
      + '--no-isolate-emulator-thread runs it on the vCPUs\' CPUs).',
  },
  {
    name: 'emulator-even-parity',
    negatable: true,
    group: Group.CLUSTER,
    help: 'KubeVirt completes an isolated emulator thread to an even pod CPU count (AlignCPUs, KubeVirt v1.2+). '
      + 'Default: on when the VM needs it on an SMT node, as a KubeVirtConfiguration turns it on for such a VM; '
      + '--no-emulator-even-parity for a cluster without it; --emulator-even-parity when another VM turned it on.',
  },
  { name: 'format', value: 'text|json', group: Group.OUTPUT, help: 'Output format (default text).' },
  { name: 'svg', value: 'FILE', group: Group.OUTPUT, help: 'Also write the CPU map as an SVG picture to FILE.' },
  { name: 'help', short: 'h', group: Group.OUTPUT, help: 'Show this help.' },
];

/** The options only a VM shape uses: each needs --vcpus. */
const VM_OPTIONS = ['memory', 'hugepage-size', 'isolate-emulator-thread', 'no-isolate-emulator-thread',
  'emulator-even-parity', 'no-emulator-even-parity'];

const WIDTH = 100;

/** The usage text printed by `--help` and after every usage error. */
export function usage(): string {
  const labels = OPTIONS.map(optionLabel);
  const width = Math.max(...labels.map((l) => l.length)) + 4;
  const lines = [
    'Usage: cdk8s-kubevirt-realtime plan <host-file|-> --reserved-cpus N [options]',
    '',
    ...wrap('Plans one real-time KubeVirt node the way the library does: how a RealtimeNodePool splits its CPUs '
      + '(reserved / isolated / offlined), the kernel arguments and kubelet settings it emits and, given a VM shape, '
      + 'how many RealtimeVirtualMachines of that shape fit on the node and why not more. The defaults are the '
      + 'constructs\' defaults, so the capacity is the one ReviewPages.write shows for the same VM in an app with a '
      + 'current KubeVirtConfiguration: dedicated CPUs, an isolated emulator thread, 1Gi huge pages, even-parity '
      + 'completion where the VM needs it, full-pcpus-only with SMT, single-numa-node (each VM inside one NUMA node).', ''),
    '',
    ...wrap('<host-file> is the output of `lscpu -p=CPU,CORE,SOCKET,NODE -y` or of `virsh capabilities` from one node '
      + '(detected automatically): a regular file of at most 1 MiB, or `-` to read it from stdin.', ''),
  ];
  for (const group of Object.values(Group)) {
    lines.push('', `${group}:`);
    OPTIONS.forEach((o, i) => {
      if (o.group !== group) return;
      const [first, ...rest] = wrap(o.help, '', WIDTH - width);
      lines.push(`  ${labels[i].padEnd(width - 2)}${first}`, ...rest.map((l) => `${''.padEnd(width)}${l}`));
    });
  }
  lines.push(
    '',
    'Exit codes: 0 plan printed; 1 input refused (host file, partition, huge pages, VM shape) or output',
    'not written; 2 usage error (the command line itself).',
    '',
    'Examples:',
    '  lscpu -p=CPU,CORE,SOCKET,NODE -y > node.lscpu   # on the node (-y: the kernel\'s core ids)',
    '  cdk8s-kubevirt-realtime plan node.lscpu --reserved-cpus 4 --split-across-numa --hugepages 1Gi:48 \\',
    '      --vcpus 4 --memory 8Gi',
    '  virsh capabilities | cdk8s-kubevirt-realtime plan - --reserved-cpus 4 --vcpus 4 --memory 16Gi \\',
    '      --svg plan.svg',
    '',
  );
  return lines.join('\n');
}

/**
 * Parses `argv` (without the node and script paths) with Node's `util.parseArgs` in strict mode. Throws a
 * `ValidationError` naming the offending option for anything it cannot accept: no or an unknown subcommand, an unknown
 * option, a missing value or a value given to a flag, an option given twice or with its `--no-` form, a bad number,
 * size or huge page list, a missing host file or required option. Nothing here reads the host.
 */
export function parseArgs(argv: string[]): ParsedCommand {
  const beforeTerminator = argv.indexOf('--') < 0 ? argv : argv.slice(0, argv.indexOf('--'));
  if (beforeTerminator.includes('--help') || beforeTerminator.includes('-h')) {
    return { help: true };
  }
  const { values, positionals, given } = strictParse(argv);

  const [command, ...inputs] = positionals;
  if (command === undefined) {
    throw fail(error('CLI_COMMAND_REQUIRED', 'command', undefined, 'the subcommand "plan"',
      'run `cdk8s-kubevirt-realtime plan <host-file> --reserved-cpus N` (see --help)'));
  }
  if (command !== 'plan') {
    throw fail(error('CLI_UNKNOWN_COMMAND', 'command', command, 'the subcommand "plan"',
      'run `cdk8s-kubevirt-realtime plan <host-file> --reserved-cpus N` (see --help)'));
  }
  if (inputs.length !== 1) {
    throw fail(error('CLI_INPUT_REQUIRED', 'host-file', inputs.length === 0 ? undefined : inputs,
      'exactly one host file (lscpu -p or virsh capabilities output), or - for stdin',
      'run `lscpu -p=CPU,CORE,SOCKET,NODE -y > node.lscpu` on the node and pass node.lscpu'));
  }
  const reserved = stringOption(values, 'reserved-cpus');
  if (reserved === undefined) {
    throw fail(error('CLI_MISSING_OPTION', '--reserved-cpus', undefined, 'the number of reserved CPUs',
      'add --reserved-cpus N (for example 4: one whole core per NUMA node on a 2-node SMT host)'));
  }
  const format = stringOption(values, 'format') ?? OutputFormat.TEXT;
  if (format !== OutputFormat.TEXT && format !== OutputFormat.JSON) {
    throw fail(error('CLI_BAD_FORMAT', '--format', format, '"text" or "json"', 'write --format text or --format json'));
  }

  return {
    help: false,
    plan: {
      input: inputs[0],
      reservedCpus: wholeNumber('--reserved-cpus', reserved, 1, MAX_CPUS - 1),
      ...optional('offlinedCpus', stringOption(values, 'offlined-cpus'), (t) => wholeNumber('--offlined-cpus', t, 0, MAX_CPUS - 1)),
      splitAcrossNuma: values['split-across-numa'] === true,
      disableSmt: values['disable-smt'] === true,
      lscpuPhysicalIds: values['lscpu-physical-ids'] === true,
      ...optional('hugepages', stringOption(values, 'hugepages'), (t) => parseHugePagesOption(t, '--hugepages')),
      ...vmArgsOf(values, given),
      evenParity: flag(values, 'emulator-even-parity') === undefined ? EvenParity.AUTO
        : flag(values, 'emulator-even-parity') ? EvenParity.ON : EvenParity.OFF,
      format: format as OutputFormat,
      ...optional('svg', stringOption(values, 'svg'), (t) => t),
    },
  };
}

type Values = Record<string, string | boolean | undefined>;

/** A string option's value (the strict parse gives strings only to string options). */
function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `{ [key]: read(value) }` when the option was given, else nothing (no key set to undefined). */
function optional<K extends string, T>(key: K, value: string | undefined, read: (text: string) => T): { [k in K]?: T } {
  return value === undefined ? {} : { [key]: read(value) } as { [k in K]?: T };
}

/** Node's strict parse, with each of its refusals turned into a finding that names the option. */
function strictParse(argv: string[]): { values: Values; positionals: string[]; given: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const o of OPTIONS) {
    options[o.name] = { type: o.value === undefined ? 'boolean' : 'string', ...(o.short ? { short: o.short } : {}) };
    if (o.negatable) options[`no-${o.name}`] = { type: 'boolean' };
  }
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options, strict: true, allowPositionals: true, tokens: true });
  } catch (e) {
    throw fail(diagnose(argv, options) ?? error('CLI_UNKNOWN_OPTION', 'arguments', argv.join(' '), 'options as --help lists them',
      `correct the command line: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
  }
  const seen = new Map<string, string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) {
      throw fail(error('CLI_DUPLICATE_OPTION', `--${token.name}`, token.rawName, 'each option at most once',
        `give --${token.name} only once`));
    }
    seen.set(token.name, token.rawName);
  }
  for (const o of OPTIONS.filter((spec) => spec.negatable)) {
    if (seen.has(o.name) && seen.has(`no-${o.name}`)) {
      throw fail(error('CLI_CONFLICTING_OPTIONS', `--${o.name}`, `--${o.name} --no-${o.name}`, 'one of the two',
        `keep --${o.name} or --no-${o.name}, not both`));
    }
  }
  return { values: parsed.values as Values, positionals: parsed.positionals, given: [...seen.keys()] };
}

/** Why the strict parse refused `argv`, read from the tokens of a lenient parse of the same arguments. */
function diagnose(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>): Finding | undefined {
  const { tokens } = parseNodeArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) {
      return error('CLI_UNKNOWN_OPTION', token.rawName, token.rawName, `one of ${OPTIONS.map(optionNames).join(', ')}`,
        'remove the option or check its spelling (see --help); a file name starting with "-" goes after "--"');
    }
    const placeholder = OPTIONS.find((o) => o.name === token.name)?.value;
    if (spec.type === 'boolean' && token.value !== undefined) {
      return error('CLI_UNEXPECTED_VALUE', token.rawName, `${token.rawName}=${token.value}`, `the flag ${token.rawName} without a value`,
        `write just ${token.rawName}, or leave it out`);
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')))) {
      return error('CLI_MISSING_VALUE', token.rawName, token.value, `a value ${placeholder}`,
        `write ${token.rawName} ${placeholder}${token.value === undefined ? '' : ` (a value starting with "-" as ${token.rawName}=${placeholder})`}`);
    }
  }
  return undefined;
}

/** The VM shape options, checked together: --vcpus starts a shape and needs --memory; the others need --vcpus. */
function vmArgsOf(values: Values, given: string[]): { vm?: VmArgs } {
  const vcpus = stringOption(values, 'vcpus');
  if (vcpus === undefined) {
    const orphan = VM_OPTIONS.find((name) => given.includes(name));
    if (orphan !== undefined) {
      throw fail(error('CLI_MISSING_OPTION', '--vcpus', undefined, `a VM shape (--vcpus and --memory) for --${orphan} to apply to`,
        `add --vcpus N --memory SIZE, or drop --${orphan}`));
    }
    return {};
  }
  const memory = stringOption(values, 'memory');
  if (memory === undefined) {
    throw fail(error('CLI_MISSING_OPTION', '--memory', undefined, 'the guest memory of the VM shape (--vcpus and --memory)',
      'add --memory SIZE, e.g. --memory 8Gi'));
  }
  const pageText = stringOption(values, 'hugepage-size') ?? HugePageSize.ONE_GI.quantity;
  const hugePageSize = pageText === 'none' ? undefined : pageSize(pageText);
  return {
    vm: {
      vcpus: wholeNumber('--vcpus', vcpus, 1, MAX_VCPUS),
      memory,
      memoryBytes: bytesOf(memory),
      ...(hugePageSize ? { hugePageSize } : {}),
      isolateEmulatorThread: flag(values, 'isolate-emulator-thread') ?? true,
    },
  };
}

/** A negatable flag: true, false (`--no-<name>`), or undefined when neither form was given. */
function flag(values: Values, name: string): boolean | undefined {
  if (values[name] === true) return true;
  if (values[`no-${name}`] === true) return false;
  return undefined;
}

function pageSize(text: string): HugePageSize {
  const size = HugePageSize.all().find((s) => s.quantity === text || s.kernelName === text);
  if (size === undefined) {
    throw fail(error('CLI_BAD_SIZE', '--hugepage-size', text, '"1Gi", "2Mi" or "none" (the x86_64 huge page sizes, or ordinary memory)',
      'write --hugepage-size 1Gi, --hugepage-size 2Mi or --hugepage-size none'));
  }
  return size;
}

const UNITS: Record<string, number> = { Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A binary Kubernetes quantity in whole MiB (`512Mi`, `16Gi`, `1Ti`) in bytes. */
function bytesOf(text: string): number {
  const match = /^([1-9]\d{0,5})(Mi|Gi|Ti)$/.exec(text);
  if (!match) {
    throw fail(error('CLI_BAD_SIZE', '--memory', text, 'a whole binary quantity of at most 6 digits in Mi, Gi or Ti, such as 512Mi or 16Gi',
      'write the guest memory as KubeVirt does, e.g. --memory 8Gi'));
  }
  return Number(match[1]) * UNITS[match[2]];
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw fail(error('CLI_BAD_NUMBER', name, text, `a whole number from ${min} to ${max}`, `write ${name} ${Math.max(min, 1) * 4}`));
  }
  return n;
}

function optionNames(o: OptionSpec): string {
  return o.negatable ? `--${o.name}, --no-${o.name}` : `--${o.name}`;
}

function optionLabel(o: OptionSpec): string {
  const name = o.negatable ? `--[no-]${o.name}` : `${o.short ? `-${o.short}, ` : ''}--${o.name}`;
  return o.value === undefined ? name : `${name} ${o.value}`;
}

/** Wraps `text` at word boundaries within `width` columns, each line after the first starting with `indent`. */
function wrap(text: string, indent: string, width: number = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

function fail(finding: Finding): ValidationError {
  return new ValidationError([finding]);
}
