/**
 * One figure per fact, on both dialects: one seeded project labeled through the API (two vendors, hidden gold, k = 2,
 * stopped half way so items are complete, in progress and not started), and every figure read through every surface
 * that shows it, compared with each other and with a hand tally of what the annotators submitted:
 * - counts: `progress` (items, judgments, gold items, its one-line summary), `export/count`, the export file itself
 *   (JSONL and CSV, gold left out by default and marked `is_gold` when asked for), the quality report's summary, and
 *   `assay export` from the CLI;
 * - gold accuracy per annotator and per vendor, with its interval and n: `quality/annotators` (the Quality tab),
 *   the vendor scorecards and a vendor's annotator cards (the Vendors tab), the report's tables, and a Wilson
 *   interval computed here by hand;
 * - agreement with the consensus per annotator, in the Quality tab's source and the annotator cards;
 * - costs, exact until written: the scorecards against the pay terms by hand, the report written from them (sub-cent);
 * - the CLI's report file against the API's, figure for figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from './support/databases.js';
import { buildWorld, toJsonl, type Client, type World } from './factories.js';
import { createVendors, simSchema, type SimVendor } from './support/vendor-simulation.js';
import { runAssay } from './support/cli-process.js';
import { openStore, migrateToLatest, type Store } from '../src/store/db.js';
import { formatMinor } from '../src/core/figures/money.js';
import { intervalText, percent } from '../src/report/format.js';

const NORMAL = 12;
const GOLD = 6;
const TASKS_EACH = 6;
const TRUTH = (i: number): string => (['a', 'b', 'c', 'd'] as const)[i % 4]!;

/** Wilson score 95% interval, written out here apart from the code under test (z = Φ⁻¹(0.975)). */
function wilson(k: number, n: number): { lower: number; upper: number } {
  const z = 1.959963984540054;
  const c = (k + (z * z) / 2) / (n + z * z);
  const h = (z * Math.sqrt((k * (n - k)) / n + (z * z) / 4)) / (n + z * z);
  return { lower: k === 0 ? 0 : c - h, upper: k === n ? 1 : c + h };
}

interface Tally {
  goldN: number;
  goldCorrect: number;
  judgments: number;
}

