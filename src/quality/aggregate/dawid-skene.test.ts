import { describe, expect, it } from 'vitest';
import { encodeTriples } from '../encode.js';
import { createRng } from '../random.js';
import type { Observations } from '../types.js';
import { dawidSkene, fitDawidSkene, RECOMMENDED_DS_OPTIONS, type DawidSkeneOptions } from './dawid-skene.js';
import { ONE_THREAD } from './dawid-skene-em.js';
import { dawidSkeneReference } from './dawid-skene-reference.js';
import { wasmPlan } from './dawid-skene-wasm.js';
import { CATEGORICAL_DATASETS, hasDatasets, loadCategorical } from '../test-support/datasets.js';
import { simulateCrowd } from '../test-support/simulate.js';

// Toy data of Crowd-Kit's tests/aggregation/test_ds_aggregation.py (5 tasks × 5 workers, t1 has no label from w3).
const TOY: [string, string, string][] = [
  ['t1', 'w1', 'no'], ['t1', 'w2', 'yes'], ['t1', 'w4', 'yes'], ['t1', 'w5', 'no'],
  ['t2', 'w1', 'yes'], ['t2', 'w2', 'yes'], ['t2', 'w3', 'yes'], ['t2', 'w4', 'no'], ['t2', 'w5', 'no'],
  ['t3', 'w1', 'yes'], ['t3', 'w2', 'no'], ['t3', 'w3', 'no'], ['t3', 'w4', 'yes'], ['t3', 'w5', 'no'],
  ['t4', 'w1', 'yes'], ['t4', 'w2', 'yes'], ['t4', 'w3', 'yes'], ['t4', 'w4', 'yes'], ['t4', 'w5', 'yes'],
  ['t5', 'w1', 'yes'], ['t5', 'w2', 'no'], ['t5', 'w3', 'no'], ['t5', 'w4', 'no'], ['t5', 'w5', 'no'],
];
const toy = encodeTriples(TOY.map((r) => r[0]), TOY.map((r) => r[1]), TOY.map((r) => r[2]));
// Classes sort as no = 0, yes = 1; items t1..t5 = 0..4; workers are numbered by first appearance (w3 comes last).
const W = (name: string) => toy.workerIds.indexOf(name);
const conf = (r: { confusion: Float64Array }, w: number, t: number, g: number) => r.confusion[(W(`w${w + 1}`) * 2 + t) * 2 + g]!;

