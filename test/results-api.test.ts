/**
 * The items and results browser's API in both dialects: filters and search against counts worked out from what the
 * test itself did, gold withheld from every role without the gold permission, and the aggregate of a small example
 * checked against the independent reference Dawid–Skene.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildProject, buildWorld, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { bayesianDawidSkene } from '../src/quality/aggregate/bayesian-dawid-skene.js';

const labelOnly = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'Sentiment?',
      field: 'text',
      options: [
        { value: 'pos', label: 'Positive' },
        { value: 'neu', label: 'Neutral' },
        { value: 'neg', label: 'Negative' },
      ],
    },
    { id: 'rationale', type: 'text', prompt: 'Why?', required: false },
  ],
};

/** Gold answers and explanations stored below; none may reach a role without the gold permission. */
const GOLD_MARKERS = ['GOLD-RATIONALE-RESULTS-4b1e', 'GOLD-EXPLANATION-RESULTS-8c2d', 'GOLD-RATIONALE-RESULTS-77aa', 'GOLD-EXPLANATION-RESULTS-19fe'];
const GOLD_KEYS = /"(gold|gold_?answers?|is_?gold|gold_?explanation|explanation)"\s*:/i;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ItemRow {
  id: string;
  externalId: string | null;
  status: string;
  judgments: number;
  isGold?: boolean;
  preview: string;
}

/** Every page of a list, following the cursor. */
async function all<T>(c: Client, url: string, limit = 2): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await c.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page<T>;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Claims the next task and submits `answers(text)`; returns the item's id and text. */
async function label(c: Client, projectId: string, answers: (text: string) => Record<string, unknown>) {
  const t = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
  expect(t.statusCode, t.body).toBe(200);
  const task = t.json() as { assignmentId: string; item: { id: string; data: { text: string } } };
  const s = await c.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: answers(task.item.data.text), timeSpentMs: 1500, clientSignals: { pastes: 1, focusLosses: 2 } });
  expect(s.statusCode, s.body).toBe(201);
  return task.item;
}

