/**
 * Isotonic regression by pool-adjacent-violators (PAV), and the monotone calibration map built from it.
 *
 * PAV (Ayer, Brunk, Ewing, Reid & Silverman, Ann. Math. Statist. 26(4):641–647, 1955, doi:10.1214/aoms/1177728423;
 * Barlow, Bartholomew, Bremner & Brunk, "Statistical Inference under Order Restrictions", 1972): given values y_j
 * with weights w_j in a fixed order, the non-decreasing sequence f minimising Σ w_j (y_j − f_j)² is found by scanning
 * left to right, merging each new block with its predecessor while the predecessor's weighted mean is not below
 * it. Each block's value is the weighted mean of its members. Cost O(n) after sorting.
 *
 * Calibration map (Zadrozny & Elkan, "Transforming Classifier Scores into Accurate Multiclass Probability
 * Estimates", KDD 2002, doi:10.1145/775047.775151): sort the pairs (confidence, correct) by confidence, fit PAV to
 * the outcomes, and map a new confidence to the fitted value. Three refinements for calibration sets of a hundred
 * or so pairs, where a plain PAV map follows sampling noise:
 * - blocks lighter than `minBlockWeight(n)` = 4√n pairs are merged with the adjacent block of nearer value (which
 *   keeps the sequence monotone);
 * - each block's accuracy is shrunk towards the block's own mean confidence with m pseudo-observations,
 *   (Σ correct + m·mean confidence) / (n_b + m), then PAV is run again over the blocks (weights n_b + m); a very large
 *   m puts each block at its own mean confidence, m = 0 is the plain map, and `fitIsotonicCalibrationCV` chooses m by
 *   cross-validated log-loss over the pairs, so a model that is already calibrated is moved little;
 * - the map interpolates linearly between the blocks' mean confidences (constant beyond the first and last), as
 *   scikit-learn's `IsotonicRegression` does, instead of Zadrozny & Elkan's step function.
 */
import { createRng } from '../random.js';

/** Result of PAV: block values, their weights, and the block of each input position. */
export interface PavResult {
  /** Fitted (non-decreasing) value at each input position. */
  readonly fitted: Float64Array;
  /** Block boundaries: block b covers positions `starts[b] .. starts[b+1]-1` (length = blocks + 1). */
  readonly starts: Int32Array;
}

/** Pool-adjacent-violators on `y` in the given order, with weights `w` (default 1 each). */
export function poolAdjacentViolators(y: ArrayLike<number>, w?: ArrayLike<number>): PavResult {
  const n = y.length;
  if (w !== undefined && w.length !== n) throw new RangeError('y and w must have the same length');
  const value = new Float64Array(n);
  const weight = new Float64Array(n);
  const first = new Int32Array(n);
  let top = -1;
  for (let j = 0; j < n; j++) {
    const wj = w === undefined ? 1 : w[j]!;
    if (!(wj > 0) || !Number.isFinite(y[j]!)) throw new RangeError(`position ${j}: needs a finite value and a weight > 0`);
    top++;
    value[top] = y[j]!;
    weight[top] = wj;
    first[top] = j;
    while (top > 0 && value[top - 1]! >= value[top]!) {
      const ww = weight[top - 1]! + weight[top]!;
      value[top - 1] = (value[top - 1]! * weight[top - 1]! + value[top]! * weight[top]!) / ww;
      weight[top - 1] = ww;
      top--;
    }
  }
  const starts = new Int32Array(top + 2);
  const fitted = new Float64Array(n);
  for (let b = 0; b <= top; b++) {
    starts[b] = first[b]!;
    const end = b < top ? first[b + 1]! : n;
    fitted.fill(value[b]!, first[b]!, end);
  }
  starts[top + 1] = n;
  return { fitted, starts };
}

/** A monotone map of confidence to probability correct: knots (x increasing, y non-decreasing), linear between. */
export interface IsotonicMap {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Pairs the map was fitted on. */
  readonly n: number;
}

/** Fits the calibration map of the file comment on pairs (confidence, correct); `shrinkage` m ≥ 0 (default 2). */
export function fitIsotonicCalibration(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  shrinkage = 2,
  minBlock?: number,
): IsotonicMap {
  const n = confidence.length;
  if (correct.length !== n) throw new RangeError('confidence and correct must have the same length');
  if (n === 0) throw new RangeError('a calibration map needs at least one pair');
  if (!(shrinkage >= 0)) throw new RangeError('shrinkage must be ≥ 0');
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => confidence[a]! - confidence[b]!);
  // Ties in confidence are one point: PAV on distinct confidences, weighted by their counts.
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const j of order) {
    const c = confidence[j]!;
    if (!(c >= 0 && c <= 1)) throw new RangeError(`confidence[${j}] = ${c} is not in [0, 1]`);
    const r = correct[j] ? 1 : 0;
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === c) {
      ys[last] = (ys[last]! * ws[last]! + r) / (ws[last]! + 1);
      ws[last]!++;
    } else {
      xs.push(c);
      ys.push(r);
      ws.push(1);
    }
  }
  const first = mergeSmallBlocks(poolAdjacentViolators(ys, ws), ys, ws, minBlock ?? minBlockWeight(n));
  const B = first.starts.length - 1;
  const bx = new Float64Array(B);
  const by = new Float64Array(B);
  const bw = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let nb = 0;
    let sx = 0;
    let sy = 0;
    for (let j = first.starts[b]!; j < first.starts[b + 1]!; j++) {
      nb += ws[j]!;
      sx += xs[j]! * ws[j]!;
      sy += ys[j]! * ws[j]!;
    }
    bx[b] = sx / nb;
    by[b] = (sy + shrinkage * bx[b]!) / (nb + shrinkage);
    bw[b] = nb + shrinkage;
  }
  const second = poolAdjacentViolators(by, bw);
  // Merged blocks share one value; keep one knot per final block at its weighted mean confidence.
  const x: number[] = [];
  const y: number[] = [];
  for (let c = 0; c + 1 < second.starts.length; c++) {
    let sw = 0;
    let sx = 0;
    for (let b = second.starts[c]!; b < second.starts[c + 1]!; b++) {
      sw += bw[b]!;
      sx += bx[b]! * bw[b]!;
    }
    x.push(sx / sw);
    y.push(second.fitted[second.starts[c]!]!);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y), n };
}

