/**
 * The quality report on large projects: 4 vendors × 10 annotators, 10,000 and 100,000 judgments (three per item,
 * 10% of the items gold, a label question and a free-text rationale on about a third of the judgments, some of
 * them near-copies of another annotator's), written straight into the store as submits would leave them. Measured,
 * each as the median of several runs, on SQLite (a file in a temp dir) and on PostgreSQL when it is up:
 * (a) the baseline, `projectScorecards` alone: the one service call the console's Vendors tab makes;
 * (b) `gatherQualityReport`, everything the report says;
 * (c) `renderQualityReport` alone, the HTML with its three SVG charts, and the size of that HTML.
 * Each is printed with its ratio to (a) measured in the same run. Warm: after two warm-up calls in this process,
 * so the aggregate and the signals are cached. Cold: the first call on the project in a fresh child process, its
 * caches empty (the child first runs the same call twice on a small project, so the JIT is warm but no cache holds
 * this project).
 *
 *   npm run bench -- report      (ASSAY_BENCH_SIZES=10000,100000  ASSAY_BENCH_RUNS=7  ASSAY_BENCH_COLD_RUNS=3
 *                                 ASSAY_BENCH_DIALECTS=sqlite,postgres)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemActor, type Actor } from '../src/core/permissions.js';
import { createRng, type Rng } from '../src/quality/random.js';
import { renderQualityReport } from '../src/report/render-report.js';
import { makeDeps, type ServiceDeps } from '../src/services/deps.js';
import { importItems } from '../src/services/items/import-items.js';
import { createProject } from '../src/services/projects/create-project.js';
import { gatherQualityReport } from '../src/services/reports/quality-report.js';
import { projectScorecards } from '../src/services/vendors/scorecards.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createUser } from '../src/services/workforce/users.js';
import { createVendor, updateVendor } from '../src/services/workforce/vendors.js';
import { migrateToLatest, openStore, type Store } from '../src/store/db.js';
import { toJson } from '../src/store/dialect.js';

const self = fileURLToPath(import.meta.url);
const SIZES = (process.env.ASSAY_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.ASSAY_BENCH_RUNS ?? 7);
const COLD_RUNS = Number(process.env.ASSAY_BENCH_COLD_RUNS ?? 3);
const DIALECTS = (process.env.ASSAY_BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const PG_ADMIN = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WARM_SIZE = 600;
const OVERLAP = 3;
const CLASSES = ['a', 'b', 'c', 'd'] as const;
const SCHEMA = {
  questions: [
    { id: 'label', type: 'label', prompt: 'Which class?', field: 'text', options: CLASSES.map((c) => ({ value: c, label: c.toUpperCase() })) },
    { id: 'why', type: 'text', prompt: 'Why?', required: false, maxLength: 2000 },
  ],
};
const VENDORS = [
  { name: 'Crowd', kind: 'crowd', accuracy: 0.7, seconds: 20, terms: { payModel: 'per_task', payRateMinor: 5, currency: 'USD' } },
  { name: 'Experts', kind: 'expert_network', accuracy: 0.92, seconds: 45, terms: { payModel: 'per_hour', payRateMinor: 6000, currency: 'USD' } },
  { name: 'Mixed', kind: 'crowd', accuracy: 0.85, seconds: 30, terms: { payModel: 'per_task', payRateMinor: 30, currency: 'USD' } },
  { name: 'Second', kind: 'crowd', accuracy: 0.85, seconds: 25, terms: { payModel: 'per_task', payRateMinor: 25, currency: 'USD' } },
] as const;
const ANNOTATORS_PER_VENDOR = 10;
const START = Date.parse('2026-09-07T08:00:00.000Z');
const SPAN_MS = 8 * 7 * 86_400_000;
/** A review's outcome: accept, or reject with one of these reasons ('' for none given). */
const REJECT_REASONS = ['wrong label', 'guideline not followed', ''] as const;
const WORDS = Array.from({ length: 400 }, (_, i) => `w${(i * 7919).toString(36)}`);

interface World {
  store: Store;
  deps: ServiceDeps;
  orgId: string;
  manager: Actor;
  reviewerId: string;
  annotators: { id: string; vendorId: string; accuracy: number; seconds: number }[];
}

