/** Answer checks for the question types whose answer is picked from a closed set: label, multi_label, rating, pairwise. */
import { answerError } from './answer-context.js';
import type { AnswerContext } from './answer-context.js';
import { listValues, show } from './messages.js';
import { isOnScale, ratingPoints } from './scale.js';
import type { LabelQuestion, MultiLabelQuestion, PairwiseQuestion, RatingQuestion } from './types.js';

export function checkLabelAnswer(question: LabelQuestion, value: unknown, context: AnswerContext): string {
  if (typeof value !== 'string' || !question.options.some((o) => o.value === value)) {
    throw answerError(question, context, `answer must be one of ${listValues(question.options.map((o) => o.value))}; got ${show(value)}`);
  }
  return value;
}

/** Returns the selected values in option order, so equal selections compare and export equal. */
export function checkMultiLabelAnswer(question: MultiLabelQuestion, value: unknown, context: AnswerContext): string[] {
  if (!Array.isArray(value)) throw answerError(question, context, `answer must be an array of option values; got ${show(value)}`);
  const order = new Map(question.options.map((o, i) => [o.value, i]));
  const seen = new Set<string>();
  for (const [i, selected] of value.entries()) {
    if (typeof selected !== 'string' || !order.has(selected)) {
      throw answerError(question, context, `answer[${i}] ${show(selected)} is not an option (${listValues([...order.keys()])})`, i);
    }
    if (seen.has(selected)) throw answerError(question, context, `answer[${i}] selects ${show(selected)} twice`, i);
    seen.add(selected);
  }
  if (seen.size < question.minSelected) {
    throw answerError(question, context, `select at least ${question.minSelected} option(s); got ${seen.size}`);
  }
  if (seen.size > question.maxSelected) {
    throw answerError(question, context, `select at most ${question.maxSelected} option(s); got ${seen.size}`);
  }
  return [...seen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

export function checkRatingAnswer(question: RatingQuestion, value: unknown, context: AnswerContext): number {
  if (!isOnScale(value, question.min, question.max, question.step)) {
    const range =
      question.step === 1
        ? `an integer from ${question.min} to ${question.max}`
        : `one of ${listValues(ratingPoints(question))}`;
    throw answerError(question, context, `answer must be ${range}; got ${show(value)}`);
  }
  return value;
}

export function checkPairwiseAnswer(question: PairwiseQuestion, value: unknown, context: AnswerContext): number {
  const { min, max } = question.scale;
  if (!isOnScale(value, min, max)) {
    throw answerError(
      question,
      context,
      `answer must be an integer from ${min} (left better) to ${max} (right better); got ${show(value)}`,
    );
  }
  if (value === 0 && !question.allowTie) {
    throw answerError(question, context, 'answer 0 (a tie) is not allowed; choose the better side');
  }
  return value;
}
