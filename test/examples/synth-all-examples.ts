// Runs every example's `main` in this one process, each into its own directory under the given one: what the
// determinism test starts twice (one ts-node start instead of one per example and run).
import * as fs from 'fs';
import * as path from 'path';

const [outdir] = process.argv.slice(2);
const examples = path.join(__dirname, '..', '..', 'examples');
for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.ts')).sort()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require(path.join(examples, file)) as { main(outdir: string, reviewDir?: string): void };
  const dir = path.join(outdir, path.basename(file, '.ts'));
  example.main(dir, path.join(dir, 'review'));
}