async function buildWorld(url: string): Promise<World> {
  const store = openStore(url);
  await migrateToLatest(store.db);
  const deps = makeDeps(store, { secret: 'bench-secret-0123456789' });
  const org = await createOrganization(deps, 'Report bench');
  const sys = systemActor(org.id);
  const manager = await createUser(deps, sys, { email: 'manager@bench.assay', name: 'Manager', role: 'manager' });
  const reviewer = await createUser(deps, sys, { email: 'reviewer@bench.assay', name: 'Reviewer', role: 'reviewer' });
  const rng = createRng(20261207);
  const annotators: World['annotators'] = [];
  for (const v of VENDORS) {
    const vendor = await createVendor(deps, sys, { name: v.name, kind: v.kind });
    await updateVendor(deps, sys, vendor.id, v.terms);
    for (let i = 0; i < ANNOTATORS_PER_VENDOR; i++) {
      const u = await createUser(deps, sys, { email: `${v.name.toLowerCase()}${i}@bench.assay`, name: `${v.name} ${i}`, role: 'annotator', vendorId: vendor.id });
      annotators.push({ id: u.id, vendorId: vendor.id, accuracy: Math.min(0.99, v.accuracy + 0.06 * (rng.next() - 0.5)), seconds: v.seconds });
    }
  }
  return { store, deps, orgId: org.id, manager: { kind: 'user', userId: manager.id, orgId: org.id, role: 'manager', vendorId: null }, reviewerId: reviewer.id, annotators };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)]!;
const sentence = (rng: Rng, n: number) => Array.from({ length: n }, () => pick(rng, WORDS)).join(' ');

