import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random.js';
import { bradleyTerry } from './bradley-terry.js';
import { crowdBt } from './crowd-bt.js';
import type { PairwiseObservations } from './types.js';

/** Spearman's rank correlation (no ties in continuous data). */
function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rank = (x: ArrayLike<number>) => {
    const idx = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => x[i]! - x[j]!);
    const r = new Float64Array(x.length);
    idx.forEach((i, k) => (r[i] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (ra[i]! - rb[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** C comparisons of random pairs among objects with strengths θ; worker k reports truthfully with probability η_k. */
function simulate(rng: Rng, theta: Float64Array, C: number, eta: Float64Array = Float64Array.of(1)): PairwiseObservations {
  const N = theta.length;
  const left = new Int32Array(C);
  const right = new Int32Array(C);
  const outcome = new Float64Array(C);
  const worker = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    const i = rng.nextInt(N);
    let j = rng.nextInt(N - 1);
    if (j >= i) j++;
    const k = rng.nextInt(eta.length);
    const leftWins = rng.next() < 1 / (1 + Math.exp(theta[j]! - theta[i]!));
    const truthful = rng.next() < eta[k]!;
    left[c] = i;
    right[c] = j;
    worker[c] = k;
    outcome[c] = leftWins === truthful ? 1 : 0;
  }
  return { left, right, outcome, worker, nObjects: N, nWorkers: eta.length };
}

const centred = (x: Float64Array) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return x.map((v) => v - m);
};

describe('bradleyTerry', () => {
  it('solves a two-object example by hand: 3 wins to 1 gives θ_A − θ_B = log 3, SE(θ_A) = 1/(2√0.75)', () => {
    const obs = { left: Int32Array.of(0, 0, 0, 0), right: Int32Array.of(1, 1, 1, 1), outcome: Float64Array.of(1, 1, 1, 0), worker: new Int32Array(4), nObjects: 2, nWorkers: 1 };
    const r = bradleyTerry(obs, { prior: 0 });
    expect(r.score[0]! - r.score[1]!).toBeCloseTo(Math.log(3), 9);
    expect(r.score[0]! + r.score[1]!).toBeCloseTo(0, 12);
    // Var(θ_A − θ_B) = 1/(n p (1 − p)) = 1/(4 · ¾ · ¼) = 4/3; centred, θ_A = (θ_A − θ_B)/2.
    expect(r.standardError[0]).toBeCloseTo(Math.sqrt(4 / 3) / 2, 9);
    expect(Array.from(r.ranking)).toEqual([0, 1]);
  });

  it('counts a tie as half a win for each side', () => {
    const obs = { left: Int32Array.of(0, 0, 0), right: Int32Array.of(1, 1, 1), outcome: Float64Array.of(1, 0.5, 0.5), worker: new Int32Array(3), nObjects: 2, nWorkers: 1 };
    // Wins: A = 2, B = 1 ⇒ θ_A − θ_B = log 2.
    expect(bradleyTerry(obs, { prior: 0 }).score[0]! - bradleyTerry(obs, { prior: 0 }).score[1]!).toBeCloseTo(Math.log(2), 9);
  });

  it('keeps scores finite with the default prior when an object never loses', () => {
    const obs = { left: Int32Array.of(0, 0, 1), right: Int32Array.of(1, 2, 2), outcome: Float64Array.of(1, 1, 1), worker: new Int32Array(3), nObjects: 3, nWorkers: 1 };
    const r = bradleyTerry(obs);
    expect(r.score.every(Number.isFinite)).toBe(true);
    expect(Array.from(r.ranking)).toEqual([0, 1, 2]);
    expect(r.converged).toBe(true);
  });

  it('recovers known strengths from simulated comparisons (Spearman ≥ 0.95)', () => {
    const rng = createRng(42);
    const theta = Float64Array.from({ length: 40 }, () => rng.normal());
    const r = bradleyTerry(simulate(rng, theta, 8000), { prior: 0 });
    expect(spearman(r.score, theta)).toBeGreaterThanOrEqual(0.95);
  });

  it('has standard errors whose 95% intervals cover the truth at about the nominal rate', () => {
    // 200 simulated data sets × 15 objects, 600 comparisons each: 3000 intervals; the binomial SD of the coverage is
    // about 0.004, so [0.93, 0.97] is a loose but meaningful band.
    const rng = createRng(2024);
    let covered = 0;
    let total = 0;
    for (let s = 0; s < 200; s++) {
      const theta = centred(Float64Array.from({ length: 15 }, () => rng.normal()));
      const r = bradleyTerry(simulate(rng, theta, 600), { prior: 0 });
      for (let i = 0; i < 15; i++) {
        total++;
        if (Math.abs(r.score[i]! - theta[i]!) <= 1.959964 * r.standardError[i]!) covered++;
      }
    }
    expect(covered / total).toBeGreaterThan(0.93);
    expect(covered / total).toBeLessThan(0.97);
  });

  it('increases the likelihood at every MM step', () => {
    const rng = createRng(3);
    const r = bradleyTerry(simulate(rng, Float64Array.from({ length: 10 }, () => rng.normal()), 300), { prior: 0, maxIter: 50, tol: 0 });
    for (let k = 1; k < r.lossHistory.length; k++) expect(r.lossHistory[k]!).toBeGreaterThanOrEqual(r.lossHistory[k - 1]! - 1e-9);
  });
});

describe('crowdBt', () => {
  it('finds the adversarial annotators and ranks better than plain Bradley–Terry', () => {
    const rng = createRng(7);
    const theta = Float64Array.from({ length: 30 }, () => rng.normal());
    // Ten annotators: seven reliable (η = 0.95), three who mostly answer backwards (η = 0.15).
    const eta = Float64Array.from({ length: 10 }, (_, k) => (k < 7 ? 0.95 : 0.15));
    const obs = simulate(rng, theta, 6000, eta);
    const crowd = crowdBt(obs, { prior: 0 });
    const plain = bradleyTerry(obs, { prior: 0 });
    for (let k = 0; k < 10; k++) expect(Math.abs(crowd.reliability[k]! - eta[k]!)).toBeLessThan(0.1);
    expect(spearman(crowd.score, theta)).toBeGreaterThan(spearman(plain.score, theta));
    expect(spearman(crowd.score, theta)).toBeGreaterThanOrEqual(0.95);
    expect(crowd.standardError.every((s) => s > 0)).toBe(true);
  });

  it('reduces to Bradley–Terry when everyone is reliable', () => {
    const rng = createRng(8);
    const theta = Float64Array.from({ length: 12 }, () => rng.normal());
    const obs = simulate(rng, theta, 3000, Float64Array.of(1, 1, 1));
    const crowd = crowdBt(obs, { prior: 0 });
    const plain = bradleyTerry(obs, { prior: 0 });
    expect(spearman(crowd.score, plain.score)).toBeGreaterThan(0.99);
    // η and the spread of θ trade off a little (a flip looks like a closer match), so η lands near, not at, 1.
    for (const e of crowd.reliability) expect(e).toBeGreaterThan(0.85);
  });
});
