import { Readable } from 'stream';
import { anyNumber, anyString, finiteEdge } from './gen';
import { CaseContext, withoutEcho } from './harness';
import { host, lscpuText, virshText } from './hosts';
import { Rng } from './rng';
import { CliIo, main } from '../src/cli/main';
import { collector, memoryFs } from '../test/cli/io';

// The CLI, in-process: any argv (flags, values, repeats, typos), host files and stdin made of lscpu / virsh output
// (sometimes mutated, sometimes split mid-character), a file system that reads only the host file and records writes.

const FLAGS = ['plan', '--reserved-cpus', '--offlined-cpus', '--split-across-numa', '--disable-smt', '--vcpus', '--memory',
  '--hugepage-size', '--hugepages', '--no-isolate-emulator-thread', '--isolate-emulator-thread', '--emulator-even-parity',
  '--no-emulator-even-parity', '1Gi:48', '1Gi:24@0,1Gi:24@1', '2Mi:0@9', '--format', '--svg', '--help', '-h', '--nope', '--', '-',
  'host.xml', 'host.txt', 'missing.xml', 'json', 'text', 'yaml', '1Gi', '2Mi', '8Gi', '512Mi', '0Mi', '1Ti', 'out.svg', '--reserved-cpus=4'];

/** One argument: a flag or value from the list, a number, or any string. */
function arg(r: Rng): string {
  const k = r.int(10);
  if (k < 6) return r.pick(FLAGS);
  if (k < 8) return String(r.chance(0.7) ? r.int(12) : finiteEdge(r));
  if (k < 9) return String(Number.isFinite(anyNumber(r)) ? anyNumber(r) : finiteEdge(r));
  return anyString(r).slice(0, 200);
}

/** Splits a text into chunks, sometimes in the middle of a multi-byte character. */
function chunks(r: Rng, text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = r.chance(0.5) ? bytes.length : r.between(1, 64);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

export async function cliCase(r: Rng, c: CaseContext): Promise<void> {
  const topology = host(r);
  const xml = virshText(r, topology).replace('<capabilities><host>', r.chance(0.5) ? '<capabilities><host>\u00e9' : '<capabilities><host>');
  const lscpu = lscpuText(r, topology);
  const stdinText = r.pick([xml, lscpu, '', anyString(r)]);
  const argv = r.chance(0.7)
    ? ['plan', r.pick(['host.xml', 'host.txt', '-', 'missing.xml']), '--reserved-cpus', String(r.chance(0.8) ? r.between(1, 8) : finiteEdge(r)),
      ...r.many(6, () => arg(r))]
    : r.many(10, () => arg(r));
  c.note('argv', argv);
  c.note('stdin', stdinText);
  const written = new Map<string, string>();
  const out = collector();
  const err = collector();
  const io: CliIo = {
    stdout: out,
    stderr: err,
    stdin: Readable.from(chunks(r, stdinText)),
    fs: memoryFs({ 'host.xml': xml, 'host.txt': lscpu }, written),
  };
  const code = await c.callAsync('main', () => main(argv, io));
  if (!code.ok) return;
  if (![0, 1, 2].includes(code.value)) c.fail('output', 'main', `exit code ${code.value}`);
  if (code.value !== 0 && err.text.trim() === '') c.fail('output', 'main', `exit code ${code.value} without a message`);
  for (const [file, data] of written) c.text(`written ${file}`, data);
  c.text('stdout', out.text);
  c.message('stderr', err.text);
  c.text('stderr', withoutEcho(err.text).replace(/NaN\/Infinity/g, ''));
  for (const file of written.keys()) if (!argv.includes(file) && !argv.includes(`--svg=${file}`)) c.fail('output', 'main', `wrote ${file}, which argv does not name`);
}