/** A project of about `judgments` judgments (three per item, 10% of the items gold), written as submits leave them. */
async function seedProject(w: World, judgments: number, seed: number): Promise<string> {
  const sys = systemActor(w.orgId);
  const project = await createProject(w.deps, sys, {
    name: `Report bench ${judgments}`,
    schema: SCHEMA,
    overlapK: OVERLAP,
    goldRate: 0.1,
    vendors: [...new Set(w.annotators.map((a) => a.vendorId))].map((vendorId) => ({ vendorId, enabled: true })),
  });
  const rng = createRng(seed);
  const nItems = Math.ceil(judgments / OVERLAP);
  const truth = Array.from({ length: nItems }, () => pick(rng, CLASSES));
  const lines = truth.map((t, i) => JSON.stringify({ id: `x${i}`, text: `Item ${i}: ${sentence(rng, 8)}`, ...(i % 10 === 0 && { gold: { label: t } }) })).join('\n');
  await importItems(w.deps, sys, project.id, Readable.from([lines]), { format: 'jsonl' });
  const items = await w.store.db.selectFrom('items').select(['id', 'external_id']).where('project_id', '=', project.id).execute();
  const itemId = new Map(items.map((r) => [r.external_id!, r.id]));

  const recentTexts: { annotatorId: string; text: string }[] = [];
  const rows: { item: string; gold: boolean; truth: string; who: World['annotators'][number] }[] = [];
  for (let i = 0; i < nItems && rows.length < judgments; i++) {
    const chosen = new Set<number>();
    while (chosen.size < OVERLAP) chosen.add(rng.nextInt(w.annotators.length));
    for (const a of chosen) if (rows.length < judgments) rows.push({ item: itemId.get(`x${i}`)!, gold: i % 10 === 0, truth: truth[i]!, who: w.annotators[a]! });
  }
  const straightLiner = w.annotators[w.annotators.length - 1]!.id;
  const BATCH = 500;
  for (let b = 0; b < rows.length; b += BATCH) {
    const batch = rows.slice(b, b + BATCH).map((r, k) => {
      const n = b + k;
      const knows = rng.next() < r.who.accuracy;
      const answer = r.who.id === straightLiner ? 'a' : knows ? r.truth : pick(rng, CLASSES.filter((c) => c !== r.truth));
      let why: string | undefined;
      if (rng.next() < 0.3) {
        const copyFrom = recentTexts.length > 0 && rng.next() < 0.05 ? pick(rng, recentTexts) : undefined;
        why = copyFrom && copyFrom.annotatorId !== r.who.id ? copyFrom.text.replace(/^\S+/, pick(rng, WORDS)) : sentence(rng, 12 + rng.nextInt(13));
        recentTexts.push({ annotatorId: r.who.id, text: why });
        if (recentTexts.length > 200) recentTexts.shift();
      }
      const at = new Date(START + Math.floor((n / rows.length) * SPAN_MS)).toISOString();
      return {
        r,
        asg: `asg-${seed}-${n}`,
        ann: `ann-${seed}-${n}`,
        at,
        correct: r.gold ? (answer === r.truth ? 1 : 0) : null,
        answers: why === undefined ? { label: answer } : { label: answer, why },
        timeMs: Math.round(r.who.seconds * 1000 * Math.exp(0.4 * rng.normal())),
        pasted: why !== undefined && rng.next() < 0.03 ? why.length : 0,
        review: rng.next() < 0.05 ? (answer === r.truth ? 'accept' : pick(rng, REJECT_REASONS)) : undefined,
      };
    });
    await w.store.write(async (trx) => {
      await trx
        .insertInto('assignments')
        .values(batch.map((x) => ({ id: x.asg, project_id: project.id, item_id: x.r.item, annotator_id: x.r.who.id, status: 'submitted', lease_expires_at: x.at, skip_reason: null, created_at: x.at, completed_at: x.at })))
        .execute();
      await trx
        .insertInto('annotations')
        .values(
          batch.map((x) => ({
            id: x.ann,
            project_id: project.id,
            item_id: x.r.item,
            assignment_id: x.asg,
            annotator_id: x.r.who.id,
            vendor_id: x.r.who.vendorId,
            answers: toJson(x.answers),
            schema_version: 1,
            guideline_version: 1,
            time_spent_ms: x.timeMs,
            client_signals: toJson(x.pasted > 0 ? { pastedChars: x.pasted } : {}),
            idempotency_key: null,
            created_at: x.at,
          })),
        )
        .execute();
      const reviewed = batch.filter((x) => x.review !== undefined);
      if (reviewed.length > 0) {
        await trx
          .insertInto('reviews')
          .values(
            reviewed.map((x) => ({
              id: `rev-${x.ann}`,
              project_id: project.id,
              annotation_id: x.ann,
              annotator_id: x.r.who.id,
              reviewer_id: w.reviewerId,
              status: 'decided',
              lease_expires_at: x.at,
              triggers: 'sample',
              outcome: x.review === 'accept' ? 'accept' : 'reject',
              reason: x.review === 'accept' || x.review === '' ? null : x.review!,
              correction_annotation_id: null,
              created_at: x.at,
              decided_at: x.at,
            })),
          )
          .execute();
      }
      const gold = batch.filter((x) => x.correct !== null);
      if (gold.length > 0) {
        await trx
          .insertInto('gold_scores')
          .values(gold.map((x) => ({ annotation_id: x.ann, project_id: project.id, item_id: x.r.item, annotator_id: x.r.who.id, vendor_id: x.r.who.vendorId, correct: x.correct!, questions_scored: 1, questions_correct: x.correct!, created_at: x.at })))
          .execute();
      }
    });
  }
  // The items' counters as the submits would have left them (progress reads them), and the straight-liner paused by
  // the quality gate in a run of misses (the report marks them, the gold streak signal lists the run).
  await w.store.write(async (trx) => {
    await trx.updateTable('items').set({ submitted_count: OVERLAP }).where('project_id', '=', project.id).execute();
    const at = new Date(START + SPAN_MS).toISOString();
    await trx
      .insertInto('annotator_project_status')
      .values({ project_id: project.id, annotator_id: straightLiner, status: 'paused', reason: 'gold accuracy under the floor', paused_at: at, reinstated_by: null, reinstated_at: null, gold_n: 20, gold_correct: 5, fail_streak: 4, updated_at: at })
      .execute();
  });
  return project.id;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

type Mode = 'scorecards' | 'report';
const callOf = (deps: ServiceDeps, actor: Actor, mode: Mode, projectId: string) => (): Promise<unknown> =>
  mode === 'scorecards' ? projectScorecards(deps, actor, projectId) : gatherQualityReport(deps, actor, projectId);

/** In a fresh process: the call twice on the small project (JIT warm), then once on the big one, caches empty. */
async function coldChild(url: string, actorJson: string, mode: Mode, warmProject: string, project: string): Promise<void> {
  const store = openStore(url);
  const deps = makeDeps(store, { secret: 'bench-secret-0123456789' });
  const actor = JSON.parse(actorJson) as Actor;
  for (let i = 0; i < 2; i++) await callOf(deps, actor, mode, warmProject)();
  const ms = await time(callOf(deps, actor, mode, project));
  await store.close();
  process.stdout.write(JSON.stringify({ ms }) + '\n');
  process.exit(0);
}

function runCold(url: string, actor: Actor, mode: Mode, warmProject: string, project: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, 'cold', url, JSON.stringify(actor), mode, warmProject, project], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold child failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number }).ms;
}