describe('dawidSkene on the Crowd-Kit toy data', () => {
  it('starts from the vote shares and fits priors and confusions to them (iteration 0)', () => {
    const r = dawidSkene(toy.obs, { maxIter: 0 });
    // Vote shares P(yes): t1 2/4, t2 3/5, t3 2/5, t4 5/5, t5 1/5.
    expect(Array.from(r.posterior.filter((_, j) => j % 2 === 1))).toEqual([0.5, 0.6, 0.4, 1, 0.2].map((x) => expect.closeTo(x, 12)));
    // Priors: mean P(no) = (0.5 + 0.4 + 0.6 + 0 + 0.8) / 5 = 0.46.
    expect(r.priors[0]).toBeCloseTo(0.46, 12);
    // w1 said "no" only on t1: P(says no | true no) = 0.5 / 2.3 = 0.2174 (Crowd-Kit: 0.22);
    // P(says no | true yes) = 0.5 / 2.7 = 0.1852 (Crowd-Kit: 0.19).
    expect(toy.classIds).toEqual(['no', 'yes']);
    expect(conf(r, 0, 0, 0)).toBeCloseTo(0.5 / 2.3, 12);
    expect(conf(r, 0, 1, 0)).toBeCloseTo(0.5 / 2.7, 12);
    // Crowd-Kit's 2-digit fixture errors_iter_0, as (worker, said, true) → value.
    const fixture: [number, number, number, number][] = [
      [0, 0, 0, 0.22], [0, 0, 1, 0.19], [1, 0, 0, 0.61], [1, 0, 1, 0.22], [2, 0, 0, 0.78], [2, 0, 1, 0.27],
      [3, 0, 0, 0.52], [3, 0, 1, 0.3], [4, 0, 0, 1.0], [4, 0, 1, 0.63],
    ];
    for (const [w, g, t, v] of fixture) expect(conf(r, w, t, g)).toBeCloseTo(v, 2);
  });

  it('reproduces one EM step computed by hand (iteration 1)', () => {
    const r = dawidSkene(toy.obs, { maxIter: 1, tol: 0 });
    // t1 (w1 no, w2 yes, w4 yes, w5 no) under the iteration-0 parameters:
    //   no : 0.46 · 0.5/2.3 · 0.9/2.3 · 1.1/2.3 · 2.3/2.3   (w5 said "no" on every item with any "no" mass)
    //   yes: 0.54 · 0.5/2.7 · 2.1/2.7 · 1.9/2.7 · 1.7/2.7
    const no = 0.46 * (0.5 / 2.3) * (0.9 / 2.3) * (1.1 / 2.3) * 1;
    const yes = 0.54 * (0.5 / 2.7) * (2.1 / 2.7) * (1.9 / 2.7) * (1.7 / 2.7);
    expect(r.posterior[0]).toBeCloseTo(no / (no + yes), 12); // 0.349 (Crowd-Kit probas_iter_1: 0.35)
    // Crowd-Kit's probas_iter_1 (P(no) per task) and priors_iter_1, to their two digits.
    expect(Array.from(r.posterior.filter((_, j) => j % 2 === 0))).toEqual(
      [0.35, 0.26, 0.87, 0.0, 0.95].map((x) => expect.closeTo(x, 2)),
    );
    expect(r.priors[0]).toBeCloseTo(0.49, 2);
    const fixture: [number, number, number, number][] = [
      [0, 0, 0, 0.14], [0, 0, 1, 0.25], [1, 0, 0, 0.75], [1, 0, 1, 0.07], [2, 0, 0, 0.87], [2, 0, 1, 0.09],
      [3, 0, 0, 0.5], [3, 0, 1, 0.31], [4, 0, 0, 1.0], [4, 0, 1, 0.61],
    ];
    for (const [w, g, t, v] of fixture) expect(conf(r, w, t, g)).toBeCloseTo(v, 2);
    expect(Array.from(r.labels)).toEqual([1, 1, 0, 1, 0]); // yes, yes, no, yes, no
  });

  it('keeps clamped gold items at their known class and uses them to fit the confusions', () => {
    const gold = new Int32Array([1, 1, -1, -1, -1]);
    for (const maxIter of [0, 1, 2, 10]) {
      const r = dawidSkene(toy.obs, { maxIter, gold });
      expect(r.posterior[1]).toBe(1);
      expect(r.posterior[3]).toBe(1);
      expect(r.labels[0]).toBe(1);
    }
  });
});


// The two one-thread plans of the fast version: the sweep in JavaScript, and in WebAssembly SIMD.
const js = (obs: Observations, opts: DawidSkeneOptions) => fitDawidSkene(obs, opts, ONE_THREAD);
const wasm = (obs: Observations, opts: DawidSkeneOptions) => {
  const plan = wasmPlan(obs);
  if (plan === undefined) throw new Error(`no WebAssembly plan for K = ${obs.nClasses}`);
  return fitDawidSkene(obs, opts, plan);
};

describe.each([
  ['JavaScript', js],
  ['WebAssembly', wasm],
])('dawidSkene (sweep in %s) against the reference implementation', (_, fitFast) => {
  it.each([
    [1, 4, {}],
    [2, 4, { smoothing: 0.5, diagonalSmoothing: 1, priorSmoothing: 2 }],
    [3, 4, { smoothing: 0.01 }],
    [4, 4, { gold: 'some' as const }],
    [15, 2, { smoothing: 0.01 }],
    [6, 3, { gold: 'some' as const }],
    [7, 5, { smoothing: 0.01, gold: 'some' as const }],
    [8, 6, {}],
  ])('agrees to rounding on simulated data (case %i, K = %i)', (seed, K, o) => {
    const obs = simulateCrowd(seed, 300, 20, K, 5);
    const gold = new Int32Array(obs.nItems).fill(-1);
    for (let i = 0; i < obs.nItems; i += 7) gold[i] = i % K;
    const opts = { ...o, gold: 'gold' in o ? gold : undefined, maxIter: 30, tol: 0 };
    const fast = fitFast(obs, opts);
    const ref = dawidSkeneReference(obs, opts);
    // With tol 0 a fit also stops when its objective repeats exactly, which rounding can make happen an iteration
    // apart in the two (e.g. K = 2, seed 5, at iterations 23 and 25); the seeds here run the same iterations.
    expect(fast.iterations).toBe(ref.iterations);
    for (let j = 0; j < fast.posterior.length; j++) expect(fast.posterior[j]).toBeCloseTo(ref.posterior[j]!, 9);
    for (let j = 0; j < fast.confusion.length; j++) expect(fast.confusion[j]).toBeCloseTo(ref.confusion[j]!, 9);
    fast.lossHistory.forEach((l, j) => expect(l).toBeCloseTo(ref.lossHistory[j]!, 6));
  });

  it('recomputes in log space an item whose product of probabilities underflows', () => {
    // 400 judgments on one item from workers who are right with probability ~0.01 per wrong class: the product of
    // 400 small numbers underflows double precision unless rescaled.
    const n = 400;
    const obs: Observations = {
      item: new Int32Array(n + 40).map((_, o) => (o < n ? 0 : 1 + (o % 40))),
      worker: new Int32Array(n + 40).map((_, o) => o % 50),
      label: new Int32Array(n + 40).map((_, o) => (o % 3 === 0 ? 1 : 0)),
      nItems: 41,
      nWorkers: 50,
      nClasses: 3,
    };
    const fast = fitFast(obs, { maxIter: 5, tol: 0, smoothing: 1e-3 });
    const ref = dawidSkeneReference(obs, { maxIter: 5, tol: 0, smoothing: 1e-3 });
    for (let j = 0; j < fast.posterior.length; j++) expect(fast.posterior[j]).toBeCloseTo(ref.posterior[j]!, 9);
    expect(fast.lossHistory.at(-1)).toBeCloseTo(ref.lossHistory.at(-1)!, 6);
  });
});

