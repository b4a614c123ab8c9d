/** One number per rubric answer, for sorting, thresholds and reward-model export. */
import { invalid } from '../errors.js';
import type { RubricAnswer, RubricQuestion } from './types.js';

/**
 * The weighted mean of the criterion scores, each first rescaled to 0..1 by its own range:
 * `Σ wᵢ · (sᵢ − minᵢ) / (maxᵢ − minᵢ) / Σ wᵢ`. Rescaling first lets a 1..5 and a 0..10 criterion count by
 * weight alone, not by the width of their scales. Expects an answer accepted by `validateAnswers`; throws
 * `invalid` if a criterion is unscored or out of range.
 */
export function rubricWeightedScore(question: RubricQuestion, answer: RubricAnswer): number {
  let weighted = 0;
  let totalWeight = 0;
  for (const criterion of question.criteria) {
    const score = Object.hasOwn(answer.scores, criterion.id) ? answer.scores[criterion.id] : undefined;
    if (score === undefined || !Number.isFinite(score) || score < criterion.min || score > criterion.max) {
      throw invalid(
        `Question "${question.id}" (rubric): criterion "${criterion.id}" needs a score ` +
          `from ${criterion.min} to ${criterion.max}; got ${String(score)}`,
        `answers.${question.id}.scores.${criterion.id}`,
      );
    }
    weighted += (criterion.weight * (score - criterion.min)) / (criterion.max - criterion.min);
    totalWeight += criterion.weight;
  }
  return weighted / totalWeight;
}
