/**
 * The reliability diagram through the API, on both dialects: a project labelled through the task flow by three
 * annotators of known accuracy, with hidden gold; `GET /projects/{id}/quality/calibration` bins the judged gold items
 * by their cross-fitted confidence. Checked against the engine run on the judgments read back from the database,
 * against each bin's own counts (Wilson interval, ECE re-added by hand), and the results carry the same basis.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildProject, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { calibratedFit, MIN_CALIBRATION_GOLD } from '../src/quality/aggregate/calibrated.js';
import { runCategorical } from '../src/quality/aggregate/methods.js';
import { createRng } from '../src/quality/random.js';
import { wilsonInterval } from '../src/quality/stats/wilson.js';
import { fromJson } from '../src/store/dialect.js';

const schema = {
  questions: [{ id: 'sentiment', type: 'label', prompt: 'Sentiment?', field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] }],
};
// The truth is in the text, so an annotator can be right or wrong on purpose; gold items carry it as gold too.
const truthOf = (i: number) => (i % 3 === 0 ? 'neg' : 'pos');
const items = [
  ...Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, data: { text: `${truthOf(i)} ${i}` } })),
  ...Array.from({ length: 100 }, (_, i) => ({ id: `g${i}`, data: { text: `${truthOf(i + 1)} g${i}` }, gold: { sentiment: truthOf(i + 1) } })),
];
const ACCURACY = [0.92, 0.8, 0.68];

interface View {
  questionId: string | null;
  basis: { kind: string; nGold: number };
  n: number;
  ece: number | null;
  bins: { lower: number; upper: number; n: number; confidence: number | null; accuracy: { rate: number; lower: number; upper: number } | null }[];
}

describe.each(DIALECTS)('reliability diagram on %s', (dialect) => {
  let store: Store;
  let w: World;
  let projectId: string;
  worldPerSuite(dialect, { annotators: 3 }, (s, world) => {
    store = s;
    w = world;
  });

  const labelAll = async (c: Client, accuracy: number, seed: number) => {
    const rng = createRng(seed);
    for (;;) {
      const next = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
      if (next.statusCode === 409) return;
      expect(next.statusCode, next.body).toBe(200);
      const t = next.json() as { assignmentId: string; item: { data: { text: string } } };
      const truth = t.item.data.text.split(' ')[0]!;
      const answer = rng.next() < accuracy ? truth : truth === 'pos' ? 'neg' : 'pos';
      const sub = await c.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: answer }, timeSpentMs: 900 });
      expect(sub.statusCode, sub.body).toBe(201);
    }
  };

  it('bins the judged gold items by cross-fitted confidence, as the engine does, with n and intervals', async () => {
    projectId = await buildProject(w, { schema, items, overlapK: 3, settings: { goldRate: 0.5, qualityGate: { enabled: false } } });
    for (const [a, c] of w.annotators.entries()) await labelAll(c, ACCURACY[a]!, 100 + a);

    const res = await w.manager.get(`/api/v1/projects/${projectId}/quality/calibration`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as View;
    expect(view.questionId).toBe('sentiment');

    // The judgments and gold read back from the database in the results' order (item, time, id), encoded in order of
    // first appearance as the results service does (the cross-fit's folds follow that order).
    const rows = await store.db
      .selectFrom('annotations')
      .select(['item_id', 'annotator_id', 'answers'])
      .where('project_id', '=', projectId)
      .orderBy('item_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const gold = new Map((await store.db.selectFrom('gold_answers').select(['item_id', 'answers']).where('project_id', '=', projectId).execute()).map((g) => [g.item_id, fromJson<{ sentiment: string }>(g.answers).sentiment]));
    const itemIdx = new Map<string, number>();
    const workerIdx = new Map<string, number>();
    const item: number[] = [];
    const worker: number[] = [];
    const label: number[] = [];
    for (const r of rows) {
      if (!itemIdx.has(r.item_id)) itemIdx.set(r.item_id, itemIdx.size);
      if (!workerIdx.has(r.annotator_id)) workerIdx.set(r.annotator_id, workerIdx.size);
      item.push(itemIdx.get(r.item_id)!);
      worker.push(workerIdx.get(r.annotator_id)!);
      label.push(fromJson<{ sentiment: string }>(r.answers).sentiment === 'pos' ? 0 : 1);
    }
    const ids = [...itemIdx.keys()];
    const goldIdx = Int32Array.from(ids, (id) => (gold.has(id) ? (gold.get(id) === 'pos' ? 0 : 1) : -1));
    const judgedGold = ids.filter((id) => gold.has(id)).length;
    // Enough judged gold to calibrate on (MIN_CALIBRATION_GOLD); below, the confidences are the model's, said so.
    expect(judgedGold).toBeGreaterThanOrEqual(MIN_CALIBRATION_GOLD);
    const basis = { kind: 'calibrated', nGold: judgedGold };
    const obs = { item: Int32Array.from(item), worker: Int32Array.from(worker), label: Int32Array.from(label), nItems: ids.length, nWorkers: workerIdx.size, nClasses: 2 };
    const engine = calibratedFit(obs, goldIdx, (o, g) => runCategorical('bds', o, g ? { gold: g } : {}));

    expect(view.basis).toEqual(basis);
    expect(view.n).toBe(judgedGold);
    expect(view.bins).toHaveLength(10);
    expect(view.bins.reduce((s, b) => s + b.n, 0)).toBe(judgedGold);
    let ece = 0;
    view.bins.forEach((b, k) => {
      const inBin = [...engine.pairs.confidence.keys()].filter((j) => Math.min(9, Math.floor(engine.pairs.confidence[j]! * 10)) === k);
      expect(b.n).toBe(inBin.length);
      expect([b.lower, b.upper].map((x) => x.toFixed(6))).toEqual([(k / 10).toFixed(6), ((k + 1) / 10).toFixed(6)]);
      if (b.n === 0) {
        expect(b.accuracy).toBeNull();
        return;
      }
      const right = inBin.filter((j) => engine.pairs.correct[j] === 1).length;
      const mean = inBin.reduce((s, j) => s + engine.pairs.confidence[j]!, 0) / b.n;
      expect(b.confidence!).toBeCloseTo(mean, 9);
      const ci = wilsonInterval(right, b.n);
      expect(b.accuracy).toEqual({ rate: right / b.n, lower: ci.lower, upper: ci.upper });
      ece += (b.n / judgedGold) * Math.abs(right / b.n - mean);
    });
    expect(view.ece!).toBeCloseTo(ece, 12);

    // The results say the same basis for every confidence of the question.
    const results = (await w.manager.get(`/api/v1/projects/${projectId}/results?question=sentiment&limit=200`)).json() as { items: { aggregates: { basis: unknown }[] }[] };
    expect(results.items.length).toBe(ids.length);
    for (const r of results.items) expect(r.aggregates[0]!.basis).toEqual(basis);
  });

  it('is for managers and admins only, and names a question that is not a label question', async () => {
    expect((await w.admin.get(`/api/v1/projects/${projectId}/quality/calibration`)).statusCode).toBe(200);
    expect((await w.reviewer.get(`/api/v1/projects/${projectId}/quality/calibration`)).statusCode).toBe(403);
    expect((await w.annotators[0]!.get(`/api/v1/projects/${projectId}/quality/calibration`)).statusCode).toBe(403);
    const bad = await w.manager.get(`/api/v1/projects/${projectId}/quality/calibration?question=nope`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { field?: string } }).error.field).toBe('question');
  });

  it('is model-based and empty where nothing was judged yet', async () => {
    const fresh = await buildProject(w, { schema, items: items.slice(0, 4) });
    const view = (await w.manager.get(`/api/v1/projects/${fresh}/quality/calibration`)).json() as View;
    expect(view).toMatchObject({ questionId: 'sentiment', basis: { kind: 'model', nGold: 0 }, n: 0, ece: null });
    expect(view.bins.every((b) => b.n === 0)).toBe(true);
  });
});
