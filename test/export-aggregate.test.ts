/**
 * The export with `?aggregate=true`, in both dialects: every row carries its item's aggregated answer, confidence and basis
 * per question, the same figures the results API gives for that item; without the option the export is unchanged
 * (no `aggregate` key, the same CSV columns).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildProject, buildWorld, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

/** Per item text, what each of the three annotators answers: sentiment and a 1–5 quality rating. */
const ANSWERS: Record<string, [string, number][]> = {
  'all agree': [['pos', 4], ['pos', 4], ['pos', 4]],
  'two to one': [['neg', 2], ['neg', 1], ['neu', 3]],
  'all differ': [['pos', 5], ['neu', 3], ['neg', 1]],
};
const FIXED_COLUMNS =
  'annotation_id,item_id,external_id,is_gold,annotator,vendor,time_spent_ms,schema_version,guideline_version,created_at,review_outcome,corrects_annotation_id,answer.sentiment,answer.quality';

interface Aggregate {
  questionId: string;
  answer: unknown;
  confidence: number | null;
  basis?: { kind: string; nGold: number };
  method: string;
  n: number;
}
interface Row {
  item_id: string;
  aggregate?: Record<string, Omit<Aggregate, 'questionId'>>;
}

describe.each(DIALECTS)('export with the aggregate on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let projectId: string;
  /** The results API's aggregates per item id. */
  const resultsOf = new Map<string, Aggregate[]>();

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 3 });
    const texts = Object.keys(ANSWERS);
    projectId = await buildProject(w, { overlapK: 3, items: texts.map((text, i) => ({ id: `x-${i}`, data: { text } })) });
    for (const [a, c] of w.annotators.entries()) {
      for (let i = 0; i < texts.length; i++) {
        const t = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
        expect(t.statusCode, t.body).toBe(200);
        const task = t.json() as { assignmentId: string; item: { data: { text: string } } };
        const [sentiment, quality] = ANSWERS[task.item.data.text]![a]!;
        const s = await c.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: { sentiment, quality }, timeSpentMs: 800 });
        expect(s.statusCode, s.body).toBe(201);
      }
    }
    const items = (await w.manager.get(`/api/v1/projects/${projectId}/results?limit=50`)).json() as { items: { itemId: string; aggregates: Aggregate[] }[] };
    for (const r of items.items) resultsOf.set(r.itemId, r.aggregates);
    expect(resultsOf.size).toBe(texts.length);
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  const jsonl = async (query: string) => {
    const res = await w.manager.get(`/api/v1/projects/${projectId}/export?format=jsonl${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.body.trim().split('\n').map((l) => JSON.parse(l) as Row);
  };

  it('leaves the default export as it was', async () => {
    for (const row of [...(await jsonl('')), ...(await jsonl('&aggregate=false'))]) expect(row).not.toHaveProperty('aggregate');
    const csv = await w.manager.get(`/api/v1/projects/${projectId}/export?format=csv`);
    expect(csv.body.split('\n')[0]).toBe(FIXED_COLUMNS);
  });

  it("gives every JSONL row its item's aggregate per question, as the results API has it", async () => {
    const rows = await jsonl('&aggregate=true');
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const want = Object.fromEntries(resultsOf.get(row.item_id)!.map((a) => [a.questionId, { answer: a.answer, confidence: a.confidence, basis: a.basis ?? null, method: a.method, n: a.n }]));
      expect(row.aggregate).toEqual(want);
      expect(Object.keys(row.aggregate!)).toEqual(['sentiment', 'quality']);
    }
    // The unanimous item, by hand: three "pos" make "pos", the most confident of the three items; no gold, so the
    // confidence is the model's own.
    const unanimous = rows.find((r) => r.aggregate!.sentiment!.answer === 'pos' && r.aggregate!.quality!.answer === 4);
    const others = rows.filter((r) => r !== unanimous && r.item_id !== unanimous?.item_id);
    for (const o of others) expect(unanimous!.aggregate!.sentiment!.confidence!).toBeGreaterThan(o.aggregate!.sentiment!.confidence!);
    expect(unanimous?.aggregate!.sentiment).toMatchObject({ n: 3, method: 'bayesian_dawid_skene', basis: { kind: 'model', nGold: 0 } });
  });

  it('adds an aggregate and a confidence column per question to the CSV', async () => {
    const res = await w.manager.get(`/api/v1/projects/${projectId}/export?format=csv&aggregate=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body.split('\n')[0]).toBe(
      `${FIXED_COLUMNS},aggregate.sentiment,confidence.sentiment,confidence_basis.sentiment,aggregate.quality,confidence.quality,confidence_basis.quality`,
    );
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const agg = new Map(resultsOf.get(row.item_id!)!.map((a) => [a.questionId, a]));
      expect(row['aggregate.sentiment']).toBe(agg.get('sentiment')!.answer);
      expect(Number(row['confidence.sentiment'])).toBe(agg.get('sentiment')!.confidence);
      expect(Number(row['aggregate.quality'])).toBe(agg.get('quality')!.answer);
      expect(Number(row['confidence.quality'])).toBe(agg.get('quality')!.confidence);
      // No gold in this project: every confidence is the model's own, in the words the console uses.
      expect(row['confidence_basis.sentiment']).toBe('model-based, not calibrated');
      expect(row['confidence_basis.quality']).toBe('model-based, not calibrated');
    }
  });
});
