import { CpuSet } from '../../../src/values/cpu-set';
import { formatFinding } from '../../../src/values/finding';
import { HostTopology } from '../../../src/values/host/host-topology';
import { checkPartition, checkPlanOptions } from '../../../src/values/host/partition-checks';
import { CpuNumbering } from '../../../src/values/host/uniform-topology';

const set = (text: string) => CpuSet.parse(text);
/** 8 cores × 2 threads, sibling of n is n+8 (the openshift-docs#58610 host). */
const smt16 = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 8, threadsPerCore: 2 });
/** 2 NUMA nodes × 4 cores, no SMT: node 0 = 0-3, node 1 = 4-7. */
const plain8 = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 4 });

function messages(findings: ReturnType<typeof checkPartition>): string[] {
  return findings.map(formatFinding);
}

describe('checkPartition', () => {
  test('accepts a partition of whole cores that covers the host', () => {
    expect(checkPartition(smt16, set('0-1,8-9'), set('2-7,10-15'), CpuSet.empty())).toEqual([]);
    expect(checkPartition(plain8, set('0'), set('1-6'), set('7'))).toEqual([]);
  });

  test('PARTITION_RESERVED_EMPTY names the field and suggests the first core', () => {
    expect(messages(checkPartition(smt16, CpuSet.empty(), smt16.cpus, CpuSet.empty()))).toEqual([
      '[PARTITION_RESERVED_EMPTY] reserved: got "", expected at least one CPU for the OS and kubelet (NTO: "reserved CPUs can not be empty"); '
      + 'fix: reserve at least one whole core, e.g. reserved "0,8"',
    ]);
  });

  test('PARTITION_ISOLATED_EMPTY gives the CPUs to isolate', () => {
    const [finding] = checkPartition(plain8, set('0-3'), CpuSet.empty(), CpuSet.empty()).filter((f) => f.code === 'PARTITION_ISOLATED_EMPTY');
    expect(formatFinding(finding)).toBe('[PARTITION_ISOLATED_EMPTY] isolated: got "", expected at least one CPU for real-time workloads '
      + '(NTO: "isolated CPUs can not be empty"); fix: isolate the remaining CPUs: isolated "4-7"');
    const [none] = checkPartition(plain8, set('0-7'), CpuSet.empty(), CpuSet.empty()).filter((f) => f.code === 'PARTITION_ISOLATED_EMPTY');
    expect(none.fix).toBe('reserve or offline fewer CPUs');
  });

  test('PARTITION_UNKNOWN_CPU (performance-addon-operators#236) gives the corrected list, per field', () => {
    const findings = checkPartition(plain8, set('0,9-15'), set('1-7'), set('20'));
    expect(messages(findings.filter((f) => f.code === 'PARTITION_UNKNOWN_CPU'))).toEqual([
      '[PARTITION_UNKNOWN_CPU] reserved: got "0,9-15", expected CPUs the host has (0-7); 9-15 are not; fix: remove them: reserved "0"',
      '[PARTITION_UNKNOWN_CPU] offlined: got "20", expected CPUs the host has (0-7); 20 are not; fix: remove them: offlined ""',
    ]);
  });

  test('PARTITION_OVERLAP for every pair, with NTO\'s wording', () => {
    const findings = checkPartition(plain8, set('0-1'), set('1-6'), set('6-7'));
    expect(messages(findings.filter((f) => f.code === 'PARTITION_OVERLAP'))).toEqual([
      '[PARTITION_OVERLAP] isolated: got "1-6", expected no CPU that is also reserved (reserved and isolated CPUs overlap: 1); '
      + 'fix: remove them from one list, e.g. isolated "2-6"',
      '[PARTITION_OVERLAP] offlined: got "6-7", expected no CPU that is also isolated (isolated and offlined CPUs overlap: 6); '
      + 'fix: remove them from one list, e.g. offlined "7"',
    ]);
    expect(checkPartition(plain8, set('0-1'), set('2-6'), set('1,7')).map((f) => f.code)).toEqual(['PARTITION_OVERLAP']);
  });

  test('PARTITION_INCOMPLETE lists the CPUs in no list and the corrected isolated list', () => {
    expect(messages(checkPartition(plain8, set('0'), set('1-3'), set('7')))).toEqual([
      '[PARTITION_INCOMPLETE] isolated: got "1-3", expected reserved, isolated and offlined together to cover every CPU of the host (0-7); '
      + '4-6 are in none; fix: add them to a list, e.g. isolated "1-6"',
    ]);
  });

  test('PARTITION_SPLIT_SIBLINGS (openshift-docs#58610) names each split core and gives corrected lists', () => {
    const findings = checkPartition(smt16, set('0-4'), set('5-15'), CpuSet.empty());
    expect(messages(findings)).toEqual([
      '[PARTITION_SPLIT_SIBLINGS] reserved: got "0-4", expected whole cores, SMT siblings never split between reserved and isolated '
      + '(split: {0,8}: 0 reserved, 8 isolated; {1,9}: 1 reserved, 9 isolated; {2,10}: 2 reserved, 10 isolated; '
      + '{3,11}: 3 reserved, 11 isolated; {4,12}: 4 reserved, 12 isolated); fix: reserve whole cores: reserved "0-4,8-12" and isolated "5-7,13-15"',
    ]);
  });

  test('PARTITION_SPLIT_SIBLINGS summarises after 8 cores', () => {
    const wide = HostTopology.uniform({ numaNodes: 1, coresPerSocket: 12, threadsPerCore: 2 });
    const [finding] = checkPartition(wide, set('0-9'), set('10-23'), CpuSet.empty());
    expect(finding.expected).toContain('{7,19}: 7 reserved, 19 isolated; and 2 more)');
  });

  test('siblings split between reserved and offlined are fine (that is what nosmt-like offlining does)', () => {
    expect(checkPartition(smt16, set('0-1'), set('2-7,10-15'), set('8-9'))).toEqual([]);
  });

  test('no sibling check on hosts without SMT', () => {
    expect(checkPartition(plain8, set('0'), set('1-7'), CpuSet.empty())).toEqual([]);
  });
});

