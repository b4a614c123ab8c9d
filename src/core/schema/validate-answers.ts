/**
 * Answer validation at submit: the whole answer set against the schema and the item, in question order so each
 * question's visibility is decided by the answers already accepted before it.
 */
import { invalid } from '../errors.js';
import { checkLabelAnswer, checkMultiLabelAnswer, checkPairwiseAnswer, checkRatingAnswer } from './answer-choices.js';
import type { AnswerContext } from './answer-context.js';
import { checkRankingAnswer } from './answer-ranking.js';
import { checkRubricAnswer } from './answer-rubric.js';
import { checkSpanAnswer } from './answer-span.js';
import { checkConversationAnswer, checkTextAnswer } from './answer-writing.js';
import { isPlainObject } from './field-path.js';
import { listValues, questionError, show } from './messages.js';
import type { AnswerByType, AnswerSet, ItemData, Question, TaskSchema } from './types.js';
import { validateItem } from './validate-item.js';
import { describeCondition, isVisible } from './visibility.js';

/**
 * Checks a submitted answer set for one item and returns a normalised copy: only answered questions, multi_label
 * values in option order, spans sorted by start and end, rubric scores in criteria order. Text is kept as
 * written. `null`, a missing key and (for `text`) a blank string all mean "not answered".
 *
 * Throws `invalid` with `field` `answers.<id>` (or deeper, e.g. `answers.entities[2].end`) when the answers are
 * not an object, name an unknown question, leave a required visible question unanswered, answer a hidden
 * question, or give a value of the wrong type or range; and with `field` `data.<path>` when the item itself
 * lacks a field the schema reads.
 */
export function validateAnswers(schema: TaskSchema, data: ItemData, answers: unknown): AnswerSet {
  if (!isPlainObject(answers)) {
    throw invalid(`Answers must be an object keyed by question id; got ${show(answers)}`, 'answers');
  }
  validateItem(schema, data);
  const known = new Set(schema.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) throw invalid(`Unknown question "${id}"; the schema has ${listValues([...known])}`, `answers.${id}`);
  }

  const accepted: AnswerSet = {};
  for (const question of schema.questions) {
    // Own keys only: `constructor` is a valid slug, and every object inherits one.
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const field = `answers.${question.id}`;
    const given = isAnswerGiven(question, value);
    if (!isVisible(question, accepted)) {
      if (given) {
        const condition = question.visibleWhen ? ` (it is shown only when ${describeCondition(question.visibleWhen)})` : '';
        throw questionError(question, `is hidden and must not be answered${condition}`, field);
      }
      continue;
    }
    if (!given) {
      if (question.required) throw questionError(question, 'is required; no answer given', field);
      continue;
    }
    accepted[question.id] = checkAnswer(question, value, { data, path: ['answers', question.id] });
  }
  return accepted;
}

/** Whether `value` counts as an answer at all; a blank text box is the same as no answer. */
export function isAnswerGiven(question: Question, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return !(question.type === 'text' && typeof value === 'string' && value.trim() === '');
}

/** Checks one given answer of `question` and returns its normalised form. */
export function checkAnswer<Q extends Question>(question: Q, value: unknown, context: AnswerContext): AnswerByType[Q['type']];
export function checkAnswer(question: Question, value: unknown, context: AnswerContext): unknown {
  switch (question.type) {
    case 'label':
      return checkLabelAnswer(question, value, context);
    case 'multi_label':
      return checkMultiLabelAnswer(question, value, context);
    case 'span':
      return checkSpanAnswer(question, value, context);
    case 'rating':
      return checkRatingAnswer(question, value, context);
    case 'pairwise':
      return checkPairwiseAnswer(question, value, context);
    case 'ranking':
      return checkRankingAnswer(question, value, context);
    case 'rubric':
      return checkRubricAnswer(question, value, context);
    case 'text':
      return checkTextAnswer(question, value, context);
    case 'conversation':
      return checkConversationAnswer(question, value, context);
  }
}
