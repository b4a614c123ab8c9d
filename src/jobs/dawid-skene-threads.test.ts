import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dawidSkene, RECOMMENDED_DS_OPTIONS, type DawidSkeneOptions, type DawidSkeneResult } from '../quality/aggregate/dawid-skene.js';
import { createRng } from '../quality/random.js';
import { accuracy, hasDatasets, loadCategorical, CATEGORICAL_DATASETS } from '../quality/test-support/datasets.js';
import type { Observations } from '../quality/types.js';
import { DawidSkeneThreads } from './dawid-skene-threads.js';

/** nItems × overlap judgments from workers with random diagonal-heavy confusions, in a shuffled order. */
function simulate(seed: number, nItems: number, nWorkers: number, K: number, overlap: number): Observations {
  const rng = createRng(seed);
  const conf = new Float64Array(nWorkers * K * K);
  for (let w = 0; w < nWorkers; w++)
    for (let t = 0; t < K; t++) {
      let s = 0;
      for (let g = 0; g < K; g++) s += conf[(w * K + t) * K + g] = (g === t ? 3 : 0) + rng.next();
      for (let g = 0; g < K; g++) conf[(w * K + t) * K + g]! /= s;
    }
  const n = nItems * overlap;
  const item = new Int32Array(n);
  const worker = new Int32Array(n);
  const label = new Int32Array(n);
  for (let i = 0, o = 0; i < nItems; i++) {
    const t = rng.nextInt(K);
    for (let j = 0; j < overlap; j++, o++) {
      const w = rng.nextInt(nWorkers);
      let u = rng.next();
      let g = 0;
      while (g < K - 1 && (u -= conf[(w * K + t) * K + g]!) > 0) g++;
      item[o] = i;
      worker[o] = w;
      label[o] = g;
    }
  }
  // Shuffle the judgments: the team must not rely on input order.
  for (let o = n - 1; o > 0; o--) {
    const p = rng.nextInt(o + 1);
    for (const a of [item, worker, label]) [a[o], a[p]] = [a[p]!, a[o]!];
  }
  return { item, worker, label, nItems, nWorkers, nClasses: K };
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j]! - b[j]!));
  return m;
}

/** The team's fit equals the one-thread fit up to the order of floating-point additions. */
function expectSameFit(threaded: DawidSkeneResult, single: DawidSkeneResult): void {
  expect(threaded.iterations).toBe(single.iterations);
  expect(threaded.converged).toBe(single.converged);
  expect(maxAbsDiff(threaded.posterior, single.posterior)).toBeLessThan(1e-12);
  expect(maxAbsDiff(threaded.confusion, single.confusion)).toBeLessThan(1e-12);
  expect(maxAbsDiff(threaded.priors, single.priors)).toBeLessThan(1e-12);
  threaded.lossHistory.forEach((l, j) => expect(Math.abs(l - single.lossHistory[j]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(l))));
  // Labels can differ only on an exact tie; these data have none.
  expect(Array.from(threaded.labels)).toEqual(Array.from(single.labels));
  expect(Array.from(threaded.workerCount)).toEqual(Array.from(single.workerCount));
}

describe('DawidSkeneThreads', () => {
  let two: DawidSkeneThreads;
  let three: DawidSkeneThreads;
  beforeAll(async () => {
    [two, three] = await Promise.all([DawidSkeneThreads.start(2), DawidSkeneThreads.start(3)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([two?.close(), three?.close()]);
  });

  it.each([2, 3, 4, 5, 6, 7])('equals the one-thread fit for %i classes (unrolled and generic sweeps)', (K) => {
    const obs = simulate(100 + K, 3_000, 60, K, 5);
    const opts = { ...RECOMMENDED_DS_OPTIONS, maxIter: 40, tol: 0 };
    expectSameFit(two.fit(obs, opts), dawidSkene(obs, opts));
    expectSameFit(three.fit(obs, opts), dawidSkene(obs, opts));
  });

  it.each<[string, DawidSkeneOptions]>([
    ['maximum likelihood', {}],
    ['diagonal and prior pseudo-counts', { smoothing: 0.5, diagonalSmoothing: 1, priorSmoothing: 2 }],
    ['pooling (M-step on thread 0)', { smoothing: 0.01, pooling: 5 }],
    ['the default stopping rule', { smoothing: 0.01, maxIter: 100 }],
  ])('equals the one-thread fit with %s', (_, o) => {
    const obs = simulate(7, 4_000, 80, 4, 6);
    const opts = { maxIter: 30, tol: 0, ...o };
    expectSameFit(two.fit(obs, opts), dawidSkene(obs, opts));
  });

  it('equals the one-thread fit with clamped gold and a warm start', () => {
    const obs = simulate(8, 2_000, 40, 3, 5);
    const gold = new Int32Array(obs.nItems).fill(-1);
    for (let i = 0; i < obs.nItems; i += 9) gold[i] = i % 3;
    const first = dawidSkene(obs, { maxIter: 3 });
    const opts = { ...RECOMMENDED_DS_OPTIONS, gold, init: first.posterior, maxIter: 20, tol: 0 };
    const threaded = two.fit(obs, opts);
    expectSameFit(threaded, dawidSkene(obs, opts));
    for (let i = 0; i < obs.nItems; i += 9) expect(threaded.posterior[i * 3 + (i % 3)]).toBe(1);
  });

  it('handles items with many judgments (log-space fallback), more threads than items, and empty input', () => {
    const many: Observations = {
      item: new Int32Array(440).map((_, o) => (o < 400 ? 0 : 1 + (o % 40))),
      worker: new Int32Array(440).map((_, o) => o % 50),
      label: new Int32Array(440).map((_, o) => (o % 3 === 0 ? 1 : 0)),
      nItems: 41,
      nWorkers: 50,
      nClasses: 3,
    };
    const opts = { maxIter: 5, tol: 0, smoothing: 1e-3 };
    expectSameFit(three.fit(many, opts), dawidSkene(many, opts));
    const one = simulate(3, 1, 5, 2, 4);
    expectSameFit(three.fit(one, opts), dawidSkene(one, opts));
    const empty: Observations = { item: new Int32Array(0), worker: new Int32Array(0), label: new Int32Array(0), nItems: 0, nWorkers: 0, nClasses: 2 };
    expect(three.fit(empty).labels.length).toBe(0);
  });

  it('serves fit after fit, and refuses to fit once closed', async () => {
    const obs = simulate(9, 1_000, 20, 3, 4);
    const a = two.fit(obs, { maxIter: 10, tol: 0 });
    const b = two.fit(obs, { maxIter: 10, tol: 0 });
    expect(Array.from(a.posterior)).toEqual(Array.from(b.posterior));
    const team = await DawidSkeneThreads.start(2);
    await team.close();
    expect(() => team.fit(obs)).toThrow(/closed/);
  });

  it.skipIf(!hasDatasets())('gives the same labels as one thread on the public data sets, so the same accuracy', () => {
    for (const name of CATEGORICAL_DATASETS) {
      const d = loadCategorical(name);
      const single = dawidSkene(d.obs, RECOMMENDED_DS_OPTIONS);
      const threaded = two.fit(d.obs, RECOMMENDED_DS_OPTIONS);
      expect(threaded.iterations).toBe(single.iterations);
      expect(maxAbsDiff(threaded.posterior, single.posterior)).toBeLessThan(1e-12);
      expect(accuracy(threaded.labels, d.gold)).toBe(accuracy(single.labels, d.gold));
    }
  });
});
