/**
 * `rating`, `pairwise` and `rubric` questions: numbers on an integer scale.
 *
 * Estimate. The Gaussian-annotator model of `quality/aggregate/numeric.ts` (per-annotator bias and noise) once a
 * question has enough data to identify them (`GAUSSIAN_MIN_JUDGMENTS` judgments, `GAUSSIAN_MIN_SHARED_ITEMS` items
 * with two or more); before that, the plain mean per item (method `mean`). Rubric criteria always use the mean.
 *
 * Standard error. The Gaussian model gives its own, (Σ_j 1/σ_j²)^(-½). For the mean it is s/√n_i, with s² the
 * pooled within-item variance of the question, Σ_i Σ_j (x_ij − x̄_i)² over Σ_i (n_i − 1) degrees of freedom, plus
 * a weak prior of `PRIOR_DF` degrees of freedom at one scale step, so one judgment, or a few identical ones, never
 * claims certainty.
 *
 * Confidence, under a normal posterior N(estimate, SE²) for the true value μ:
 * - rating and rubric criteria: P(|μ − estimate| < step/2) = 2Φ(step / (2 SE)) − 1, the probability that μ rounds
 *   to the same scale point as the estimate; a rubric's confidence is its weakest criterion's;
 * - pairwise: the probability that the preferred side is right, Φ(|m| / SE), or, when the strength m rounds to a tie,
 *   P(|μ| < ½) = Φ((½ − m) / SE) − Φ((−½ − m) / SE).
 */
import { rubricWeightedScore, type PairwiseQuestion, type RatingQuestion, type RubricQuestion } from '../../core/schema/index.js';
import { isOnScale } from '../../core/schema/scale.js';
import { gaussianAnnotators, meanAggregate, type NumericObservations } from '../../quality/aggregate/numeric.js';
import { normalCdf } from '../../quality/stats/special.js';
import type { QuestionAggregate } from './result-types.js';
import type { AggregationMethod } from '../../core/result.js';

export const GAUSSIAN_MIN_JUDGMENTS = 50;
export const GAUSSIAN_MIN_SHARED_ITEMS = 10;
/** Pseudo degrees of freedom of the prior on the within-item variance (centred on one scale step). */
export const PRIOR_DF = 2;

interface NumericJudgment {
  itemId: string;
  annotatorId: string;
  value: number;
}

export interface NumericEstimate {
  method: AggregationMethod;
  estimate: number;
  standardError: number;
  n: number;
}

/** Estimates per item with standard errors; `allowModel` false forces the mean. */
export function estimateNumeric(judgments: readonly NumericJudgment[], step: number, allowModel = true): Map<string, NumericEstimate> {
  const items = new Map<string, number>();
  const workers = new Map<string, number>();
  const n = judgments.length;
  const obs: NumericObservations = {
    item: new Int32Array(n),
    worker: new Int32Array(n),
    value: new Float64Array(n),
    nItems: 0,
    nWorkers: 0,
  };
  judgments.forEach((j, o) => {
    let i = items.get(j.itemId);
    if (i === undefined) items.set(j.itemId, (i = items.size));
    let w = workers.get(j.annotatorId);
    if (w === undefined) workers.set(j.annotatorId, (w = workers.size));
    obs.item[o] = i;
    obs.worker[o] = w;
    obs.value[o] = j.value;
  });
  const sized = { ...obs, nItems: items.size, nWorkers: workers.size };
  const mean = meanAggregate(sized);
  const shared = mean.itemCount.filter((c) => c >= 2).length;
  const out = new Map<string, NumericEstimate>();
  const ids = [...items.keys()];
  if (allowModel && n >= GAUSSIAN_MIN_JUDGMENTS && shared >= GAUSSIAN_MIN_SHARED_ITEMS) {
    const g = gaussianAnnotators(sized);
    ids.forEach((id, i) => out.set(id, { method: 'gaussian_annotators', estimate: g.estimate[i]!, standardError: g.standardError[i]!, n: g.itemCount[i]! }));
    return out;
  }
  let ss = 0;
  for (let o = 0; o < n; o++) ss += (obs.value[o]! - mean.estimate[obs.item[o]!]!) ** 2;
  const df = n - sized.nItems;
  const s = Math.sqrt((ss + PRIOR_DF * step * step) / (df + PRIOR_DF));
  ids.forEach((id, i) => {
    const c = mean.itemCount[i]!;
    out.set(id, { method: 'mean', estimate: mean.estimate[i]!, standardError: s / Math.sqrt(c), n: c });
  });
  return out;
}

