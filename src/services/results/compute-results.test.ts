import { describe, expect, it } from 'vitest';
import { parseTaskSchema } from '../../core/schema/index.js';
import { calibratedFit, calibrateRow, MIN_CALIBRATION_GOLD } from '../../quality/aggregate/calibrated.js';
import { runCategorical } from '../../quality/aggregate/methods.js';
import { aggregateMultiLabel as qualityMultiLabel } from '../../quality/aggregate/multi-label.js';
import { createRng } from '../../quality/random.js';
import { computeResults, fitInline } from './compute-results.js';
import type { CategoricalFitter, QuestionAggregate, ResultAnnotation } from './result-types.js';
import { ResultsCache } from './results-cache.js';

const schema = parseTaskSchema({
  questions: [
    { id: 'tone', type: 'label', prompt: 'Tone?', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
    { id: 'tags', type: 'multi_label', prompt: 'Tags?', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
    { id: 'quality', type: 'rating', prompt: 'Quality?', min: 1, max: 5, required: false },
    { id: 'pref', type: 'pairwise', prompt: 'Which?', left: 'l', right: 'r', required: false },
    { id: 'order', type: 'ranking', prompt: 'Order', field: 'candidates', required: false },
    { id: 'names', type: 'span', prompt: 'Names', field: 'text', labels: [{ value: 'PER', label: 'Person' }], required: false },
    {
      id: 'grade',
      type: 'rubric',
      prompt: 'Grade',
      required: false,
      criteria: [
        { id: 'c1', label: 'One', min: 1, max: 5 },
        { id: 'c2', label: 'Two', min: 0, max: 10, weight: 3 },
      ],
    },
  ],
});

const ann = (itemId: string, annotatorId: string, answers: Record<string, unknown>): ResultAnnotation => ({ itemId, annotatorId, answers });
const aggregateOf = (r: Awaited<ReturnType<typeof computeResults>>, itemId: string, q: string): QuestionAggregate =>
  r.byItem.get(itemId)!.find((a) => a.questionId === q)!;

describe('computeResults', () => {
  it('ranks by Borda count, with Kendall’s W as confidence (worked by hand)', async () => {
    // Points (c − 1 − position): candidate 0 gets 2 + 2 + 1, candidate 1 gets 1 + 0 + 2, candidate 2 gets 0 + 1 + 0.
    // Rank sums 4, 6, 8 around m(c + 1)/2 = 6: S = 8, W = 12 · 8 / (9 · 24) = 4/9.
    const r = await computeResults({
      schema,
      annotations: [ann('i', 'u1', { order: [0, 1, 2] }), ann('i', 'u2', { order: [0, 2, 1] }), ann('i', 'u3', { order: [1, 0, 2] })],
      gold: new Map(),
    });
    const a = aggregateOf(r, 'i', 'order');
    expect(a).toMatchObject({ method: 'borda', n: 3, answer: [0, 1, 2] });
    expect(a.scores![0]).toBeCloseTo(5 / 3, 12);
    expect(a.scores![1]).toBeCloseTo(1, 12);
    expect(a.scores![2]).toBeCloseTo(1 / 3, 12);
    expect(a.confidence).toBeCloseTo(4 / 9, 12);
  });

  it('averages ratings with a pooled standard error while there is too little data for the annotator model', async () => {
    // Item i: 3, 4, 5 (mean 4); item j: 2, 2 (mean 2). Within-item squares 2 on 5 − 2 = 3 df, plus the prior of
    // 2 df at one step: s² = (2 + 2) / 5 = 0.8, SE_i = √(0.8 / 3) = 0.5164, confidence 2Φ(0.5 / 0.5164) − 1.
    const r = await computeResults({
      schema,
      annotations: [ann('i', 'u1', { quality: 3 }), ann('i', 'u2', { quality: 4 }), ann('i', 'u3', { quality: 5 }), ann('j', 'u1', { quality: 2 }), ann('j', 'u2', { quality: 2 })],
      gold: new Map(),
    });
    const i = aggregateOf(r, 'i', 'quality');
    expect(i).toMatchObject({ method: 'mean', n: 3, answer: 4 });
    expect(i.standardError).toBeCloseTo(Math.sqrt(0.8 / 3), 12);
    // Φ(0.9682) = 0.83353 (normal table): confidence ≈ 0.6671.
    expect(i.confidence!).toBeCloseTo(0.6671, 3);
    expect(aggregateOf(r, 'j', 'quality')).toMatchObject({ answer: 2, n: 2 });
  });

  it('switches ratings to the Gaussian annotator model once biases are identifiable', async () => {
    const annotations: ResultAnnotation[] = [];
    for (let i = 0; i < 20; i++) for (const [k, bias] of [0, 1, -1].entries()) annotations.push(ann(`it${i}`, `u${k}`, { quality: Math.min(5, Math.max(1, 1 + (i % 4) + bias)) }));
    const r = await computeResults({ schema, annotations, gold: new Map() });
    expect(aggregateOf(r, 'it0', 'quality').method).toBe('gaussian_annotators');
  });

  it('reports a pairwise preference as the side and its strength, with P(the side is right)', async () => {
    const r = await computeResults({
      schema,
      annotations: [ann('p', 'u1', { pref: -2 }), ann('p', 'u2', { pref: -3 }), ann('p', 'u3', { pref: -1 }), ann('t', 'u1', { pref: 1 }), ann('t', 'u2', { pref: -1 })],
      gold: new Map(),
    });
    const p = aggregateOf(r, 'p', 'pref');
    expect(p.answer).toEqual({ prefers: 'left', strength: -2 });
    expect(p.confidence!).toBeGreaterThan(0.95);
    const t = aggregateOf(r, 't', 'pref');
    expect(t.answer).toEqual({ prefers: 'tie', strength: 0 });
    expect(t.confidence!).toBeLessThan(0.6);
  });

  it('finds consensus spans by character majority, with the agreement over marked characters', async () => {
    // Characters 0–2 marked by all three, 3–4 by two of three: the consensus is [0, 5) with support
    // (3 · 1 + 2 · ⅔) / 5, and the agreement over the marked characters is the same.
    const r = await computeResults({
      schema,
      annotations: [
        ann('s', 'u1', { names: [{ start: 0, end: 5, label: 'PER' }] }),
        ann('s', 'u2', { names: [{ start: 0, end: 5, label: 'PER' }] }),
        ann('s', 'u3', { names: [{ start: 0, end: 3, label: 'PER' }] }),
        ann('e', 'u1', { names: [] }),
        ann('e', 'u2', { names: [] }),
      ],
      gold: new Map(),
    });
    const s = aggregateOf(r, 's', 'names');
    expect(s.answer).toHaveLength(1);
    expect(s.answer).toMatchObject([{ start: 0, end: 5, label: 'PER' }]);
    expect((s.answer as { support: number }[])[0]!.support).toBeCloseTo(13 / 15, 12);
    expect(s.confidence!).toBeCloseTo(13 / 15, 12);
    expect(aggregateOf(r, 'e', 'names')).toMatchObject({ answer: [], confidence: 1, n: 2 });
  });

  it('averages rubric criteria and weights them into one score', async () => {
    const r = await computeResults({
      schema,
      annotations: [ann('r', 'u1', { grade: { scores: { c1: 5, c2: 10 } } }), ann('r', 'u2', { grade: { scores: { c1: 3, c2: 6 } } })],
      gold: new Map(),
    });
    const g = aggregateOf(r, 'r', 'grade');
    // Means 4 and 8; rescaled (4 − 1)/4 = 0.75 and 8/10 = 0.8, weighted 1 : 3.
    const answer = g.answer as { scores: Record<string, number>; weightedScore: number };
    expect(answer.scores).toEqual({ c1: 4, c2: 8 });
    expect(answer.weightedScore).toBeCloseTo((0.75 + 3 * 0.8) / 4, 12);
    expect(g.method).toBe('mean_per_criterion');
  });

  it('aggregates multi-label answers exactly as the engine’s binary relevance does', async () => {
    const picks = [
      ['i1', 'u1', ['a']],
      ['i1', 'u2', ['a', 'b']],
      ['i1', 'u3', []],
      ['i2', 'u1', ['b']],
      ['i2', 'u2', ['b']],
      ['i2', 'u3', ['a', 'b']],
    ] as const;
    const r = await computeResults({ schema, annotations: picks.map(([i, u, v]) => ann(i, u, { tags: [...v] })), gold: new Map() });
    const engine = qualityMultiLabel({
      item: Int32Array.from(picks.map(([i]) => (i === 'i1' ? 0 : 1))),
      worker: Int32Array.from(picks.map(([, u]) => Number(u.slice(1)) - 1)),
      selected: Uint8Array.from(picks.flatMap(([, , v]) => [v.includes('a' as never) ? 1 : 0, v.includes('b' as never) ? 1 : 0])),
      nItems: 2,
      nWorkers: 3,
      nLabels: 2,
    }, 'bds');
    for (const [i, id] of ['i1', 'i2'].entries()) {
      const m = aggregateOf(r, id, 'tags');
      expect(m.distribution!.a).toBeCloseTo(engine.probability[i * 2]!, 12);
      expect(m.distribution!.b).toBeCloseTo(engine.probability[i * 2 + 1]!, 12);
      expect(m.answer).toEqual(['a', 'b'].filter((_, l) => engine.present[i * 2 + l] === 1));
    }
  });

  it('leaves out answers that no longer fit the schema, and counts text answers only', async () => {
    const r = await computeResults({ schema, annotations: [ann('o', 'u1', { tone: 'gone', quality: 9 }), ann('o', 'u2', { tone: 'x' })], gold: new Map() });
    expect(aggregateOf(r, 'o', 'tone').n).toBe(1);
    expect(r.byItem.get('o')!.find((a) => a.questionId === 'quality')).toBeUndefined();
  });
});

describe('clamped gold', () => {
  /**
   * Two annotators who agree with each other and a third who disagrees with both on every item. Without gold the
   * pair outvotes the third; gold items on which the third is right (and the pair wrong) reverse who is trusted.
   */
  const annotations: ResultAnnotation[] = [];
  for (let i = 0; i < 8; i++) {
    annotations.push(ann(`n${i}`, 'pair1', { tone: 'x' }), ann(`n${i}`, 'pair2', { tone: 'x' }), ann(`n${i}`, 'loner', { tone: 'y' }));
  }
  for (let i = 0; i < 6; i++) {
    annotations.push(ann(`g${i}`, 'pair1', { tone: 'x' }), ann(`g${i}`, 'pair2', { tone: 'x' }), ann(`g${i}`, 'loner', { tone: 'y' }));
  }
  const gold = new Map(Array.from({ length: 6 }, (_, i) => [`g${i}`, { tone: 'y' }] as const));
  const skillOf = (r: Awaited<ReturnType<typeof computeResults>>, who: string) => r.annotatorSkill.get('tone')!.find((s) => s.annotatorId === who)!.skill;

  it('raises the skill of the annotator the gold agrees with, and lowers the others’', async () => {
    const without = await computeResults({ schema, annotations, gold: new Map() });
    const withGold = await computeResults({ schema, annotations, gold });
    expect(skillOf(without, 'loner')).toBeLessThan(0.5);
    expect(skillOf(without, 'pair1')).toBeGreaterThan(0.5);
    expect(skillOf(withGold, 'loner')).toBeGreaterThan(skillOf(without, 'loner'));
    expect(skillOf(withGold, 'pair1')).toBeLessThan(skillOf(without, 'pair1'));
    expect(skillOf(withGold, 'loner')).toBeGreaterThan(skillOf(withGold, 'pair1'));
    // On the items without gold the verdict follows the annotator the gold vouched for.
    expect(aggregateOf(without, 'n0', 'tone').answer).toBe('x');
    expect(aggregateOf(withGold, 'n0', 'tone').answer).toBe('y');
  });

  it('hands the fitter the gold as class indices, and reports a gold item’s crowd verdict, not its gold answer', async () => {
    // Three annotators who agree on eight items (four x, four y), and all say x on n0, whose gold answer is y.
    const agreeing: ResultAnnotation[] = [];
    for (let i = 0; i < 9; i++) for (const u of ['u1', 'u2', 'u3']) agreeing.push(ann(`n${i}`, u, { tone: i % 2 === 0 ? 'x' : 'y' }));
    const seen: (Int32Array | undefined)[] = [];
    const spy: CategoricalFitter = (obs, g) => {
      seen.push(g ? Int32Array.from(g) : undefined);
      return fitInline(obs, g);
    };
    const r = await computeResults({ schema, annotations: agreeing, gold: new Map([['n0', { tone: 'y' }]]) }, spy);
    // The cross-fit: first a fit with n0's answer unknown (its crowd verdict comes from there), then n0 clamped.
    expect(seen.map((g) => Array.from(g!))).toEqual([new Array(9).fill(-1), [1, -1, -1, -1, -1, -1, -1, -1, -1]]);
    // The clamped row would say y with certainty; the crowd, trusted everywhere else, says x.
    const n0 = aggregateOf(r, 'n0', 'tone');
    expect(n0.answer).toBe('x');
    expect(n0.confidence!).toBeGreaterThan(0.5);
    expect(n0.confidence!).toBeLessThan(1);
    // One judged gold item is too few to calibrate on: the confidences are the model's, and say so.
    expect(n0.basis).toEqual({ kind: 'model', nGold: 1 });
  });
});

describe('calibrated on the gold', () => {
  // 400 items × 3 judgments by 10 annotators of accuracy 0.55–0.95 (seeded), 120 of them gold.
  const rng = createRng(21);
  const annotations: ResultAnnotation[] = [];
  const gold = new Map<string, Record<string, unknown>>();
  const item: number[] = [];
  const worker: number[] = [];
  const label: number[] = [];
  const workers = new Map<string, number>();
  for (let i = 0; i < 400; i++) {
    const truth = rng.nextInt(2);
    if (i % 10 < 3) gold.set(`i${i}`, { tone: truth === 0 ? 'x' : 'y' });
    const who = new Set<number>();
    while (who.size < 3) who.add(rng.nextInt(10));
    for (const u of who) {
      const g = rng.next() < 0.55 + 0.04 * u ? truth : 1 - truth;
      annotations.push(ann(`i${i}`, `u${u}`, { tone: g === 0 ? 'x' : 'y' }));
      if (!workers.has(`u${u}`)) workers.set(`u${u}`, workers.size);
      item.push(i);
      worker.push(workers.get(`u${u}`)!);
      label.push(g);
    }
  }
  // The same judgments encoded by hand (items and annotators in order of first appearance, classes in option order).
  const obs = { item: Int32Array.from(item), worker: Int32Array.from(worker), label: Int32Array.from(label), nItems: 400, nWorkers: workers.size, nClasses: 2 };
  const goldIdx = Int32Array.from({ length: 400 }, (_, i) => (gold.has(`i${i}`) ? (gold.get(`i${i}`)!.tone === 'x' ? 0 : 1) : -1));

  it('calibrates every confidence of a label question on its judged gold, and says so', async () => {
    const r = await computeResults({ schema, annotations, gold });
    const engine = calibratedFit(obs, goldIdx, (o, g) => runCategorical('bds', o, g ? { gold: g } : {}));
    expect(engine.basis).toEqual({ kind: 'calibrated', nGold: 120 });
    for (let i = 0; i < 400; i++) {
      const a = aggregateOf(r, `i${i}`, 'tone');
      expect(a.basis).toEqual({ kind: 'calibrated', nGold: 120 });
      // Other items: the calibrated fit's row. Gold items: their out-of-fold row, calibrated the same way.
      const row = goldIdx[i]! < 0 ? engine.result.posterior.slice(i * 2, i * 2 + 2) : engine.crossFit.slice(i * 2, i * 2 + 2);
      if (goldIdx[i]! >= 0) calibrateRow(row, 0, 2, engine);
      expect(a.distribution!.x).toBeCloseTo(row[0]!, 9);
      expect(a.confidence).toBeCloseTo(Math.max(row[0]!, row[1]!), 9);
    }
  });

  it('keeps the model-based confidence below the least number of judged gold items', async () => {
    const few = new Map([...gold].slice(0, MIN_CALIBRATION_GOLD - 1));
    const r = await computeResults({ schema, annotations, gold: few });
    expect(aggregateOf(r, 'i3', 'tone').basis).toEqual({ kind: 'model', nGold: MIN_CALIBRATION_GOLD - 1 });
  });
});

describe('ResultsCache', () => {
  it('computes once per version, shares a computation underway, and drops the least recently used project', async () => {
    const cache = new ResultsCache<string>(2);
    let runs = 0;
    const compute = (v: string) => async () => `${v}#${++runs}`;
    const [a, b] = await Promise.all([cache.get('p1', 'v1', compute('v1')), cache.get('p1', 'v1', compute('v1'))]);
    expect([a, b]).toEqual(['v1#1', 'v1#1']);
    expect(await cache.get('p1', 'v2', compute('v2'))).toBe('v2#2');
    await cache.get('p2', 'v1', compute('v1'));
    await cache.get('p1', 'v2', compute('v2'));
    await cache.get('p3', 'v1', compute('v1'));
    expect(cache.size).toBe(2);
    // p1 was used after p2, so p2 was dropped: p1 is served from the cache, p2 is computed again.
    expect(await cache.get('p1', 'v2', compute('v2'))).toBe('v2#2');
    expect(await cache.get('p2', 'v1', compute('v1'))).toBe('v1#5');
  });

  it('forgets a failed computation', async () => {
    const cache = new ResultsCache<number>();
    await expect(cache.get('p', 'v', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('p', 'v', async () => 7)).toBe(7);
  });
});