/** The map's value at confidence c: linear between knots, constant beyond the ends. */
export function applyIsotonic(map: IsotonicMap, c: number): number {
  const { x, y } = map;
  const m = x.length;
  if (c <= x[0]!) return y[0]!;
  if (c >= x[m - 1]!) return y[m - 1]!;
  let lo = 0;
  let hi = m - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= c) lo = mid;
    else hi = mid;
  }
  const t = (c - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}


/**
 * Least weight of a block of the map fitted on n pairs: 4·√n (40 pairs of 100, 160 of 1,600), so that no block's
 * accuracy rests on a handful of answers; chosen on the public data sets (BENCHMARKS.md "Calibrated confidence").
 */
export const minBlockWeight = (n: number): number => Math.max(1, Math.ceil(4 * Math.sqrt(n)));

/**
 * Merges PAV blocks holding less than `min` weight with the adjacent block of nearer value until none is left (the
 * merged value lies between the two, so the sequence stays non-decreasing).
 */
function mergeSmallBlocks(r: PavResult, ys: readonly number[], ws: readonly number[], min: number): PavResult {
  const starts = Array.from(r.starts);
  const val: number[] = [];
  const wt: number[] = [];
  for (let b = 0; b + 1 < starts.length; b++) {
    let sw = 0;
    let sy = 0;
    for (let j = starts[b]!; j < starts[b + 1]!; j++) {
      sw += ws[j]!;
      sy += ys[j]! * ws[j]!;
    }
    wt.push(sw);
    val.push(sy / sw);
  }
  for (;;) {
    if (val.length <= 1) break;
    let b = -1;
    for (let c = 0; c < val.length; c++) if (wt[c]! < min && (b < 0 || wt[c]! < wt[b]!)) b = c;
    if (b < 0) break;
    const left = b > 0 ? Math.abs(val[b]! - val[b - 1]!) : Infinity;
    const right = b + 1 < val.length ? Math.abs(val[b + 1]! - val[b]!) : Infinity;
    const a = left <= right ? b - 1 : b;
    const w = wt[a]! + wt[a + 1]!;
    val[a] = (val[a]! * wt[a]! + val[a + 1]! * wt[a + 1]!) / w;
    wt[a] = w;
    val.splice(a + 1, 1);
    wt.splice(a + 1, 1);
    starts.splice(a + 1, 1);
  }
  const fitted = new Float64Array(ys.length);
  for (let b = 0; b + 1 < starts.length; b++) fitted.fill(val[b]!, starts[b]!, starts[b + 1]!);
  return { fitted, starts: Int32Array.from(starts) };
}


/** Shrinkage values tried by `fitIsotonicCalibrationCV` (1e9: each block at its own mean confidence). */
export const SHRINKAGE_CANDIDATES = [0, 2, 5, 10, 20, 50, 100, 1e9] as const;

/**
 * The isotonic calibration map with its shrinkage chosen by K-fold cross-validation of the log-loss over the pairs
 * (seeded split), then refitted on all pairs.
 */
export function fitIsotonicCalibrationCV(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  opts: { folds?: number; seed?: number; candidates?: readonly number[] } = {},
): IsotonicMap & { readonly shrinkage: number } {
  const n = confidence.length;
  const cands = opts.candidates ?? SHRINKAGE_CANDIDATES;
  const F = Math.min(opts.folds ?? 5, n);
  const minBlock = minBlockWeight(n);
  if (F < 2) return { ...fitIsotonicCalibration(confidence, correct, cands[cands.length - 1], minBlock), shrinkage: cands[cands.length - 1]! };
  // Fold q % F for the q-th pair after a seeded shuffle.
  const perm = Array.from({ length: n }, (_, j) => j);
  const rng = createRng(opts.seed ?? 1);
  for (let j = n - 1; j > 0; j--) {
    const r = rng.nextInt(j + 1);
    [perm[j], perm[r]] = [perm[r]!, perm[j]!];
  }
  const fold = new Int32Array(n);
  perm.forEach((j, q) => (fold[j] = q % F));
  const loss = new Float64Array(cands.length);
  for (let f = 0; f < F; f++) {
    const trainC: number[] = [];
    const trainY: number[] = [];
    for (let j = 0; j < n; j++) if (fold[j] !== f) {
      trainC.push(confidence[j]!);
      trainY.push(correct[j] ? 1 : 0);
    }
    cands.forEach((m, c) => {
      const map = fitIsotonicCalibration(trainC, trainY, m, minBlock);
      for (let j = 0; j < n; j++) {
        if (fold[j] !== f) continue;
        const p = Math.min(1 - 1e-4, Math.max(1e-4, applyIsotonic(map, confidence[j]!)));
        loss[c]! -= correct[j] ? Math.log(p) : Math.log(1 - p);
      }
    });
  }
  let best = 0;
  for (let c = 1; c < cands.length; c++) if (loss[c]! < loss[best]!) best = c;
  return { ...fitIsotonicCalibration(confidence, correct, cands[best], minBlock), shrinkage: cands[best]! };
}

