/** Ranking answers: a permutation of the item's candidate indices, best first. */
import { answerError } from './answer-context.js';
import type { AnswerContext } from './answer-context.js';
import { readFieldPath } from './field-path.js';
import { show } from './messages.js';
import type { RankingQuestion } from './types.js';

/**
 * Every candidate must be placed exactly once: a partial ranking would silently mean "the rest tie last",
 * which pairwise-comparison models (Bradley-Terry) would then read as real preferences.
 */
export function checkRankingAnswer(question: RankingQuestion, value: unknown, context: AnswerContext): number[] {
  const lookup = readFieldPath(context.data, question.field);
  const count = lookup.found && Array.isArray(lookup.value) ? lookup.value.length : 0;
  const shape = `an array ranking all ${count} candidates of "${question.field}" by index (each of 0..${count - 1} once, best first)`;
  if (!Array.isArray(value)) throw answerError(question, context, `answer must be ${shape}; got ${show(value)}`);
  if (value.length !== count) {
    throw answerError(question, context, `answer must be ${shape}; got ${value.length} entries`);
  }
  const placed = new Map<number, number>();
  for (const [i, index] of value.entries()) {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw answerError(question, context, `answer[${i}] must be a candidate index from 0 to ${count - 1}; got ${show(index)}`, i);
    }
    const earlier = placed.get(index);
    if (earlier !== undefined) {
      throw answerError(question, context, `answer[${i}] places candidate ${index} again (already at answer[${earlier}])`, i);
    }
    placed.set(index, i);
  }
  return [...(value as number[])];
}