const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`.padStart(9);
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)} ×`.padStart(8);

async function benchDialect(dialect: string, url: string): Promise<void> {
  const w = await buildWorld(url);
  try {
    const warmProject = await seedProject(w, WARM_SIZE, 1);
    for (const size of SIZES) {
      const t0 = performance.now();
      const projectId = await seedProject(w, size, size);
      const seeded = ((performance.now() - t0) / 1000).toFixed(1);
      const scorecards = () => projectScorecards(w.deps, w.manager, projectId);
      const gather = () => gatherQualityReport(w.deps, w.manager, projectId);
      // Warm-up (fills the aggregate and the signals caches, and writes the flags once).
      let model = await gather();
      await scorecards();
      model = await gather();
      const warm = { a: [] as number[], b: [] as number[], c: [] as number[] };
      let htmlBytes = 0;
      for (let r = 0; r < RUNS; r++) {
        warm.a.push(await time(scorecards));
        warm.b.push(await time(async () => (model = await gather())));
        warm.c.push(await time(() => (htmlBytes = Buffer.byteLength(renderQualityReport(model)))));
      }
      const cold = { a: [] as number[], b: [] as number[] };
      for (let r = 0; r < COLD_RUNS; r++) {
        cold.a.push(runCold(url, w.manager, 'scorecards', warmProject, projectId));
        cold.b.push(runCold(url, w.manager, 'report', warmProject, projectId));
      }
      const [wa, wb, wc, ca, cb] = [median(warm.a), median(warm.b), median(warm.c), median(cold.a), median(cold.b)];
      const judgments = model.scorecards.overall?.throughput.judgments ?? 0;
      const annotators = model.annotators.reduce((s, g) => s + g.rows.length, 0);
      console.log(
        `\n${dialect}, ${judgments.toLocaleString('en')} judgments (${model.goldItems.toLocaleString('en')} gold items, ${model.scorecards.vendors.length} vendors, ` +
          `${annotators} annotators, ${model.headToHeads.length} head-to-heads, ${model.signals.flaggedTotal.toLocaleString('en')} flagged; seeded in ${seeded} s)`,
      );
      console.log(`  warm (median of ${RUNS}, caches filled)`);
      console.log(`    (a) projectScorecards      ${ms(wa)}  ${ratio(wa, wa)}`);
      console.log(`    (b) gatherQualityReport    ${ms(wb)}  ${ratio(wb, wa)}`);
      console.log(`    (c) renderQualityReport    ${ms(wc)}  ${ratio(wc, wa)}   HTML ${(htmlBytes / 1024).toFixed(0)} KiB`);
      console.log(`  cold (median of ${COLD_RUNS}, first call in a fresh process)`);
      console.log(`    (a) projectScorecards      ${ms(ca)}  ${ratio(ca, ca)}`);
      console.log(`    (b) gatherQualityReport    ${ms(cb)}  ${ratio(cb, ca)}`);
    }
  } finally {
    await w.store.close();
  }
}

async function postgresUp(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}; sizes ${SIZES.join(', ')} judgments; ${VENDORS.length} vendors × ${ANNOTATORS_PER_VENDOR} annotators; baseline (a) = projectScorecards`);
  if (DIALECTS.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'assay-report-bench-'));
    try {
      await benchDialect('SQLite', `sqlite:${join(dir, 'assay.db')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (DIALECTS.includes('postgres')) {
    if (!(await postgresUp())) {
      console.log(`\nPostgreSQL: skipped, nothing answers at ${PG_ADMIN}`);
      return;
    }
    const name = `assay_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      await benchDialect('PostgreSQL', PG_ADMIN.replace(/\/[^/]*$/, `/${name}`));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'cold') await coldChild(args[0]!, args[1]!, args[2] as Mode, args[3]!, args[4]!);
else {
  await main();
  process.exit(0);
}