/** P(|μ − estimate| < halfWidth) for μ ~ N(estimate, se²). */
export function withinProbability(halfWidth: number, se: number): number {
  if (!(se > 0)) return 1;
  return 2 * normalCdf(halfWidth / se) - 1;
}

type Answer = { itemId: string; annotatorId: string; value: unknown };

export function aggregateRating(q: RatingQuestion, answers: readonly Answer[]): Map<string, QuestionAggregate> {
  const judgments = answers.filter((a) => isOnScale(a.value, q.min, q.max, q.step)) as NumericJudgment[];
  const out = new Map<string, QuestionAggregate>();
  for (const [itemId, e] of estimateNumeric(judgments, q.step)) {
    out.set(itemId, {
      questionId: q.id,
      type: 'rating',
      method: e.method,
      n: e.n,
      answer: e.estimate,
      confidence: withinProbability(q.step / 2, e.standardError),
      standardError: e.standardError,
    });
  }
  return out;
}

export function aggregatePairwise(q: PairwiseQuestion, answers: readonly Answer[]): Map<string, QuestionAggregate> {
  const judgments = answers.filter((a) => isOnScale(a.value, q.scale.min, q.scale.max)) as NumericJudgment[];
  const out = new Map<string, QuestionAggregate>();
  for (const [itemId, e] of estimateNumeric(judgments, 1)) {
    const m = e.estimate;
    const se = e.standardError;
    const tie = Math.abs(m) < 0.5;
    const confidence = !(se > 0)
      ? 1
      : tie
        ? normalCdf((0.5 - m) / se) - normalCdf((-0.5 - m) / se)
        : normalCdf(Math.abs(m) / se);
    out.set(itemId, {
      questionId: q.id,
      type: 'pairwise',
      method: e.method,
      n: e.n,
      answer: { prefers: tie ? 'tie' : m < 0 ? 'left' : 'right', strength: m },
      confidence,
      standardError: se,
    });
  }
  return out;
}

export function aggregateRubric(q: RubricQuestion, answers: readonly Answer[]): Map<string, QuestionAggregate> {
  const valid = answers.filter((a) => {
    const scores = (a.value as { scores?: unknown } | null)?.scores;
    if (scores === null || typeof scores !== 'object') return false;
    return q.criteria.every((c) => isOnScale((scores as Record<string, unknown>)[c.id], c.min, c.max));
  }) as { itemId: string; annotatorId: string; value: { scores: Record<string, number> } }[];
  const perCriterion = q.criteria.map((c) =>
    estimateNumeric(valid.map((a) => ({ itemId: a.itemId, annotatorId: a.annotatorId, value: a.value.scores[c.id]! })), 1, false),
  );
  const out = new Map<string, QuestionAggregate>();
  for (const [itemId, first] of perCriterion[0] ?? new Map<string, NumericEstimate>()) {
    const scores: Record<string, number> = {};
    let confidence = 1;
    q.criteria.forEach((c, k) => {
      const e = perCriterion[k]!.get(itemId)!;
      scores[c.id] = e.estimate;
      confidence = Math.min(confidence, withinProbability(0.5, e.standardError));
    });
    out.set(itemId, {
      questionId: q.id,
      type: 'rubric',
      method: 'mean_per_criterion',
      n: first.n,
      answer: { scores, weightedScore: rubricWeightedScore(q, { scores }) },
      confidence,
    });
  }
  return out;
}