describe('dawidSkene with the sweep in WebAssembly', () => {
  const same = (a: Float64Array, b: Float64Array) => {
    expect(a.length).toBe(b.length);
    let differ = 0;
    for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) differ++;
    expect(differ).toBe(0);
  };

  it.each([2, 3, 4, 5, 6])('gives the same bits as the JavaScript sweep, K = %i, with every slow path taken', (K) => {
    // Items with 5 judgments (the unrolled path), 300 items with 12 (the long path, rescaled), gold items, one item
    // of 120 more judgments from workers that are almost never right (its product underflows, so it goes back to
    // the generic JavaScript code in the middle of the sweep), and worker 25, who labels only two gold items (so
    // without smoothing their columns of the other classes are empty, and θ falls back to 1/K there).
    const short = simulateCrowd(30 + K, 400, 25, K, 5);
    const long = simulateCrowd(60 + K, 300, 25, K, 12);
    const m = short.label.length;
    const m2 = m + long.label.length;
    const extra = 120;
    const n = m2 + extra + 2;
    const pick = (o: number, a: Int32Array, b: Int32Array, offset: number, tail: number, last: number) =>
      o < m ? a[o]! : o < m2 ? b[o - m]! + offset : o < m2 + extra ? tail : last;
    const obs: Observations = {
      item: Int32Array.from({ length: n }, (_, o) => pick(o, short.item, long.item, short.nItems, 17, o === n - 1 ? 3 : 14)),
      worker: Int32Array.from({ length: n }, (_, o) => pick(o, short.worker, long.worker, 0, o % 25, 25)),
      label: Int32Array.from({ length: n }, (_, o) => pick(o, short.label, long.label, 0, o % K, 0)),
      nItems: short.nItems + long.nItems,
      nWorkers: 26,
      nClasses: K,
    };
    const gold = new Int32Array(obs.nItems).fill(-1);
    for (let i = 3; i < obs.nItems; i += 11) gold[i] = i % K;
    const init = dawidSkene(obs, { maxIter: 2 }).posterior;
    for (const opts of [
      { smoothing: 0.01, gold },
      { gold },
      {},
      { smoothing: 1e-3, diagonalSmoothing: 1, priorSmoothing: 2 },
      { pooling: 2 },
      { smoothing: 0.01, init },
    ]) {
      const a = js(obs, { ...opts, maxIter: 25, tol: 0 });
      const b = wasm(obs, { ...opts, maxIter: 25, tol: 0 });
      same(a.posterior, b.posterior);
      same(a.confusion, b.confusion);
      same(a.priors, b.priors);
      expect(b.lossHistory).toEqual(a.lossHistory);
    }
  });

  it.skipIf(!hasDatasets()).each(CATEGORICAL_DATASETS)('gives the same bits as the JavaScript sweep on %s', (name) => {
    const { obs } = loadCategorical(name);
    const a = js(obs, RECOMMENDED_DS_OPTIONS);
    const b = wasm(obs, RECOMMENDED_DS_OPTIONS);
    same(a.posterior, b.posterior);
    same(a.confusion, b.confusion);
    expect(b.lossHistory).toEqual(a.lossHistory);
  });

  it('is what dawidSkene runs for 2 to 6 classes, and not for more', () => {
    expect(wasmPlan(simulateCrowd(1, 10, 3, 2, 3))).toBeDefined();
    expect(wasmPlan(simulateCrowd(1, 10, 3, 6, 3))).toBeDefined();
    expect(wasmPlan(simulateCrowd(1, 10, 3, 7, 3))).toBeUndefined();
    const obs = simulateCrowd(2, 200, 10, 5, 4);
    same(dawidSkene(obs, { maxIter: 10 }).posterior, wasm(obs, { maxIter: 10 }).posterior);
  });

  it('returns a posterior and priors of their own, not views of its memory', () => {
    const r = dawidSkene(simulateCrowd(3, 50, 5, 3, 3), { maxIter: 3 });
    expect(r.posterior.buffer.byteLength).toBe(r.posterior.byteLength);
    expect(r.priors.buffer.byteLength).toBe(r.priors.byteLength);
  });
});

