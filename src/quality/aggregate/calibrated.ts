/**
 * Confidences calibrated against known answers (gold), cross-fitted so that no gold item calibrates itself.
 *
 * Given a categorical fitter (Dawid–Skene with gold clamped, or its Bayesian variant) and gold answers for some
 * items:
 * 1. Cross-fitting (as in Chernozhukov et al., "Double/debiased machine learning", Econometrics J. 21(1), 2018,
 *    doi:10.1111/ectj.12097, §3): the judged gold items are split at random (seeded) into F folds; for each fold the
 *    model is fitted with the other folds' gold clamped and this fold's answers unknown, and each of the fold's gold
 *    items gets its out-of-fold posterior. Its confidence (the posterior of its chosen class) and whether that class
 *    is the gold answer form one calibration pair, computed as if its answer were unknown.
 * 2. A temperature T is fitted to the out-of-fold rows (temperature scaling, Guo, Pleiss, Sun & Weinberger, ICML 2017,
 *    arXiv:1706.04599: p_t ∝ p_t^(1/T), T minimising the negative log-likelihood of the gold answers, golden-section
 *    search on ln T in [ln 0.05, ln 50]). One parameter absorbs most of a model's over- or underconfidence (for
 *    Dawid–Skene, errors correlated within an item make every extra judgment count too much) with little variance.
 * 3. A monotone map tempered confidence → P(correct) is fitted to the pairs by isotonic regression
 *    (`stats/isotonic.ts`, Zadrozny & Elkan, KDD 2002, doi:10.1145/775047.775151), shrunk towards the tempered
 *    confidence by an amount chosen by cross-validation over the pairs, so it corrects what the temperature left.
 * 4. The model is fitted once more with every gold answer clamped; each other item's row is tempered, it keeps its
 *    chosen class, its confidence c becomes map(c), and the other classes share 1 − map(c) in proportion to their
 *    tempered posteriors (equally when the model gave them nothing). Temperature and map are monotone, so the
 *    chosen class stays the model's.
 * With fewer than `minGold` judged gold items the map is not fitted (basis `model`): the confidences are the model's.
 * The out-of-fold pairs are returned either way, as the evidence for a reliability diagram.
 * F = 10 by default: with fewer folds each out-of-fold fit knows noticeably less gold than the final one. Cost: F + 1 fits.
 */
import { MIN_CALIBRATION_GOLD as MIN_GOLD } from '../../core/figures/confidence-basis.js';
import { createRng } from '../random.js';
import { applyIsotonic, fitIsotonicCalibration, fitIsotonicCalibrationCV, type IsotonicMap } from '../stats/isotonic.js';
import type { CategoricalResult, GoldLabels, Observations } from '../types.js';
import { resolveGold } from './common.js';

/**
 * Judged gold items needed before confidences are calibrated: 80. The map's blocks hold at least 4√n pairs, so it can
 * have two blocks only from n = 64; below that it is one block, a constant that gives every item the gold's overall
 * accuracy as its confidence and erases the model's ranking of items (measured: in a simulated project with 60 judged
 * gold items every item read 0.85–0.90, and adaptive overlap asked every item for k_max). 80 leaves room for two
 * blocks of 36 (each block's accuracy with a standard error of about √(0.85·0.15/36) ≈ 0.06); the public sets'
 * smallest calibration set (temp, 20 % of 462: 92 pairs) meets ECE ≤ 0.05 (BENCHMARKS.md "Calibrated confidence").
 * Below it the confidences are the model's, and say so.
 */
export const MIN_CALIBRATION_GOLD = MIN_GOLD;

export interface CalibrationOptions {
  /** Folds F of the cross-fit (default 10; fewer when there are fewer judged gold items). */
  readonly folds?: number;
  /** Seed of the split into folds (default 1). */
  readonly seed?: number;
  /** Judged gold items needed to calibrate (default `MIN_CALIBRATION_GOLD`). */
  readonly minGold?: number;
  /** Shrinkage m of the isotonic blocks (default: chosen by cross-validation, `fitIsotonicCalibrationCV`). */
  readonly shrinkage?: number;
}

/** What a confidence rests on: a map fitted on `nGold` judged gold items, or the model alone. */
export type ConfidenceBasis = { readonly kind: 'calibrated'; readonly nGold: number } | { readonly kind: 'model'; readonly nGold: number };

/** Out-of-fold evidence: one entry per judged gold item. */
export interface OutOfFoldPairs {
  readonly item: Int32Array;
  /** Out-of-fold confidence of the item's chosen class, as the model gave it (before calibration). */
  readonly confidence: Float64Array;
  /** 1 when that class is the gold answer. */
  readonly correct: Uint8Array;
}

