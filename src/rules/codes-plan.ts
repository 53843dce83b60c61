import { CodeInfo } from './code-info';

/** Codes of the `plan` command line and the review pages. */
export const PLAN_CODES: Record<string, CodeInfo> = {
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
  CLI_UNEXPECTED_VALUE: {
    severity: 'error',
    meaning: 'A flag that takes no value was written as --flag=value.',
    prevents: 'reading --disable-smt=false as "disable SMT"',
    fix: 'write the flag alone, or leave it out',
  },
  CLI_MISSING_VALUE: {
    severity: 'error',
    meaning: 'An option that needs a value was last on the line or followed by another option.',
    prevents: 'the next option being taken as the value',
    fix: 'write the value after the option, e.g. --reserved-cpus 4',
  },
  CLI_INPUT_REQUIRED: {
    severity: 'error',
    meaning: 'Not exactly one host file (or - for stdin) was given.',
    prevents: 'a plan for the wrong host, or for none',
    fix: 'pass the output of `lscpu -p=CPU,CORE,SOCKET,NODE` or `virsh capabilities` from one node',
  },
  CLI_MISSING_OPTION: {
    severity: 'error',
    meaning: 'A required option is missing: --reserved-cpus, or --vcpus / --memory of a VM shape.',
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
    meaning: '--memory is not a whole binary quantity (Ki, Mi, Gi, Ti).',
    prevents: 'a huge page count computed from a misread memory size (4G vs 4Gi)',
    fix: 'write the guest memory as KubeVirt does, e.g. 8Gi or 512Mi',
  },
  CLI_INPUT_UNREADABLE: {
    severity: 'error',
    meaning: 'The host file could not be read (missing, a directory, no permission).',
    prevents: 'planning without a host description',
    fix: 'check the path, or pipe the command output in with -',
  },
  CLI_OUTPUT_UNWRITABLE: {
    severity: 'error',
    meaning: 'The --svg file could not be written.',
    prevents: 'a missing picture going unnoticed',
    fix: 'choose a path in an existing directory you can write to',
  },
  PLAN_REVIEW_PAGE_NAME: {
    severity: 'error',
    meaning: 'A review page was asked for a pool name that is not a Kubernetes object name (it is used as the file name).',
    prevents: 'review pages written outside their directory or under names no pool has',
    fix: 'use the node pool\'s name, e.g. "worker-rt"',
  },
};