describe('checkPlanOptions', () => {
  test('accepts counts PPC accepts', () => {
    expect(checkPlanOptions(smt16, { reservedCpuCount: 2 })).toEqual([]);
    expect(checkPlanOptions(smt16, { reservedCpuCount: 3, disableSmt: true })).toEqual([]);
    expect(checkPlanOptions(plain8, { reservedCpuCount: 3, splitAcrossNumaNodes: true })).toEqual([]);
  });

  test('PARTITION_RESERVED_COUNT_RANGE and PARTITION_OFFLINED_COUNT_RANGE are reported together', () => {
    expect(messages(checkPlanOptions(plain8, { reservedCpuCount: 8, offlinedCpuCount: 1.5 }))).toEqual([
      '[PARTITION_RESERVED_COUNT_RANGE] reservedCpuCount: got 8, expected a whole number in the range [1,7] '
      + '(PPC: "please specify the reserved CPU count in the range [1,7]"); fix: reserve between 1 and 7 CPUs; the host has 8',
      '[PARTITION_OFFLINED_COUNT_RANGE] offlinedCpuCount: got 1.5, expected a whole number in the range [0,7] '
      + '(PPC: "please specify the offlined CPU count in the range [0,7]"); fix: offline between 0 and 7 CPUs',
    ]);
  });

  test('PARTITION_RESERVED_COUNT_RANGE counts the CPUs left with SMT off', () => {
    expect(messages(checkPlanOptions(smt16, { reservedCpuCount: 8, disableSmt: true }))[0])
      .toContain('got 8, expected a whole number in the range [1,7] (PPC: "please specify the reserved CPU count in the range [1,7]"); '
        + 'fix: reserve between 1 and 7 CPUs; the host has 8 with SMT off');
  });

  test('PARTITION_RESERVED_COUNT_RANGE for a missing count', () => {
    expect(messages(checkPlanOptions(plain8, {} as never))[0]).toContain('[PARTITION_RESERVED_COUNT_RANGE] reservedCpuCount: got (not set)');
  });

  test('PARTITION_COUNT_SUM leaves a CPU to isolate', () => {
    expect(messages(checkPlanOptions(plain8, { reservedCpuCount: 4, offlinedCpuCount: 4 }))).toEqual([
      '[PARTITION_COUNT_SUM] offlinedCpuCount: got 4, expected reservedCpuCount + offlinedCpuCount in the range [0,7] (got 4 + 4), '
      + 'leaving a CPU to isolate; fix: offline at most 3 CPUs, or reserve fewer',
    ]);
  });

  test('PARTITION_ODD_WITH_SMT suggests the nearest even counts', () => {
    expect(messages(checkPlanOptions(smt16, { reservedCpuCount: 5 }))).toEqual([
      '[PARTITION_ODD_WITH_SMT] reservedCpuCount: got 5, expected an even number of CPUs so cores are not split between SMT siblings '
      + '(PPC: "can\'t allocate odd number of CPUs from a NUMA Node"); fix: reserve 4 or 6 CPUs, or set disableSmt',
    ]);
  });

  test('PARTITION_ODD_WITH_SMT checks each cumulative target when split, and names the NUMA node', () => {
    const twoNodes = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 4, threadsPerCore: 2, numbering: CpuNumbering.INTERLEAVED_BY_CORE });
    const [finding] = checkPlanOptions(twoNodes, { reservedCpuCount: 6, splitAcrossNumaNodes: true });
    expect(finding.code).toBe('PARTITION_ODD_WITH_SMT');
    expect(finding.expected).toContain('an even number of CPUs up to each NUMA node (3 after NUMA node 0)');
    expect(finding.fix).toBe('reserve 4 or 8 CPUs, or set disableSmt');
    expect(checkPlanOptions(twoNodes, { reservedCpuCount: 6 })).toEqual([]);
  });
});