export interface CalibratedResult {
  /** The fit with every gold answer clamped; rows of items without gold calibrated when `basis.kind` is `calibrated`. */
  readonly result: CategoricalResult;
  readonly basis: ConfidenceBasis;
  /** Out-of-fold posterior rows [item][class] of judged gold items (NaN for the other items). */
  readonly crossFit: Float64Array;
  readonly pairs: OutOfFoldPairs;
  /** The map applied, when calibrated (to confidences tempered by `temperature`). */
  readonly map: IsotonicMap | undefined;
  /** The fitted temperature (1 when not calibrated). */
  readonly temperature: number;
}

type Fit<R> = (obs: Observations, gold: GoldLabels | undefined) => R;

/** Calibrated fit, with a synchronous fitter. */
export function calibratedFit(obs: Observations, gold: GoldLabels, fit: Fit<CategoricalResult>, opts: CalibrationOptions = {}): CalibratedResult {
  const plan = planFolds(obs, gold, opts);
  const foldFits = plan.foldGold.map((g) => fit(obs, g));
  return finish(obs, plan, fit(obs, plan.anyGold ? plan.gold : undefined), foldFits, opts);
}

/** Calibrated fit, with a fitter that answers later (e.g. on a worker thread); fits run one after another. */
export async function calibratedFitAsync(
  obs: Observations,
  gold: GoldLabels,
  fit: Fit<Promise<CategoricalResult>>,
  opts: CalibrationOptions = {},
): Promise<CalibratedResult> {
  const plan = planFolds(obs, gold, opts);
  const foldFits: CategoricalResult[] = [];
  for (const g of plan.foldGold) foldFits.push(await fit(obs, g));
  return finish(obs, plan, await fit(obs, plan.anyGold ? plan.gold : undefined), foldFits, opts);
}

interface FoldPlan {
  readonly gold: Int32Array;
  readonly anyGold: boolean;
  /** Judged gold items, and the fold of each. */
  readonly judgedGold: Int32Array;
  readonly foldOf: Int32Array;
  /** Per fold, the gold vector with that fold's answers unknown. */
  readonly foldGold: Int32Array[];
}

function planFolds(obs: Observations, goldIn: GoldLabels, opts: CalibrationOptions): FoldPlan {
  const gold = resolveGold(obs, goldIn);
  const F0 = opts.folds ?? 10;
  if (!(Number.isInteger(F0) && F0 >= 2)) throw new RangeError(`folds must be an integer ≥ 2, got ${F0}`);
  const judged = new Uint8Array(obs.nItems);
  for (let o = 0; o < obs.item.length; o++) judged[obs.item[o]!] = 1;
  const judgedGold: number[] = [];
  for (let i = 0; i < obs.nItems; i++) if (gold[i]! >= 0 && judged[i]) judgedGold.push(i);
  // A seeded shuffle, then folds by position: sizes differ by at most one.
  const rng = createRng(opts.seed ?? 1);
  for (let j = judgedGold.length - 1; j > 0; j--) {
    const r = rng.nextInt(j + 1);
    [judgedGold[j], judgedGold[r]] = [judgedGold[r]!, judgedGold[j]!];
  }
  const F = Math.min(F0, judgedGold.length);
  const foldOf = Int32Array.from(judgedGold, (_, j) => j % F);
  const foldGold: Int32Array[] = [];
  for (let f = 0; f < F; f++) {
    const g = gold.slice();
    judgedGold.forEach((i, j) => {
      if (foldOf[j] === f) g[i] = -1;
    });
    foldGold.push(g);
  }
  return { gold, anyGold: gold.some((g) => g >= 0), judgedGold: Int32Array.from(judgedGold), foldOf, foldGold };
}

