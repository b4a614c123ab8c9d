/**
 * The label cycle over HTTP on loopback: 50 simulated annotators, each asking for the next task and submitting it
 * (with auth and schema validation), against a real `assay serve` child process on SQLite and on PostgreSQL.
 * Baseline: the same closed loop of two requests against a bare Fastify JSON route, measured in this run.
 *
 * Live quality on against off, on SQLite (the goal: it costs under 20%). Off: no gold, no quality gate, no
 * live results (ASSAY_LIVE_QUALITY=off). On: hidden gold at rate 0.1 from a 5% gold pool, scored at submit, the
 * quality gate judging every gold submit, and each item's aggregate refreshed after submits with adaptive
 * overlap deciding from it (ASSAY_LIVE_QUALITY=on, the default of `assay serve`).
 *
 *   npm run bench -- label-cycle            (ASSAY_BENCH_SECONDS=10 by default; PostgreSQL when it is up)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore, migrateToLatest } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { systemActor } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createUser } from '../src/services/workforce/users.js';
import { createApiToken } from '../src/services/auth/api-tokens.js';
import { createProject } from '../src/services/projects/create-project.js';
import { importItems } from '../src/services/items/import-items.js';
import { sentimentAndPreferenceSchema } from '../src/core/schema/index.js';
import { freePort } from '../test/support/server-process.js';
import { httpPool, postJson, runLoad, type LoadResult } from './support/load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USERS = 50;
const SECONDS = Number(process.env.ASSAY_BENCH_SECONDS ?? 10);
const PG_ADMIN = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function waitReady(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** ASSAY_BENCH_PROFILE=DIR writes a CPU profile of each Assay server into DIR (open it in Chrome DevTools). */
function spawnNode(args: string[], env: Record<string, string>, profile = false): ChildProcess {
  const prof = profile && process.env.ASSAY_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ASSAY_BENCH_PROFILE}`] : [];
  return spawn(process.execPath, [...prof, '--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function benchBare(): Promise<LoadResult> {
  const port = await freePort();
  const child = spawnNode(['bench/support/bare-server.ts'], { PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/api/v1/bare`);
  const pool = httpPool(url, USERS);
  await runLoad(USERS, 1, async () => (await postJson(pool, '/api/v1/bare', {}, {})).status === 200); // warm-up
  const r = await runLoad(USERS, SECONDS, async () => {
    const a = await postJson(pool, '/api/v1/bare', { x: 1 }, {});
    const b = await postJson(pool, '/api/v1/bare', { answers: { sentiment: 'positive' } }, {});
    return a.status === 200 && b.status === 200;
  });
  await pool.close();
  await stop(child);
  return r;
}

interface Mode {
  /** Gold items (every 20th), served at rate 0.1; the quality gate on; live results on in the server. */
  liveQuality: boolean;
  /** Adaptive overlap (2 → at most 3 until τ 0.9) instead of fixed k = 1. */
  adaptive?: boolean;
  /** With liveQuality: leave live results off in the server (gold and gate only), to see where the cost goes. */
  noLiveResults?: boolean;
}

async function seed(url: string, items: number, mode: Mode) {
  const store = openStore(url);
  await migrateToLatest(store.db);
  const deps = makeDeps(store, { secret: 'bench-secret-0123456789' });
  const org = await createOrganization(deps, 'Bench');
  const sys = systemActor(org.id);
  const project = await createProject(deps, sys, {
    name: 'bench',
    schema: sentimentAndPreferenceSchema,
    overlapK: mode.adaptive ? 2 : 1,
    ...(mode.adaptive && { overlapMode: 'adaptive' as const, overlapKMax: 3, overlapTau: 0.9 }),
    goldRate: mode.liveQuality ? 0.1 : 0,
    qualityGate: { enabled: mode.liveQuality },
  });
  const lines = Array.from({ length: items }, (_, i) =>
    JSON.stringify({
      id: `b${i}`,
      review: `Review ${i}: works fine, battery is ok.`,
      prompt: 'Which is better?',
      response_a: 'Answer A',
      response_b: 'Answer B',
      ...(mode.liveQuality && i % 20 === 0 && { gold: { sentiment: 'positive', preference: -1 } }),
    }),
  ).join('\n');
  await importItems(deps, sys, project.id, Readable.from([lines]), { format: 'jsonl' });
  const tokens: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const u = await createUser(deps, sys, { email: `bench${i}@bench.assay`, name: `b${i}`, role: 'annotator' });
    tokens.push((await createApiToken(deps, sys, { name: 'bench', forUserId: u.id })).token);
  }
  await store.close();
  return { projectId: project.id, tokens };
}

