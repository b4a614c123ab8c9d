/** Rubric answers: a score for every criterion and, when the question allows, a comment per criterion. */
import { answerError, findUnknownKey } from './answer-context.js';
import type { AnswerContext } from './answer-context.js';
import { isPlainObject } from './field-path.js';
import { show } from './messages.js';
import type { RubricAnswer, RubricQuestion } from './types.js';

/** Longest comment kept per criterion; rubric comments explain a score, they are not demonstrations. */
export const MAX_RUBRIC_COMMENT_LENGTH = 5000;

/** Returns scores (and non-blank comments) in criteria order; comments are omitted when none is written. */
export function checkRubricAnswer(question: RubricQuestion, value: unknown, context: AnswerContext): RubricAnswer {
  const fail = (rule: string, ...at: (string | number)[]) => answerError(question, context, rule, ...at);
  if (!isPlainObject(value)) throw fail(`answer must be an object {scores, comments?}; got ${show(value)}`);
  const unknown = findUnknownKey(value, ['scores', 'comments']);
  if (unknown !== undefined) throw fail(`answer has unknown property "${unknown}"`, unknown);
  const { scores, comments } = value;
  if (!isPlainObject(scores)) throw fail(`answer.scores must be an object with a score per criterion; got ${show(scores)}`, 'scores');
  const ids = question.criteria.map((c) => c.id);
  const stray = findUnknownKey(scores, ids);
  if (stray !== undefined) throw fail(`answer.scores has unknown criterion "${stray}"`, 'scores', stray);

  const out: RubricAnswer = { scores: {} };
  for (const criterion of question.criteria) {
    if (!Object.hasOwn(scores, criterion.id)) throw fail(`criterion "${criterion.id}" is not scored`, 'scores', criterion.id);
    const score = scores[criterion.id];
    if (!Number.isInteger(score) || (score as number) < criterion.min || (score as number) > criterion.max) {
      throw fail(
        `answer.scores.${criterion.id} must be an integer from ${criterion.min} to ${criterion.max}; got ${show(score)}`,
        'scores',
        criterion.id,
      );
    }
    out.scores[criterion.id] = score as number;
  }

  if (comments === undefined || comments === null) return out;
  if (!question.comments) throw fail('comments are not enabled for this question', 'comments');
  if (!isPlainObject(comments)) throw fail(`answer.comments must be an object keyed by criterion id; got ${show(comments)}`, 'comments');
  const strayComment = findUnknownKey(comments, ids);
  if (strayComment !== undefined) throw fail(`answer.comments has unknown criterion "${strayComment}"`, 'comments', strayComment);
  const kept: Record<string, string> = {};
  for (const id of ids) {
    const comment = Object.hasOwn(comments, id) ? comments[id] : undefined;
    if (comment === undefined || comment === null) continue;
    if (typeof comment !== 'string') throw fail(`answer.comments.${id} must be a string; got ${show(comment)}`, 'comments', id);
    if (comment.trim() === '') continue;
    if (comment.length > MAX_RUBRIC_COMMENT_LENGTH) {
      throw fail(`answer.comments.${id} must have at most ${MAX_RUBRIC_COMMENT_LENGTH} characters; got ${comment.length}`, 'comments', id);
    }
    kept[id] = comment;
  }
  if (Object.keys(kept).length > 0) out.comments = kept;
  return out;
}