function finish(obs: Observations, plan: FoldPlan, full: CategoricalResult, foldFits: CategoricalResult[], opts: CalibrationOptions): CalibratedResult {
  const K = obs.nClasses;
  const { judgedGold, foldOf, gold } = plan;
  const crossFit = new Float64Array(obs.nItems * K).fill(NaN);
  const m = judgedGold.length;
  const confidence = new Float64Array(m);
  const correct = new Uint8Array(m);
  judgedGold.forEach((i, j) => {
    const post = foldFits[foldOf[j]!]!.posterior;
    let best = 0;
    for (let t = 0; t < K; t++) {
      crossFit[i * K + t] = post[i * K + t]!;
      if (post[i * K + t]! > post[i * K + best]!) best = t;
    }
    confidence[j] = Math.min(1, Math.max(0, post[i * K + best]!));
    correct[j] = best === gold[i] ? 1 : 0;
  });
  const pairs = { item: judgedGold, confidence, correct };
  const minGold = opts.minGold ?? MIN_CALIBRATION_GOLD;
  if (m < Math.max(1, minGold)) return { result: full, basis: { kind: 'model', nGold: m }, crossFit, pairs, map: undefined, temperature: 1 };
  const T = fitTemperature(plan, crossFit, K);
  // The pairs the map is fitted on: tempered out-of-fold confidences (the chosen class is unchanged by tempering).
  const tempered = Float64Array.from(judgedGold, (i) => {
    const row = crossFit.slice(i * K, i * K + K);
    temperRow(row, 0, K, T);
    return Math.min(1, Math.max(0, Math.max(...row)));
  });
  const map = opts.shrinkage !== undefined ? fitIsotonicCalibration(tempered, correct, opts.shrinkage) : fitIsotonicCalibrationCV(tempered, correct, { seed: opts.seed ?? 1 });
  const posterior = Float64Array.from(full.posterior);
  for (let i = 0; i < obs.nItems; i++) {
    if (gold[i]! >= 0) continue;
    temperRow(posterior, i * K, K, T);
    recalibrateRow(posterior, i * K, K, full.labels[i]!, map);
  }
  return { result: { ...full, posterior }, basis: { kind: 'calibrated', nGold: m }, crossFit, pairs, map, temperature: T };
}

/**
 * Applies a calibrated fit's temperature and map to one posterior row (e.g. a gold item's out-of-fold row), keeping
 * its most probable class; does nothing when the fit is not calibrated.
 */
export function calibrateRow(post: Float64Array, off: number, K: number, c: Pick<CalibratedResult, 'map' | 'temperature'>): void {
  if (!c.map) return;
  temperRow(post, off, K, c.temperature);
  let best = 0;
  for (let t = 1; t < K; t++) if (post[off + t]! > post[off + best]!) best = t;
  recalibrateRow(post, off, K, best, c.map);
}

/** Sets the chosen class's probability to map(c) and scales the others to share the rest in proportion. */
export function recalibrateRow(post: Float64Array, off: number, K: number, chosen: number, map: IsotonicMap): void {
  if (K < 1 || chosen < 0) return;
  const c = post[off + chosen]!;
  const mapped = Math.min(1, Math.max(0, applyIsotonic(map, Math.min(1, Math.max(0, c)))));
  const rest = 1 - c;
  for (let t = 0; t < K; t++) {
    if (t === chosen) post[off + t] = mapped;
    else post[off + t] = rest > 1e-12 ? (post[off + t]! / rest) * (1 - mapped) : K > 1 ? (1 - mapped) / (K - 1) : 0;
  }
}

/** p_t ∝ p_t^(1/T) in place. */
export function temperRow(post: Float64Array, off: number, K: number, T: number): void {
  let max = -Infinity;
  for (let t = 0; t < K; t++) max = Math.max(max, Math.log(Math.max(post[off + t]!, 1e-300)) / T);
  let s = 0;
  for (let t = 0; t < K; t++) {
    const v = Math.exp(Math.log(Math.max(post[off + t]!, 1e-300)) / T - max);
    post[off + t] = v;
    s += v;
  }
  for (let t = 0; t < K; t++) post[off + t]! /= s;
}

/** The temperature minimising the out-of-fold negative log-likelihood of the gold answers (golden-section on ln T). */
function fitTemperature(plan: FoldPlan, crossFit: Float64Array, K: number): number {
  const rows = Array.from(plan.judgedGold, (i) => crossFit.slice(i * K, i * K + K));
  const answers = Array.from(plan.judgedGold, (i) => plan.gold[i]!);
  const nll = (lnT: number): number => {
    const T = Math.exp(lnT);
    let s = 0;
    rows.forEach((r, j) => {
      const row = r.slice();
      temperRow(row, 0, K, T);
      s -= Math.log(Math.max(row[answers[j]!]!, 1e-12));
    });
    return s;
  };
  let lo = Math.log(0.05);
  let hi = Math.log(50);
  const phi = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - phi * (hi - lo);
  let x2 = lo + phi * (hi - lo);
  let f1 = nll(x1);
  let f2 = nll(x2);
  for (let it = 0; it < 60; it++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - phi * (hi - lo);
      f1 = nll(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + phi * (hi - lo);
      f2 = nll(x2);
    }
  }
  return Math.exp((lo + hi) / 2);
}
