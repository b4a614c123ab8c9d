/**
 * Expected calibration error (ECE) of confidence scores against outcomes.
 *
 * With predictions binned by confidence into B equal-width bins on [0, 1] (the last bin closed), and in bin b the
 * n_b predictions having mean confidence conf_b and observed accuracy acc_b,
 *   ECE = Σ_b (n_b / n) · |acc_b − conf_b|.
 * Naeini, Cooper & Hauskrecht, "Obtaining Well Calibrated Probabilities Using Bayesian Binning", AAAI 2015
 * (doi:10.1609/aaai.v29i1.9602); Guo, Pleiss, Sun & Weinberger, ICML 2017 (arXiv:1706.04599). Cost O(n + B).
 * The figure depends on B; report it with the binning, as the result does.
 */

/** One confidence bin. */
export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  /** Predictions in the bin. */
  readonly n: number;
  /** Mean confidence in the bin (NaN when empty). */
  readonly confidence: number;
  /** Fraction correct in the bin (NaN when empty). */
  readonly accuracy: number;
}

export interface CalibrationResult {
  /** Expected calibration error, in [0, 1] (NaN when n is 0). */
  readonly ece: number;
  /** Largest |accuracy − confidence| over non-empty bins (maximum calibration error). */
  readonly mce: number;
  /** Number of predictions. */
  readonly n: number;
  readonly bins: readonly CalibrationBin[];
}

/**
 * ECE of `confidence[i]` (probability assigned to the predicted answer) against `correct[i]` (1 when the prediction
 * was right), with `nBins` equal-width bins (default 10).
 */
export function expectedCalibrationError(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  nBins = 10,
): CalibrationResult {
  const n = confidence.length;
  if (correct.length !== n) throw new RangeError('confidence and correct must have the same length');
  if (!(Number.isInteger(nBins) && nBins >= 1)) throw new RangeError(`nBins must be a positive integer, got ${nBins}`);
  const count = new Float64Array(nBins);
  const sumConf = new Float64Array(nBins);
  const sumCorrect = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const c = confidence[i]!;
    if (!(c >= 0 && c <= 1)) throw new RangeError(`confidence[${i}] = ${c} is not in [0, 1]`);
    const b = Math.min(nBins - 1, Math.floor(c * nBins));
    count[b]!++;
    sumConf[b]! += c;
    sumCorrect[b]! += correct[i] ? 1 : 0;
  }
  let ece = 0;
  let mce = 0;
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < nBins; b++) {
    const nb = count[b]!;
    const conf = nb > 0 ? sumConf[b]! / nb : NaN;
    const acc = nb > 0 ? sumCorrect[b]! / nb : NaN;
    if (nb > 0) {
      const gap = Math.abs(acc - conf);
      ece += (nb / n) * gap;
      mce = Math.max(mce, gap);
    }
    bins.push({ lower: b / nBins, upper: (b + 1) / nBins, n: nb, confidence: conf, accuracy: acc });
  }
  return { ece: n > 0 ? ece : NaN, mce: n > 0 ? mce : NaN, n, bins };
}
