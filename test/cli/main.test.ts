import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { collector, memoryIo, run, systemError } from './io';
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main } from '../../src/cli/main';
import { TextSink } from '../../src/cli/output';
import { LSCPU_SMT_TWO_NODES } from '../fixtures/host';
import { ntoBareMetalLscpu } from '../fixtures/nto-bare-metal-host';
import { SEED_002_LSCPU, SEED_002_VIRSH_CAPABILITIES } from '../plan/seed-002';
import { parseXml } from '../plan/xml-check';

const ROOT = path.join(__dirname, '..', '..');
const FILES = { 'seed-002.xml': SEED_002_VIRSH_CAPABILITIES, 'seed-002.lscpu': SEED_002_LSCPU, 'smt.txt': LSCPU_SMT_TWO_NODES };

const SEED_PLAN = ['plan', 'seed-002.xml', '--reserved-cpus', '4', '--split-across-numa'];
/** The README's command (docs/plan-seed-002.txt and .svg are its output). */
const SEED_VM = ['--hugepages', '1Gi:52', '--vcpus', '4', '--memory', '16Gi'];

describe('cdk8s-kubevirt-realtime plan', () => {
  test('seed-002 (virsh capabilities) with 4 reserved CPUs split across NUMA nodes', async () => {
    const { code, stdout, stderr, written } = await run(SEED_PLAN, { files: FILES });
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(written.size).toBe(0);
    expect(stdout).toContain('Host: 16 CPUs (0-15), 2 NUMA nodes, 1 thread per core');
    expect(stdout).toMatch(/^ {2}reserved +0-1,8-9 +4 CPUs/m);
    expect(stdout).toMatch(/^ {2}isolated +2-7,10-15 +12 CPUs/m);
    expect(stdout).toMatch(/^ {2}offlined +none +0 CPUs/m);
    expect(stdout).toContain('\n  isolcpus=managed_irq,2-7,10-15\n');
    expect(stdout).toContain('\n  reservedSystemCPUs: 0-1,8-9\n');
    expect(stdout).toContain('default props\n(no huge pages set aside)');
    expect(stdout).not.toContain('Capacity');
  });

  test('plain lscpu ids warn an offlining plan (PARTITION_CORE_ORDER_UNPROVEN); --lscpu-physical-ids vouches for them', async () => {
    const files = { 'node.lscpu': ntoBareMetalLscpu(false) };
    const argv = ['plan', 'node.lscpu', '--reserved-cpus', '4', '--offlined-cpus', '4'];
    const plain = await run(argv, { files });
    expect(plain.code).toBe(EXIT_OK);
    expect(plain.stdout).toContain('PARTITION_CORE_ORDER_UNPROVEN');
    const vouched = await run([...argv, '--lscpu-physical-ids'], { files });
    expect(vouched.code).toBe(EXIT_OK);
    expect(vouched.stdout).not.toContain('PARTITION_CORE_ORDER_UNPROVEN');
  });

  test('text output with a VM shape (snapshot; docs/plan-seed-002.txt is this output)', async () => {
    const { code, stdout, stderr } = await run([...SEED_PLAN, ...SEED_VM], { files: FILES });
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    // The VM's defaults: 1Gi pages, isolated emulator thread; no SMT, so no even-parity completion.
    expect(stdout).toContain('Capacity for a VM with 4 vCPUs, 16Gi memory in 1Gi huge pages, isolated emulator thread\n');
    expect(stdout).toContain('Node total: 2 VMs (limited by isolated CPUs)');
    // The stated huge pages are the pool's: its kernel arguments, and the capacity's pages.
    expect(stdout).toContain('a RealtimeNodePool with this partition, hugepages 1Gi:52\nand otherwise default props');
    expect(stdout).toContain('\n  default_hugepagesz=1G\n  hugepagesz=1G\n  hugepages=52\n');
    expect(stdout).toContain('26 x 1Gi huge pages, 16 per VM');
    expect(stdout).not.toContain('Warnings');
    expect(stdout).toMatchSnapshot();
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'plan-seed-002.txt'), 'utf8')).toBe(stdout);
  });

  test('--svg writes the picture to that file and nowhere else (docs/plan-seed-002.svg is this picture)', async () => {
    const { code, written, stdout } = await run([...SEED_PLAN, ...SEED_VM, '--svg', 'out/map.svg'], { files: FILES });
    expect(code).toBe(EXIT_OK);
    expect([...written.keys()]).toEqual(['out/map.svg']);
    const svg = written.get('out/map.svg')!;
    expect(parseXml(svg).name).toBe('svg');
    expect(svg).toContain('VM 2 vCPU 3');
    expect(stdout).toContain('Host: 16 CPUs');
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'plan-seed-002.svg'), 'utf8')).toBe(svg);
  });

  test('--format json prints the same plan as JSON with stable keys', async () => {
    const { code, stdout } = await run([...SEED_PLAN, ...SEED_VM, '--format', 'json'], { files: FILES });
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['host', 'reserved', 'isolated', 'offlined', 'smtDisabled', 'numaNodes', 'settingsSource', 'kernelArguments',
      'kubeletSettings', 'vmShape', 'capacity', 'warnings', 'map']);
    expect(json).toMatchObject({ reserved: '0-1,8-9', isolated: '2-7,10-15', offlined: '', smtDisabled: false });
    expect(json.kernelArguments).toContain('isolcpus=managed_irq,2-7,10-15');
    expect(json.kubeletSettings).toContainEqual({ name: 'reservedSystemCPUs', value: '0-1,8-9' });
    expect(json.vmShape).toEqual({ vcpus: 4, memoryMebibytes: 16384, hugePageSize: '1Gi', isolateEmulatorThread: true, emulatorThreadEvenParity: false });
    expect(json.capacity).toMatchObject({ podCpus: 5, total: 2, limitedBy: ['isolated-cpus'], hugePageSize: '1Gi', hugePagesPerVm: 16 });
    expect(json.capacity.perNumaNode.map((n: any) => [n.vms, n.hugePages])).toEqual([[1, 26], [1, 26]]);
    expect(json.map.numaNodes[0].cores[2].threads[0]).toEqual({ cpu: 2, thread: 0, role: 'isolated', assignment: { cpu: 2, vm: 1, kind: 'vcpu', index: 0 } });
    expect(stdout).toMatchSnapshot();
  });

  test('reads lscpu output from stdin with "-"', async () => {
    const { code, stdout } = await run(['plan', '-', '--reserved-cpus', '4', '--split-across-numa', '--format', 'json'], { stdin: SEED_002_LSCPU });
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toMatchObject({ reserved: '0-1,8-9', isolated: '2-7,10-15' });
  });

  test('stdin is decoded once, as a whole: a UTF-8 character split across chunks stays one character', async () => {
    const text = Buffer.from('# CPU,Core,Socket,Node\n0,0,0,0\né,1,0,0\n');
    const at = text.indexOf(Buffer.from('é')) + 1; // between the two bytes of "é"
    const { code, stderr } = await run(['plan', '-', '--reserved-cpus', '1'], { stdin: [text.subarray(0, at), text.subarray(at)] });
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr).toContain('[LSCPU_SYNTAX] lscpu line 3: got "é,1,0,0"');
    expect(stderr).not.toContain('\uFFFD');
  });

  test('stdin that is not UTF-8, or longer than 1 MiB, is refused; an endless stdin is not read past the limit', async () => {
    const binary = await run(['plan', '-', '--reserved-cpus', '1'], { stdin: [Buffer.from([0x30, 0xff, 0xfe])] });
    expect(binary.code).toBe(EXIT_INVALID_INPUT);
    expect(binary.stderr).toBe('error: [CLI_INPUT_NOT_TEXT] stdin: got "3 bytes that are not UTF-8 text", expected the text printed by lscpu -p '
      + 'or virsh capabilities; fix: pass the saved output of `lscpu -p=CPU,CORE,SOCKET,NODE -y` or `virsh capabilities`, or pipe it in with `-`\n');

    let pulled = 0;
    function* zeros() {
      for (;;) {
        pulled++;
        yield new Uint8Array(64 * 1024);
      }
    }
    const env = memoryIo();
    const code = await main(['plan', '-', '--reserved-cpus', '1'], { ...env.io, stdin: Readable.from(zeros()) });
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(env.stderr.text).toContain('[CLI_INPUT_TOO_LARGE] stdin: got "more than 1048576 bytes", expected at most 1048576 bytes');
    expect(pulled).toBeLessThanOrEqual(18); // 17 chunks of 64 KiB pass 1 MiB (plus what the stream buffered ahead)
  });

  test('an SMT host (2 x 4 x 2): the VM\'s defaults need even parity, which the app turns on, so each pod is 3 whole cores', async () => {
    const base = ['plan', 'smt.txt', '--reserved-cpus', '4', '--split-across-numa', '--vcpus', '4', '--memory', '8Gi', '--format', 'json'];
    const capacity = async (...extra: string[]) => JSON.parse((await run([...base, ...extra], { files: FILES })).stdout);

    const byDefault = await capacity();
    expect(byDefault.vmShape).toMatchObject({ isolateEmulatorThread: true, emulatorThreadEvenParity: true, hugePageSize: '1Gi' });
    // One core reserved per NUMA node leaves 3 whole cores (6 CPUs) each: one 6-CPU pod per NUMA node.
    expect(byDefault.capacity).toMatchObject({ podCpus: 6, emulatorCpus: 2, total: 2, limitedBy: ['isolated-cpus'] });
    expect(byDefault.kubeletSettings).toContainEqual({ name: 'cpuManagerPolicyOptions.full-pcpus-only', value: 'true' });

    // Without even-parity completion the 5-CPU pod is refused by full-pcpus-only.
    const noParity = await capacity('--no-emulator-even-parity');
    expect(noParity.capacity).toMatchObject({ podCpus: 5, total: 0, limitedBy: ['emulator-parity'] });
    // Without an isolated emulator thread the pod is the 4 vCPUs: 2 whole cores.
    const shared = await capacity('--no-isolate-emulator-thread');
    expect(shared.vmShape).toMatchObject({ isolateEmulatorThread: false, emulatorThreadEvenParity: false });
    expect(shared.capacity).toMatchObject({ podCpus: 4, total: 2 });
    // 3 vCPUs complete the last core with the single emulator CPU: the app turns no parity on for it.
    const odd = JSON.parse((await run([...base.slice(0, 5), '--vcpus', '3', '--memory', '8Gi', '--format', 'json'], { files: FILES })).stdout);
    expect(odd.vmShape.emulatorThreadEvenParity).toBe(false);
    expect(odd.capacity).toMatchObject({ podCpus: 4, total: 2 });
  });

  test('--emulator-even-parity forces completion on a host without SMT (a cluster that turned it on for another VM)', async () => {
    const { stdout } = await run([...SEED_PLAN, ...SEED_VM, '--emulator-even-parity', '--format', 'json'], { files: FILES });
    expect(JSON.parse(stdout).capacity).toMatchObject({ podCpus: 6, emulatorCpus: 2, total: 2 });
  });

  test('--hugepage-size none plans ordinary memory: no huge pages needed, none checked, no advice', async () => {
    const { stdout } = await run(['plan', 'seed-002.lscpu', '--reserved-cpus', '4', '--split-across-numa', '--vcpus', '2', '--memory', '4Gi',
      '--hugepage-size', 'none'], { files: FILES });
    expect(stdout).toContain('Capacity for a VM with 2 vCPUs, 4Gi memory, isolated emulator thread\n');
    expect(stdout).toContain('memory not in huge pages, not checked');
    expect(stdout).toContain('Node total: 4 VMs');
    expect(stdout).not.toContain('Warnings');
  });

  test('huge pages not stated: the capacity says what it counted, and the advice names the flag', async () => {
    const lscpu = await run(['plan', 'seed-002.lscpu', '--reserved-cpus', '4', '--split-across-numa', '--vcpus', '4', '--memory', '16Gi'], { files: FILES });
    expect(lscpu.code).toBe(EXIT_OK);
    expect(lscpu.stdout.replace(/\n +/g, ' ')).toContain('1Gi huge pages of this NUMA node not declared by the host description, so not checked');
    expect(lscpu.stdout.replace(/\n +/g, ' ')).toContain('[CLI_HUGEPAGES_NOT_STATED] --hugepages: got (not set), expected the 1Gi huge pages the pool '
      + 'sets aside: the host file declares none (lscpu has no memory information), so the capacity does not count them; fix: state them with '
      + '--hugepages 1Gi:N');
    const virsh = await run([...SEED_PLAN, '--vcpus', '4', '--memory', '16Gi'], { files: FILES });
    expect(virsh.stdout).toContain('26 x 1Gi huge pages, 16 per VM');
    expect(virsh.stdout.replace(/\n +/g, ' ')).toContain('the capacity counts the ones the host file declares (26 on NUMA node 0, 26 on NUMA node 1), '
      + 'which a RealtimeNodePool without hugepages does not set aside; fix: state them with --hugepages 1Gi:52 (or per NUMA node: 1Gi:26@0,1Gi:26@1)');
  });

  test('a virsh host whose 1Gi pages are not set aside yet: no VM fits until --hugepages states them', async () => {
    const untuned = SEED_002_VIRSH_CAPABILITIES.replace(/(<pages unit='KiB' size='1048576'>)\d+/g, '$10');
    expect(untuned).not.toEqual(SEED_002_VIRSH_CAPABILITIES);
    const files = { 'untuned.xml': untuned };
    const plan = ['plan', 'untuned.xml', '--reserved-cpus', '4', '--split-across-numa', '--vcpus', '4', '--memory', '16Gi'];
    const before = await run(plan, { files });
    expect(before.stdout).toContain('Node total: 0 VMs (limited by 1Gi huge pages)');
    expect(before.stdout.replace(/\n +/g, ' ')).toContain('the host file declares 0 on every NUMA node (not set aside yet), so no VM fits; '
      + 'fix: state them with --hugepages 1Gi:N');
    const after = await run([...plan, '--hugepages', '1Gi:52'], { files });
    expect(after.stdout).toContain('Node total: 2 VMs (limited by isolated CPUs)');
    expect(after.stdout).not.toContain('Warnings');
  });

  test('--hugepages replaces what the host declares, per NUMA node when asked', async () => {
    const { stdout } = await run([...SEED_PLAN, '--hugepages', '1Gi:20@0,1Gi:30@1', '--vcpus', '2', '--memory', '12Gi', '--format', 'json'], { files: FILES });
    const json = JSON.parse(stdout);
    expect(json.capacity.perNumaNode.map((n: any) => [n.vms, n.hugePages, n.limitedBy])).toEqual([[1, 20, 'hugepages'], [2, 30, 'isolated-cpus']]);
    expect(json.settingsSource).toBe('a RealtimeNodePool with this partition, hugepages 1Gi:20@0,1Gi:30@1 and otherwise default props');
    expect(json.kernelArguments.slice(-3)).toEqual(['default_hugepagesz=1G', 'hugepagesz=1G', 'hugepages=0']);
  });

  test('--disable-smt plans on first threads, adds nosmt and draws the siblings as switched off', async () => {
    const { code, stdout } = await run(['plan', 'smt.txt', '--reserved-cpus', '2', '--disable-smt'], { files: FILES });
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('2 threads per core, SMT switched off (nosmt)');
    expect(stdout).toContain('\n  nosmt\n');
    expect(stdout).toContain('- = SMT sibling off (nosmt)');
  });

  test('planning warnings go to the report', async () => {
    const { code, stdout } = await run(['plan', 'seed-002.xml', '--reserved-cpus', '3', '--split-across-numa'], { files: FILES });
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('Warnings\n  [PARTITION_SPLIT_UNEVEN]');
  });

  test('--help prints the usage on stdout with exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['plan', '--help']]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(EXIT_OK);
      expect(stdout).toMatch(/^Usage: cdk8s-kubevirt-realtime plan <host-file\|-> --reserved-cpus N \[options\]/);
      expect(stderr).toBe('');
    }
  });

  test('no arguments, or "plan" alone, is a usage error: exit 2, the error and the usage on stderr, nothing on stdout', async () => {
    for (const [argv, code] of [[[], 'CLI_COMMAND_REQUIRED'], [['plan'], 'CLI_INPUT_REQUIRED']] as const) {
      const result = await run([...argv]);
      expect(result.code).toBe(EXIT_USAGE);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^error: \\[${code}\\] .*\\n\\nUsage: cdk8s-kubevirt-realtime plan`));
    }
  });
});

describe('cdk8s-kubevirt-realtime plan errors', () => {
  const one = '# CPU,Core,Socket,Node\n0,0,0,0\n';
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
    ['a 1-CPU host', ['plan', 'one.txt', '--reserved-cpus', '1'], EXIT_INVALID_INPUT,
      '[CLI_HOST_TOO_SMALL] host-file: got "a host with 1 CPU in 1 core", expected a host with at least 2 physical cores'],
    ['a 1-core SMT host with SMT off', ['plan', 'core.txt', '--reserved-cpus', '1', '--disable-smt'], EXIT_INVALID_INPUT,
      '[CLI_HOST_TOO_SMALL] host-file: got "a host with 1 CPU in 1 core"'],
    ['a bad huge page size', [...SEED_PLAN, '--vcpus', '2', '--memory', '4Gi', '--hugepage-size', '4Mi'], EXIT_USAGE,
      '[CLI_BAD_SIZE] --hugepage-size: got "4Mi"'],
    ['memory that is not whole pages', [...SEED_PLAN, '--vcpus', '2', '--memory', '1536Mi'], EXIT_INVALID_INPUT,
      '[VM_MEMORY_NOT_PAGE_MULTIPLE] --memory: got "1536Mi", expected a whole number of 1Gi huge pages'],
    ['huge pages on a NUMA node the host lacks', [...SEED_PLAN, '--hugepages', '1Gi:4@2'], EXIT_INVALID_INPUT,
      '[POOL_HUGEPAGE_NUMA_NODE_UNKNOWN] --hugepages[0].numaNode: got 2, expected a NUMA node of the topology (0, 1)'],
    ['one size spread and pinned', [...SEED_PLAN, '--hugepages', '1Gi:4,1Gi:4@1'], EXIT_INVALID_INPUT, '[POOL_HUGEPAGE_MIXED_PLACEMENT] --hugepages[0].numaNode: got (not set)'],
    ['more huge pages than a NUMA node has', [...SEED_PLAN, '--hugepages', '1Gi:40@1'], EXIT_INVALID_INPUT,
      '[POOL_HUGEPAGES_EXCEED_NUMA_MEMORY] --hugepages (NUMA node 1): got "40Gi (huge pages)", expected at most NUMA node 1\'s 32Gi'],
    ['a VM shape without memory', [...SEED_PLAN, '--vcpus', '2'], EXIT_USAGE, '[CLI_MISSING_OPTION] --memory: got (not set)'],
    ['a VM shape option without vCPUs', [...SEED_PLAN, '--no-isolate-emulator-thread'], EXIT_USAGE, '[CLI_MISSING_OPTION] --vcpus: got (not set)'],
  ])('fails on %s', async (_what, argv, exit, message) => {
    const { code, stdout, stderr, written } = await run(argv as string[], {
      files: {
        ...FILES,
        'bad.txt': 'CPU,CORE,SOCKET,NODE\nzero,0,0,0\n',
        'bad.xml': '<capabilities><host><topology>',
        'one.txt': one,
        'core.txt': '# CPU,Core,Socket,Node\n0,0,0,0\n1,0,0,0\n',
      },
    });
    expect(code).toBe(exit);
    expect(stdout).toBe('');
    expect(written.size).toBe(0);
    expect(stderr).toMatch(/^error: \[/);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    if (exit === EXIT_USAGE) expect(stderr).toContain('\n\nUsage: cdk8s-kubevirt-realtime plan');
    else expect(stderr).not.toContain('Usage:');
  });

  test('fails when the --svg file cannot be written, and prints no plan', async () => {
    const { code, stdout, stderr } = await run([...SEED_PLAN, '--svg', '/root/x.svg'], { files: FILES, writeError: 'EACCES' });
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toContain('[CLI_OUTPUT_UNWRITABLE] --svg: got "/root/x.svg", expected a writable file path (EACCES)');
  });
});

describe('output that cannot be written ends the run with one line and exit 1, never a stack trace', () => {
  /** Sinks that fail the way Node streams do. */
  const throwing = (code: string): TextSink => ({
    write: () => {
      throw systemError(code, 'write');
    },
  });
  const callingBack = (code: string): TextSink => ({ write: (_t, cb) => setImmediate(() => cb(systemError(code, 'write'))) });
  const emitting = (code: string): TextSink => {
    const emitter = new EventEmitter();
    return Object.assign(emitter, { write: () => setImmediate(() => emitter.emit('error', systemError(code, 'write'))) });
  };

  test.each([
    ['throws EPIPE', throwing('EPIPE'), 'EPIPE', 'EPIPE: the reader closed the pipe'],
    ['calls back with ENOSPC', callingBack('ENOSPC'), 'ENOSPC', 'ENOSPC: no space left on the device'],
    ['emits EPIPE', emitting('EPIPE'), 'EPIPE', 'EPIPE: the reader closed the pipe'],
  ])('stdout that %s', async (_how, stdout, code, why) => {
    for (const argv of [SEED_PLAN, ['--help']]) {
      const result = await run(argv, { files: FILES, stdout });
      expect(result.code).toBe(EXIT_INVALID_INPUT);
      expect(result.stderr).toBe(`error: [CLI_OUTPUT_UNWRITABLE] stdout: got "${code}", expected output that can be written to the end (${why}); `
        + `fix: ${code === 'EPIPE' ? 'let the reader take the whole output (e.g. `| less` rather than `| head -1`), or redirect it to a file'
          : 'write to a device with free space, to a path in an existing directory you can write to'}\n`);
    }
  });

  test('stderr failing too: the exit code is all that is left, and main still resolves', async () => {
    const bad = await run(['plan', 'nope.xml', '--reserved-cpus', '4'], { stderr: throwing('EPIPE') });
    expect(bad.code).toBe(EXIT_INVALID_INPUT);
    const usage = await run([], { stderr: callingBack('ENOSPC') });
    expect(usage.code).toBe(EXIT_USAGE);
    const both = await run(SEED_PLAN, { files: FILES, stdout: emitting('EPIPE'), stderr: emitting('EPIPE') });
    expect(both.code).toBe(EXIT_INVALID_INPUT);
  });

  test('a sink that works is written once, in full', async () => {
    const stdout = collector();
    const result = await run(SEED_PLAN, { files: FILES, stdout });
    expect(result.code).toBe(EXIT_OK);
    expect(stdout.text).toMatch(/^Host: 16 CPUs[\s\S]*topologyManagerPolicy: single-numa-node\n$/);
  });
});
