import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dawidSkene, RECOMMENDED_DS_OPTIONS, type DawidSkeneOptions, type DawidSkeneResult } from '../quality/aggregate/dawid-skene.js';
import { accuracy, hasDatasets, loadCategorical, CATEGORICAL_DATASETS } from '../quality/test-support/datasets.js';
import type { Observations } from '../quality/types.js';
import { DawidSkeneThreads } from './dawid-skene-threads.js';
import { simulateCrowd } from '../quality/test-support/simulate.js';


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
    const obs = simulateCrowd(100 + K, 3_000, 60, K, 5, true);
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
    const obs = simulateCrowd(7, 4_000, 80, 4, 6, true);
    const opts = { maxIter: 30, tol: 0, ...o };
    expectSameFit(two.fit(obs, opts), dawidSkene(obs, opts));
  });

  it('equals the one-thread fit with clamped gold and a warm start', () => {
    const obs = simulateCrowd(8, 2_000, 40, 3, 5, true);
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
    const one = simulateCrowd(3, 1, 5, 2, 4, true);
    expectSameFit(three.fit(one, opts), dawidSkene(one, opts));
    const empty: Observations = { item: new Int32Array(0), worker: new Int32Array(0), label: new Int32Array(0), nItems: 0, nWorkers: 0, nClasses: 2 };
    expect(three.fit(empty).labels.length).toBe(0);
  });

  it('serves fit after fit, and refuses to fit once closed', async () => {
    const obs = simulateCrowd(9, 1_000, 20, 3, 4, true);
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
