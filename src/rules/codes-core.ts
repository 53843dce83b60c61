import { CodeInfo } from './code-info';

/** Codes of the value types shared by every layer (CPU lists, huge page sizes). */
export const CORE_CODES: Record<string, CodeInfo> = {
  CPUSET_SYNTAX: {
    severity: 'error',
    meaning: 'A CPU list is not a valid Linux cpulist (ids and low-high ranges, comma-separated, ids 0-8191).',
    prevents: 'a kubelet that refuses to start on an invalid --reserved-cpus, or kernel arguments the kernel ignores',
    fix: 'write the CPUs as a cpulist such as "2-7,10-15"',
  },
  CPUSET_TOO_LONG: {
    severity: 'error',
    meaning: 'A cpulist text is longer than 1 MiB (CpuSet.MAX_TEXT_CHARS); one naming each of the 8192 possible CPUs once is under 40 KiB.',
    prevents: 'unbounded memory and time spent reading a runaway or generated text (a whole file pasted as a CPU list)',
    fix: 'pass the cpulist itself, written in ranges such as "0-3,8-11"',
  },
  HUGEPAGE_SIZE_UNSUPPORTED: {
    severity: 'error',
    meaning: 'A huge page size other than the x86_64 sizes 2Mi and 1Gi was requested.',
    prevents: 'a VM whose hugepages-<size> resource no node offers (Pending forever), or a kernel that ignores hugepagesz',
    fix: 'use HugePageSize.TWO_MI or HugePageSize.ONE_GI',
  },
  PROP_TYPE_INVALID: {
    severity: 'error',
    meaning: 'A prop has the wrong runtime type (a string where a number belongs, an object where a list belongs, null ...), '
      + 'which only JavaScript callers and generated props can pass: the compiler refuses it in TypeScript.',
    prevents: 'a TypeError deep in the library, a value written into the YAML as it is (a string "no" as a boolean), or a prop silently ignored',
    fix: 'pass the type the message names; leave an optional prop out instead of setting it to null',
  },
  PROP_REQUIRED: {
    severity: 'error',
    meaning: 'A required prop is missing (the library never picks sizes or hardware for you).',
    prevents: 'a VM or node pool built from invented numbers',
    fix: 'set the prop the message names',
  },
  WARNING_ACKNOWLEDGEMENT_INVALID: {
    severity: 'error',
    meaning: 'Warnings.acknowledge was given a code that is not one of this library\'s warning codes (an error code, a typo), or '
      + 'an empty reason.',
    prevents: 'an acknowledgement that silently covers nothing, or one nobody can review later',
    fix: 'copy the code from the printed warning line and say why it is accepted',
  },
  PROP_UNKNOWN: {
    severity: 'error',
    meaning: 'A prop name the construct does not have, usually a typo (vcpu for vcpus).',
    prevents: 'a setting silently ignored: the YAML would not say what the code seems to say',
    fix: 'use the prop name the message suggests, or remove it',
  },
  OBJECT_PATCH_IDENTITY: {
    severity: 'error',
    meaning: 'A JSON patch would change the apiVersion, kind or name of an object the library writes (or replace the whole object or its metadata).',
    prevents: 'a different object than the one the checks saw reaching the cluster, or GitOps tools losing track of it',
    fix: 'patch the fields below the identity (e.g. /metadata/labels/x or /spec/...); create another object to rename or retype',
  },
  OBJECT_PATCH_SELF_REFERENCE: {
    severity: 'error',
    meaning: 'A JSON patch value is not JSON (it contains itself, a construct, a function, NaN or Infinity), or a move targets a child of its own source.',
    prevents: 'a synthesis that never ends or writes a broken document',
    fix: 'patch with plain data: strings, finite numbers, booleans, null, lists and plain objects',
  },
  OBJECT_PATCH_INVALID: {
    severity: 'error',
    meaning: 'A JSON patch is not a cdk8s JsonPatch, or does not apply to the rendered object (a missing parent, a failed test).',
    prevents: 'a synthesis failing with a bare stack trace',
    fix: 'build the operation with cdk8s JsonPatch and point it at an existing path (add parents first)',
  },
  OUTPUT_DIRECTORY_UNWRITABLE: {
    severity: 'error',
    meaning: 'ReviewPages.write or NodeFiles.write could not create its directory or write a file there (the system error is quoted).',
    prevents: 'a stack trace from the file system instead of the path and the reason',
    fix: 'pass a directory path you can write to (it is created if missing)',
  },
};