describe.each(DIALECTS)('one figure per fact on %s', (dialect) => {
  let tdb: TestDatabase;
  let store: Store;
  let w: World;
  let dir: string;
  let projectId: string;
  let careful: SimVendor;
  let quick: SimVendor;
  /** Judgments per item text, per annotator id, and the item text of the one lease left open. */
  const perItem = new Map<string, number>();
  const tally = new Map<string, Tally>();
  let leasedText: string | null = null;
  const truthOf = new Map<string, string>();
  const isGoldText = (t: string) => t.startsWith('Gold');

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    store = openStore(tdb.url);
    await migrateToLatest(store.db);
    dir = mkdtempSync(join(tmpdir(), 'assay-one-figure-'));
    w = await buildWorld(store, { annotators: 0 });
    // $12.50 an hour at 5 s a judgment: 1.7361 ¢ a judgment, which whole cents wrote as 2 ¢. And 3 ¢ a task.
    [careful, quick] = await createVendors(w, [
      { name: 'Careful', kind: 'expert_network', accuracy: 1, terms: { payModel: 'per_hour', payRateMinor: 1250, currency: 'USD' }, seconds: 5, annotators: 2 },
      { name: 'Quick', kind: 'crowd', accuracy: 0.5, terms: { payModel: 'per_task', payRateMinor: 3, currency: 'USD' }, seconds: 5, annotators: 2 },
    ]) as [SimVendor, SimVendor];
    const res = await w.manager.post('/api/v1/projects', {
      name: 'One figure',
      schema: simSchema,
      overlapK: 2,
      goldRate: 0.3,
      qualityGate: { enabled: false },
      vendors: [careful, quick].map((v) => ({ vendorId: v.vendorId, enabled: true })),
    });
    expect(res.statusCode, res.body).toBe(201);
    projectId = res.json().id as string;
    const rows = [
      ...Array.from({ length: GOLD }, (_, i) => ({ id: `g${i}`, data: { text: `Gold ${i}` }, gold: { label: TRUTH(i) } })),
      ...Array.from({ length: NORMAL }, (_, i) => ({ id: `n${i}`, data: { text: `Document ${i}` } })),
    ];
    rows.forEach((r, i) => truthOf.set(r.data.text, TRUTH(i < GOLD ? i : i - GOLD)));
    const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(rows), { 'content-type': 'application/x-ndjson' });
    expect(imp.statusCode, imp.body).toBe(201);

    // Careful annotators are always right; quick ones right on every other judgment. Each stops after TASKS_EACH.
    const work = async (v: SimVendor, c: Client, tasks: number, until: () => boolean = () => false) => {
      const t: Tally = tally.get(c.user.id) ?? { goldN: 0, goldCorrect: 0, judgments: 0 };
      tally.set(c.user.id, t);
      for (let i = 0; i < tasks && !until(); i++) {
        const next = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
        if (next.statusCode === 409) break;
        expect(next.statusCode, next.body).toBe(200);
        const task = next.json() as { assignmentId: string; item: { data: { text: string } } };
        const text = task.item.data.text;
        const right = v === careful || i % 2 === 0;
        const truth = truthOf.get(text)!;
        const answer = right ? truth : truth === 'a' ? 'b' : 'a';
        const sub = await c.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: { label: answer }, timeSpentMs: 5000 });
        expect(sub.statusCode, sub.body).toBe(201);
        perItem.set(text, (perItem.get(text) ?? 0) + 1);
        t.judgments++;
        if (isGoldText(text)) {
          t.goldN++;
          if (right) t.goldCorrect++;
        }
      }
    };
    for (const v of [careful, quick]) for (const c of v.people) await work(v, c, TASKS_EACH);
    // Stopped half way means some item has 1 of its 2 judgments; where the gold draw left none, one more careful
    // annotator labels until a normal item has exactly one.
    const halfDone = () => [...perItem].some(([t, n]) => !isGoldText(t) && n === 1);
    if (!halfDone()) {
      const extra = await w.addUser('annotator', careful.vendorId);
      careful.people.push(extra);
      await work(careful, extra, 10, halfDone);
    }
    // One annotator takes a task and holds it: an item with a live lease is in progress.
    const held = await quick.people[1]!.post(`/api/v1/projects/${projectId}/tasks/next`);
    if (held.statusCode === 200) leasedText = (held.json() as { item: { data: { text: string } } }).item.data.text;
  }, 120_000);
  afterAll(async () => {
    await w?.app.close();
    await store?.close();
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = async (c: Client, url: string) => {
    const r = await c.get(url);
    expect(r.statusCode, r.body).toBe(200);
    return r;
  };
  const normalTexts = () => [...truthOf.keys()].filter((t) => !isGoldText(t));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const goldJudgments = () => sum([...perItem].filter(([t]) => isGoldText(t)).map(([, n]) => n));
  const realJudgments = () => sum([...perItem].filter(([t]) => !isGoldText(t)).map(([, n]) => n));
  const cli = (...args: string[]) => runAssay(args, { DATABASE_URL: tdb.url, ASSAY_DATA_DIR: dir, ASSAY_SECRET: 'one-figure-secret-0123456789' });

  it('counts items, judgments and gold items one way in progress, its summary and the report', async () => {
    const complete = normalTexts().filter((t) => (perItem.get(t) ?? 0) >= 2).length;
    const inProgress = normalTexts().filter((t) => (perItem.get(t) ?? 0) < 2 && ((perItem.get(t) ?? 0) > 0 || t === leasedText)).length;
    // The work was stopped half way: some items have 1 of their 2 judgments, and they are not "not started".
    expect(normalTexts().some((t) => perItem.get(t) === 1)).toBe(true);
    const p = (await get(w.manager, `/api/v1/projects/${projectId}/progress`)).json();
    expect(p).toMatchObject({
      totalItems: NORMAL,
      goldItems: GOLD,
      completeItems: complete,
      itemsInProgress: inProgress,
      remainingItems: NORMAL - complete - inProgress,
      judgments: realJudgments(),
      judgmentsPlanned: 2 * NORMAL,
      judgmentsNeeded: 2 * NORMAL - realJudgments(),
    });
    expect(p.summary).toBe(`${complete} of ${NORMAL} items complete · ${realJudgments()} of ${2 * NORMAL} judgments · ${GOLD} gold items`);
    // A reviewer reads the same counts, but not how many items are gold.
    expect((await get(w.reviewer, `/api/v1/projects/${projectId}/progress`)).json()).toMatchObject({ totalItems: NORMAL, completeItems: complete, goldItems: null });
    // A vendor manager: the project's items, and their own vendor's judgments on them, said as such.
    const vm = await w.addUser('vendor_manager', careful.vendorId);
    const own = sum(careful.people.map((c) => tally.get(c.user.id)!).map((t) => t.judgments - t.goldN));
    const vp = (await get(vm, `/api/v1/projects/${projectId}/progress`)).json();
    expect(vp).toMatchObject({ totalItems: NORMAL, completeItems: complete, judgments: own, goldItems: null, vendorId: careful.vendorId });
    expect(vp.summary).toBe(`${complete} of ${NORMAL} items complete · ${own} judgment${own === 1 ? '' : 's'} by this vendor`);

    const html = (await get(w.manager, `/api/v1/projects/${projectId}/report`)).body;
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('</section>', html.indexOf('<section id="summary">')));
    expect(summary).toContain(`<dt>Items complete</dt><dd class="figure">${complete} of ${NORMAL}</dd>`);
    expect(summary).toContain(`<dt>Judgments</dt><dd class="figure">${realJudgments()} of ${2 * NORMAL}</dd>`);
    expect(summary).toContain(`; ${goldJudgments()} more on gold items (${realJudgments() + goldJudgments()} in all)`);
    expect(summary).toContain(`<dt>Gold items</dt><dd class="figure">${GOLD}</dd>`);
  });

  it('leaves gold out of the export by default, marks it when asked, and counts exactly the rows the file holds', async () => {
    const goldItemsJudged = [...perItem.keys()].filter(isGoldText).length;
    const realItemsJudged = [...perItem.keys()].filter((t) => !isGoldText(t)).length;
    expect(goldJudgments()).toBeGreaterThan(0);
    const count = (await get(w.manager, `/api/v1/projects/${projectId}/export/count`)).json();
    expect(count).toEqual({ projectId, includeGold: false, rows: realJudgments(), items: realItemsJudged, goldRows: goldJudgments(), goldItems: goldItemsJudged, excludePaused: false });
    const file = await get(w.manager, `/api/v1/projects/${projectId}/export?format=jsonl`);
    const lines = file.body.trim().split('\n').map((l) => JSON.parse(l) as { is_gold: boolean; item: { text: string } });
    expect(lines).toHaveLength(count.rows);
    expect(file.headers['x-total-count']).toBe(String(count.rows));
    for (const l of lines) expect([l.is_gold, isGoldText(l.item.text)]).toEqual([false, false]);

    const withGold = (await get(w.manager, `/api/v1/projects/${projectId}/export/count?includeGold=true`)).json();
    expect(withGold).toMatchObject({ includeGold: true, rows: realJudgments() + goldJudgments(), items: realItemsJudged + goldItemsJudged, goldRows: goldJudgments() });
    const all = (await get(w.manager, `/api/v1/projects/${projectId}/export?format=jsonl&includeGold=true`)).body.trim().split('\n').map((l) => JSON.parse(l) as { is_gold: boolean; item: { text: string } });
    expect(all).toHaveLength(withGold.rows);
    for (const l of all) expect(l.is_gold).toBe(isGoldText(l.item.text));
    const csv = parse((await get(w.manager, `/api/v1/projects/${projectId}/export?format=csv&includeGold=true`)).body, { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(withGold.rows);
    expect(csv.filter((r) => r.is_gold === 'true')).toHaveLength(goldJudgments());
    // Gold answers are in no export, whatever the option: the file holds annotators' answers, never the key.
    expect(JSON.stringify(all)).not.toMatch(/"gold"|gold_explanation/);
    // Exports are for managers and admins only.
    expect((await w.reviewer.get(`/api/v1/projects/${projectId}/export/count`)).statusCode).toBe(403);
    // A bad option is refused, naming the field.
    for (const url of [`/api/v1/projects/${projectId}/export/count?includeGold=yes`, `/api/v1/projects/${projectId}/export?includeGold=1`]) {
      const bad = await w.manager.get(url);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'invalid', field: 'includeGold' });
    }

    // The CLI writes the same file, and says how many rows it wrote.
    const out = join(dir, 'export.jsonl');
    const r = cli('export', '--project', projectId, '--format', 'jsonl', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`exported ${count.rows} annotations to ${out} (gold items left out; --include-gold keeps them)`);
    expect(readFileSync(out, 'utf8')).toBe(file.body);
    const rg = cli('export', '--project', projectId, '--format', 'jsonl', '--include-gold', '--out', out);
    expect(rg.status, rg.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(withGold.rows);
  }, 60_000);

  it('gives each annotator one gold accuracy (correct / n, Wilson 95%) and one agreement in the Quality tab, the Vendors tab and the report', async () => {
    const quality = (await get(w.manager, `/api/v1/projects/${projectId}/quality/annotators`)).json() as {
      items: { annotatorId: string; pseudonym: string; n: number; correct: number; accuracy: { rate: number; lower: number; upper: number }; agreement: { rate: number; lower: number; upper: number; n: number } | null }[];
    };
    const html = (await get(w.manager, `/api/v1/projects/${projectId}/report`)).body;
    const annotatorsSection = html.slice(html.indexOf('<section id="annotators">'), html.indexOf('<section id="signals">'));
    let seen = 0;
    for (const v of [careful, quick]) {
      const cards = new Map(
        ((await get(w.manager, `/api/v1/projects/${projectId}/vendors/${v.vendorId}/annotators`)).json().annotators as { annotatorId: string; gold: { n: number; k: number; rate: number | null; lower: number | null; upper: number | null }; agreement: unknown }[]).map((a) => [a.annotatorId, a]),
      );
      for (const c of v.people) {
        const t = tally.get(c.user.id)!;
        if (t.goldN === 0) continue;
        seen++;
        const q = quality.items.find((a) => a.annotatorId === c.user.id)!;
        const card = cards.get(c.user.id)!;
        const hand = wilson(t.goldCorrect, t.goldN);
        expect([q.n, q.correct]).toEqual([t.goldN, t.goldCorrect]);
        expect(q.accuracy.rate).toBeCloseTo(t.goldCorrect / t.goldN, 12);
        expect(q.accuracy.lower).toBeCloseTo(hand.lower, 9);
        expect(q.accuracy.upper).toBeCloseTo(hand.upper, 9);
        // The Vendors tab's card says exactly the same.
        expect(card.gold).toEqual({ n: q.n, k: q.correct, rate: q.accuracy.rate, lower: q.accuracy.lower, upper: q.accuracy.upper });
        if (q.agreement) expect(card.agreement).toEqual({ n: q.agreement.n, k: (q.agreement as unknown as { agreed: number }).agreed, rate: q.agreement.rate, lower: q.agreement.lower, upper: q.agreement.upper });
        // And the report's annotator table, written from it.
        const row = annotatorsSection.slice(annotatorsSection.indexOf(`<span class="sub">${q.pseudonym}</span>`));
        const cells = row.slice(0, row.indexOf('</tr>'));
        expect(cells).toContain(`<span class="main">${percent(q.accuracy.rate)}</span><span class="sub">${intervalText(q.accuracy)}</span><span class="sub">${t.goldCorrect} of ${t.goldN}</span>`);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('gives each vendor one gold accuracy and exact costs in the scorecards and the report, and the CLI report says the same', async () => {
    const scorecards = (await get(w.manager, `/api/v1/projects/${projectId}/vendors/scorecards`)).json();
    const html = (await get(w.manager, `/api/v1/projects/${projectId}/report`)).body;
    const vendorsSection = html.slice(html.indexOf('<section id="vendors">'), html.indexOf('<section id="head-to-head">'));
    for (const v of [careful, quick]) {
      const ts = v.people.map((c) => tally.get(c.user.id)!);
      const k = sum(ts.map((t) => t.goldCorrect));
      const n = sum(ts.map((t) => t.goldN));
      const judgments = sum(ts.map((t) => t.judgments));
      const card = scorecards.vendors.find((c: { vendorId: string }) => c.vendorId === v.vendorId);
      expect(card.gold).toMatchObject({ n, k });
      if (n === 0) continue;
      const hand = wilson(k, n);
      expect(card.gold.rate).toBeCloseTo(k / n, 12);
      expect(card.gold.lower).toBeCloseTo(hand.lower, 9);
      expect(card.gold.upper).toBeCloseTo(hand.upper, 9);
      // Cost per judgment by hand, exact: per hour 1250 ¢ × 5 s / 3600 s = 1.7361 ¢; per task 3 ¢.
      const perJudgment = v === careful ? (1250 * 5000) / 3_600_000 : 3;
      expect(card.cost.total).toBeCloseTo(perJudgment * judgments, 9);
      expect(card.cost.perJudgment).toBeCloseTo(perJudgment, 9);
      const pc = card.cost.perCorrectJudgment;
      if (k > 0) {
        expect(pc.estimate).toBeCloseTo(perJudgment / (k / n), 9);
        expect(pc.lower).toBeCloseTo(perJudgment / hand.upper, 6);
        expect(pc.lower).toBeLessThanOrEqual(pc.estimate);
        if (pc.upper !== null) expect(pc.upper).toBeGreaterThanOrEqual(pc.estimate);
      }
      const row = vendorsSection.slice(vendorsSection.indexOf(`<th scope="row">${v.name}`));
      const cells = row.slice(0, row.indexOf('</tr>'));
      expect(cells).toContain(`<span class="main">${percent(k / n)}</span><span class="sub">${intervalText(card.gold)}</span><span class="sub">${k} of ${n}</span>`);
      expect(cells).toContain(`<td class="num">${formatMinor(perJudgment, 'USD', 'en-US')}</td>`);
    }
    // The whole project's agreement: one alpha and one interval in the Quality tab's source and the scorecards.
    const agreement = (await get(w.manager, `/api/v1/projects/${projectId}/quality/agreement?bucket=week`)).json();
    expect(scorecards.overall.alpha).toMatchObject({ questionId: agreement.questionId, alpha: agreement.overall.alpha, lower: agreement.overall.lower, upper: agreement.overall.upper });
    // Sub-cent where it matters: the careful vendor's judgment costs $0.0174, not $0.02.
    expect(vendorsSection).toContain('<td class="num">$0.0174</td>');

    // The CLI's report is the API's, figure for figure (only the time it was made differs).
    const out = join(dir, 'report.html');
    const r = cli('report', '--project', projectId, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    // ECharts numbers its SVG classes and clip paths per process (zr0-cls-0 in a fresh one): the same drawing, named apart.
    const stamp = (s: string) => s.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, 'TIME').replace(/zr\d+-(cls-|c)\d+/g, 'zr-id');
    expect(stamp(readFileSync(out, 'utf8'))).toBe(stamp(html));
  }, 60_000);
});
