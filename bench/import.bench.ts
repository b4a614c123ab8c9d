/**
 * `assay import` of 100,000 JSON Lines items into a SQLite project (parse, validate against the schema, one
 * transaction): items/s and peak RSS of the whole command, against a floor measured in the same run (a process
 * that only reads and JSON.parses the same file).
 *
 *   npm run bench -- import          (ASSAY_BENCH_ITEMS=100000 by default)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, migrateToLatest } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { systemActor } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createProject } from '../src/services/projects/create-project.js';
import { sentimentAndPreferenceSchema } from '../src/core/schema/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.ASSAY_BENCH_ITEMS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'assay-import-bench-'));
const file = join(dir, 'items.jsonl');
const words = 'the battery lasts long but the screen scratches easily and support was slow to answer my questions'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
writeFileSync(
  file,
  Array.from({ length: N }, (_, i) =>
    JSON.stringify({ id: `item-${i}`, review: sentence(i, 40), prompt: sentence(i + 1, 12), response_a: sentence(i + 2, 30), response_b: sentence(i + 3, 30) }),
  ).join('\n') + '\n',
);

const dbUrl = `sqlite:${join(dir, 'assay.db')}`;
const store = openStore(dbUrl);
await migrateToLatest(store.db);
const deps = makeDeps(store);
const org = await createOrganization(deps, 'Bench');
const project = await createProject(deps, systemActor(org.id), { name: 'import', schema: sentimentAndPreferenceSchema });
await store.close();

function measure(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './bench/support/report-usage.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, ASSAY_SECRET: 'bench-secret-0123456789' },
    encoding: 'utf8',
  });
  const m = /USAGE (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`failed: ${r.stdout}\n${r.stderr}`);
  return JSON.parse(m[1]!) as { maxRssMb: number; wallMs: number };
}

const floor = measure(['bench/support/parse-floor.ts', file]);
const imp = measure(['src/cli/main.ts', 'import', file, '--project', project.id]);
const line = (label: string, u: { maxRssMb: number; wallMs: number }) =>
  `${label.padEnd(34)} ${(N / (u.wallMs / 1000)).toFixed(0).padStart(7)} items/s   ${(u.wallMs / 1000).toFixed(2)} s   peak RSS ${u.maxRssMb.toFixed(0)} MB`;
console.log(line('floor: read + JSON.parse', floor));
console.log(`${line('assay import (CLI, SQLite)', imp)}   time ratio to floor ${(imp.wallMs / floor.wallMs).toFixed(1)}`);
rmSync(dir, { recursive: true, force: true });