async function benchAssay(databaseUrl: string, items: number, mode: Mode = { liveQuality: false }): Promise<LoadResult> {
  const { projectId, tokens } = await seed(databaseUrl, items, mode);
  const port = await freePort();
  const child = spawnNode(['src/cli/main.ts', 'serve', '--no-demo'], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ASSAY_SECRET: 'bench-secret-0123456789',
    ASSAY_PG_POOL: '20',
    ASSAY_LIVE_QUALITY: mode.liveQuality && !mode.noLiveResults ? 'on' : 'off',
  }, true);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/healthz`);
  const pool = httpPool(url, USERS);
  const cycle = async (u: number) => {
    const auth = { authorization: `Bearer ${tokens[u]}` };
    const next = await postJson(pool, `/api/v1/projects/${projectId}/tasks/next`, {}, auth);
    if (next.status !== 200) return false;
    const { assignmentId } = JSON.parse(next.body) as { assignmentId: string };
    const sub = await postJson(pool, `/api/v1/tasks/${assignmentId}/submit`, { answers: { sentiment: 'positive', preference: -1 }, timeSpentMs: 4000 }, auth);
    return sub.status === 201;
  };
  await runLoad(USERS, 1, cycle); // warm-up
  const r = await runLoad(USERS, SECONDS, cycle);
  await pool.close();
  await stop(child);
  return r;
}

async function postgresUp() {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return c;
  } catch {
    return null;
  }
}

const fmt = (r: LoadResult) => `${r.perSecond.toFixed(0).padStart(6)} cycles/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   (${r.cycles} cycles, ${r.errors} errors)`;

const bare = await benchBare();
console.log(`bare Fastify (2 requests/cycle)   ${fmt(bare)}`);
const items = Math.ceil(SECONDS * 6000 + 20000);

const dialects = (process.env.ASSAY_BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const dir = mkdtempSync(join(tmpdir(), 'assay-bench-'));
if (dialects.includes('sqlite')) {
const sqlite = await benchAssay(`sqlite:${join(dir, 'bench.db')}`, items);
console.log(`assay on SQLite                   ${fmt(sqlite)}   ratio to bare ${(sqlite.perSecond / bare.perSecond).toFixed(2)}`);
const goldOnly = await benchAssay(`sqlite:${join(dir, 'bench-gold.db')}`, items, { liveQuality: true, noLiveResults: true });
console.log(`  gold and gate only (no live results)         ${fmt(goldOnly)}   ratio to off ${(goldOnly.perSecond / sqlite.perSecond).toFixed(2)}`);
const live = await benchAssay(`sqlite:${join(dir, 'bench-live.db')}`, items, { liveQuality: true });
console.log(`  live quality on (gold, gate, live results)   ${fmt(live)}   ratio to off ${(live.perSecond / sqlite.perSecond).toFixed(2)}`);
const adaptive = await benchAssay(`sqlite:${join(dir, 'bench-adaptive.db')}`, items, { liveQuality: true, adaptive: true });
console.log(`  and adaptive overlap (2 → 3, τ 0.9)          ${fmt(adaptive)}   ratio to off ${(adaptive.perSecond / sqlite.perSecond).toFixed(2)}`);
}
rmSync(dir, { recursive: true, force: true });

const admin = dialects.includes('postgres') ? await postgresUp() : null;
if (admin) {
  const name = `assay_bench_${Date.now()}`;
  await admin.query(`create database ${name}`);
  try {
    const r = await benchAssay(PG_ADMIN.replace(/\/[^/]*$/, `/${name}`), items);
    console.log(`assay on PostgreSQL               ${fmt(r)}   ratio to bare ${(r.perSecond / bare.perSecond).toFixed(2)}`);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else if (dialects.includes('postgres')) {
  console.log('PostgreSQL is not up: skipped (start it with pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)');
}
