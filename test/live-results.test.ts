/**
 * Live results through the real API on both dialects: after submits each item's aggregate lands in `item_results`
 * (with answers a reader can check by hand), adaptive overlap asks one more judgment exactly of the items its rule
 * names (complete, under τ, under k_max) with the preference worked out by hand, the low-confidence review trigger
 * sends those items' annotations to review, and the exclude-paused switch takes paused annotators out of results
 * and exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildProject, buildWorld, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { LiveResults } from '../src/services/quality/live-results.js';

const schema = {
  questions: [{ id: 'sentiment', type: 'label', prompt: 'Sentiment?', field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] }],
};
const items = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, data: { text: `text ${i}` } }));

/** Claims the annotator's next task and answers it with `answerOf(externalIndex)`; returns the item id, or null. */
async function labelOne(c: Client, projectId: string, answerOf: (itemId: string) => string): Promise<string | null> {
  const next = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
  if (next.statusCode === 409) return null;
  expect(next.statusCode, next.body).toBe(200);
  const t = next.json();
  const sub = await c.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: answerOf(t.item.id) }, timeSpentMs: 400 });
  expect(sub.statusCode, sub.body).toBe(201);
  return t.item.id as string;
}

describe.each(DIALECTS)('live results on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let live: LiveResults;

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 3 });
    live = new LiveResults(w.deps);
    w.deps.live = live;
  });
  afterAll(async () => {
    await live.close();
    await close();
  });

  const rowsOf = (projectId: string) =>
    store.db.selectFrom('item_results').selectAll().where('project_id', '=', projectId).execute();

  it('keeps each item’s aggregate in item_results after submits: unanimous items answer what everyone said', async () => {
    const projectId = await buildProject(w, { schema, items: items(4, 'u'), overlapK: 3 });
    const [a0, a1, a2] = w.annotators as [Client, Client, Client];
    // Everyone says pos on every item: the aggregate is pos everywhere, from 3 judgments.
    for (const c of [a0, a1, a2]) while ((await labelOne(c, projectId, () => 'pos')) !== null);
    await live.settled(projectId);
    const rows = await rowsOf(projectId);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      const agg = JSON.parse(r.aggregates) as { questionId: string; answer: unknown; n: number; method: string }[];
      // The basis is kept with the result: no gold here, so model-based.
      expect(agg).toMatchObject([{ questionId: 'sentiment', answer: 'pos', n: 3, method: 'bayesian_dawid_skene', basis: { kind: 'model', nGold: 0 } }]);
      expect(Number(r.n)).toBe(3);
      expect(Number(r.confidence)).toBeGreaterThan(0.5);
    }
    // A refresh with nothing new writes nothing.
    expect(await live.refresh(projectId)).toEqual({ written: 0, deleted: 0, reopened: 0 });
  });

  it('adaptive overlap asks one more judgment exactly of complete items under τ and under k_max, held for nobody when no preferred annotator works there', async () => {
    // k = 2 to start; a0 and a2 are of the in-house vendor, a1 of the crowd (buildWorld alternates).
    const projectId = await buildProject(w, { schema, items: items(8, 'ad'), overlapK: 2 });
    await store.db.updateTable('projects').set({ overlap_mode: 'adaptive', overlap_k_max: 3, overlap_tau: 0.9 }).where('id', '=', projectId).execute();
    const [a0, a1, a2] = w.annotators as [Client, Client, Client];
    const ids = (await store.db.selectFrom('items').select(['id', 'external_id']).where('project_id', '=', projectId).orderBy('seq').execute()).map((r) => r.id);
    // a0 and a2 (both in-house) agree on items 0-5 (pos and neg alternately) and dispute items 6-7 (pos against neg).
    const agreed = (id: string) => (ids.indexOf(id) % 2 === 0 ? 'pos' : 'neg');
    const disputed = new Set(ids.slice(6));
    while ((await labelOne(a0, projectId, (id) => (disputed.has(id) ? 'pos' : agreed(id)))) !== null);
    while ((await labelOne(a2, projectId, (id) => (disputed.has(id) ? 'neg' : agreed(id)))) !== null);
    await live.settled(projectId);

    const state = await store.db
      .selectFrom('items as i')
      .innerJoin('item_results as r', 'r.item_id', 'i.id')
      .select(['i.id', 'i.extra_k', 'i.open', 'i.submitted_count', 'i.avoid_vendor', 'i.prefer_skill', 'i.prefer_until', 'r.confidence'])
      .where('i.project_id', '=', projectId)
      .execute();
    expect(state).toHaveLength(8);
    for (const s of state) {
      const confidence = Number(s.confidence);
      const asked = Number(s.extra_k) === 1;
      // The rule: complete (2 of 2) and under τ → one more (up to k_max 3), else none.
      expect(asked).toBe(confidence < 0.9);
      if (asked) {
        expect(Number(s.open)).toBe(1);
        // Both judges are in-house, so another vendor would be preferred; but nobody of another vendor has worked on
        // the project yet, so the extra judgment is held for nobody (test/adaptive-overlap.test.ts has the hold).
        expect(s.avoid_vendor).toBeNull();
        expect(s.prefer_skill).toBeNull();
        expect(s.prefer_until).toBeNull();
      }
    }
    // Disagreement leaves an item less certain than agreement.
    const confOf = new Map(state.map((s) => [s.id, Number(s.confidence)]));
    expect(Math.max(...ids.slice(6).map((id) => confOf.get(id)!))).toBeLessThan(Math.min(...ids.slice(0, 6).map((id) => confOf.get(id)!)));
    expect(state.some((s) => Number(s.extra_k) === 1)).toBe(true);
    const reopened = state.filter((s) => Number(s.extra_k) === 1).map((s) => s.id).sort();

    // The crowd annotator (of the preferred other vendor) gets exactly the reopened items; once each has k_max = 3
    // judgments nothing more is asked.
    const got: string[] = [];
    for (;;) {
      const id = await labelOne(a1, projectId, () => 'neg');
      if (id === null) break;
      got.push(id);
    }
    expect(got.sort()).toEqual(reopened);
    await live.settled(projectId);
    const after = await store.db.selectFrom('items').select(['id', 'extra_k', 'submitted_count']).where('project_id', '=', projectId).execute();
    for (const s of after) expect(Number(s.submitted_count)).toBeLessThanOrEqual(3);
    expect(after.every((s) => Number(s.extra_k) <= 1)).toBe(true);
  });

  it('sends annotations of items still uncertain after their judgments to review (low-confidence trigger)', async () => {
    const projectId = await buildProject(w, { schema, items: items(10, 'lc'), overlapK: 2 });
    const [a0, a1] = w.annotators as [Client, Client];
    const ids = (await store.db.selectFrom('items').select('id').where('project_id', '=', projectId).orderBy('seq').execute()).map((r) => r.id);
    // Eight items agreed (pos and neg alternately, so each annotator's reliability is learnt on both classes), two
    // disputed (pos against neg between two equally reliable annotators): the disputed ones are the uncertain ones.
    const disputed = new Set(ids.slice(8));
    const agreed = (id: string) => (ids.indexOf(id) % 2 === 0 ? 'pos' : 'neg');
    while ((await labelOne(a0, projectId, (id) => (disputed.has(id) ? 'pos' : agreed(id)))) !== null);
    while ((await labelOne(a1, projectId, (id) => (disputed.has(id) ? 'neg' : agreed(id)))) !== null);
    await live.settled(projectId);
    const conf = new Map((await rowsOf(projectId)).map((r) => [r.item_id, Number(r.confidence)]));
    const agreedLow = Math.min(...ids.slice(0, 8).map((id) => conf.get(id)!));
    const disputedHigh = Math.max(...ids.slice(8).map((id) => conf.get(id)!));
    expect(disputedHigh).toBeLessThan(agreedLow);
    const threshold = (agreedLow + disputedHigh) / 2;

    const put = await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 0, firstN: 0, flagged: false, lowConfidence: threshold });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().lowConfidence).toBeCloseTo(threshold, 12);
    const seen: { itemId: string; triggers: string[] }[] = [];
    for (;;) {
      const res = await w.reviewer.post(`/api/v1/projects/${projectId}/reviews/next`, {});
      if (res.statusCode === 409) break;
      expect(res.statusCode, res.body).toBe(200);
      seen.push({ itemId: res.json().itemId, triggers: res.json().triggers });
      expect((await w.reviewer.post(`/api/v1/reviews/${res.json().id}/accept`)).statusCode).toBe(200);
    }
    // Both annotations of each disputed item, none of the agreed ones.
    expect(seen.map((x) => x.itemId).sort()).toEqual([...ids.slice(8), ...ids.slice(8)].sort());
    expect(seen.every((x) => x.triggers.join() === 'low_confidence')).toBe(true);
    const bad = await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 0, firstN: 0, flagged: false, lowConfidence: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('lowConfidence');
  });

  it('leaves paused annotators’ annotations out of results and exports when the project says so', async () => {
    const projectId = await buildProject(w, { schema, items: items(3, 'ex'), overlapK: 3 });
    const [a0, a1, a2] = w.annotators as [Client, Client, Client];
    for (const c of [a0, a1]) while ((await labelOne(c, projectId, () => 'pos')) !== null);
    while ((await labelOne(a2, projectId, () => 'neg')) !== null);
    // The gate paused a2 (written as the gate writes it: onto the status row their first submit made).
    await store.db
      .insertInto('annotator_project_status')
      .values({ project_id: projectId, annotator_id: a2.user.id, status: 'paused', reason: 'test', paused_at: '2026-11-25T00:00:00.000Z', gold_n: 0, gold_correct: 0, fail_streak: 0, updated_at: '2026-11-25T00:00:00.000Z' })
      .onConflict((oc) => oc.columns(['project_id', 'annotator_id']).doUpdateSet({ status: 'paused', reason: 'test', paused_at: '2026-11-25T00:00:00.000Z' }))
      .execute();
    const judgments = async () => (await w.manager.get(`/api/v1/projects/${projectId}/results`)).json();
    const exported = async () => (await w.manager.get(`/api/v1/projects/${projectId}/export?format=jsonl`)).body.trim().split('\n').length;

    const before = await judgments();
    expect(await exported()).toBe(9);
    await store.db.updateTable('projects').set({ exclude_paused: 1 }).where('id', '=', projectId).execute();
    const after = await judgments();
    expect(JSON.stringify(after)).not.toEqual(JSON.stringify(before));
    expect(await exported()).toBe(6);
    const n = (await live.refresh(projectId), await rowsOf(projectId)).map((r) => Number(r.n));
    expect(n).toEqual([2, 2, 2]);
  });

  it('gives each annotator their agreement with the consensus (Wilson interval by hand) and their gate status', async () => {
    const projectId = await buildProject(w, { schema, items: [...items(3, 'ag'), { id: 'ag-gold', data: { text: 'gold' }, gold: { sentiment: 'pos' } }], overlapK: 3 });
    await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { goldRate: 0.5 });
    const [a0, a1, a2] = w.annotators as [Client, Client, Client];
    w.deps.random = () => 0; // every draw prefers gold: each annotator's first task is the gold item
    try {
      for (const c of [a0, a1]) while ((await labelOne(c, projectId, () => 'pos')) !== null);
      while ((await labelOne(a2, projectId, () => 'neg')) !== null);
    } finally {
      w.deps.random = undefined;
    }
    // Paused as the gate pauses (its status row exists since the gold submit).
    await store.db.updateTable('annotator_project_status').set({ status: 'paused', reason: 'test', paused_at: '2026-11-25T00:00:00.000Z' }).where('project_id', '=', projectId).where('annotator_id', '=', a2.user.id).execute();
    const res = await w.manager.get(`/api/v1/projects/${projectId}/quality/annotators`);
    expect(res.statusCode, res.body).toBe(200);
    const byId = new Map((res.json().items as { annotatorId: string; status: string; agreement: { n: number; agreed: number; rate: number; lower: number; upper: number } }[]).map((a) => [a.annotatorId, a]));
    // Consensus is pos on the three normal items (two of three say so). Wilson 95% for 3/3: centre
    // (3 + 1.96²/2) / (3 + 1.96²) = 0.71925, half-width 1.96·√(1.96²/4) / (3 + 1.96²) = 0.28075 → [0.43850, 1];
    // for 0/3 the mirror image, [0, 0.56150]. The gold item counts for accuracy, not for agreement.
    expect(byId.get(a0.user.id)).toMatchObject({ status: 'active', agreement: { n: 3, agreed: 3, rate: 1 } });
    expect(byId.get(a0.user.id)!.agreement.lower).toBeCloseTo(0.4385, 4);
    expect(byId.get(a0.user.id)!.agreement.upper).toBeCloseTo(1, 9);
    expect(byId.get(a2.user.id)).toMatchObject({ status: 'paused', agreement: { n: 3, agreed: 0, rate: 0 } });
    expect(byId.get(a2.user.id)!.agreement.upper).toBeCloseTo(0.5615, 4);
  });

  it('takes review verdicts into the aggregate: a rejected annotation leaves it, a correction stands in for the corrected one', async () => {
    const projectId = await buildProject(w, { schema, items: items(2, 'rv'), overlapK: 2 });
    const [a0, a1] = w.annotators as [Client, Client];
    while ((await labelOne(a0, projectId, () => 'pos')) !== null);
    while ((await labelOne(a1, projectId, () => 'neg')) !== null);
    await live.settled(projectId);
    const theirs = await store.db.selectFrom('annotations').select(['id', 'item_id']).where('project_id', '=', projectId).where('annotator_id', '=', a1.user.id).orderBy('item_id').execute();
    const take = async (annotationId: string) => {
      const r = await w.reviewer.post(`/api/v1/projects/${projectId}/reviews/next`, { annotationId });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().id as string;
    };
    // Item of the first: a1's neg rejected. Item of the second: a1's neg corrected to pos.
    expect((await w.reviewer.post(`/api/v1/reviews/${await take(theirs[0]!.id)}/reject`, { reason: 'Not negative' })).statusCode).toBe(200);
    const corrected = await w.reviewer.post(`/api/v1/reviews/${await take(theirs[1]!.id)}/correct`, { answers: { sentiment: 'pos' } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await live.settled(projectId);

    const results = (await w.manager.get(`/api/v1/projects/${projectId}/results`)).json().items as { itemId: string; aggregates: { n: number; answer: string }[] }[];
    const byItem = new Map(results.map((r) => [r.itemId, r.aggregates[0]!]));
    // Rejected: only a0's pos is left (n 1). Corrected: a0's pos and the reviewer's pos (n 2), no neg.
    expect(byItem.get(theirs[0]!.item_id)).toMatchObject({ n: 1, answer: 'pos' });
    expect(byItem.get(theirs[1]!.item_id)).toMatchObject({ n: 2, answer: 'pos' });
    const rows = new Map((await rowsOf(projectId)).map((r) => [r.item_id, r]));
    expect(Number(rows.get(theirs[0]!.item_id)!.n)).toBe(1);
    expect(Number(rows.get(theirs[1]!.item_id)!.n)).toBe(2);
    expect(JSON.parse(rows.get(theirs[1]!.item_id)!.aggregates)[0].answer).toBe('pos');
  });
});
