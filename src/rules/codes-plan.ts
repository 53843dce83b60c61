import { CodeInfo } from './code-info';

/** Codes of the `plan` command line and the review pages. */
export const PLAN_CODES: Record<string, CodeInfo> = {
  CLI_COMMAND_REQUIRED: {
    severity: 'error',
    meaning: 'The command line names no subcommand (no arguments at all, or options only).',
    prevents: 'a run that plans nothing and exits as if it had succeeded',
    fix: 'run `cdk8s-kubevirt-realtime plan <host-file> --reserved-cpus N` (see --help)',
  },
  CLI_UNKNOWN_COMMAND: {
    severity: 'error',
    meaning: 'The command line names a subcommand other than "plan".',
    prevents: 'a typo silently doing nothing',
    fix: 'run `cdk8s-kubevirt-realtime plan <host-file> --reserved-cpus N` (see --help)',
  },
  CLI_UNKNOWN_OPTION: {
    severity: 'error',
    meaning: 'An option the plan command does not know was given.',
    prevents: 'a misspelt option (such as --reserve-cpus) being ignored and the plan made without it',
    fix: 'remove the option or correct its spelling (see --help)',
  },
  CLI_DUPLICATE_OPTION: {
    severity: 'error',
    meaning: 'The same option was given twice.',
    prevents: 'guessing which of two values was meant',
    fix: 'give each option once',
  },
  CLI_CONFLICTING_OPTIONS: {
    severity: 'error',
    meaning: 'A flag was given together with its --no- form (e.g. --isolate-emulator-thread --no-isolate-emulator-thread).',
    prevents: 'guessing which of two contradicting flags was meant',
    fix: 'keep one of the two',
  },
  CLI_UNEXPECTED_VALUE: {
    severity: 'error',
    meaning: 'A flag that takes no value was written as --flag=value.',
    prevents: 'reading --disable-smt=false as "disable SMT"',
    fix: 'write the flag alone, or leave it out',
  },
  CLI_MISSING_VALUE: {
    severity: 'error',
    meaning: 'An option that needs a value was last on the line or followed by another option (or by a value starting with "-").',
    prevents: 'the next option being taken as the value',
    fix: 'write the value after the option, e.g. --reserved-cpus 4',
  },
  CLI_INPUT_REQUIRED: {
    severity: 'error',
    meaning: 'Not exactly one host file (or - for stdin) was given.',
    prevents: 'a plan for the wrong host, or for none',
    fix: 'pass the output of `lscpu -p=CPU,CORE,SOCKET,NODE -y` or `virsh capabilities` from one node',
  },
  CLI_MISSING_OPTION: {
    severity: 'error',
    meaning: 'A required option is missing: --reserved-cpus; --memory with --vcpus; or --vcpus for a VM shape option (--memory, --hugepage-size, --[no-]isolate-emulator-thread, --[no-]emulator-even-parity).',
    prevents: 'a partition or a capacity computed from invented numbers',
    fix: 'add the option named in the message',
  },
  CLI_BAD_NUMBER: {
    severity: 'error',
    meaning: 'A count option is not a whole number in its range.',
    prevents: 'NaN or fractional CPU counts reaching the planner',
    fix: 'write a whole number, e.g. --reserved-cpus 4',
  },
  CLI_BAD_FORMAT: {
    severity: 'error',
    meaning: '--format is neither "text" nor "json".',
    prevents: 'output in a format scripts do not expect',
    fix: 'write --format text or --format json',
  },
  CLI_BAD_SIZE: {
    severity: 'error',
    meaning: '--memory is not a whole binary quantity in Mi, Gi or Ti, or --hugepage-size is not 1Gi, 2Mi or none.',
    prevents: 'a huge page count computed from a misread memory size (4G vs 4Gi), or from a page size x86_64 does not have',
    fix: 'write the guest memory as KubeVirt does, e.g. 8Gi or 512Mi, and the page size as 1Gi, 2Mi or none',
  },
  CLI_BAD_HUGEPAGES: {
    severity: 'error',
    meaning: '--hugepages is not a comma-separated list of SIZE:COUNT or SIZE:COUNT@NODE entries (1Gi or 2Mi, a count ≥ 1, a NUMA node id).',
    prevents: 'a capacity computed from huge pages the pool would not set aside',
    fix: 'write e.g. --hugepages 1Gi:48 (spread over the NUMA nodes) or --hugepages 1Gi:24@0,1Gi:24@1 (per NUMA node)',
  },

  CLI_INPUT_UNREADABLE: {
    severity: 'error',
    meaning: 'The host file could not be opened or read (missing, no permission).',
    prevents: 'planning without a host description',
    fix: 'check the path, or pipe the command output in with -',
  },
  CLI_INPUT_NOT_A_FILE: {
    severity: 'error',
    meaning: 'The host file is not a regular file: a directory, a FIFO, a device (/dev/zero) or a socket.',
    prevents: 'the command waiting forever on a FIFO with no writer or reading an endless device',
    fix: 'save the command output to a file first, or pipe it in with - (stdin is read up to 1 MiB)',
  },
  CLI_INPUT_TOO_LARGE: {
    severity: 'error',
    meaning: 'The host file or stdin holds more than 1 MiB (the parsers\' limit; an 8192-CPU virsh capabilities is about 0.8 MiB).',
    prevents: 'an endless or huge input filling the memory',
    fix: 'pass only the output of lscpu -p or virsh capabilities of one node',
  },
  CLI_INPUT_NOT_TEXT: {
    severity: 'error',
    meaning: 'The host description is not UTF-8 text (it is decoded once, as a whole).',
    prevents: 'garbage characters in the parser\'s messages, or a binary file read as a host',
    fix: 'pass the text printed by lscpu -p or virsh capabilities',
  },
  CLI_HOST_TOO_SMALL: {
    severity: 'error',
    meaning: 'The host has fewer than 2 physical cores: no partition can reserve one whole core and isolate another.',
    prevents: 'the partition planner asking for an impossible range ("reserve between 1 and 0 CPUs")',
    fix: 'plan a node with at least 2 cores, and check that the host file lists every CPU of the node',
  },
  CLI_HUGEPAGES_NOT_STATED: {
    severity: 'warning',
    meaning: 'The VM uses huge pages and --hugepages was not given: the capacity counts the pages the host file declares (virsh), or does not check them (lscpu declares none).',
    prevents: 'a plan that counts pages a RealtimeNodePool without `hugepages` would not set aside',
    fix: 'state the pool\'s huge pages with --hugepages (the same list as the pool\'s hugepages prop)',
  },
  CLI_OUTPUT_UNWRITABLE: {
    severity: 'error',
    meaning: 'The --svg file or standard output could not be written (EPIPE: the reader closed the pipe; ENOSPC: the disk is full).',
    prevents: 'a missing picture or a cut-off plan going unnoticed, or a stack trace instead of a message',
    fix: 'write to a path in an existing directory you can write to, on a device with free space; let the reader of a pipe take the whole output',
  },


  PLAN_REVIEW_PAGE_NAME: {
    severity: 'error',
    meaning: 'A review page was asked for a pool name that is not a Kubernetes object name (it is used as the file name).',
    prevents: 'review pages written outside their directory or under names no pool has',
    fix: 'use the node pool\'s name, e.g. "worker-rt"',
  },
};
