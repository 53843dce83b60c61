// Replays one fuzz case: `node .fuzz/fuzz/repro.js <failure.json>` or `node .fuzz/fuzz/repro.js <entry> <seed>`.
// Prints the generated input and every invariant the case breaks (none once the bug is fixed); exits 1 if any.
import * as fs from 'fs';
import { entryPoint, runCase } from './entries';

async function main(): Promise<number> {
  const [first, second] = process.argv.slice(2);
  process.env.KUBEVIRT_REALTIME_QUIET = '1';
  const { entry, seed } = second === undefined ? JSON.parse(fs.readFileSync(first, 'utf8')) : { entry: first, seed: Number(second) };
  const c = await runCase(entryPoint(entry), Number(seed), 2000);
  process.stdout.write(`${JSON.stringify({ entry, seed, input: c.failures[0]?.input, failures: c.failures.map((f) => ({ kind: f.kind, call: f.call, detail: f.detail })) }, null, 2)}\n`);
  return c.failures.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`repro: ${(e as Error)?.stack ?? e}\n`);
  process.exit(2);
});
