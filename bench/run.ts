/**
 * `npm run bench [-- NAME ...]`: runs every `bench/*.bench.ts` (or those whose name contains one of the
 * arguments) one after another, each in its own process so one benchmark's heap and JIT state cannot skew another.
 * Each benchmark prints its own figures with the ratio to a baseline it measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (files.length === 0) console.log('no benchmark matched', filters.join(' '));
process.exit(failed ? 1 : 0);
