/** Pairwise comparisons: worker `worker[c]` compared `left[c]` with `right[c]`; `outcome[c]` is 1 when left won,
 * 0 when right won and 0.5 for a tie. */
export interface PairwiseObservations {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly outcome: Float64Array;
  readonly worker: Int32Array;
  readonly nObjects: number;
  readonly nWorkers: number;
}

/** Scores on the log-strength scale with their standard errors, and the ranking they imply. */
export interface PairwiseResult {
  readonly method: string;
  /** θ_i = log π_i, centred to mean 0 over the objects (or anchored by the prior, see the model). */
  readonly score: Float64Array;
  /** Standard error of each θ_i from the inverse Fisher information (NaN when not computed). */
  readonly standardError: Float64Array;
  /** Object indices from best to worst (ties in score keep index order). */
  readonly ranking: Int32Array;
  /** Comparisons each object took part in. */
  readonly comparisons: Int32Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly lossHistory: readonly number[];
}

export function checkPairwise(obs: PairwiseObservations): void {
  const n = obs.left.length;
  if (obs.right.length !== n || obs.outcome.length !== n || obs.worker.length !== n) {
    throw new RangeError('left, right, outcome and worker must have the same length');
  }
  for (let c = 0; c < n; c++) {
    const a = obs.left[c]!;
    const b = obs.right[c]!;
    if (a < 0 || a >= obs.nObjects || b < 0 || b >= obs.nObjects) throw new RangeError(`comparison ${c}: object out of range`);
    if (a === b) throw new RangeError(`comparison ${c}: an object compared with itself`);
    const y = obs.outcome[c]!;
    if (y !== 0 && y !== 0.5 && y !== 1) throw new RangeError(`comparison ${c}: outcome must be 0, 0.5 or 1`);
    if (obs.worker[c]! < 0 || obs.worker[c]! >= obs.nWorkers) throw new RangeError(`comparison ${c}: worker out of range`);
  }
}

export function rankingOf(score: Float64Array): Int32Array {
  return Int32Array.from(Array.from(score.keys()).sort((a, b) => score[b]! - score[a]! || a - b));
}