describe.each(DIALECTS)('items and results API on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let vendorManager: Client;
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 3 });
    vendorManager = await w.addUser('vendor_manager', w.vendors.inHouse);
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  describe('listing items', () => {
    let projectId: string;
    /** Judgments per item id, counted from the submits below, and the item an open lease holds. */
    const judgments = new Map<string, number>();
    let leasedItem: string;
    let idOf: Map<string, string>;

    beforeAll(async () => {
      projectId = await buildProject(w, {
        schema: labelOnly,
        overlapK: 2,
        items: [
          { id: 'a-1', data: { text: 'Die ÉCOLE ist groß' } },
          { id: 'a-2', data: { text: 'une école' }, gold: { sentiment: 'neu', rationale: 'GOLD-RATIONALE-RESULTS-4b1e' }, gold_explanation: 'GOLD-EXPLANATION-RESULTS-8c2d' },
          { id: 'a-3', data: { text: 'He said "hi": 50% off_now' } },
          { id: 'a-4', data: { text: 'offXnow and 50 off', extra: { responses: ['alpha', { inner: 'Zebra crossing' }] } } },
          { id: 'special-ext-77', data: { text: 'plain words' }, gold: { sentiment: 'pos', rationale: 'GOLD-RATIONALE-RESULTS-77aa' }, gold_explanation: 'GOLD-EXPLANATION-RESULTS-19fe' },
          { id: 'a-6', data: { text: 'the last one' } },
        ],
      });
      const rows = await store.db.selectFrom('items').select(['id', 'external_id']).where('project_id', '=', projectId).execute();
      idOf = new Map(rows.map((r) => [r.external_id!, r.id]));
      const [x, y, z] = w.annotators as [Client, Client, Client];
      for (const [c, times] of [[x, 3], [y, 2]] as const) {
        for (let i = 0; i < times; i++) {
          const item = await label(c, projectId, () => ({ sentiment: 'pos' }));
          judgments.set(item.id, (judgments.get(item.id) ?? 0) + 1);
        }
      }
      const held = await z.post(`/api/v1/projects/${projectId}/tasks/next`);
      expect(held.statusCode).toBe(200);
      leasedItem = held.json().item.id;
    });

    it('lists every item once, in serving order, across pages', async () => {
      const items = await all<ItemRow>(w.manager, `/api/v1/projects/${projectId}/items`);
      expect(items.map((i) => i.externalId)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'special-ext-77', 'a-6']);
      expect(items.find((i) => i.externalId === 'a-4')!.preview).toBe('offXnow and 50 off · alpha · Zebra crossing');
      for (const i of items) expect(i.judgments).toBe(judgments.get(i.id) ?? 0);
    });

    it('filters by status as counted from the submits and the open lease, agreeing with /progress on the real items', async () => {
      const expected = { complete: [] as string[], in_progress: [] as string[], remaining: [] as string[] };
      for (const id of idOf.values()) {
        const n = judgments.get(id) ?? 0;
        // In progress: some judgments (1 of 2 here) or a live lease; not started (remaining): neither.
        (n >= 2 ? expected.complete : n > 0 || id === leasedItem ? expected.in_progress : expected.remaining).push(id);
      }
      // 5 judgments at k = 2 over 6 items: at least two complete, and the lease holds an incomplete one.
      expect(expected.complete.length).toBeGreaterThanOrEqual(2);
      expect(expected.in_progress).toContain(leasedItem);
      for (const status of ['complete', 'in_progress', 'remaining'] as const) {
        const items = await all<ItemRow>(w.manager, `/api/v1/projects/${projectId}/items?status=${status}`);
        expect(items.map((i) => i.id).sort(), status).toEqual(expected[status].sort());
        for (const i of items) expect(i.status).toBe(status);
      }
      // /progress counts the real work only: gold items are served to everyone once and never complete.
      const gold = new Set((await all<ItemRow>(w.manager, `/api/v1/projects/${projectId}/items?gold=true`)).map((i) => i.id));
      expect(gold.size).toBe(2);
      const real = (ids: string[]) => ids.filter((id) => !gold.has(id)).length;
      const progress = (await w.manager.get(`/api/v1/projects/${projectId}/progress`)).json();
      expect(progress).toMatchObject({
        completeItems: real(expected.complete),
        itemsInProgress: real(expected.in_progress),
        remainingItems: real(expected.remaining),
        goldItems: 2,
      });
      expect(progress.summary).toBe(`${progress.completeItems} of 4 items complete · ${progress.judgments} of 8 judgments · 2 gold items`);
    });

    it('filters by gold for those who may see gold, and refuses the filter to a reviewer', async () => {
      const gold = await all<ItemRow>(w.manager, `/api/v1/projects/${projectId}/items?gold=true`);
      expect(gold.map((i) => i.externalId).sort()).toEqual(['a-2', 'special-ext-77']);
      for (const i of gold) expect(i.isGold).toBe(true);
      const plain = await all<ItemRow>(w.admin, `/api/v1/projects/${projectId}/items?gold=false`);
      expect(plain.map((i) => i.externalId)).toEqual(['a-1', 'a-3', 'a-4', 'a-6']);
      for (const i of plain) expect(i.isGold).toBe(false);
      const refused = await w.reviewer.get(`/api/v1/projects/${projectId}/items?gold=true`);
      expect(refused.statusCode).toBe(403);
      const asReviewer = await all<ItemRow>(w.reviewer, `/api/v1/projects/${projectId}/items`);
      expect(asReviewer).toHaveLength(6);
      for (const i of asReviewer) expect(i).not.toHaveProperty('isGold');
    });

    it('searches string values at any depth, case-insensitively beyond ASCII, ids and external ids, and never keys', async () => {
      const search = async (q: string, c: Client = w.manager) =>
        (await all<ItemRow>(c, `/api/v1/projects/${projectId}/items?q=${encodeURIComponent(q)}`, 1)).map((i) => i.externalId);
      expect(await search('école')).toEqual(['a-1', 'a-2']);
      expect(await search('ÉCOLE')).toEqual(['a-1', 'a-2']);
      expect(await search('Ecole')).toEqual([]);
      expect(await search('GROSS')).toEqual([]);
      expect(await search('GROß')).toEqual(['a-1']);
      expect(await search('"hi"')).toEqual(['a-3']);
      // LIKE's wildcards are literal: "50%" is not "50 anything", "_" is not "any character".
      expect(await search('50%')).toEqual(['a-3']);
      expect(await search('off_now')).toEqual(['a-3']);
      expect(await search('zebra CROSSING')).toEqual(['a-4']);
      expect(await search('responses')).toEqual([]);
      expect(await search('text')).toEqual([]);
      expect(await search('SPECIAL-EXT')).toEqual(['special-ext-77']);
      expect(await search(idOf.get('a-6')!)).toEqual(['a-6']);
      expect(await search('école', w.reviewer)).toEqual(['a-1', 'a-2']);
      const combined = await all<ItemRow>(w.manager, `/api/v1/projects/${projectId}/items?q=%C3%A9cole&gold=true`);
      expect(combined.map((i) => i.externalId)).toEqual(['a-2']);
    });

    it('refuses items and results to annotators and vendor managers', async () => {
      const itemId = idOf.get('a-1')!;
      for (const c of [w.annotators[0]!, vendorManager]) {
        for (const url of [`/api/v1/projects/${projectId}/items`, `/api/v1/projects/${projectId}/items/${itemId}`, `/api/v1/projects/${projectId}/results`]) {
          const res = await c.get(url);
          expect(res.statusCode, `${c.user.role} ${url}`).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
      }
    });

    it('answers an item of another project with 404', async () => {
      const other = await buildProject(w, { items: [{ id: 'elsewhere', data: { text: 'x' } }] });
      const res = await w.manager.get(`/api/v1/projects/${other}/items/${idOf.get('a-1')!}`);
      expect(res.statusCode).toBe(404);
    });
  });

  describe('gold', () => {
    it('reaches managers and admins in the item view, and no other role in any of the three routes', async () => {
      const projectId = await buildProject(w, {
        schema: labelOnly,
        overlapK: 2,
        items: [
          { id: 'g-1', data: { text: 'Terrible.' }, gold: { sentiment: 'neg', rationale: 'GOLD-RATIONALE-RESULTS-4b1e' }, gold_explanation: 'GOLD-EXPLANATION-RESULTS-8c2d' },
          { id: 'g-2', data: { text: 'Fine.' } },
          { id: 'g-3', data: { text: 'Great.' }, gold: { sentiment: 'pos', rationale: 'GOLD-RATIONALE-RESULTS-77aa' }, gold_explanation: 'GOLD-EXPLANATION-RESULTS-19fe' },
        ],
      });
      // Rate 1: each annotator gets both gold items first (gold is served only while a normal item is eligible too),
      // then the normal one. Everyone calls the gold item positive, against its gold answer.
      expect((await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { goldRate: 1 })).statusCode).toBe(200);
      for (const c of w.annotators.slice(0, 2)) for (let i = 0; i < 3; i++) await label(c, projectId, () => ({ sentiment: 'pos', rationale: 'seems so' }));
      const ids = (await store.db.selectFrom('items').select(['id', 'external_id']).where('project_id', '=', projectId).execute()).reduce(
        (m, r) => m.set(r.external_id!, r.id),
        new Map<string, string>(),
      );
      const urls = [
        `/api/v1/projects/${projectId}/items`,
        `/api/v1/projects/${projectId}/items?q=terrible`,
        `/api/v1/projects/${projectId}/results`,
        `/api/v1/projects/${projectId}/results?question=sentiment&minConfidence=0`,
        ...[...ids.values()].map((id) => `/api/v1/projects/${projectId}/items/${id}`),
      ];
      for (const c of [w.reviewer, w.annotators[0]!, vendorManager]) {
        for (const url of urls) {
          const res = await c.get(url);
          for (const marker of GOLD_MARKERS) expect(res.body, `${c.user.role} ${url}`).not.toContain(marker);
          expect(res.body, `${c.user.role} ${url}`).not.toMatch(GOLD_KEYS);
        }
      }
      // The gold item's aggregate is the crowd's verdict, not its clamped gold answer.
      const asReviewer = (await w.reviewer.get(`/api/v1/projects/${projectId}/items/${ids.get('g-1')!}`)).json();
      expect(asReviewer.aggregates.find((a: { questionId: string }) => a.questionId === 'sentiment').answer).toBe('pos');
      expect(asReviewer.annotations).toHaveLength(2);
      expect(asReviewer.annotations[0]).toMatchObject({ timeSpentMs: 1500, clientSignals: { pastes: 1, focusLosses: 2 }, schemaVersion: 1, guidelineVersion: 1 });
      expect(asReviewer.annotations[0].pseudonym).toMatch(/^annotator-/);
      expect(['In-house', 'Crowd']).toContain(asReviewer.annotations[0].vendorName);

      for (const c of [w.manager, w.admin]) {
        const detail = (await c.get(`/api/v1/projects/${projectId}/items/${ids.get('g-1')!}`)).json();
        expect(detail.isGold).toBe(true);
        expect(detail.gold).toEqual({ answers: { sentiment: 'neg', rationale: 'GOLD-RATIONALE-RESULTS-4b1e' }, explanation: 'GOLD-EXPLANATION-RESULTS-8c2d' });
        expect(detail.aggregates.find((a: { questionId: string }) => a.questionId === 'sentiment').answer).toBe('pos');
        const plain = (await c.get(`/api/v1/projects/${projectId}/items/${ids.get('g-2')!}`)).json();
        expect(plain.isGold).toBe(false);
        expect(plain).not.toHaveProperty('gold');
      }
    });
  });

  describe('results', () => {
    /** Votes per item text, one per annotator: majority pos, neg, neu. */
    const VOTES: Record<string, [string, string, string]> = {
      'Item A': ['pos', 'pos', 'pos'],
      'Item B': ['neg', 'neg', 'pos'],
      'Item C': ['neu', 'neu', 'neg'],
    };
    const CLASSES = ['pos', 'neu', 'neg'];
    let projectId: string;
    let idOf: Map<string, string>;

    beforeAll(async () => {
      projectId = await buildProject(w, {
        schema: labelOnly,
        overlapK: 3,
        items: Object.keys(VOTES).map((text, i) => ({ id: `r-${i}`, data: { text } })),
      });
      for (const [k, c] of w.annotators.entries()) {
        for (let i = 0; i < 3; i++) await label(c, projectId, (text) => ({ sentiment: VOTES[text]![k]!, rationale: `because ${text}` }));
      }
      const rows = await store.db.selectFrom('items').select(['id', 'data']).where('project_id', '=', projectId).execute();
      idOf = new Map(rows.map((r) => [(typeof r.data === 'string' ? JSON.parse(r.data) : r.data).text as string, r.id]));
    });

    it('gives the majority answer with the Bayesian Dawid–Skene posterior as its confidence, model-based without gold', async () => {
      // The same judgments, encoded by hand: items A, B, C = 0, 1, 2; annotators in order; classes in option order.
      const texts = Object.keys(VOTES);
      const item: number[] = [];
      const worker: number[] = [];
      const lab: number[] = [];
      texts.forEach((t, i) => VOTES[t]!.forEach((v, k) => (item.push(i), worker.push(k), lab.push(CLASSES.indexOf(v)))));
      // The engine's Bayesian Dawid–Skene (tested against scipy in its own file) on the hand-encoded judgments.
      const ref = bayesianDawidSkene({ item: Int32Array.from(item), worker: Int32Array.from(worker), label: Int32Array.from(lab), nItems: 3, nWorkers: 3, nClasses: 3 });
      const results = await all<{ itemId: string; aggregates: { questionId: string; answer: unknown; confidence: number | null; method: string; n: number; distribution?: Record<string, number> }[] }>(
        w.reviewer,
        `/api/v1/projects/${projectId}/results`,
      );
      expect(results.map((r) => r.itemId)).toEqual(texts.map((t) => idOf.get(t)));
      texts.forEach((t, i) => {
        const [sentiment, rationale] = results[i]!.aggregates;
        expect(sentiment).toMatchObject({ questionId: 'sentiment', method: 'bayesian_dawid_skene', n: 3, answer: ['pos', 'neg', 'neu'][i], basis: { kind: 'model', nGold: 0 } });
        const k = CLASSES.indexOf(sentiment!.answer as string);
        expect(sentiment!.confidence!).toBeCloseTo(ref.posterior[i * 3 + k]!, 6);
        for (const [c, cls] of CLASSES.entries()) expect(sentiment!.distribution![cls]!).toBeCloseTo(ref.posterior[i * 3 + c]!, 6);
        expect(rationale).toEqual({ questionId: 'rationale', type: 'text', method: 'none', n: 3, answer: null, confidence: null });
      });
    });

    it('filters by a question and a confidence range, and pages', async () => {
      const all3 = await all<{ itemId: string; aggregates: { confidence: number }[] }>(w.manager, `/api/v1/projects/${projectId}/results?question=sentiment`, 1);
      expect(all3).toHaveLength(3);
      for (const r of all3) expect(r.aggregates).toHaveLength(1);
      const confidences = all3.map((r) => r.aggregates[0]!.confidence);
      const cut = [...confidences].sort((a, b) => a - b)[1]!;
      const high = await all<{ itemId: string }>(w.manager, `/api/v1/projects/${projectId}/results?question=sentiment&minConfidence=${cut}`, 1);
      expect(high.map((r) => r.itemId)).toEqual(all3.filter((r) => r.aggregates[0]!.confidence >= cut).map((r) => r.itemId));
      const low = await all<{ itemId: string }>(w.manager, `/api/v1/projects/${projectId}/results?question=sentiment&maxConfidence=${cut}`, 1);
      expect(low.map((r) => r.itemId)).toEqual(all3.filter((r) => r.aggregates[0]!.confidence <= cut).map((r) => r.itemId));
      // Without a question, the filter reads each item's least confident question (text has none).
      const any = await all<{ itemId: string }>(w.manager, `/api/v1/projects/${projectId}/results?minConfidence=${cut}`, 1);
      expect(any.map((r) => r.itemId)).toEqual(high.map((r) => r.itemId));
      const unknown = await w.manager.get(`/api/v1/projects/${projectId}/results?question=nope`);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.field).toBe('question');
    });

    it('follows new annotations instead of serving a stale aggregate', async () => {
      const before = (await w.manager.get(`/api/v1/projects/${projectId}/results`)).json().items.length;
      const extra = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl([{ id: 'r-late', data: { text: 'Item A' } }]), {
        'content-type': 'application/x-ndjson',
      });
      expect(extra.statusCode).toBe(201);
      await label(w.annotators[0]!, projectId, () => ({ sentiment: 'neg' }));
      const after = (await w.manager.get(`/api/v1/projects/${projectId}/results`)).json().items;
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1).aggregates[0]).toMatchObject({ n: 1 });
    });
  });
});
