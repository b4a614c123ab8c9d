/** Properties every categorical method must have, checked with fast-check on random small data sets. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CategoricalResult, Observations } from '../types.js';
import { CATEGORICAL_METHODS, runCategorical, type CategoricalMethod } from './methods.js';
import { mace } from './mace.js';

/** Arbitrary observations: up to 12 items, 6 workers, 4 classes, 40 judgments (duplicates allowed). */
const observations = fc
  .record({ nItems: fc.integer({ min: 1, max: 12 }), nWorkers: fc.integer({ min: 1, max: 6 }), nClasses: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nItems, nWorkers, nClasses }) =>
    fc
      .array(fc.tuple(fc.nat(nItems - 1), fc.nat(nWorkers - 1), fc.nat(nClasses - 1)), { minLength: 1, maxLength: 40 })
      .map(
        (rows): Observations => ({
          item: Int32Array.from(rows.map((r) => r[0])),
          worker: Int32Array.from(rows.map((r) => r[1])),
          label: Int32Array.from(rows.map((r) => r[2])),
          nItems,
          nWorkers,
          nClasses,
        }),
      ),
  );

/** A permutation of 0..n-1 as an arbitrary. */
const permutationOf = (n: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    Int32Array.from(keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[1])),
  );

// Renaming reorders the floating-point sums, so a stopping rule on the change in log-likelihood can stop one run an
// iteration before the other (posteriors then differ by that last step, ~1e-6). Equivariance is therefore checked
// over a fixed number of iterations, where only rounding separates the two runs.
const FIXED_ITERATIONS = { maxIter: 40, tol: 0 } as const;
// MACE draws its random restarts in worker and class order, so renaming changes its starting points; its
// equivariance is checked from the (deterministic) majority-vote start alone. It keeps its stopping rule: from a
// symmetric start (one worker, one 0 and one 1) it sits on a saddle, which it leaves only by rounding if forced to
// iterate on, in whichever direction the rounding of each ordering points; its rule stops it on that plateau.
const run = (m: CategoricalMethod, obs: Observations): CategoricalResult =>
  m === 'mace' ? mace(obs, { restarts: 1 }) : runCategorical(m, obs, FIXED_ITERATIONS);

const runs = { numRuns: 60 };

function hasMajorityTie(obs: Observations): boolean {
  const K = obs.nClasses;
  const votes = new Int32Array(obs.nItems * K);
  for (let o = 0; o < obs.item.length; o++) votes[obs.item[o]! * K + obs.label[o]!]!++;
  for (let i = 0; i < obs.nItems; i++) {
    const row = Array.from(votes.subarray(i * K, i * K + K));
    const max = Math.max(...row);
    if (max > 0 && row.filter((v) => v === max).length > 1) return true;
  }
  return false;
}

