import { describe, expect, it } from 'vitest';
import type { Observations } from '../types.js';
import { bayesianDawidSkene } from './bayesian-dawid-skene.js';
import { dawidSkene, RECOMMENDED_DS_OPTIONS } from './dawid-skene.js';
import { createRng } from '../random.js';

// Items 0: w0→0, w1→0; 1: w0→0, w2→1; 2: w1→1, w2→1; 3: w0→1. Two classes.
const tiny: Observations = {
  item: Int32Array.of(0, 0, 1, 1, 2, 2, 3),
  worker: Int32Array.of(0, 1, 0, 2, 1, 2, 0),
  label: Int32Array.of(0, 0, 0, 1, 1, 1, 1),
  nItems: 4,
  nWorkers: 3,
  nClasses: 2,
};
const prior = { prior: 0.5, diagonalPrior: 1, pooling: 0, classPrior: 1 } as const;

describe('bayesianDawidSkene', () => {
  // One iteration from the soft majority vote, computed independently with numpy and scipy.special.digamma
  // (α = 0.5 + 1·[g = t] + expected counts, ν = 1 + Σ T; cavity: ln((α − T_it)/(Σα − T_it)); VB: ψ(α) − ψ(Σα)).
  it('matches a hand computation (scipy) of one cavity iteration', () => {
    const r = bayesianDawidSkene(tiny, { ...prior, leaveOneOut: true, maxIter: 1 });
    const expected = [0.8941354487690316, 0.5013662736264551, 0.06931725556595594, 0.13763367493297876];
    expected.forEach((p, i) => expect(r.posterior[i * 2]).toBeCloseTo(p, 12));
  });
  it('matches a hand computation (scipy) of one variational-Bayes iteration without the cavity', () => {
    const r = bayesianDawidSkene(tiny, { ...prior, leaveOneOut: false, maxIter: 1 });
    const expected = [0.9773938271803178, 0.5, 0.015267153880374442, 0.044503355262287055];
    expected.forEach((p, i) => expect(r.posterior[i * 2]).toBeCloseTo(p, 12));
  });

  it('leaves two annotators without a track record who disagree at one half', () => {
    const obs: Observations = { item: Int32Array.of(0, 0), worker: Int32Array.of(0, 1), label: Int32Array.of(0, 1), nItems: 1, nWorkers: 2, nClasses: 2 };
    const r = bayesianDawidSkene(obs);
    expect(r.posterior[0]).toBeCloseTo(0.5, 12);
  });

  it('is not near-certain on one judgment against another in a small project, where Dawid–Skene is', () => {
    // Annotators 0, 1, 2 on 12 items: 0 and 1 agree on items 0–5, 0 and 2 on items 6–9; item 10 is 0 says class 0
    // against 1 says class 1, item 11 is 1 says 0 against 2 says 1 (the demo's "Positive" against "Negative").
    const item: number[] = [];
    const worker: number[] = [];
    const label: number[] = [];
    const add = (i: number, w: number, g: number) => (item.push(i), worker.push(w), label.push(g));
    for (let i = 0; i < 10; i++) {
      add(i, 0, i % 2);
      add(i, i < 6 ? 1 : 2, i % 2);
    }
    add(10, 0, 0);
    add(10, 1, 1);
    add(11, 1, 0);
    add(11, 2, 1);
    const obs: Observations = { item: Int32Array.from(item), worker: Int32Array.from(worker), label: Int32Array.from(label), nItems: 12, nWorkers: 3, nClasses: 2 };
    const ds = dawidSkene(obs, RECOMMENDED_DS_OPTIONS);
    const bds = bayesianDawidSkene(obs);
    // Dawid–Skene: 0.976 and 0.929 (annotator 0 looks perfect on 11 judgments); Bayesian: 0.56 and 0.54.
    for (const i of [10, 11]) {
      expect(Math.max(ds.posterior[i * 2]!, ds.posterior[i * 2 + 1]!)).toBeGreaterThan(0.9);
      expect(Math.max(bds.posterior[i * 2]!, bds.posterior[i * 2 + 1]!)).toBeLessThan(0.65);
    }
  });

  it('is not near-certain where two new annotators disagree, even among many items of experienced ones', () => {
    // 200 items judged by three accurate annotators; one more item judged only by two annotators seen once each.
    const rng = createRng(5);
    const item: number[] = [];
    const worker: number[] = [];
    const label: number[] = [];
    for (let i = 0; i < 200; i++) {
      const truth = rng.nextInt(2);
      for (let w = 0; w < 3; w++) {
        item.push(i);
        worker.push(w);
        label.push(rng.next() < 0.9 ? truth : 1 - truth);
      }
    }
    item.push(200, 200);
    worker.push(3, 4);
    label.push(0, 1);
    const obs: Observations = { item: Int32Array.from(item), worker: Int32Array.from(worker), label: Int32Array.from(label), nItems: 201, nWorkers: 5, nClasses: 2 };
    const r = bayesianDawidSkene(obs);
    expect(Math.max(r.posterior[400]!, r.posterior[401]!)).toBeLessThan(0.6);

  });

  it('agrees with Dawid–Skene where every annotator has many judgments', () => {
    const rng = createRng(11);
    const n = 2000;
    const item = new Int32Array(n * 3);
    const worker = new Int32Array(n * 3);
    const label = new Int32Array(n * 3);
    const acc = [0.9, 0.75, 0.65];
    for (let i = 0; i < n; i++) {
      const truth = rng.nextInt(3);
      for (let w = 0; w < 3; w++) {
        item[i * 3 + w] = i;
        worker[i * 3 + w] = w;
        label[i * 3 + w] = rng.next() < acc[w]! ? truth : (truth + 1 + rng.nextInt(2)) % 3;
      }
    }
    const obs: Observations = { item, worker, label, nItems: n, nWorkers: 3, nClasses: 3 };
    const a = bayesianDawidSkene(obs);
    const b = dawidSkene(obs, RECOMMENDED_DS_OPTIONS);
    let same = 0;
    let gap = 0;
    for (let i = 0; i < n; i++) {
      if (a.labels[i] === b.labels[i]) same++;
      gap = Math.max(gap, Math.abs(a.posterior[i * 3 + a.labels[i]!]! - b.posterior[i * 3 + a.labels[i]!]!));
    }
    expect(same / n).toBeGreaterThan(0.995);
    expect(gap).toBeLessThan(0.05);
    expect(a.converged).toBe(true);
  });

  it('clamps gold items and rejects a prior without mass', () => {
    const r = bayesianDawidSkene(tiny, { gold: Int32Array.of(-1, 1, -1, -1) });
    expect(Array.from(r.posterior.subarray(2, 4))).toEqual([0, 1]);
    expect(() => bayesianDawidSkene(tiny, { prior: 0, diagonalPrior: 0, pooling: 0 })).toThrow(RangeError);
  });
});
