import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import type { CategoricalResult, GoldLabels, Observations } from '../types.js';
import { bayesianDawidSkene } from './bayesian-dawid-skene.js';
import { calibratedFit, calibratedFitAsync, recalibrateRow, temperRow } from './calibrated.js';

/** A crowd of 400 items × 3 judgments by 20 annotators of accuracy 0.6–0.95, 2 classes; truth returned. */
function crowd(seed: number): Observations & { truth: Int32Array } {
  const rng = createRng(seed);
  const nItems = 400;
  const acc = Array.from({ length: 20 }, (_, w) => 0.6 + (0.35 * w) / 19);
  const truth = Int32Array.from({ length: nItems }, () => rng.nextInt(2));
  const item: number[] = [];
  const worker: number[] = [];
  const label: number[] = [];
  for (let i = 0; i < nItems; i++) {
    for (let j = 0; j < 3; j++) {
      const w = rng.nextInt(20);
      item.push(i);
      worker.push(w);
      label.push(rng.next() < acc[w]! ? truth[i]! : 1 - truth[i]!);
    }
  }
  return { item: Int32Array.from(item), worker: Int32Array.from(worker), label: Int32Array.from(label), nItems, nWorkers: 20, nClasses: 2, truth };
}

const fitter = (obs: Observations, gold: GoldLabels | undefined) => bayesianDawidSkene(obs, gold ? { gold } : {});

describe('calibratedFit', () => {
  it('never lets a gold item calibrate itself: its pair comes from a fit where its answer is unknown', () => {
    const obs = crowd(1);
    const gold = Int32Array.from(obs.truth, (t, i) => (i % 5 === 0 ? t : -1));
    const calls: Int32Array[] = [];
    const spy = (o: Observations, g: GoldLabels | undefined): CategoricalResult => {
      calls.push(Int32Array.from(g ?? []));
      return fitter(o, g);
    };
    const r = calibratedFit(obs, gold, spy, { folds: 4, minGold: 30 });
    expect(calls.length).toBe(5); // four folds and the final fit
    const final = calls[4]!;
    expect(Array.from(final)).toEqual(Array.from(gold)); // every gold answer clamped at the end
    // Each judged gold item is unknown in exactly one fold fit and clamped in the others; its pair is that fit's row.
    for (const i of r.pairs.item) {
      const unknownIn = calls.slice(0, 4).filter((g) => g[i] === -1);
      expect(unknownIn.length).toBe(1);
      expect(r.crossFit[i * 2]).toBe(fitter(obs, unknownIn[0]!).posterior[i * 2]);
    }
    // No other gold item is unknown alongside, beyond its fold; non-gold items stay unknown everywhere.
    for (const g of calls.slice(0, 4)) for (let i = 0; i < obs.nItems; i++) if (gold[i]! < 0) expect(g[i]).toBe(-1);
    expect(r.basis).toEqual({ kind: 'calibrated', nGold: 80 });
  });

  it('gives the same answer with an asynchronous fitter', async () => {
    const obs = crowd(2);
    const gold = Int32Array.from(obs.truth, (t, i) => (i % 4 === 0 ? t : -1));
    const a = calibratedFit(obs, gold, fitter);
    const b = await calibratedFitAsync(obs, gold, async (o, g) => fitter(o, g));
    expect(Array.from(b.result.posterior)).toEqual(Array.from(a.result.posterior));
  });

  it('stays model-based below the least number of judged gold items, and says so', () => {
    const obs = crowd(3);
    const gold = Int32Array.from(obs.truth, (t, i) => (i < 79 ? t : -1));
    const r = calibratedFit(obs, gold, fitter);
    expect(r.basis).toEqual({ kind: 'model', nGold: 79 });
    expect(Array.from(r.result.posterior)).toEqual(Array.from(fitter(obs, gold).posterior));
    expect(r.pairs.confidence.length).toBe(79);
  });

  it('keeps every item\'s chosen class and leaves gold rows clamped', () => {
    const obs = crowd(4);
    const gold = Int32Array.from(obs.truth, (t, i) => (i % 3 === 0 ? t : -1));
    const r = calibratedFit(obs, gold, fitter);
    const model = fitter(obs, gold);
    for (let i = 0; i < obs.nItems; i++) {
      const row = r.result.posterior.subarray(i * 2, i * 2 + 2);
      expect(row[0]! + row[1]!).toBeCloseTo(1, 12);
      if (gold[i]! >= 0) expect(row[gold[i]!]).toBe(1);
      else expect(row[model.labels[i]!]).toBeGreaterThanOrEqual(0.5 - 1e-12);
    }
  });
});

describe('row updates', () => {
  it('rescales the other classes in proportion (by hand)', () => {
    // Chosen 0.7 → 0.6; the others (0.2, 0.1) share 0.4 in proportion 2:1.
    const row = Float64Array.of(0.7, 0.2, 0.1);
    recalibrateRow(row, 0, 3, 0, { x: Float64Array.of(0.5), y: Float64Array.of(0.6), n: 1 });
    expect(row[0]).toBeCloseTo(0.6, 12);
    expect(row[1]).toBeCloseTo(0.4 * (2 / 3), 12);
    expect(row[2]).toBeCloseTo(0.4 / 3, 12);
  });
  it('shares the rest equally when the model gave the others nothing', () => {
    const row = Float64Array.of(0, 1, 0);
    recalibrateRow(row, 0, 3, 1, { x: Float64Array.of(0.5), y: Float64Array.of(0.9), n: 1 });
    expect(Array.from(row).map((v) => v.toFixed(12))).toEqual(['0.050000000000', '0.900000000000', '0.050000000000']);
  });
  it('tempers a row by hand: (0.8, 0.2) at T = 2 is (2/3, 1/3)', () => {
    const row = Float64Array.of(0.8, 0.2);
    temperRow(row, 0, 2, 2);
    expect(row[0]).toBeCloseTo(2 / 3, 12);
  });
});
