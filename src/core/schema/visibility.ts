/**
 * Conditional visibility. A condition refers only to an earlier question, so walking the questions in order
 * and recording each accepted answer decides every question's visibility in one pass.
 */
import { show } from './messages.js';
import type { AnswerSet, Question, VisibleWhen } from './types.js';

/**
 * Whether `question` is shown, given the accepted answers of the questions before it. A question whose target
 * is unanswered or hidden is hidden too, so hiding cascades down a chain of conditions.
 */
export function isVisible(question: Question, earlierAnswers: AnswerSet): boolean {
  const condition = question.visibleWhen;
  if (condition === undefined) return true;
  if (!Object.hasOwn(earlierAnswers, condition.question)) return false;
  const answer = earlierAnswers[condition.question];
  const wanted = condition.in ?? (condition.equals === undefined ? [] : [condition.equals]);
  // multi_label answers are arrays: the condition holds when any selected value is wanted.
  const given: unknown[] = Array.isArray(answer) ? answer : [answer];
  return given.some((value) => (wanted as unknown[]).includes(value));
}

/** `"sentiment" is "negative"` / `"quality" is one of 1, 2`: for messages about hidden questions. */
export function describeCondition(condition: VisibleWhen): string {
  if (condition.in !== undefined) return `"${condition.question}" is one of ${condition.in.map(show).join(', ')}`;
  return `"${condition.question}" is ${show(condition.equals)}`;
}