describe('dawidSkene, further properties', () => {
  it('never decreases the objective (EM ascent), with or without smoothing', () => {
    for (const opts of [{}, { smoothing: 0.1, diagonalSmoothing: 1, priorSmoothing: 1 }]) {
      const r = dawidSkene(simulateCrowd(9, 500, 30, 3, 4), { ...opts, maxIter: 40, tol: 0 });
      for (let j = 1; j < r.lossHistory.length; j++) expect(r.lossHistory[j]!).toBeGreaterThanOrEqual(r.lossHistory[j - 1]! - 1e-7);
    }
  });

  it('recovers a perfect worker and the truth they report', () => {
    // Worker 10 gives item i its true class i % 3; four of ten noisy workers (right 70% of the time) join in.
    const obs = { nItems: 400 };
    const rng = createRng(11);
    const n = obs.nItems * 5;
    const item = new Int32Array(n);
    const worker = new Int32Array(n);
    const label = new Int32Array(n);
    for (let i = 0, o = 0; i < obs.nItems; i++) {
      const truth = i % 3;
      item[o] = i;
      worker[o] = 10;
      label[o++] = truth;
      for (let j = 0; j < 4; j++, o++) {
        item[o] = i;
        worker[o] = rng.nextInt(10);
        label[o] = rng.next() < 0.7 ? truth : (truth + 1 + rng.nextInt(2)) % 3;
      }
    }
    const r = dawidSkene({ item, worker, label, nItems: obs.nItems, nWorkers: 11, nClasses: 3 });
    expect(r.workerSkill[10]).toBeGreaterThan(0.99);
    let right = 0;
    for (let i = 0; i < obs.nItems; i++) if (r.labels[i] === i % 3) right++;
    // The only possible misses are items where all four others agree on the same wrong class (≈ 0.3⁴/2 each).
    expect(right).toBeGreaterThanOrEqual(obs.nItems - 2);
  });
});

describe('dawidSkene options', () => {
  it('warm-starts from a given posterior and reaches the same fit', () => {
    const obs = simulateCrowd(21, 300, 15, 3, 5);
    const cold = dawidSkene(obs, { tol: 1e-10, maxIter: 500 });
    const warm = dawidSkene(obs, { init: cold.posterior, tol: 1e-10, maxIter: 500 });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    for (let j = 0; j < cold.posterior.length; j++) expect(warm.posterior[j]).toBeCloseTo(cold.posterior[j]!, 4);
  });

  it('shrinks the confusion matrix of a worker with few judgments towards the crowd with pooling', () => {
    // Worker 3 labels a single item, against three agreeing workers; without pooling their accuracy collapses.
    const rows: [number, number, number][] = [];
    for (let i = 0; i < 40; i++) for (let w = 0; w < 3; w++) rows.push([i, w, i % 2]);
    rows.push([0, 3, 1]);
    const obs: Observations = {
      item: Int32Array.from(rows.map((r) => r[0])),
      worker: Int32Array.from(rows.map((r) => r[1])),
      label: Int32Array.from(rows.map((r) => r[2])),
      nItems: 40,
      nWorkers: 4,
      nClasses: 2,
    };
    const plain = dawidSkene(obs);
    const pooled = dawidSkene(obs, { pooling: 5 });
    expect(plain.workerSkill[3]).toBeLessThan(0.6);
    expect(pooled.workerSkill[3]).toBeGreaterThan(plain.workerSkill[3]! + 0.2);
  });

  it('rejects negative pseudo-counts and a mis-sized start', () => {
    const obs = simulateCrowd(22, 10, 3, 2, 3);
    expect(() => dawidSkene(obs, { smoothing: -1 })).toThrow(RangeError);
    expect(() => dawidSkene(obs, { init: new Float64Array(3) })).toThrow(RangeError);
  });
});
