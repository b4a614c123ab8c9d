/**
 * Test and benchmark helper (never imported by the library): the calibration figures of issue 16 on the public data
 * sets, one definition for the tests (`aggregate/calibration-datasets.test.ts`) and `npm run bench -- calibration`.
 *
 * - Subsample: each item keeps at most k judgments (`subsamplePerItem`, seed s).
 * - ECE: 10 equal-width bins of the confidence of the chosen class, over the items scored (`expectedCalibrationError`).
 * - Without gold: every item with gold is scored; Dawid–Skene as Crowd-Kit runs it (maximum likelihood; a 1e-9
 *   pseudo-count only keeps 0/0 out), today's `ds` (`RECOMMENDED_DS_OPTIONS`) and Bayesian `bds`.
 * - With gold: 20 % of the items with gold (each with probability 0.2, seed 1000 + s) are given as known and clamped,
 *   the other 80 % are scored; `bds` alone, then calibrated by `calibratedFit` (cross-fit seed s).
 */
import { bayesianDawidSkene } from '../aggregate/bayesian-dawid-skene.js';
import { calibratedFit } from '../aggregate/calibrated.js';
import { dawidSkene, RECOMMENDED_DS_OPTIONS } from '../aggregate/dawid-skene.js';
import { createRng } from '../random.js';
import { expectedCalibrationError } from '../stats/calibration.js';
import type { CategoricalResult, GoldLabels, Observations } from '../types.js';
import type { LoadedDataset } from './datasets.js';
import { subsamplePerItem } from './subsample.js';

export interface Score {
  accuracy: number;
  ece: number;
  meanConfidence: number;
  n: number;
}

/** Accuracy, ECE and mean confidence of `r` over `items` against `gold`. */
export function score(r: CategoricalResult, gold: Int32Array, items: readonly number[]): Score {
  const K = r.nClasses;
  const conf = items.map((i) => Math.min(1, Math.max(0, r.posterior[i * K + r.labels[i]!]!)));
  const correct = items.map((i) => (r.labels[i] === gold[i] ? 1 : 0));
  const n = items.length;
  return {
    accuracy: correct.reduce<number>((a, b) => a + b, 0) / n,
    ece: expectedCalibrationError(conf, correct).ece,
    meanConfidence: conf.reduce((a, b) => a + b, 0) / n,
    n,
  };
}

const mean = (xs: readonly Score[]): Score => ({
  accuracy: xs.reduce((a, x) => a + x.accuracy, 0) / xs.length,
  ece: xs.reduce((a, x) => a + x.ece, 0) / xs.length,
  meanConfidence: xs.reduce((a, x) => a + x.meanConfidence, 0) / xs.length,
  n: xs.reduce((a, x) => a + x.n, 0) / xs.length,
});

export const dsCrowdKit = (obs: Observations): CategoricalResult => dawidSkene(obs, { maxIter: 100, smoothing: 1e-9 });
export const dsToday = (obs: Observations): CategoricalResult => dawidSkene(obs, RECOMMENDED_DS_OPTIONS);
export const bds = (obs: Observations, gold?: GoldLabels): CategoricalResult => bayesianDawidSkene(obs, gold ? { gold } : {});

/** Without gold, averaged over seeds 1..seeds. */
export function withoutGold(d: LoadedDataset, k: number, seeds: number): { crowdKit: Score; today: Score; bayesian: Score } {
  const items = [...d.gold.keys()].filter((i) => d.gold[i]! >= 0);
  const runs = { crowdKit: [] as Score[], today: [] as Score[], bayesian: [] as Score[] };
  for (let s = 1; s <= seeds; s++) {
    const obs = subsamplePerItem(d.obs, k, s);
    runs.crowdKit.push(score(dsCrowdKit(obs), d.gold, items));
    runs.today.push(score(dsToday(obs), d.gold, items));
    runs.bayesian.push(score(bds(obs), d.gold, items));
  }
  return { crowdKit: mean(runs.crowdKit), today: mean(runs.today), bayesian: mean(runs.bayesian) };
}

/** With 20 % of the gold known, scored on the rest, averaged over seeds `first`..`first + seeds − 1`. */
export function withGold(d: LoadedDataset, k: number, seeds: number, first = 1): { model: Score; calibrated: Score } {
  const model: Score[] = [];
  const calibrated: Score[] = [];
  for (let s = first; s < first + seeds; s++) {
    const obs = subsamplePerItem(d.obs, k, s);
    const rng = createRng(1000 + s);
    const known = new Int32Array(d.gold.length).fill(-1);
    const scored: number[] = [];
    for (let i = 0; i < d.gold.length; i++) {
      if (d.gold[i]! < 0) continue;
      if (rng.next() < 0.2) known[i] = d.gold[i]!;
      else scored.push(i);
    }
    model.push(score(bds(obs, known), d.gold, scored));
    calibrated.push(score(calibratedFit(obs, known, bds, { seed: s }).result, d.gold, scored));
  }
  return { model: mean(model), calibrated: mean(calibrated) };
}
