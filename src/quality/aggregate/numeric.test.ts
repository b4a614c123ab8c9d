import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { hasDatasets, loadNumeric } from '../test-support/datasets.js';
import { gaussianAnnotators, meanAggregate, medianAggregate, type NumericObservations } from './numeric.js';

const errors = (estimate: Float64Array, truth: Float64Array) => {
  let a = 0;
  let s = 0;
  for (let i = 0; i < truth.length; i++) {
    a += Math.abs(estimate[i]! - truth[i]!);
    s += (estimate[i]! - truth[i]!) ** 2;
  }
  return { mae: a / truth.length, rmse: Math.sqrt(s / truth.length) };
};

describe('meanAggregate and medianAggregate', () => {
  it('compute per-item mean and median, NaN without judgments', () => {
    const obs = { item: Int32Array.of(0, 0, 0, 0, 1), worker: Int32Array.of(0, 1, 2, 3, 0), value: Float64Array.of(1, 2, 10, 4, 7), nItems: 3, nWorkers: 4 };
    expect(Array.from(meanAggregate(obs).estimate.slice(0, 2))).toEqual([4.25, 7]);
    expect(Array.from(medianAggregate(obs).estimate.slice(0, 2))).toEqual([3, 7]);
    expect(meanAggregate(obs).estimate[2]).toBeNaN();
  });
});

describe('gaussianAnnotators', () => {
  /** 300 items with true values ~ N(0, 30²), 12 annotators with biases and noise levels, 5 judgments per item. */
  function simulate(seed: number) {
    const rng = createRng(seed);
    const nItems = 300;
    const nWorkers = 12;
    const bias = Float64Array.from({ length: nWorkers }, (_, j) => (j % 4) * 6 - 9);
    const noise = Float64Array.from({ length: nWorkers }, (_, j) => (j < 4 ? 3 : j < 8 ? 10 : 30));
    const truth = Float64Array.from({ length: nItems }, () => 30 * rng.normal());
    const item: number[] = [];
    const worker: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < nItems; i++) {
      const chosen = new Set<number>();
      while (chosen.size < 5) chosen.add(rng.nextInt(nWorkers));
      for (const j of chosen) {
        item.push(i);
        worker.push(j);
        value.push(truth[i]! + bias[j]! + noise[j]! * rng.normal());
      }
    }
    const obs: NumericObservations = { item: Int32Array.from(item), worker: Int32Array.from(worker), value: Float64Array.from(value), nItems, nWorkers };
    return { obs, truth, bias, noise };
  }

  it('recovers annotator biases and noise levels on data from the model', () => {
    const { obs, bias, noise } = simulate(1);
    const r = gaussianAnnotators(obs, { biasPrior: 0, noisePrior: 0.5 });
    // Biases are identified up to a shift: compare after centring both.
    const meanB = bias.reduce((a, b) => a + b, 0) / bias.length;
    const meanR = r.bias.reduce((a, b) => a + b, 0) / r.bias.length;
    for (let j = 0; j < obs.nWorkers; j++) {
      // Within 3 standard errors σ_j/√n_j (plus the error of the shared centre).
      const tolerance = (3 * noise[j]!) / Math.sqrt(r.workerCount[j]!) + 1;
      expect(Math.abs(r.bias[j]! - meanR - (bias[j]! - meanB))).toBeLessThan(tolerance);
      expect(r.noise[j]! / noise[j]!).toBeGreaterThan(0.7);
      expect(r.noise[j]! / noise[j]!).toBeLessThan(1.35);
    }
  });

  it('beats the mean on data from the model', () => {
    for (const seed of [1, 2, 3]) {
      const { obs, truth } = simulate(seed);
      const mean = errors(meanAggregate(obs).estimate, truth);
      const model = errors(gaussianAnnotators(obs).estimate, truth);
      expect(model.rmse).toBeLessThan(mean.rmse * 0.8);
      expect(model.mae).toBeLessThan(mean.mae * 0.8);
    }
  });

  it('never decreases its objective', () => {
    const r = gaussianAnnotators(simulate(4).obs, { tol: 0, maxIter: 30 });
    for (let k = 1; k < r.lossHistory.length; k++) expect(r.lossHistory[k]!).toBeGreaterThanOrEqual(r.lossHistory[k - 1]! - 1e-6);
  });

  it('gives every item a finite, positive standard error', () => {
    const { obs } = simulate(5);
    const r = gaussianAnnotators(obs);
    expect(r.standardError.every((s) => s > 0 && Number.isFinite(s))).toBe(true);
  });
});

describe.skipIf(!hasDatasets())('numeric aggregation on emotion', () => {
  const d = loadNumeric('emotion');
  it('reproduces the README figures for the mean (MAE 12.02, RMSE 17.84) and the median (13.53, 21.26)', () => {
    const mean = errors(meanAggregate(d).estimate, d.gold);
    const median = errors(medianAggregate(d).estimate, d.gold);
    expect(mean.mae).toBeCloseTo(12.02, 2);
    expect(mean.rmse).toBeCloseTo(17.84, 2);
    expect(median.mae).toBeCloseTo(13.53, 2);
    expect(median.rmse).toBeCloseTo(21.26, 2);
  });
  it('the noise-weighted model has a lower MAE than the mean (its RMSE does not improve, see numeric.ts)', () => {
    const r = errors(gaussianAnnotators(d, { estimateBias: false }).estimate, d.gold);
    expect(r.mae).toBeLessThan(12.02);
    expect(r.rmse).toBeLessThan(18.5);
  });
});