describe.each(CATEGORICAL_METHODS)('%s properties', (method) => {
  it('gives each item a posterior that sums to 1 and a label that maximises it', () => {
    fc.assert(
      fc.property(observations, (obs) => {
        const r = runCategorical(method, obs);
        const K = obs.nClasses;
        for (let i = 0; i < obs.nItems; i++) {
          let s = 0;
          let max = -1;
          for (let k = 0; k < K; k++) {
            const p = r.posterior[i * K + k]!;
            expect(p).toBeGreaterThanOrEqual(0);
            s += p;
            max = Math.max(max, p);
          }
          expect(s).toBeCloseTo(1, 9);
          expect(r.posterior[i * K + r.labels[i]!]).toBeCloseTo(max, 9);
        }
        expect(r.workerSkill.length).toBe(obs.nWorkers);
      }),
      runs,
    );
  });

  it('permutes the posterior when classes are relabelled', () => {
    fc.assert(
      fc.property(observations.chain((obs) => fc.tuple(fc.constant(obs), permutationOf(obs.nClasses))), ([obs, perm]) => {
        const K = obs.nClasses;
        // Wawa's weights come from majority labels, whose ties go to the lowest class index: relabelling moves them.
        if (method === 'wawa') fc.pre(!hasMajorityTie(obs));
        const a = run(method, obs);
        const b = run(method, { ...obs, label: obs.label.map((k) => perm[k]!) });
        for (let i = 0; i < obs.nItems; i++)
          for (let k = 0; k < K; k++) expect(b.posterior[i * K + perm[k]!]).toBeCloseTo(a.posterior[i * K + k]!, 6);
      }),
      runs,
    );
  });

  it('changes nothing but the indices when workers and items are renamed', () => {
    fc.assert(
      fc.property(
        observations.chain((obs) => fc.tuple(fc.constant(obs), permutationOf(obs.nWorkers), permutationOf(obs.nItems))),
        ([obs, pw, pi]) => {
          const K = obs.nClasses;
          const a = run(method, obs);
          const b = run(method, { ...obs, worker: obs.worker.map((w) => pw[w]!), item: obs.item.map((i) => pi[i]!) });
          for (let i = 0; i < obs.nItems; i++)
            for (let k = 0; k < K; k++) expect(b.posterior[pi[i]! * K + k]).toBeCloseTo(a.posterior[i * K + k]!, 6);
          for (let w = 0; w < obs.nWorkers; w++) {
            if (Number.isNaN(a.workerSkill[w])) expect(b.workerSkill[pw[w]!]).toBeNaN();
            else expect(b.workerSkill[pw[w]!]).toBeCloseTo(a.workerSkill[w]!, 6);
          }
        },
      ),
      runs,
    );
  });

  it('gives the same output, bit for bit, on the same input and seed', () => {
    fc.assert(
      fc.property(observations, fc.integer(), (obs, seed) => {
        const a = runCategorical(method, obs, { seed });
        const b = runCategorical(method, obs, { seed });
        expect(Array.from(b.posterior)).toEqual(Array.from(a.posterior));
        expect(Array.from(b.workerSkill)).toEqual(Array.from(a.workerSkill));
      }),
      { numRuns: 20 },
    );
  });
});

describe.each(CATEGORICAL_METHODS)('%s edge cases', (method) => {
  const K2 = { nItems: 3, nWorkers: 2, nClasses: 2 };
  it('handles empty input', () => {
    const r = runCategorical(method, { item: new Int32Array(0), worker: new Int32Array(0), label: new Int32Array(0), nItems: 0, nWorkers: 0, nClasses: 2 });
    expect(r.labels.length).toBe(0);
    expect(r.posterior.length).toBe(0);
  });
  it('handles a single class', () => {
    const r = runCategorical(method, { item: Int32Array.of(0, 1, 1), worker: Int32Array.of(0, 0, 1), label: Int32Array.of(0, 0, 0), nItems: 2, nWorkers: 2, nClasses: 1 });
    expect(Array.from(r.posterior)).toEqual([1, 1]);
    expect(Array.from(r.labels)).toEqual([0, 0]);
  });
  it('handles one worker, duplicate judgments, single-judgment workers and items without judgments', () => {
    const obs: Observations = { ...K2, item: Int32Array.of(0, 0, 0, 1), worker: Int32Array.of(0, 0, 1, 0), label: Int32Array.of(1, 1, 0, 0) };
    const r = runCategorical(method, obs);
    expect(r.labels.length).toBe(3);
    for (const p of r.posterior) expect(Number.isFinite(p)).toBe(true);
    expect(r.labels[1]).toBe(0);
  });
  it('rejects out-of-range clamps for methods that do not clamp, and accepts them for those that do', () => {
    const obs: Observations = { ...K2, item: Int32Array.of(0, 1, 2), worker: Int32Array.of(0, 1, 0), label: Int32Array.of(1, 0, 0) };
    const gold = Int32Array.of(0, -1, -1);
    if (method === 'ds' || method === 'bds' || method === 'onecoin') expect(runCategorical(method, obs, { gold }).labels[0]).toBe(0);
    else expect(() => runCategorical(method, obs, { gold })).toThrow(RangeError);
  });
});
